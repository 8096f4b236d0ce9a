#include "core/parse/YamlConfigParser.h"

#include "core/util/YamlGuard.h"

#include <yaml-cpp/yaml.h>

namespace pgha::YamlConfigParser {

namespace {

void flatten(const YAML::Node &node, const QString &key, int keyLine, int keyColumn, QList<ConfigEntry> *out)
{
    ConfigEntry e;
    e.key = key;
    e.line = keyLine;
    e.column = keyColumn;
    e.scalar = !node.IsMap() && !node.IsSequence();
    if (node.IsScalar())
        e.value = QString::fromStdString(node.Scalar());
    if (!key.isEmpty())
        out->append(e);
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString name = QString::fromStdString(it->first.Scalar());
            const YAML::Mark m = it->first.Mark();
            flatten(it->second, key.isEmpty() ? name : key + QLatin1Char('.') + name, m.line + 1, m.column + 1, out);
        }
    } else if (node.IsSequence()) {
        int i = 0;
        for (auto it = node.begin(); it != node.end(); ++it, ++i) {
            const YAML::Mark m = it->Mark();
            flatten(*it, key + QStringLiteral("[%1]").arg(i), m.line + 1, m.column + 1, out);
        }
    }
}

} // namespace

Result<ConfigFile> parse(const QByteArray &text, const QString &path)
{
    if (Result<void> guard = YamlGuard::check(text, path); !guard.ok())
        return guard.error();
    ConfigFile file;
    file.path = path;
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        if (!root.IsMap())
            return Error(QStringLiteral("expected a mapping (key: value pairs) at the top level"), path, 1, 1);
        flatten(root, QString(), 0, 0, &file.entries);
    } catch (const YAML::Exception &e) {
        return Error(QString::fromStdString(e.msg), path, e.mark.is_null() ? 0 : e.mark.line + 1,
                     e.mark.is_null() ? 0 : e.mark.column + 1);
    }
    return file;
}

} // namespace pgha::YamlConfigParser
