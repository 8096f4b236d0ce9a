#include "monitor/MonitorTarget.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>

namespace pgha {

namespace {

QString hostForUrl(const QString &address)
{
    // IPv6 literals need brackets inside a URL.
    return address.contains(QLatin1Char(':')) ? QLatin1Char('[') + address + QLatin1Char(']') : address;
}

} // namespace

MonitorTarget MonitorTarget::fromTopology(const Topology &topology, const Secrets &secrets, bool https)
{
    MonitorTarget t;
    const Cluster &c = topology.cluster;
    t.clusterName = c.name;
    const QString scheme = https ? QStringLiteral("https://") : QStringLiteral("http://");
    for (const Host &h : topology.hosts) {
        const QString host = hostForUrl(h.address);
        if (h.has(Role::Postgres)) {
            t.patroni.append({h.name, scheme + host + QLatin1Char(':') + QString::number(c.patroni.restApiPort)});
            t.expectedMembers << h.name;
        }
        if (h.has(Role::Etcd))
            t.etcd.append({h.name, QStringLiteral("http://") + host + QLatin1Char(':') + QString::number(c.etcd.clientPort)});
        if (h.has(Role::HAProxy)) {
            t.haproxy.append({h.name, QStringLiteral("http://") + host + QLatin1Char(':')
                                          + QString::number(c.haproxy.statsPort) + QStringLiteral("/;csv")});
        }
    }
    t.restUser = secrets.restApiUser;
    t.restPassword = secrets.restApiPassword;
    t.statsUser = secrets.haproxyStatsUser;
    t.statsPassword = secrets.haproxyStatsPassword;
    t.lagThresholdBytes = c.patroni.maximumLagOnFailover > 0 ? c.patroni.maximumLagOnFailover : 1048576;
    return t;
}

Result<MonitorTarget> MonitorTarget::fromUrl(const QString &url)
{
    QString text = url.trimmed();
    if (!text.contains(QLatin1String("://")))
        text.prepend(QStringLiteral("http://"));
    const QUrl u(text, QUrl::StrictMode);
    if (!u.isValid() || u.host().isEmpty()
        || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")))
        return Error(QStringLiteral("not a Patroni REST URL: \"%1\" (expected http://HOST:8008)").arg(url));
    QUrl base = u;
    base.setPath(QString());
    base.setQuery(QString());
    base.setFragment(QString());
    if (base.port() < 0)
        base.setPort(8008);
    MonitorTarget t;
    t.patroni.append({QString(), base.toString(QUrl::StripTrailingSlash)});
    return t;
}

void MonitorTarget::prepare(QNetworkRequest *request, bool statsAuth) const
{
    const QString &user = statsAuth ? statsUser : restUser;
    const QString &password = statsAuth ? statsPassword : restPassword;
    if (!password.isEmpty()) {
        // Sent up front: Patroni answers 401 without a WWW-Authenticate challenge on some endpoints.
        request->setRawHeader("Authorization",
                              "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64());
    }
    request->setTransferTimeout(timeoutMs);
    request->setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (request->url().scheme() == QLatin1String("https") && !caFile.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        QList<QSslCertificate> cas = ssl.caCertificates();
        cas += QSslCertificate::fromPath(caFile, QSsl::Pem);
        ssl.setCaCertificates(cas);
        request->setSslConfiguration(ssl);
    }
}

QNetworkReply *MonitorTarget::send(QNetworkAccessManager *nam, const QByteArray &verb, const QString &url,
                                   const QByteArray &body, bool statsAuth) const
{
    QNetworkRequest req{QUrl(url)};
    prepare(&req, statsAuth);
    QNetworkReply *reply = nullptr;
    if (verb == "GET") {
        reply = nam->get(req);
    } else {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        reply = nam->sendCustomRequest(req, verb, body);
    }
    if (ignoreTlsErrors) {
        QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                         [reply](const QList<QSslError> &) { reply->ignoreSslErrors(); });
    }
    return reply;
}

} // namespace pgha
