#pragma once

#include "core/model/Topology.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace pgha {

// Something the loader noticed that does not stop it (an unknown key, say).
struct LoadWarning
{
    QString file;
    int line = 0;
    int column = 0;
    QString field;
    QString message;
    QString toString() const;
};

// Where a field's value (or, for a map of names such as parameters, its key) stands in the file.
struct FieldPosition
{
    int line = 0;
    int column = 0;
};

struct LoadedProject
{
    Topology topology;
    QList<LoadWarning> warnings;
    // Field name as in messages ("cluster.postgres.data_dir", "hosts[2].ssh.user") -> position, for every value
    // read; the CLI names file:line:column for a finding's Finding::field with it.
    QHash<QString, FieldPosition> positions;
};

namespace ProjectFile {

// Reads a *.pgha.yaml project. Wrong types or values are errors with file, line, column and field;
// unknown keys are warnings. The text must pass YamlGuard::check (one document, no aliases, no duplicate keys,
// bounded size and nesting); load() reads at most YamlGuard::kMaxBytes, from files, devices and pipes alike. sourceName names the input in messages (a path, or ":/templates/...").
Result<LoadedProject> parse(const QByteArray &yaml, const QString &sourceName);
Result<LoadedProject> load(const QString &path);

// The YAML text of a topology; parse(serialize(t)) gives t back (uids aside).
QByteArray serialize(const Topology &topology);
// Writes atomically (QSaveFile): the old file stays whole if anything fails.
Result<void> save(const Topology &topology, const QString &path);

// The embedded reference template (resources/templates/percona-reference.pgha.yaml) and the others.
struct TemplateInfo
{
    QString id;       // "reference", "dedicated-etcd", "five-nodes", "empty"
    QString title;
    QString resource; // ":/templates/....pgha.yaml"
};
QList<TemplateInfo> templates();
Result<LoadedProject> loadTemplate(const QString &id);
Topology referenceTopology();

} // namespace ProjectFile
} // namespace pgha
