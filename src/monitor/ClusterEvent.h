#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace pgha {

// Something that changed between two polls, with the time it was seen.
struct ClusterEvent
{
    enum class Kind {
        Failover,            // leader changed and the old leader is gone
        Switchover,          // leader changed and the old leader still runs (as a replica)
        LeaderLost,
        MemberDown,
        MemberRestarting,    // a member stopped inside the window of an action the monitor itself requested
        MemberBack,
        ReplicaLagging,
        ReplicaCaughtUp,
        PendingRestart,
        Paused,
        Resumed,
        EtcdMemberDown,
        EtcdMemberBack,
        EtcdQuorumLost,
        EtcdQuorumRegained,
        HaproxyPoolEmpty,
        HaproxyPoolRestored,
        HaproxyPrimaryMoved,
        ArchivingFailed,     // pg_stat_archiver on the leader: failed_count rose, or the last attempt failed
        ArchivingRecovered,  // a WAL file was archived again after failures
        VerdictChanged,
        BackupOverdue,       // the repository's last full (diff) backup is older than its schedule's last due time
        BackupRecovered,     // a backup of that kind finished again
    };
    enum class Severity { Info, Warning, Critical };

    QDateTime time;
    Kind kind = Kind::VerdictChanged;
    Severity severity = Severity::Info;
    QString subject;   // member, etcd member, "haproxy/pool" or the cluster
    QString message;
    QString from;      // Failover/Switchover/HaproxyPrimaryMoved: old and new
    QString to;
    int timeline = 0;  // Failover/Switchover: the new leader's timeline
    bool planned = false;  // seen inside the window of an action the monitor requested (EventDeriver)

    static QString kindKey(Kind kind);           // "failover", "member-down", ...
    static QString severityKey(Severity severity);
    QJsonObject toJson() const;
    QString toString() const;                   // "2026-11-28T14:00:00Z critical failover: ..."
};

} // namespace pgha
