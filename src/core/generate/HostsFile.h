#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Topology.h"

namespace pgha::HostsFile {

// The /etc/hosts block lives in a file of its own; the install script (and the runbook) put it into
// /etc/hosts between the two marker lines, replacing an earlier block, so that re-running is harmless.
QString path();  // /etc/hosts.pgha
QString beginMarker(const Topology &topology);
QString endMarker(const Topology &topology);
QByteArray content(const Topology &topology);  // the block, markers included
GeneratedFile file(const Topology &topology, const Host &host);
GeneratedFile file(const Host &host, const QByteArray &content);  // content(topology) computed once

} // namespace pgha::HostsFile
