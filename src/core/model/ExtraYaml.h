#pragma once

#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <optional>

namespace pgha {

struct Cluster;
struct Host;

// The YAML side of cluster.extra.patroni / hosts[].extra.patroni (core/model/ExtraSettings.h): checking a mapping
// against the grammar, its canonical text, and deep merging. Scalars keep their style through every step: a plain
// scalar stays plain and a quoted one double-quoted, so that YAML gives each value its type back (on vs "on").
namespace ExtraYaml {

// Nesting deeper than this is refused (patroni.yml is at most a few levels deep).
constexpr int kMaxDepth = 8;

struct Problem
{
    YAML::Node at;      // the offending key or value (its Mark() is the position)
    QString path;       // dotted path below the mapping ("log.level"); sequences as "[i]"
    QString message;
};

// Checks a mapping: keys by ExtraGrammar::patroniKeyProblem, scalars by patroniScalarProblem, no tags, at most
// kMaxDepth levels. The first problem, or nothing.
std::optional<Problem> check(const YAML::Node &map);

// Writes a node into an emitter in block style, quoted scalars double-quoted.
void write(YAML::Emitter &y, const YAML::Node &node);
// The canonical block text of a mapping ("" for an empty or null one); parse(canonical(n)) is n again.
QString canonical(const YAML::Node &map);
// The node of a canonical text (a null node for ""). Throws YAML::Exception on text that is not YAML.
YAML::Node parse(const QString &text);

// `over` merged into a copy of `base`: mappings merge key by key, anything else in `over` replaces.
YAML::Node deepMerge(const YAML::Node &base, const YAML::Node &over);
// What a host's patroni.yml gets: cluster.extra.patroni with the host's extra merged over it (canonical text).
QString effectivePatroni(const Cluster &cluster, const Host &host);

// Every leaf path of a mapping ("log.level", "tags.zone"); a mapping's own path when it is empty.
QStringList leafPaths(const YAML::Node &map);

} // namespace ExtraYaml
} // namespace pgha
