#pragma once

// The project file reader's field access (ProjectFileReader.cpp, ClusterReader.cpp): typed values from YAML
// nodes, each failure an Error naming file, line, column and field; unknown keys as warnings; every field's
// position remembered for validation findings. Internal to src/core/project.
#include "core/project/ProjectFile.h"

#include <yaml-cpp/yaml.h>

#include <initializer_list>

namespace pgha {

// Thrown inside the loader only; turned into an Error at its edge (ProjectFile::parse).
struct ProjectLoadFailure
{
    Error error;
};

class ProjectFieldReader
{
public:
    ProjectFieldReader(QString source, QList<LoadWarning> *warnings, QHash<QString, FieldPosition> *positions);

    // Remembers where a field stands, for messages about its value later (validation findings).
    void mark(const YAML::Node &node, const QString &field) const;

    [[noreturn]] void fail(const YAML::Node &node, const QString &field, const QString &message) const;

    void warn(const YAML::Node &node, const QString &field, const QString &message) const;

    void requireMap(const YAML::Node &node, const QString &field) const;

    // Warns about every key of a mapping that is not in `known`.
    void checkKeys(const YAML::Node &map, const QString &field, std::initializer_list<const char *> known) const;

    static QString join(const QString &field, const QString &key);

    QString str(const YAML::Node &node, const QString &field) const;

    qint64 integer(const YAML::Node &node, const QString &field, qint64 min, qint64 max) const;

    int port(const YAML::Node &node, const QString &field) const;

    bool boolean(const YAML::Node &node, const QString &field) const;

    double number(const YAML::Node &node, const QString &field) const;

private:
    QString m_source;
    QList<LoadWarning> *m_warnings;
    QHash<QString, FieldPosition> *m_positions;
};

} // namespace pgha
