#pragma once

#include "core/model/Topology.h"
#include "core/parse/ParsedRecords.h"
#include "deploy/RemoteSession.h"

namespace pgha {

// Which HAProxy host holds the floating address (cluster.vip): each HAProxy host is asked over SSH
// (VipHolderParser::command, read by VipHolderParser::interfaceHolding), one after the other with a short
// deadline. Host keys as the deploy checks them, never accepted unasked. An empty state without cluster.vip.
VipState askVipHolders(const Topology &topology, const SessionFactory &factory, const QString &knownHostsFile,
                       int timeoutSec = 10);

} // namespace pgha
