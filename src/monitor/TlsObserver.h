#pragma once

#include "monitor/ClusterState.h"

#include <QMap>

class QNetworkReply;

namespace pgha {

// What the https endpoints presented during one poll round: the certificate (subject, expiry) and any TLS error,
// per host:port. Turned into ClusterState::tls, expiry findings (within cert_warn_days) and --insecure notes.
class TlsObserver
{
public:
    void clear() { m_seen.clear(); }
    void observe(QNetworkReply *reply, const QString &name, const QString &service);
    void report(ClusterState *state, int warnDays, bool insecure) const;

private:
    QMap<QString, TlsEndpointState> m_seen;  // by host:port
};

} // namespace pgha
