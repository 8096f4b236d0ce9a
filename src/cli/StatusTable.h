#pragma once

#include "monitor/ClusterState.h"

class QTextStream;

namespace pgha::cli {

// `pgha status`'s human output: the member table like `patronictl list`, then etcd, HAProxy and the verdict.
void printStatusTable(QTextStream &s, const ClusterState &state);

} // namespace pgha::cli
