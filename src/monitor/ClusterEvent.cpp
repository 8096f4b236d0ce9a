#include "monitor/ClusterEvent.h"

namespace pgha {

QString ClusterEvent::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Failover: return QStringLiteral("failover");
    case Kind::Switchover: return QStringLiteral("switchover");
    case Kind::LeaderLost: return QStringLiteral("leader-lost");
    case Kind::MemberDown: return QStringLiteral("member-down");
    case Kind::MemberRestarting: return QStringLiteral("member-restarting");
    case Kind::MemberBack: return QStringLiteral("member-back");
    case Kind::ReplicaLagging: return QStringLiteral("replica-lagging");
    case Kind::ReplicaCaughtUp: return QStringLiteral("replica-caught-up");
    case Kind::PendingRestart: return QStringLiteral("pending-restart");
    case Kind::Paused: return QStringLiteral("paused");
    case Kind::Resumed: return QStringLiteral("resumed");
    case Kind::EtcdMemberDown: return QStringLiteral("etcd-member-down");
    case Kind::EtcdMemberBack: return QStringLiteral("etcd-member-back");
    case Kind::EtcdQuorumLost: return QStringLiteral("etcd-quorum-lost");
    case Kind::EtcdQuorumRegained: return QStringLiteral("etcd-quorum-regained");
    case Kind::HaproxyPoolEmpty: return QStringLiteral("haproxy-pool-empty");
    case Kind::HaproxyPoolRestored: return QStringLiteral("haproxy-pool-restored");
    case Kind::HaproxyPrimaryMoved: return QStringLiteral("haproxy-primary-moved");
    case Kind::ArchivingFailed: return QStringLiteral("archiving-failed");
    case Kind::ArchivingRecovered: return QStringLiteral("archiving-recovered");
    case Kind::VerdictChanged: return QStringLiteral("verdict");
    case Kind::BackupOverdue: return QStringLiteral("backup-overdue");
    case Kind::BackupRecovered: return QStringLiteral("backup-recovered");
    }
    return QStringLiteral("unknown");
}

QString ClusterEvent::severityKey(Severity severity)
{
    switch (severity) {
    case Severity::Info: return QStringLiteral("info");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Critical: return QStringLiteral("critical");
    }
    return QStringLiteral("info");
}

QJsonObject ClusterEvent::toJson() const
{
    QJsonObject o{{QStringLiteral("time"), time.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("kind"), kindKey(kind)},
                  {QStringLiteral("severity"), severityKey(severity)},
                  {QStringLiteral("subject"), subject},
                  {QStringLiteral("message"), message}};
    if (!from.isEmpty())
        o.insert(QStringLiteral("from"), from);
    if (!to.isEmpty())
        o.insert(QStringLiteral("to"), to);
    if (timeline > 0)
        o.insert(QStringLiteral("timeline"), timeline);
    if (planned)
        o.insert(QStringLiteral("planned"), true);
    return o;
}

QString ClusterEvent::toString() const
{
    return time.toString(Qt::ISODate) + QLatin1Char(' ') + severityKey(severity) + QLatin1Char(' ')
        + kindKey(kind) + QStringLiteral(": ") + message;
}

} // namespace pgha
