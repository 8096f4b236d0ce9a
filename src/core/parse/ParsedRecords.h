#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// The records the parsers of Patroni's REST answers and HAProxy's stats CSV produce (core/parse). Plain values,
// shared by the deploy (its readiness waits) and the monitor (ClusterState), which may not depend on each other.
namespace pgha {

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

// Which HAProxy host holds the floating address (cluster.vip), learnt over SSH (deploy/VipProbe, parsed by
// VipHolderParser) by `pgha status`: the poller itself has no SSH. Empty address: not asked (no VIP in the design, or no SSH).
struct VipState
{
    QString address;
    QStringList holders;      // HAProxy hosts that hold it now: one when healthy
    QStringList unreachable;  // "host: why" for each HAProxy host that could not be asked
};

} // namespace pgha
