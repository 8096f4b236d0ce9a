#pragma once

#include "core/model/Secrets.h"
#include "core/model/Topology.h"
#include "core/util/Result.h"
#include "monitor/CredentialScope.h"

#include <QList>
#include <QSslCertificate>
#include <QSslKey>

#include <optional>
#include <QString>
#include <QStringList>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace pgha {

// Where to look and how to authenticate: built from a project file (Topology + Secrets) or from one Patroni
// URL ("connect to a running cluster", members discovered from /cluster).
struct MonitorTarget
{
    struct Endpoint
    {
        QString name;   // host name in the project, or empty when discovered
        QString url;    // base URL, e.g. "http://10.0.0.1:8008"
    };

    QString clusterName;               // Patroni scope, when known
    QList<Endpoint> patroni;           // REST API base URLs; the first answering one gives /cluster
    QStringList expectedMembers;       // member names that must exist (from the project); others are discovered
    QList<Endpoint> etcd;              // client URLs
    QList<Endpoint> haproxy;           // stats URLs including the CSV suffix, e.g. "http://h:7000/;csv"
    QList<Endpoint> pgbouncer;         // PgBouncer admin consoles, url "host:port" (cluster.pooler)

    // Which credentials a request carries. Rest goes only to URLs inside restScope, Stats only to the HAProxy
    // endpoints above; etcd gets none.
    enum class Auth { None, Rest, Stats };

    QString restUser;                  // Patroni REST basic auth
    QString restPassword;
    CredentialScope restScope;         // where restUser/restPassword may be sent
    QString statsUser;                 // HAProxy stats basic auth
    QString statsPassword;
    QString poolerUser;                // PgBouncer's stats_users member (cluster.pooler.auth_user)
    QString poolerPassword;
    bool poolerTls = false;            // PgBouncer requires TLS from clients (cluster.security.tls)
    // WAL archiving (pg_stat_archiver) on the leader's PostgreSQL, when the design has backups (cluster.backup):
    // a simple query as the superuser from the admin subnet, to the leader's host and port from /cluster.
    bool archiver = false;
    QString pgUser;
    QString pgPassword;
    bool pgTls = false;
    int pgPort = 5432;
    // The repository view (cluster.backup; RepositoryWatch): read every repositoryPeriodSecs over SSH by the fetch the
    // owner gives (ClusterMonitor::setRepositoryFetch); the schedules judge whether the last backups are overdue.
    bool repository = false;
    QString backupFullSchedule;        // systemd OnCalendar (core/util/OnCalendar)
    QString backupDiffSchedule;        // empty: none
    int backupGraceSecs = 3 * 3600;    // how long a scheduled backup may run before it counts as missing
    int repositoryPeriodSecs = 300;

    bool ignoreTlsErrors = false;      // --insecure: accept any certificate (the errors are still reported)
    QList<QSslCertificate> caCertificates;  // when set, the ONLY CAs trusted (the cluster CA); else the system's
    // Presented when a server asks (Patroni unsafe methods, etcd client auth). Optional on purpose: a default
    // QSslCertificate/QSslKey initialises the TLS backend (plugin, OpenSSL, the system CA directory), which a
    // plain-http `pgha status` must not pay for at start-up.
    std::optional<QSslCertificate> clientCertificate;
    std::optional<QSslKey> clientKey;
    int timeoutMs = 2000;              // total deadline per request (not an idle timeout)
    qint64 maxBodyBytes = 4 * 1024 * 1024;
    int maxMembers = 100;              // Patroni members (and etcd members) watched at most; more is a finding
    int certWarnDays = 30;             // a presented certificate expiring sooner is a finding
    qint64 lagThresholdBytes = 1048576;

    // Hosts with the postgres role give Patroni endpoints (scheme from `https`), etcd hosts their client URLs,
    // haproxy hosts their stats URL. The lag threshold is the cluster's maximum_lag_on_failover.
    static MonitorTarget fromTopology(const Topology &topology, const Secrets &secrets, bool https = false);
    // One Patroni URL ("http://10.0.0.1:8008", a path is ignored); a scheme-less "host:port" means http.
    // Credentials go to that host only (add subnets to restScope to widen it).
    static Result<MonitorTarget> fromUrl(const QString &url);
    // Reads a PEM file of CA certificates into caCertificates (replacing the design's); an error names the file.
    Result<void> loadCaFile(const QString &path);
    Result<void> loadClientCertificate(const QByteArray &certPem, const QByteArray &keyPem);

    // Same places to poll: every Patroni, etcd and HAProxy endpoint (name and URL, in order) and the expected
    // members. An address or port change is a change even when the number of endpoints stays the same.
    bool sameEndpoints(const MonitorTarget &other) const;

    // Whether a request to url with that Auth carries an Authorization header.
    bool sendsCredentials(const QString &url, Auth auth) const;
    // Sets basic auth (within scope), TLS options on a request.
    void prepare(QNetworkRequest *request, Auth auth) const;
    // Starts a request (GET, POST, PATCH; body sent as JSON) with the above applied and bounded by RequestGuard
    // (total deadline timeoutMs, body cap maxBodyBytes). The reply deletes itself once finished and its finished()
    // handlers have run (the manager's auto-delete).
    QNetworkReply *send(QNetworkAccessManager *nam, const QByteArray &verb, const QString &url,
                        const QByteArray &body = {}, Auth auth = Auth::Rest) const;
};

} // namespace pgha
