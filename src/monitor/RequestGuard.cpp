#include "monitor/RequestGuard.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkReply>
#include <QSslError>
#include <QTimer>
#include <QUrl>

namespace pgha::RequestGuard {

namespace {

const char kGuardError[] = "pghaGuardError";
const char kTlsErrors[] = "pghaTlsErrors";
const char kCompleteByBody[] = "pghaCompleteByBody";

QString sizeText(qint64 bytes)
{
    return bytes % (1024 * 1024) == 0 ? QStringLiteral("%1 MiB").arg(bytes / (1024 * 1024))
                                      : QStringLiteral("%1 bytes").arg(bytes);
}

const char kSinkName[] = "pghaBodySink";

void stop(QNetworkReply *reply, const QString &why)
{
    if (reply->isFinished() || !reply->property(kGuardError).toString().isEmpty())
        return;
    reply->setProperty(kGuardError, why);
    reply->abort();
}

// The body read so far, owned by the reply.
class BodySink : public QObject
{
public:
    using QObject::QObject;
    QByteArray data;
    qint64 maxBytes = 0;
    bool overflow = false;
};

// Patroni's REST server (Python's BaseHTTPRequestHandler, HTTP/1.0) sends no Content-Length and ends the body
// by closing the connection. Over TLS it first waits for the client's close_notify, which Qt does not send while
// the reply is open, so the reply would only end at the deadline. A JSON body that parses whole is complete.
bool completeJsonWithoutLength(QNetworkReply *reply, const QByteArray &data)
{
    if (reply->url().scheme() != QLatin1String("https") || reply->header(QNetworkRequest::ContentLengthHeader).isValid()
        || reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 0)
        return false;
    const QByteArray trimmed = data.trimmed();
    if (trimmed.isEmpty() || (!trimmed.endsWith('}') && !trimmed.endsWith(']')))
        return false;
    QJsonParseError err;
    QJsonDocument::fromJson(trimmed, &err);
    return err.error == QJsonParseError::NoError;
}

void drain(QNetworkReply *reply, BodySink *sink, qint64 maxBytes)
{
    if (sink->overflow || reply->property(kCompleteByBody).toBool())
        return;
    sink->data += reply->read(maxBytes + 1 - sink->data.size());
    if (sink->data.size() > maxBytes) {
        sink->overflow = true;
        sink->data.clear();
        stop(reply, QCoreApplication::translate("pgha::Monitor", "%1: answer larger than %2, not read").arg(endpoint(reply), sizeText(maxBytes)));
    } else if (!reply->isFinished() && completeJsonWithoutLength(reply, sink->data)) {
        reply->setProperty(kCompleteByBody, true);
        reply->abort();
    }
}

} // namespace

QString endpoint(QNetworkReply *reply)
{
    const QUrl u = reply->url();
    const int defaultPort = u.scheme() == QLatin1String("https") ? 443 : 80;
    const QString host = u.host().contains(QLatin1Char(':')) ? QLatin1Char('[') + u.host() + QLatin1Char(']') : u.host();
    return host + QLatin1Char(':') + QString::number(u.port(defaultPort));
}

void attach(QNetworkReply *reply, int deadlineMs, qint64 maxBytes, bool ignoreTlsErrors)
{
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    QObject::connect(deadline, &QTimer::timeout, reply, [reply, deadlineMs] {
        stop(reply, QCoreApplication::translate("pgha::Monitor", "%1: no complete answer within %2 ms").arg(endpoint(reply)).arg(deadlineMs));
    });
    QObject::connect(reply, &QNetworkReply::finished, deadline, &QTimer::stop);
    deadline->start(deadlineMs);

    // Without a read buffer limit Qt's HTTP thread reads as fast as the peer sends, far ahead of any signal
    // here. A small buffer, drained into the sink below as data arrives, keeps memory at the cap at most: the
    // peer waits while the buffer is full.
    reply->setReadBufferSize(64 * 1024);
    auto *sink = new BodySink(reply);
    sink->maxBytes = maxBytes;
    sink->setObjectName(QString::fromLatin1(kSinkName));
    QObject::connect(reply, &QNetworkReply::readyRead, sink, [reply, sink, maxBytes] { drain(reply, sink, maxBytes); });
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply, maxBytes](qint64, qint64 total) {
        if (total > maxBytes)
            stop(reply, QCoreApplication::translate("pgha::Monitor", "%1: answer larger than %2 (Content-Length %3), not read")
                            .arg(endpoint(reply), sizeText(maxBytes))
                            .arg(total));
    });

    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply, ignoreTlsErrors](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        texts.removeDuplicates();
        reply->setProperty(kTlsErrors, texts);
        if (ignoreTlsErrors)
            reply->ignoreSslErrors();
    });
}

QByteArray body(QNetworkReply *reply)
{
    auto *sink = reply->findChild<BodySink *>(QString::fromLatin1(kSinkName), Qt::FindDirectChildrenOnly);
    if (!sink)
        return reply->readAll();
    if (!sink->overflow && reply->bytesAvailable() > 0)
        drain(reply, sink, sink->maxBytes);
    return sink->overflow ? QByteArray() : sink->data;
}

QStringList tlsErrors(QNetworkReply *reply)
{
    return reply->property(kTlsErrors).toStringList();
}

QString error(QNetworkReply *reply)
{
    if (reply->property(kCompleteByBody).toBool())
        return {};
    const QString guard = reply->property(kGuardError).toString();
    if (!guard.isEmpty())
        return guard;
    const QStringList tls = reply->property(kTlsErrors).toStringList();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!tls.isEmpty() && status == 0)
        return QCoreApplication::translate("pgha::Monitor", "%1: certificate not accepted: %2").arg(endpoint(reply), tls.join(QLatin1String("; ")));
    if (reply->error() == QNetworkReply::OperationCanceledError)
        return QCoreApplication::translate("pgha::Monitor", "%1: timed out").arg(endpoint(reply));
    if (status == 401)
        return QCoreApplication::translate("pgha::Monitor", "%1: authentication failed (HTTP 401)").arg(endpoint(reply));
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        if (reply->error() == QNetworkReply::SslHandshakeFailedError)
            return QCoreApplication::translate("pgha::Monitor", "%1: TLS handshake failed: %2").arg(endpoint(reply), reply->errorString());
        return reply->errorString();
    }
    return {};
}

} // namespace pgha::RequestGuard
