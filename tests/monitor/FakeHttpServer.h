#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

#include <functional>

// A tiny HTTP/1.1 server for the monitor's tests: answers "METHOD /path" from a table (or a handler), records
// every request, closes each connection after its answer. Bind it to a 127.0.0.0/8 address only (127.0.2.x for
// the fake cluster, 127.0.23.x for the hostile cases). It can also misbehave: drip an answer a byte at a time,
// or send a body that never ends.
class FakeHttpServer : public QTcpServer
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QByteArray authorization;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;  // every header as sent (names lower-cased)
        QString clientCertificate;                     // TLS: CN of the certificate the client presented
    };
    enum class Mode {
        Normal,
        Drip,      // headers at once, then the body one byte per dripIntervalMs (Content-Length announced)
        Endless,   // chunked body of 64 KiB chunks that never ends
    };
    struct Response
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        Mode mode = Mode::Normal;
        int dripIntervalMs = 1000;
    };
    using Handler = std::function<Response(const Request &)>;

    explicit FakeHttpServer(QObject *parent = nullptr);

    bool start(const QHostAddress &address, quint16 port = 0);
    QString baseUrl() const;

    // Thread-safe: tests change answers while a client polls from another thread.
    void setResponse(const QByteArray &method, const QByteArray &path, int status, const QByteArray &body);
    void setHandler(Handler handler);      // consulted before the table
    void setRefuseAll(bool refuse);        // close connections at once (a dead REST API)
    QList<Request> requests() const;
    void clearRequests();
    qint64 bytesSent() const;              // body bytes written in Drip/Endless modes
    // TLS with this certificate (asks for a client certificate, does not require one); set before clients come.
    void setTls(const QSslCertificate &certificate, const QSslKey &key);
    void setKeepAlive(bool keepAlive);     // answer many requests per connection (HTTP/1.1 keep-alive)
    int connections() const;               // TCP connections accepted
    int handshakes() const;                // TLS handshakes completed

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    mutable QMutex m_mutex;
    QHash<QByteArray, Response> m_table;
    Handler m_handler;
    bool m_refuse = false;
    QList<Request> m_requests;
    qint64 m_bytesSent = 0;
    QSslCertificate m_certificate;
    QSslKey m_key;
    bool m_keepAlive = false;
    int m_connections = 0;
    int m_handshakes = 0;

    void drip(class QTcpSocket *socket, const QByteArray &body, int intervalMs);
    void endless(class QTcpSocket *socket);
};
