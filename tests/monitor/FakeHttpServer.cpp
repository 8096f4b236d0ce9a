#include "FakeHttpServer.h"

#include <QMutexLocker>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

FakeHttpServer::FakeHttpServer(QObject *parent) : QTcpServer(parent) {}

bool FakeHttpServer::start(const QHostAddress &address, quint16 port)
{
    return listen(address, port);
}

QString FakeHttpServer::baseUrl() const
{
    QMutexLocker lock(&m_mutex);
    return QStringLiteral("%1://%2:%3")
        .arg(m_certificate.isNull() ? QStringLiteral("http") : QStringLiteral("https"), serverAddress().toString())
        .arg(serverPort());
}

void FakeHttpServer::setResponse(const QByteArray &method, const QByteArray &path, int status, const QByteArray &body)
{
    QMutexLocker lock(&m_mutex);
    m_table.insert(method + ' ' + path, Response{status, body, "application/json"});
}

void FakeHttpServer::setHandler(Handler handler)
{
    QMutexLocker lock(&m_mutex);
    m_handler = std::move(handler);
}

void FakeHttpServer::setRefuseAll(bool refuse)
{
    QMutexLocker lock(&m_mutex);
    m_refuse = refuse;
}

QList<FakeHttpServer::Request> FakeHttpServer::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

void FakeHttpServer::clearRequests()
{
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
}

void FakeHttpServer::setTls(const QSslCertificate &certificate, const QSslKey &key)
{
    QMutexLocker lock(&m_mutex);
    m_certificate = certificate;
    m_key = key;
}

void FakeHttpServer::setKeepAlive(bool keepAlive)
{
    QMutexLocker lock(&m_mutex);
    m_keepAlive = keepAlive;
}

int FakeHttpServer::connections() const
{
    QMutexLocker lock(&m_mutex);
    return m_connections;
}

int FakeHttpServer::handshakes() const
{
    QMutexLocker lock(&m_mutex);
    return m_handshakes;
}

qint64 FakeHttpServer::bytesSent() const
{
    QMutexLocker lock(&m_mutex);
    return m_bytesSent;
}

void FakeHttpServer::drip(QTcpSocket *socket, const QByteArray &body, int intervalMs)
{
    auto *timer = new QTimer(socket);
    auto sent = std::make_shared<int>(0);
    connect(timer, &QTimer::timeout, socket, [this, socket, body, sent, timer] {
        if (*sent >= body.size()) {
            timer->stop();
            socket->disconnectFromHost();
            return;
        }
        socket->write(body.mid(*sent, 1));
        ++*sent;
        QMutexLocker lock(&m_mutex);
        ++m_bytesSent;
    });
    timer->start(intervalMs);
}

void FakeHttpServer::endless(QTcpSocket *socket)
{
    static const QByteArray chunk = QByteArray::number(65536, 16) + "\r\n" + QByteArray(65536, 'x') + "\r\n";
    auto feed = [this, socket] {
        // Keep a little in the socket's buffer: as fast as the client reads, never without bound here.
        while (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() < 4 * chunk.size()) {
            socket->write(chunk);
            QMutexLocker lock(&m_mutex);
            m_bytesSent += 65536;
        }
    };
    connect(socket, &QTcpSocket::bytesWritten, socket, feed);
    feed();
}

void FakeHttpServer::incomingConnection(qintptr socketDescriptor)
{
    QTcpSocket *socket = nullptr;
    bool tls = false;
    {
        QMutexLocker lock(&m_mutex);
        tls = !m_certificate.isNull();
        ++m_connections;
    }
    if (tls) {
        auto *ssl = new QSslSocket(this);
        ssl->setSocketDescriptor(socketDescriptor);
        QMutexLocker lock(&m_mutex);
        ssl->setLocalCertificateChain(QList<QSslCertificate>{m_certificate});
        ssl->setPrivateKey(m_key);
        // Ask for a client certificate without requiring one, like Patroni's verify_client: optional.
        ssl->setPeerVerifyMode(QSslSocket::QueryPeer);
        connect(ssl, &QSslSocket::encrypted, this, [this] {
            QMutexLocker l(&m_mutex);
            ++m_handshakes;
        });
        connect(ssl, &QSslSocket::sslErrors, ssl, [ssl](const QList<QSslError> &) { ssl->ignoreSslErrors(); });
        ssl->startServerEncryption();
        socket = ssl;
    } else {
        socket = new QTcpSocket(this);
        socket->setSocketDescriptor(socketDescriptor);
    }
    {
        QMutexLocker lock(&m_mutex);
        if (m_refuse) {
            socket->abort();
            socket->deleteLater();
            return;
        }
    }
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
        buffer->append(socket->readAll());
        while (true) {
            const int headerEnd = int(buffer->indexOf("\r\n\r\n"));
            if (headerEnd < 0)
                return;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            Request req;
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            req.method = first.value(0);
            req.path = first.value(1);
            if (auto *ssl = qobject_cast<QSslSocket *>(socket))
                req.clientCertificate = ssl->peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0);
            int contentLength = 0;
            for (int i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const int colon = int(line.indexOf(':'));
                if (colon < 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name == "content-length")
                    contentLength = value.toInt();
                else if (name == "authorization")
                    req.authorization = value;
                req.headers.append({name, value});
            }
            if (buffer->size() < headerEnd + 4 + contentLength)
                return;
            req.body = buffer->mid(headerEnd + 4, contentLength);
            buffer->remove(0, headerEnd + 4 + contentLength);
            Response resp{404, "{\"error\":\"not found\"}", "application/json"};
            bool keepAlive = false;
            {
                QMutexLocker lock(&m_mutex);
                keepAlive = m_keepAlive;
                m_requests.append(req);
                bool handled = false;
                if (m_handler) {
                    const Response r = m_handler(req);
                    if (r.status != 0) {
                        resp = r;
                        handled = true;
                    }
                }
                if (!handled) {
                    const auto it = m_table.constFind(req.method + ' ' + req.path);
                    if (it != m_table.cend())
                        resp = it.value();
                }
            }
            if (resp.mode != Mode::Normal || !keepAlive) {
                // Answer once per connection; what arrives after the request is ignored.
                disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
            }
            if (resp.mode == Mode::Drip) {
                socket->write("HTTP/1.1 " + QByteArray::number(resp.status) + " X\r\nContent-Type: " + resp.contentType
                              + "\r\nContent-Length: " + QByteArray::number(resp.body.size())
                              + "\r\nConnection: close\r\n\r\n");
                drip(socket, resp.body, resp.dripIntervalMs);
                return;
            }
            if (resp.mode == Mode::Endless) {
                socket->write("HTTP/1.1 " + QByteArray::number(resp.status) + " X\r\nContent-Type: " + resp.contentType
                              + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
                endless(socket);
                return;
            }
            const QByteArray out = "HTTP/1.1 " + QByteArray::number(resp.status) + " X\r\nContent-Type: "
                + resp.contentType + "\r\nContent-Length: " + QByteArray::number(resp.body.size())
                + (keepAlive ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n") + resp.body;
            socket->write(out);
            if (!keepAlive) {
                socket->disconnectFromHost();
                return;
            }
        }
    });
}
