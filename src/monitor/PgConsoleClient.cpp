#include "monitor/PgConsoleClient.h"

#include "core/util/ScramClient.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace pgha {

PgConsoleClient::PgConsoleClient(Options options, QObject *parent)
    : QObject(parent), m_o(std::move(options)), m_socket(new QSslSocket(this)), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this,
            [this] { fail(QStringLiteral("no complete answer within %1 ms").arg(m_o.timeoutMs)); });
    connect(m_socket, &QSslSocket::connected, this, &PgConsoleClient::onConnected);
    connect(m_socket, &QSslSocket::readyRead, this, &PgConsoleClient::onReadyRead);
    connect(m_socket, &QSslSocket::encrypted, this, &PgConsoleClient::sendStartup);
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_phase != Phase::Done)
            fail(m_socket->errorString());
    });
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        if (m_o.ignoreTlsErrors) {
            m_socket->ignoreSslErrors(errors);
            return;
        }
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        fail(QStringLiteral("TLS: ") + texts.join(QStringLiteral("; ")));
    });
}

PgConsoleClient::~PgConsoleClient() = default;

void PgConsoleClient::start()
{
    m_timer->start(m_o.timeoutMs);
    if (m_o.tls) {
        QSslConfiguration c = m_socket->sslConfiguration();
        if (!m_o.caCertificates.isEmpty())
            c.setCaCertificates(m_o.caCertificates);
        c.setPeerVerifyMode(QSslSocket::VerifyPeer);
        c.setProtocol(QSsl::TlsV1_2OrLater);
        m_socket->setSslConfiguration(c);
        m_socket->setPeerVerifyName(m_o.host);
    }
    m_socket->connectToHost(m_o.host, quint16(m_o.port));
}

void PgConsoleClient::onConnected()
{
    if (m_o.tls) {
        m_phase = Phase::SslAnswer;
        m_socket->write(PgWire::sslRequest());
        return;
    }
    sendStartup();
}

void PgConsoleClient::sendStartup()
{
    m_phase = Phase::Auth;
    m_socket->write(PgWire::startup(m_o.user, m_o.database, QStringLiteral("pgha-monitor")));
}

void PgConsoleClient::onReadyRead()
{
    if (m_phase == Phase::Done)
        return;
    if (m_phase == Phase::SslAnswer) {
        // One byte, before any TLS: 'S' to go on with the handshake, 'N' when the server has no TLS.
        char answer = 0;
        if (m_socket->read(&answer, 1) != 1)
            return;
        if (answer != 'S') {
            fail(QStringLiteral("the server does not offer TLS"));
            return;
        }
        m_phase = Phase::Connecting;
        m_socket->startClientEncryption();
        return;
    }
    m_buffer += m_socket->readAll();
    QString error;
    const QList<PgWire::Message> messages = PgWire::take(&m_buffer, &error);
    for (const PgWire::Message &m : messages) {
        handle(m);
        if (m_phase == Phase::Done)
            return;
    }
    if (!error.isEmpty())
        fail(error);
}

void PgConsoleClient::handle(const PgWire::Message &m)
{
    if (m.type == 'E') {
        const QString text = PgWire::errorText(m);
        // 28P01 invalid_password, 28000 invalid_authorization_specification (PgBouncer: "not allowed" ...).
        fail(text, m_phase == Phase::Auth || text.contains(QLatin1String("(28")));
        return;
    }
    if (m.type == 'N' || m.type == 'S' || m.type == 'K')
        return;  // notices, parameter status, cancel key
    if (m_phase == Phase::Auth && m.type == 'R') {
        QByteArray data;
        const int code = PgWire::authentication(m, &data);
        if (code == 0)
            return;  // ok; ReadyForQuery follows
        if (code == 10) {
            if (!PgWire::saslMechanisms(data).contains(QStringLiteral("SCRAM-SHA-256"))) {
                fail(QStringLiteral("the server offers no SCRAM-SHA-256"));
                return;
            }
            m_scram = std::make_unique<ScramClient>(m_o.password);
            m_socket->write(PgWire::saslInitialResponse("SCRAM-SHA-256", m_scram->clientFirst()));
            return;
        }
        if (code == 11 && m_scram) {
            QString error;
            const QByteArray final = m_scram->clientFinal(data, &error);
            if (final.isEmpty()) {
                fail(error);
                return;
            }
            m_socket->write(PgWire::saslResponse(final));
            return;
        }
        if (code == 12 && m_scram) {
            if (!m_scram->verifyServerFinal(data))
                fail(QStringLiteral("SCRAM: the server's signature does not match"));
            return;
        }
        // Cleartext or MD5 would hand the password over: not offered by a generated PgBouncer, never answered.
        fail(QStringLiteral("unsupported authentication request %1").arg(code), true);
        return;
    }
    if (m.type == 'Z') {
        nextQuery();
        return;
    }
    if (m_phase != Phase::Query)
        return;
    if (m.type == 'T') {
        m_current.columns = PgWire::rowDescription(m);
    } else if (m.type == 'D') {
        m_current.rows << PgWire::dataRow(m);
    } else if (m.type == 'C') {
        m_current.command = PgWire::commandTag(m);
        m_tables << m_current;
        m_current = {};
    }
}

void PgConsoleClient::nextQuery()
{
    if (m_next >= m_o.queries.size()) {
        finish();
        return;
    }
    m_phase = Phase::Query;
    m_socket->write(PgWire::query(m_o.queries.at(m_next++)));
}

void PgConsoleClient::fail(const QString &error, bool authFailed)
{
    if (m_phase == Phase::Done)
        return;
    m_phase = Phase::Done;
    m_timer->stop();
    m_socket->abort();
    emit finished({}, error.isEmpty() ? QStringLiteral("failed") : error, authFailed);
}

void PgConsoleClient::finish()
{
    m_phase = Phase::Done;
    m_timer->stop();
    m_socket->write(PgWire::terminate());
    m_socket->disconnectFromHost();
    emit finished(m_tables, QString(), false);
}

} // namespace pgha
