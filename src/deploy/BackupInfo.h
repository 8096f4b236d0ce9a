#pragma once

#include "core/parse/PgBackRestInfoParser.h"
#include "deploy/DeployPlan.h"
#include "deploy/RemoteSession.h"

#include <QString>

#include <atomic>

namespace pgha {

struct Topology;

// What `pgha backups`, the GUI's Backups…, `pgha status` and the dashboard's repository view read:
// `pgbackrest info --output=json` over SSH (parse it with PgBackRestInfoParser) on backupHost(), or with
// `repository: local` on LEADER when it names a database host (its repository holds the primary's backups). Host keys
// as the deploy checks them: an unknown one is accepted only with options.acceptNewHostKeys, a changed one never.
using BackupInfo = PgBackRestInfoParser::InfoRead;  // host, json, error (empty when the answer came), hostKeyRefused

// Blocking: call it off the GUI thread. CANCEL may be null.
BackupInfo fetchBackupInfo(const Topology &topology, const PlanOptions &options, const SessionFactory &factory,
                           const QString &leader = {}, const std::atomic_bool *cancel = nullptr, int timeoutSec = 120);

} // namespace pgha
