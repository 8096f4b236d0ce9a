#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace pgha {

// The live state of a cluster as one poll saw it. Plain values (cheap to copy, compared in tests), so the
// model, the event derivation, the CLI and the dashboard share them without any QObject in between.
// These small record types belong together and are kept in one header on purpose.

enum class Verdict { Healthy, Degraded, Unavailable };
QString verdictKey(Verdict v);    // "healthy", "degraded", "unavailable" (JSON, logs: never translated)
QString verdictTitle(Verdict v);  // the same, translated for display (context "pgha::Monitor")

struct MemberState
{
    QString name;
    QString host;
    int port = 0;
    QString apiUrl;          // base URL of the member's REST API, e.g. "http://10.0.0.1:8008"
    // Normalised role: "leader" (Patroni 3 "master"/4 "primary" included), "replica", "sync_standby",
    // "standby_leader", or "" when unknown (member absent or unreachable).
    QString role;
    // Patroni's state as reported ("running", "streaming", "stopped", "starting", ...), or "absent" when the
    // member is expected (project file, or seen before) but no longer registered in the DCS.
    QString state;
    bool streaming = false;   // replica receives WAL from the leader (4.x state, or the leader's pg_stat_replication)
    int timeline = 0;         // 0 = unknown
    qint64 lagBytes = -1;     // -1 = unknown ("unknown" in 4.x, absent, or the leader)
    qint64 receiveLagBytes = -1;
    qint64 replayLagBytes = -1;
    bool pendingRestart = false;
    QMap<QString, QString> tags;  // only the tags Patroni reports (as text)
    bool reachable = false;   // its REST API answered this poll
    QString error;            // why it did not answer
    QString patroniVersion;

    bool isLeader() const { return role == QLatin1String("leader") || role == QLatin1String("standby_leader"); }
    bool isReplica() const { return role == QLatin1String("replica") || role == QLatin1String("sync_standby"); }
    bool isRunning() const
    {
        return state == QLatin1String("running") || state == QLatin1String("streaming");
    }
    bool operator==(const MemberState &o) const;
};

struct EtcdMemberState
{
    QString name;
    QString id;               // decimal member id as etcd prints it
    QString clientUrl;
    bool reachable = false;   // its client port answered
    bool healthy = false;     // /health said true
    bool isLeader = false;
    qint64 raftTerm = 0;
    qint64 dbSize = 0;
    QString version;
    QString error;
};

struct HaproxyServerState
{
    QString name;
    QString status;           // "UP", "DOWN", "UP 1/2", "MAINT", "no check", ...
    int sessions = 0;
    QString checkStatus;      // "L7OK", "L7STS", "L4CON", ...
    QString checkDesc;
    bool isUp() const { return status.startsWith(QLatin1String("UP")); }
};

struct HaproxyPool
{
    QString name;             // the proxy name in haproxy.cfg
    QString kind;             // "primary", "replica" or "other"
    int sessions = 0;         // current sessions on the backend
    QList<HaproxyServerState> servers;
    QStringList upServers() const;
};

struct HaproxyInstance
{
    QString name;             // host name from the project, or the stats URL
    QString statsUrl;
    bool reachable = false;
    bool authFailed = false;  // the stats page answered but refused the monitor's user (HTTP 401/403): a gap in
                              // what the monitor can see, not a sign that HAProxy is down
    QString error;
    QList<HaproxyPool> pools;
    const HaproxyPool *pool(const QString &kind) const;  // first pool of that kind
};

struct ClusterState
{
    QDateTime time;           // when the poll finished (UTC)
    qint64 pollMs = 0;        // how long the round took
    QString scope;
    bool paused = false;
    bool synchronousMode = false;    // /config synchronous_mode, or a member in the sync_standby role
    bool patroniReachable = false;   // /cluster answered from some member
    QString patroniError;
    QList<MemberState> members;      // sorted by name
    bool etcdMonitored = false;
    QList<EtcdMemberState> etcd;
    QString etcdError;
    bool haproxyMonitored = false;
    QList<HaproxyInstance> haproxy;
    qint64 lagThresholdBytes = 1048576;
    // What the monitor itself refused or cut short (member cap, credentials withheld from a URL outside the
    // design): each makes the verdict at least degraded.
    QStringList findings;
    QStringList notes;               // the monitor's remarks that do not change the verdict
    Verdict verdict = Verdict::Unavailable;
    QStringList reasons;             // why the verdict is not healthy (and notes)
    // What the monitor could not read (credentials refused, ...): the verdict is about the parts it did read,
    // and these are shown beside it as monitoring gaps, not as faults of the cluster.
    QStringList gaps;

    const MemberState *member(const QString &name) const;
    const MemberState *leader() const;
    int etcdHealthyCount() const;
    bool etcdHasQuorum() const;      // true when etcd is not monitored
    QJsonObject toJson() const;
};

} // namespace pgha
