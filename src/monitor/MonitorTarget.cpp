#include "monitor/MonitorTarget.h"

#include "core/generate/PgBouncerConfig.h"
#include "core/model/BackupLayout.h"

#include "monitor/RequestGuard.h"

#include <QCoreApplication>
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
    // A TLS design (cluster.security.tls) speaks https on the REST API and etcd's client port; HAProxy's stats
    // page stays http (the generators do not put it behind TLS).
    const bool tls = https || c.security.tls;
    const QString scheme = tls ? QStringLiteral("https://") : QStringLiteral("http://");
    const QString etcdScheme = c.security.tls ? QStringLiteral("https://") : QStringLiteral("http://");
    for (const Host &h : topology.hosts) {
        const QString host = hostForUrl(h.address);
        if (h.has(Role::Postgres)) {
            t.patroni.append({h.name, scheme + host + QLatin1Char(':') + QString::number(c.patroni.restApiPort)});
            t.expectedMembers << h.name;
        }
        if (h.has(Role::Etcd))
            t.etcd.append({h.name, etcdScheme + host + QLatin1Char(':') + QString::number(c.etcd.clientPort)});
        if (h.has(Role::HAProxy)) {
            t.haproxy.append({h.name, QStringLiteral("http://") + host + QLatin1Char(':')
                                          + QString::number(c.haproxy.statsPort) + QStringLiteral("/;csv")});
        }
    }
    for (const Endpoint &e : std::as_const(t.patroni))
        t.restScope.addEndpoint(QUrl(e.url));
    // The cluster CA is the only one trusted; the admin certificate is presented where a server asks (etcd's
    // client-cert-auth, Patroni's verify_client for unsafe methods).
    // Only a TLS design touches the TLS backend (its start-up cost stays off a plain-http status).
    if (tls && !secrets.tls.ca.certPem.isEmpty())
        t.caCertificates = QSslCertificate::fromData(secrets.tls.ca.certPem, QSsl::Pem);
    if (tls && !secrets.tls.admin.certPem.isEmpty() && !secrets.tls.admin.keyPem.isEmpty()) {
        t.clientCertificate = QSslCertificate(secrets.tls.admin.certPem, QSsl::Pem);
        t.clientKey = QSslKey(secrets.tls.admin.keyPem, QSsl::Ec, QSsl::Pem);
    }
    t.certWarnDays = c.security.certWarnDays;
    t.restUser = secrets.restApiUser;
    t.restPassword = secrets.restApiPassword;
    t.statsUser = secrets.haproxyStatsUser;
    t.statsPassword = secrets.haproxyStatsPassword;
    t.lagThresholdBytes = c.patroni.maximumLagOnFailover > 0 ? c.patroni.maximumLagOnFailover : 1048576;
    // PgBouncer: SHOW POOLS / SHOW STATS on each pooler's admin console as the auth_user (stats_users).
    for (const Host *h : PgBouncerConfig::hosts(topology))
        t.pgbouncer.append({h->name, hostForUrl(h->address) + QLatin1Char(':') + QString::number(c.pooler.port)});
    t.poolerUser = c.pooler.authUser;
    t.poolerPassword = secrets.poolerAuthPassword;
    t.poolerTls = c.security.tls;
    t.archiver = BackupLayout::enabled(topology);
    t.pgUser = c.users.superuser;
    t.pgPassword = secrets.superuserPassword;
    t.pgTls = c.security.tls;
    t.pgPort = c.postgres.port;
    t.repository = BackupLayout::enabled(topology);
    t.backupFullSchedule = c.backup.full;
    t.backupDiffSchedule = c.backup.diff;
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
        return Error(QCoreApplication::translate("pgha::Monitor", "not a Patroni REST URL: \"%1\" (expected http://HOST:8008)").arg(url));
    QUrl base = u;
    base.setPath(QString());
    base.setQuery(QString());
    base.setFragment(QString());
    if (base.port() < 0)
        base.setPort(8008);
    MonitorTarget t;
    t.patroni.append({QString(), base.toString(QUrl::StripTrailingSlash)});
    t.restScope.addHost(base.host());
    return t;
}

