#pragma once

#include <QString>

class QNetworkReply;

namespace pgha {

// Bounds every monitor request, whoever answers it. Qt's transfer timeout only fires while a connection is idle,
// so a server dripping one byte a second keeps a request alive for ever: the guard gives each request a TOTAL
// deadline. An endless (or merely huge) answer would grow in memory until the process dies: the guard aborts a
// reply once it announces or delivers more than the cap. TLS errors are kept with the reply so that the
// message names the host and the reason.
namespace RequestGuard {

constexpr qint64 kMaxBodyBytes = 4 * 1024 * 1024;

// Arms the deadline and the size cap on a reply just started. ignoreTlsErrors: accept any certificate
// (--insecure), the errors are still recorded.
void attach(QNetworkReply *reply, int deadlineMs, qint64 maxBytes = kMaxBodyBytes, bool ignoreTlsErrors = false);

// Why the request failed at the transport level ("timed out", body too large, TLS, refused, 401), naming the
// host; empty when an HTTP answer arrived (any status other than 401).
QString error(QNetworkReply *reply);

// The body of a finished reply (what the guard collected; empty when it was over the cap). Use this, not
// readAll(): the guard has already read the data out of the reply.
QByteArray body(QNetworkReply *reply);

// The TLS errors seen on a reply, also those --insecure ignored.
QStringList tlsErrors(QNetworkReply *reply);

// The host:port a reply talked to, for messages.
QString endpoint(QNetworkReply *reply);

} // namespace RequestGuard
} // namespace pgha
