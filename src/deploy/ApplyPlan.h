#pragma once

#include "core/drift/DriftCompute.h"
#include "deploy/DeployPlan.h"

#include <QStringList>

namespace pgha {

struct Secrets;
struct Topology;

struct ApplyPlan
{
    DeployPlan plan;          // for the one runner and journal; no steps = nothing to do
    QStringList notPlanned;   // the drift apply leaves to a person (DriftItem::Fix::Manual), one line each
    QString etcdTransition;   // etcd's membership change as intermediate steps ("3 -> 4 (+node4) -> 5 (+node5)") and
                              // its transition findings, one per line; empty: none (deploy/EtcdScalePlan)
};

struct ApplyOptions
{
    bool purge = false;  // scale in: also delete the leaving member's data directory (pgha apply --purge)
};

// `pgha apply`: the steps that bring the running cluster in line with the design, from the drift. Pure: no I/O.
//  1. files that differ: written (the deploy's own files step, backups kept), then their service re-reads them
//     (the deploy's reload steps: Patroni reload, which also rewrites pg_hba.conf and reloads PostgreSQL, waited
//     for; HAProxy's seamless reload; etcd restarted one member at a time);
//  2. Patroni's dynamic configuration: one PATCH /config with every differing key (null removes one), read back
//     until it holds; when a parameter needs a restart, waits until the members report pending_restart;
//  3. a sighup parameter PostgreSQL has not taken: POST /reload on that member;
//  0. scale out (DriftItem::Fix::AddMember): the new host checked first (the deploy's check: SSH, OS, free
//     ports, no existing data), then after the files phase (pg_hba of the other members, HAProxy's backends) its
//     packages, files and Patroni started; with a cluster already there Patroni bootstraps it from the leader as
//     a replica (never initdb); waited for until every member runs;
//     scale in (DriftItem::Fix::RemoveMember): after the files phase (HAProxy without it, reloaded), on the
//     member: refuse if it leads, Patroni stopped (disabled under systemd); on the leader: wait until /cluster no
//     longer lists it; its data directory kept unless options.purge;
//  0b. etcd's membership (DriftItem::Fix::EtcdAddMember / EtcdRemoveMember): deploy/EtcdScalePlan, one member at a
//     time, before the files phase (which then writes Patroni's etcd3 hosts and the other members' etcd files;
//     an etcd restart there waits until every member is healthy again before the next);
//     HAProxy hosts (DriftItem::Fix::AddHaproxy / RemoveHaproxy, deploy/HaproxyScalePlan.h): a joining host checked
//     first, a leaving host's HAProxy stopped (files kept) before the files phase; the joining host's packages,
//     files, HAProxy (ready, routing proven), keepalived and PgBouncer after it (the members' pg_hba admit it);
//  4. a restart: rolling, replicas one at a time, then the leader after a switchover to a healthy replica; each
//     restart waits first until every member runs and every replica streams within maximum_lag_on_failover, so
//     that never two members are down; the first failure stops the run.
//     Upgrades (DriftItem::Fix::Upgrade: Patroni by pip, a PostgreSQL package pin) go in the same pass:
//     upgrade-install then upgrade-restart per member (deploy/UpgradePlan.h).
// deployPlan: buildPlan() of the same topology and secrets (its files, reload steps and SSH targets are reused).
ApplyPlan buildApplyPlan(const Topology &topology, const Secrets &secrets, const DeployPlan &deployPlan,
                         const DriftDesign &design, const DriftReport &report, const ApplyOptions &options = {});

} // namespace pgha
