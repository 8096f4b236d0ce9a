#pragma once

#include "core/drift/DriftCompute.h"
#include "deploy/DeployPlan.h"

#include <QStringList>

namespace pgha {

struct Topology;

// The rolling part of `pgha apply` (ApplyPlan's last phase): the restart a PostgreSQL parameter needs and the
// upgrades of the drift (DriftItem::Fix::Upgrade: another Patroni release by pip, another PostgreSQL package
// version) in one pass, in the rolling restart's order: the replicas one at a time (as /cluster lists them), then
// the leader after a switchover to a healthy replica. Per member:
//   upgrade-install:HOST  pip: the deploy's own patroni-pip step (the pinned set into the design's virtualenv,
//                         in place; cluster.patroni.pip_find_links for a local wheelhouse); a package pin:
//                         apt-get install PKG=VER / dnf install PKG-VER; skipped when already installed;
//   upgrade-restart:HOST  (restart:HOST when the member only needs the restart) the leader switched over first;
//                         then, after waiting until every member runs and every replica streams within
//                         maximum_lag_on_failover (never two members down), Patroni restarted so that the new
//                         release runs (stop + the deploy's start), or PostgreSQL through POST /restart; waited for
//                         the same again and for the release the design names. The first failure stops the run.
// Pure: no I/O. Returns the ids the next phase would wait for (PHASE when it added nothing).
QStringList appendRollingSteps(DeployPlan *plan, const Topology &topology, const DeployPlan &deployPlan,
                               const DriftDesign &design, const DriftReport &report, bool restart,
                               const QStringList &phase);

} // namespace pgha
