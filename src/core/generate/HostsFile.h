#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Topology.h"

namespace pgha::HostsFile {

// The /etc/hosts block lives in a file of its own; the install script (and the runbook) put it into
// /etc/hosts between the two marker lines, replacing an earlier block, so that re-running is harmless.
QString path();  // /etc/hosts.pgha
QString beginMarker(const Topology &topology);
QString endMarker(const Topology &topology);
// The block for one host, markers included: the host itself and the hosts of the cluster's shared services
// (etcd, HAProxy), in the design's order. Not every other host: that would make the bundle grow with the square
// of the host count (docs/generated-files.md); the configuration files use addresses, never these names.
QByteArray content(const Topology &topology, const Host &host);
GeneratedFile file(const Topology &topology, const Host &host);

} // namespace pgha::HostsFile
