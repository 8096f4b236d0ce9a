#pragma once

#include "deploy/DeployPlan.h"

#include <QString>

namespace pgha {

struct Topology;

// `pgha restore`: the whole-cluster point-in-time restore of ../shared/reference/pgbackrest-notes.md as a plan for
// the one runner and journal (docs/backups.md, "Restore"):
//  1. read the timeline the cluster runs on (the target timeline of the recovery) on the first database host;
//  2. stop Patroni on the replicas, then on the leader; remove the cluster from the DCS (patronictl remove);
//  3. keep every data directory aside (DATA.before-restore-STAMP), never deleted;
//  4. on the first database host: Patroni with a custom bootstrap `pitr` (pgbackrest --type=time --target=T
//     --target-action=promote --target-timeline=TL --delta restore, keep_existing_recovery_conf, no_params); wait
//     for the leader; the normal configuration back (reload);
//  5. switch WAL and wait until it is archived, then a new full backup (replicas built from the archive before
//     that can silently diverge);
//  6. start the other members with empty data directories: replicas from the repository (create_replica_methods),
//     wait until every member runs.
struct RestoreTarget
{
    QString time;       // "2026-12-01 18:30:00.123456+00"; empty = --latest (the end of the archive)
    int timeline = 0;   // 0 = the timeline the cluster runs on when the plan starts
    QString stamp;      // names the kept data directories (DATA.before-restore-STAMP): "20261201T183000Z"
};

// A restore target as the CLI takes it: YYYY-MM-DD HH:MM:SS[.ffffff] with a zone (+HH, +HH:MM, Z); 'T' may
// separate date and time. Returns it as pgBackRest takes it ("2026-12-01 18:30:00+00"), empty when malformed.
QString normalizeRestoreTime(const QString &text);

DeployPlan restorePlan(const Topology &topology, const RestoreTarget &target, const PlanOptions &options);

} // namespace pgha
