#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QTcpServer>

#include <functional>

// A tiny HTTP/1.1 server for the monitor's tests: answers "METHOD /path" from a table (or a handler), records
// every request, closes each connection after its answer. Bind it to a 127.0.2.x address only.
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
    };
    struct Response
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
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

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    mutable QMutex m_mutex;
    QHash<QByteArray, Response> m_table;
    Handler m_handler;
    bool m_refuse = false;
    QList<Request> m_requests;
};
