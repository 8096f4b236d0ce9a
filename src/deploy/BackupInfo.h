#pragma once

#include "deploy/DeployPlan.h"
#include "deploy/RemoteSession.h"

#include <QByteArray>
#include <QString>

namespace pgha {

struct Topology;

// What `pgha backups` and the GUI's Backups… read: `pgbackrest info --output=json` on backupHost() over SSH (parse
// it with PgBackRestInfoParser). Host keys as the deploy checks them; an unknown one is refused, never accepted.
struct BackupInfo
{
    QString host;              // the host asked
    QByteArray json;           // pgBackRest's answer
    QString error;             // empty when the answer came
    bool hostKeyRefused = false;
};

// Blocking: call it off the GUI thread.
BackupInfo fetchBackupInfo(const Topology &topology, const PlanOptions &options, const SessionFactory &factory);

} // namespace pgha
