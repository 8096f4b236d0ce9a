#pragma once

#include "core/model/Topology.h"
#include "core/util/Result.h"
#include "core/validation/Finding.h"

#include <QStringList>

namespace pgha {

// Mechanical fixes the GUI offers as a button for findings whose quickFix is set. The business rules live
// here, not in the GUI: the window only calls applyQuickFix() and pushes the result as one undo step.
//
//   add-etcd-member            up to the next odd member count (at least 3): give the etcd role to PostgreSQL
//                              hosts without it, else add new etcd hosts next to the existing members
//   fix-patroni-timing         loop_wait >= 1, retry_timeout >= 3, ttl = max(20, loop_wait + 2 * retry_timeout)
//   replace-wal-keep-segments  wal_keep_segments N -> wal_keep_size N*16 MB
//   rename-pg-param            a parameter renamed with the same values (force_parallel_mode -> debug_parallel_query)
//   remove-pg-param            drop the parameter named by the finding's subject
//   assign-subnet              put the host into the most specific subnet containing its address
//   fix-haproxy-checks         inter 1000 ms (and fall 3 when larger)
//   fix-haproxy-maxconn        global maxconn = server_maxconn * PostgreSQL hosts * 2
QStringList quickFixIds();

// Applies finding.quickFix to the topology. An error when the fix is unknown, the subject does not name
// something in this topology, or the fix cannot apply (e.g. no free address for a new etcd host).
Result<Topology> applyQuickFix(const Topology &topology, const Finding &finding);

} // namespace pgha
