#pragma once

#include "core/drift/DriftCompute.h"
#include "deploy/DeployPlan.h"

#include <QStringList>

namespace pgha {

struct Topology;

// etcd's membership brought to the design by `pgha apply` (issue 9 item 5), one member at a time
// (core/validation/EtcdTransition: the additions first, then the removals). Pure: no I/O.
//  etcd-quorum            on a member that stays: every member started and healthy, else refused (nothing changed);
//  per added host H, in design order:
//   check:H, packages:H, files:H   the deploy's own steps (the check refuses existing etcd data);
//   etcd-member-add:H     on a member that stays: refused unless every member is healthy and the members that run
//                         are a majority of the list with H; `etcdctl member add H --peer-urls=...`;
//   etcd-start:H          etcd on H with initial-cluster-state existing and initial-cluster = the members before it
//                         + itself (a runtime env file over the design's, /run/pgha/etcd-join.env; etcd reads it
//                         only at its first start: the design's files stay as they are);
//   etcd-healthy:H        on H: started in the list and every member healthy (before the next step);
//  per leaving member M, in list order:
//   etcd-member-remove:M  on a member that stays: every member healthy again (waited for), leadership moved away
//                         from M when it leads (etcdctl move-leader), then `etcdctl member remove`;
//   etcd-stop:M           on M: etcd stopped (disabled under systemd); its data directory kept unless purge.
// Patroni's etcd3 host lists and the other members' etcd files follow in apply's files phase (after these steps).
struct EtcdScaleSteps
{
    QStringList done;        // the ids the next phase waits for (empty: no membership change planned)
    QString transition;      // "etcd members, one at a time: 3 -> 4 (+node4) -> 5 (+node5)"; empty: none
    QStringList notPlanned;  // one line each
    // Growth only (no member leaves): the files phase may run before it, after `quorum`, so that the members'
    // firewalls (reload:firewall:HOST) admit the new members before they are added; the etcd-member-add steps then
    // wait for those reloads (ApplyPlan). With a removal the files phase waits for `done` (the leaving members stay
    // admitted until they have left).
    bool growOnly = false;
    QString quorum;          // "etcd-quorum" when planned
};

// after: the ids the first step waits for. Steps and targets are appended to *plan.
EtcdScaleSteps addEtcdScaleSteps(DeployPlan *plan, const Topology &topology, const DeployPlan &deployPlan,
                                 const DriftDesign &design, const DriftReport &report, const QStringList &after,
                                 bool purge);

// A script that exits 0 when etcd, asked at HOST's own client URL, lists every member started and healthy
// (`etcdctl endpoint health --cluster`); TLS: the host's etcd certificate. For the waits after an etcd restart.
QString etcdAllHealthyScript(const Topology &topology, const QString &clientUrl);

} // namespace pgha
