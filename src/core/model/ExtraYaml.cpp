#include "core/model/ExtraYaml.h"

#include "core/model/ExtraGrammar.h"
#include "core/model/Topology.h"

namespace pgha::ExtraYaml {

namespace {

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

std::optional<Problem> checkNode(const YAML::Node &n, const QString &path, int depth)
{
    if (depth > kMaxDepth)
        return Problem{n, path, QStringLiteral("nested deeper than %1 levels").arg(kMaxDepth)};
    const std::string tag = n.Tag();
    if (!tag.empty() && tag != "?" && tag != "!")
        return Problem{n, path, QStringLiteral("YAML tags (%1) are refused").arg(QString::fromStdString(tag))};
    switch (n.Type()) {
    case YAML::NodeType::Map:
        for (auto it = n.begin(); it != n.end(); ++it) {
            if (!it->first.IsScalar())
                return Problem{it->first, path, QStringLiteral("a key must be text")};
            const QString key = QString::fromStdString(it->first.Scalar());
            if (const QString p = ExtraGrammar::patroniKeyProblem(key); !p.isEmpty())
                return Problem{it->first, join(path, key), p};
            if (std::optional<Problem> p = checkNode(it->second, join(path, key), depth + 1))
                return p;
        }
        return std::nullopt;
    case YAML::NodeType::Sequence:
        for (std::size_t i = 0; i < n.size(); ++i) {
            if (std::optional<Problem> p = checkNode(n[i], path + QStringLiteral("[%1]").arg(i), depth + 1))
                return p;
        }
        return std::nullopt;
    case YAML::NodeType::Scalar:
        if (const QString p = ExtraGrammar::patroniScalarProblem(QString::fromStdString(n.Scalar())); !p.isEmpty())
            return Problem{n, path, p};
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

void leaves(const YAML::Node &n, const QString &path, QStringList *out)
{
    if (n.IsMap() && n.size() > 0) {
        for (auto it = n.begin(); it != n.end(); ++it)
            leaves(it->second, join(path, QString::fromStdString(it->first.Scalar())), out);
        return;
    }
    *out << path;
}

} // namespace

std::optional<Problem> check(const YAML::Node &map)
{
    if (map.IsNull())
        return std::nullopt;
    if (!map.IsMap())
        return Problem{map, QString(), QStringLiteral("expected a mapping (key: value pairs)")};
    return checkNode(map, QString(), 1);
}

void write(YAML::Emitter &y, const YAML::Node &n)
{
    switch (n.Type()) {
    case YAML::NodeType::Map:
        y << YAML::Block << YAML::BeginMap;
        for (auto it = n.begin(); it != n.end(); ++it) {
            y << YAML::Key << it->first.Scalar() << YAML::Value;
            write(y, it->second);
        }
        y << YAML::EndMap;
        break;
    case YAML::NodeType::Sequence:
        y << YAML::Block << YAML::BeginSeq;
        for (std::size_t i = 0; i < n.size(); ++i)
            write(y, n[i]);
        y << YAML::EndSeq;
        break;
    case YAML::NodeType::Scalar:
        if (n.Tag() == "!")
            y << YAML::DoubleQuoted << n.Scalar();
        else
            y << n.Scalar();
        break;
    default:
        y << YAML::Null;
        break;
    }
}

QString canonical(const YAML::Node &map)
{
    if (!map.IsMap() || map.size() == 0)
        return {};
    YAML::Emitter y;
    y.SetIndent(2);
    write(y, map);
    return QString::fromStdString(y.c_str()) + QLatin1Char('\n');
}

YAML::Node parse(const QString &text)
{
    if (text.trimmed().isEmpty())
        return YAML::Node(YAML::NodeType::Null);
    return YAML::Load(text.toStdString());
}

YAML::Node deepMerge(const YAML::Node &base, const YAML::Node &over)
{
    if (!base.IsMap() || !over.IsMap())
        return over.IsDefined() && !over.IsNull() ? YAML::Clone(over) : YAML::Clone(base);
    YAML::Node out = YAML::Clone(base);
    for (auto it = over.begin(); it != over.end(); ++it) {
        const std::string key = it->first.Scalar();
        const YAML::Node existing = out[key];
        out[key] = existing.IsDefined() && !existing.IsNull() ? deepMerge(existing, it->second) : YAML::Clone(it->second);
    }
    return out;
}

QString effectivePatroni(const Cluster &cluster, const Host &host)
{
    if (host.extra.patroni.isEmpty())
        return cluster.extra.patroni;
    if (cluster.extra.patroni.isEmpty())
        return host.extra.patroni;
    try {
        return canonical(deepMerge(parse(cluster.extra.patroni), parse(host.extra.patroni)));
    } catch (const YAML::Exception &) {
        return {};  // the reader only ever stores canonical text; nothing unchecked reaches a file
    }
}

QStringList leafPaths(const YAML::Node &map)
{
    QStringList out;
    if (map.IsMap()) {
        for (auto it = map.begin(); it != map.end(); ++it)
            leaves(it->second, QString::fromStdString(it->first.Scalar()), &out);
    }
    return out;
}

} // namespace pgha::ExtraYaml
