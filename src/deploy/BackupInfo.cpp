#include "deploy/BackupInfo.h"

#include "core/model/BackupLayout.h"
#include "core/model/Topology.h"
#include "deploy/BackupPlan.h"

namespace pgha {

BackupInfo fetchBackupInfo(const Topology &topology, const PlanOptions &options, const SessionFactory &factory,
                           const QString &leader, const std::atomic_bool *cancel, int timeoutSec)
{
    BackupInfo info;
    info.host = backupHost(topology);
    if (BackupLayout::local(topology)) {
        const Host *h = topology.hostByName(leader);
        if (h && h->has(Role::Postgres))
            info.host = h->name;
    }
    if (info.host.isEmpty()) {
        info.error = QStringLiteral("cluster.backup.repository names no usable host (pgha validate says more)");
        return info;
    }
    SshTarget target = sshTargets(topology, options).value(info.host);
    target.connectTimeoutSec = std::min(target.connectTimeoutSec, timeoutSec);
    target.commandTimeoutSec = timeoutSec;
    std::unique_ptr<RemoteSession> session = factory(target, nullptr, cancel);
    if (const std::optional<SshError> e = session->connect()) {
        info.error = info.host + QStringLiteral(": ") + e->message;
        info.hostKeyRefused = e->kind == SshError::Kind::HostKeyChanged || e->kind == SshError::Kind::HostKeyUnknown;
        return info;
    }
    const ExecResult r = session->run(backupInfoScript(topology), {}, timeoutSec);
    session->disconnect();
    if (!r.ok()) {
        info.error = QStringLiteral("pgbackrest info on %1 failed (exit %2): %3")
                         .arg(info.host)
                         .arg(r.exitCode)
                         .arg(r.error ? r.error->message
                                      : QString::fromUtf8(r.err.isEmpty() ? r.out : r.err).trimmed().left(2000));
        return info;
    }
    info.json = r.out;
    return info;
}

} // namespace pgha
