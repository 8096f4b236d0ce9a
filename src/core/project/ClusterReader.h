#pragma once

#include "core/project/ProjectFieldReader.h"

namespace pgha {

struct Cluster;

namespace ProjectRead {
// The cluster block of a project file (docs/project-file.md), every sub-block with its own reader.
void readCluster(const ProjectFieldReader &r, const YAML::Node &n, Cluster *c);
// Refuses a key that looks like a secret (password, secrets): secrets are never stored in a project file.
void refuseSecrets(const ProjectFieldReader &r, const YAML::Node &map, const QString &field);
} // namespace ProjectRead

} // namespace pgha
