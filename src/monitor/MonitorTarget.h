#pragma once

#include "core/model/Secrets.h"
#include "core/model/Topology.h"
#include "core/util/Result.h"

#include <QList>
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

    QString restUser;                  // Patroni REST basic auth (sent with every request)
    QString restPassword;
    QString statsUser;                 // HAProxy stats basic auth
    QString statsPassword;

    bool ignoreTlsErrors = false;      // accept any certificate (self-signed labs)
    QString caFile;                    // PEM bundle to trust in addition to the system's
    int timeoutMs = 2000;              // per request
    qint64 lagThresholdBytes = 1048576;

    // Hosts with the postgres role give Patroni endpoints (scheme from `https`), etcd hosts their client URLs,
    // haproxy hosts their stats URL. The lag threshold is the cluster's maximum_lag_on_failover.
    static MonitorTarget fromTopology(const Topology &topology, const Secrets &secrets, bool https = false);
    // One Patroni URL ("http://10.0.0.1:8008", a path is ignored); a scheme-less "host:port" means http.
    static Result<MonitorTarget> fromUrl(const QString &url);

    // Sets basic auth, TLS options and the timeout on a request.
    void prepare(QNetworkRequest *request, bool statsAuth = false) const;
    // Starts a request (GET, POST, PATCH; body sent as JSON) with the above applied. The reply deletes itself
    // once finished and its finished() handlers have run (the manager's auto-delete).
    QNetworkReply *send(QNetworkAccessManager *nam, const QByteArray &verb, const QString &url,
                        const QByteArray &body = {}, bool statsAuth = false) const;
};

} // namespace pgha
