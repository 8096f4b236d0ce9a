#pragma once

#include "core/drift/DriftCompute.h"

#include <QMap>
#include <QStringList>

namespace pgha {

// The HAProxy hosts of the design against the cluster (issue 9, item 5: a second HAProxy host). Pure; called by
// computeDrift() after the Patroni and etcd members were read (R's leader is known).
//  - a reachable HAProxy host of the design whose stats port gives no HTTP answer at all (HAProxy does not run):
//    AddHaproxy; its own file items (haproxy.cfg, keepalived.conf, ...) become part of it, never a reload;
//  - a host that a design host's /etc/hosts.pgha lists (the cluster's etcd and HAProxy hosts as the last deploy or
//    apply wrote them), that the design lacks and that is neither an etcd member nor a Patroni member: RemoveHaproxy
//    (its address from that file); Manual when the etcd member list could not be read.
// Returns the hosts that got AddHaproxy (their backends are not compared: nothing answers yet).
QStringList haproxyScaleDrift(const DriftDesign &design, const QMap<QString, const ObservedHost *> &byName,
                              const ObservedHost *etcdView, const ObservedHost *clusterView, DriftReport *r);

} // namespace pgha
