#pragma once

#include "core/model/ExtraSettings.h"

#include <QList>

#include <yaml-cpp/yaml.h>

#include <functional>
#include <optional>

// cluster.extra / hosts[].extra in the project file (docs/project-file.md, "Extra settings"): the reader's and the
// writer's side in one place. ProjectFileReader.cpp and ProjectFileWriter.cpp call these with a few lines each.
namespace pgha {
class ProjectFieldReader;
}

namespace pgha::ExtraSettingsYaml {

struct Issue
{
    YAML::Node at;     // where it stands (Mark())
    QString field;     // "cluster.extra.patroni.log.level", "hosts[1].extra.haproxy.global[0]"
    QString message;
};

// Reads an extra mapping (field names it: "cluster.extra", "hosts[2].extra"). Every value must pass its grammar
// (core/model/ExtraGrammar.h) and no key may name a secret: the first that does not is the returned error.
// Unknown keys are warnings. mark(node, field) records where each value stands.
std::optional<Issue> read(const YAML::Node &node, const QString &field, ExtraSettings *out,
                          const std::function<void(const YAML::Node &, const QString &)> &mark, QList<Issue> *warnings);

// The same inside the project-file reader: the error thrown through r.fail, warnings through r.warn, positions marked.
void read(const ProjectFieldReader &r, const YAML::Node &node, const QString &field, ExtraSettings *out);

// Writes the value of an `extra` key (a block mapping) into the emitter; nothing for empty settings (the caller
// leaves the key out then).
void write(YAML::Emitter &y, const ExtraSettings &extra);

} // namespace pgha::ExtraSettingsYaml