bool MonitorTarget::sameEndpoints(const MonitorTarget &o) const
{
    auto same = [](const QList<Endpoint> &a, const QList<Endpoint> &b) {
        if (a.size() != b.size())
            return false;
        for (int i = 0; i < a.size(); ++i) {
            if (a.at(i).name != b.at(i).name || a.at(i).url != b.at(i).url)
                return false;
        }
        return true;
    };
    return same(patroni, o.patroni) && same(etcd, o.etcd) && same(haproxy, o.haproxy) && same(pgbouncer, o.pgbouncer)
        && expectedMembers == o.expectedMembers && clusterName == o.clusterName;
}

Result<void> MonitorTarget::loadClientCertificate(const QByteArray &certPem, const QByteArray &keyPem)
{
    const QSslCertificate cert(certPem, QSsl::Pem);
    const QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
    if (cert.isNull() || key.isNull())
        return Error(QCoreApplication::translate("pgha::Monitor", "the admin client certificate or its key (ECDSA, PEM) cannot be read"));
    clientCertificate = cert;
    clientKey = key;
    return {};
}

Result<void> MonitorTarget::loadCaFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(QCoreApplication::translate("pgha::Monitor", "%1: cannot read the CA file: %2").arg(path, f.errorString()));
    const QByteArray pem = f.read(1024 * 1024 + 1);
    const QList<QSslCertificate> certs = QSslCertificate::fromData(pem, QSsl::Pem);
    if (pem.size() > 1024 * 1024 || certs.isEmpty())
        return Error(QCoreApplication::translate("pgha::Monitor", "%1: no PEM certificate in the CA file").arg(path));
    caCertificates = certs;
    return {};
}

bool MonitorTarget::sendsCredentials(const QString &url, Auth auth) const
{
    switch (auth) {
    case Auth::None:
        return false;
    case Auth::Rest:
        return !restPassword.isEmpty() && restScope.allows(QUrl(url));
    case Auth::Stats:
        if (statsPassword.isEmpty())
            return false;
        for (const Endpoint &e : haproxy) {
            if (e.url == url)
                return true;
        }
        return false;
    }
    return false;
}

void MonitorTarget::prepare(QNetworkRequest *request, Auth auth) const
{
    if (sendsCredentials(request->url().toString(), auth)) {
        const QString &user = auth == Auth::Stats ? statsUser : restUser;
        const QString &password = auth == Auth::Stats ? statsPassword : restPassword;
        // Sent up front: Patroni answers 401 without a WWW-Authenticate challenge on some endpoints.
        request->setRawHeader("Authorization",
                              "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64());
    }
    // Qt's own idle timeout stays as a second bound; the total deadline is RequestGuard's.
    request->setTransferTimeout(timeoutMs);
    request->setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // HTTP/1.1 only: of the daemons only etcd (Go) would negotiate HTTP/2 over TLS; one protocol everywhere, the
    // one the lab checks (etcd's status and member list over TLS with the admin certificate).
    request->setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (request->url().scheme() == QLatin1String("https")) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!caCertificates.isEmpty())
            ssl.setCaCertificates(caCertificates);
        if (clientCertificate && clientKey && !clientCertificate->isNull() && !clientKey->isNull()) {
            ssl.setLocalCertificate(*clientCertificate);
            ssl.setPrivateKey(*clientKey);
        }
        ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
        request->setSslConfiguration(ssl);
    }
}

QNetworkReply *MonitorTarget::send(QNetworkAccessManager *nam, const QByteArray &verb, const QString &url,
                                   const QByteArray &body, Auth auth) const
{
    QNetworkRequest req{QUrl(url)};
    prepare(&req, auth);
    QNetworkReply *reply = nullptr;
    if (verb == "GET") {
        reply = nam->get(req);
    } else {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        reply = nam->sendCustomRequest(req, verb, body);
    }
    RequestGuard::attach(reply, timeoutMs, maxBodyBytes, ignoreTlsErrors);
    return reply;
}

} // namespace pgha
