#include "monitor/TlsObserver.h"

#include "monitor/CredentialScope.h"
#include "monitor/RequestGuard.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <algorithm>
#include <tuple>

namespace pgha {

void TlsObserver::observe(QNetworkReply *reply, const QString &name, const QString &service)
{
    const QString key = CredentialScope::endpointKey(reply->url());
    TlsEndpointState &t = m_seen[key];
    if (t.endpoint.isEmpty()) {
        t.endpoint = key;
        t.name = name;
        t.service = service;
    }
    const QSslCertificate cert = reply->sslConfiguration().peerCertificate();
    if (!cert.isNull()) {
        t.subject = cert.subjectDisplayName();
        t.notAfter = cert.expiryDate().toUTC();
        // Whole days, rounded down; negative once expired.
        const qint64 secs = QDateTime::currentDateTimeUtc().secsTo(t.notAfter);
        t.daysLeft = int(secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400));
    }
    const QStringList errors = RequestGuard::tlsErrors(reply);
    if (!errors.isEmpty())
        t.error = errors.join(QLatin1String("; "));
    else if (t.error.isEmpty() && reply->error() == QNetworkReply::SslHandshakeFailedError)
        t.error = reply->errorString();
}

void TlsObserver::report(ClusterState *s, int warnDays, bool insecure) const
{
    if (insecure)
        s->findings << QCoreApplication::translate("pgha::Monitor", "TLS certificates are not verified (--insecure)");
    for (const TlsEndpointState &t : m_seen) {
        s->tls.append(t);
        if (t.notAfter.isValid() && t.daysLeft < warnDays) {
            s->findings << (t.daysLeft < 0 ? QCoreApplication::translate("pgha::Monitor", "certificate of %1 (%2) expired on %3")
                                                 .arg(t.name, t.endpoint, t.notAfter.toString(Qt::ISODate))
                                           : QCoreApplication::translate("pgha::Monitor", "certificate of %1 (%2) expires in %3 days (%4)")
                                                 .arg(t.name, t.endpoint)
                                                 .arg(t.daysLeft)
                                                 .arg(t.notAfter.toString(Qt::ISODate)));
        }
        if (!t.error.isEmpty() && insecure) {
            s->notes << QCoreApplication::translate("pgha::Monitor", "certificate of %1 (%2) accepted only because of --insecure: %3")
                            .arg(t.name, t.endpoint, t.error);
        }
    }
    std::sort(s->tls.begin(), s->tls.end(), [](const TlsEndpointState &a, const TlsEndpointState &b) {
        return std::tie(a.name, a.endpoint) < std::tie(b.name, b.endpoint);
    });
}

} // namespace pgha
