#pragma once

#include "deploy/DeployPlan.h"

#include <QString>

namespace pgha {

struct Topology;

// pgBackRest in the deploy and in the backup verbs (docs/backups.md). Plans are values: the steps run by the one
// runner with the one journal.
//
// The deploy's part, appended by buildPlan() when backups are on: pgBackRest's TLS server on the repository and
// database hosts (TLS transport), stanza-create and check on the repository host once the leader is up (archiving
// fails until the stanza exists, PostgreSQL retries), then the schedule (systemd timers, or the crontab where no
// systemd runs), and with cluster.backup.initial_full a first full backup (backup-initial-full:HOST, after check;
// its probe skips it once the repository holds a full backup).
void appendBackupSteps(DeployPlan *plan, const Topology &topology);

// The host that runs backups and answers `pgbackrest info`: the repository host, or (local repository) the first
// database host. Empty when backups are off or the repository does not resolve.
QString backupHost(const Topology &topology);

// `pgha backup`: one step on the backup host, `pgbackrest --type=TYPE backup` as postgres (full, diff or incr).
// With a local repository each database host runs it only while it is the primary.
DeployPlan backupPlan(const Topology &topology, const QString &type, const PlanOptions &options);

// The script (run as root on backupHost()) that prints `pgbackrest info --output=json` for the stanza.
QString backupInfoScript(const Topology &topology);

// The SSH targets of every host, as buildPlan() makes them.
QMap<QString, SshTarget> sshTargets(const Topology &topology, const PlanOptions &options);

} // namespace pgha
