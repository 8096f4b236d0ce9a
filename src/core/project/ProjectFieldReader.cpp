#include "core/project/ProjectFieldReader.h"

#include <set>
#include <string>

namespace pgha {

ProjectFieldReader::ProjectFieldReader(QString source, QList<LoadWarning> *warnings,
                                       QHash<QString, FieldPosition> *positions)
    : m_source(std::move(source)), m_warnings(warnings), m_positions(positions)
{
}

void ProjectFieldReader::mark(const YAML::Node &node, const QString &field) const
{
    const YAML::Mark m = node.Mark();
    if (!m.is_null())
        m_positions->insert(field, FieldPosition{m.line + 1, m.column + 1});
}

void ProjectFieldReader::fail(const YAML::Node &node, const QString &field, const QString &message) const
{
    const YAML::Mark m = node.Mark();
    Error e;
    e.file = m_source;
    e.line = m.is_null() ? 0 : m.line + 1;
    e.column = m.is_null() ? 0 : m.column + 1;
    e.field = field;
    e.message = message;
    throw ProjectLoadFailure{e};
}

void ProjectFieldReader::warn(const YAML::Node &node, const QString &field, const QString &message) const
{
    const YAML::Mark m = node.Mark();
    m_warnings->append({m_source, m.is_null() ? 0 : m.line + 1, m.is_null() ? 0 : m.column + 1, field,
                        message});
}

void ProjectFieldReader::requireMap(const YAML::Node &node, const QString &field) const
{
    if (!node.IsMap())
        fail(node, field, QStringLiteral("expected a mapping (key: value pairs)"));
}

void ProjectFieldReader::checkKeys(const YAML::Node &map, const QString &field, std::initializer_list<const char *> known) const
{
    std::set<std::string> names;
    for (const char *k : known)
        names.insert(k);
    for (auto it = map.begin(); it != map.end(); ++it) {
        const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
        if (!names.count(key)) {
            const QString k = QString::fromStdString(key);
            warn(it->first, join(field, k),
                 QStringLiteral("unknown key \"%1\" is ignored").arg(k));
        }
    }
}

QString ProjectFieldReader::join(const QString &field, const QString &key)
{
    return field.isEmpty() ? key : field + QLatin1Char('.') + key;
}

QString ProjectFieldReader::str(const YAML::Node &node, const QString &field) const
{
    if (!node.IsScalar())
        fail(node, field, QStringLiteral("expected a text value"));
    mark(node, field);
    return QString::fromStdString(node.Scalar());
}

qint64 ProjectFieldReader::integer(const YAML::Node &node, const QString &field, qint64 min, qint64 max) const
{
    if (!node.IsScalar())
        fail(node, field, QStringLiteral("expected a whole number"));
    mark(node, field);
    bool ok = false;
    const qint64 v = QString::fromStdString(node.Scalar()).toLongLong(&ok);
    if (!ok)
        fail(node, field,
             QStringLiteral("expected a whole number, got \"%1\"").arg(QString::fromStdString(node.Scalar())));
    if (v < min || v > max)
        fail(node, field, QStringLiteral("%1 is out of range (%2 to %3)").arg(v).arg(min).arg(max));
    return v;
}

int ProjectFieldReader::port(const YAML::Node &node, const QString &field) const
{
    return int(integer(node, field, 1, 65535));
}

bool ProjectFieldReader::boolean(const YAML::Node &node, const QString &field) const
{
    if (node.IsScalar()) {
        const QString s = QString::fromStdString(node.Scalar()).toLower();
        if (s == QLatin1String("true") || s == QLatin1String("yes") || s == QLatin1String("on"))
            return true;
        if (s == QLatin1String("false") || s == QLatin1String("no") || s == QLatin1String("off"))
            return false;
    }
    fail(node, field, QStringLiteral("expected true or false"));
}

double ProjectFieldReader::number(const YAML::Node &node, const QString &field) const
{
    if (node.IsScalar()) {
        bool ok = false;
        const double v = QString::fromStdString(node.Scalar()).toDouble(&ok);
        if (ok && qIsFinite(v) && qAbs(v) < 1e9)
            return v;
    }
    fail(node, field, QStringLiteral("expected a number"));
}

} // namespace pgha
