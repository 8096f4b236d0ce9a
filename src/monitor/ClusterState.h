#pragma once

#include "core/parse/ParsedRecords.h"
#include "core/parse/PgArchiverParser.h"
#include "core/parse/PgBouncerRecords.h"

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

// The certificate an https endpoint presented this poll (the dashboard's TLS tab, `pgha status`).
struct TlsEndpointState
{
    QString name;             // host name from the design, or the host
    QString endpoint;         // host:port
    QString service;          // "patroni", "etcd" or "haproxy"
    QString subject;          // of the presented certificate
    QDateTime notAfter;       // invalid when no certificate was seen
    int daysLeft = 0;
    QString error;            // why it was not accepted (or accepted only because of --insecure)
};

// pg_stat_archiver as the leader's PostgreSQL answered it (ClusterState::archiver).
struct ArchiverState
{
    QString member;           // the leader asked; empty when there was no leader to ask
    bool read = false;        // the query answered and parsed
    QString error;
    ArchiverStatus status;
};

// The newest backup of one type in the repository (RepositoryState).
struct BackupSummary
{
    QString label;            // "20261201-181500F"; empty: none of that type
    QDateTime stop;           // when it finished (UTC)
    qint64 size = 0;          // the database size backed up
    qint64 repoSize = 0;      // bytes in the repository
    bool present() const { return !label.isEmpty(); }
};

// pgBackRest's view of the repository (`pgbackrest info --output=json` over SSH, read every few minutes, not every
// round: RepositoryWatch), and the schedule judged against it (RepositoryView::judge).
struct RepositoryState
{
    QString host;             // where pgbackrest info ran
    bool read = false;        // it ran and parsed
    QString error;
    QDateTime readAt;         // when it was read
    int statusCode = -1;      // the stanza's status (0 ok, 2 no valid backup, ...)
    QString statusMessage;
    bool backupRunning = false;
    BackupSummary full;
    BackupSummary diff;
    BackupSummary incr;
    // The last time the full (diff) schedule was due more than the grace ago; invalid without a schedule. Overdue:
    // no full (no full or diff) backup finished since then.
    QDateTime fullDue;
    QDateTime diffDue;
    bool fullOverdue = false;
    bool diffOverdue = false;
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
    bool poolerMonitored = false;    // the design has PgBouncer (cluster.pooler)
    QList<PoolerInstance> poolers;   // SHOW POOLS / SHOW STATS of each
    bool archiverMonitored = false;  // the design has backups (cluster.backup or a host of role backup)
    ArchiverState archiver;          // WAL archiving on the leader
    bool repositoryMonitored = false;  // the repository is read (designs with backups; not --url)
    RepositoryState repository;      // the last full / diff / incr backups
    qint64 lagThresholdBytes = 1048576;
    // What the monitor itself refused or cut short (member cap, credentials withheld from a URL outside the
    // design): each makes the verdict at least degraded.
    QStringList findings;
    QStringList notes;               // the monitor's remarks that do not change the verdict
    QList<TlsEndpointState> tls;     // one per https endpoint, sorted by name and endpoint
    int certWarnDays = 30;           // cluster.security.cert_warn_days: fewer days left is a finding
    Verdict verdict = Verdict::Unavailable;
    QStringList reasons;             // why the verdict is not healthy (and notes)
    // What the monitor could not read (credentials refused, ...): the verdict is about the parts it did read,
    // and these are shown beside it as monitoring gaps, not as faults of the cluster.
    QStringList gaps;
    VipState vip;

    // Adds the floating address's holders; nobody or more than one holding it makes the verdict degraded.
    void applyVip(const VipState &state);
    const MemberState *member(const QString &name) const;
    const MemberState *leader() const;
    int etcdHealthyCount() const;
    bool etcdHasQuorum() const;      // true when etcd is not monitored
    QJsonObject toJson() const;
};

} // namespace pgha
