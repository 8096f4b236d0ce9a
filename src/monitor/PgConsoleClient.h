#pragma once

#include "core/parse/PgWire.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include <memory>

class QSslSocket;
class QTimer;

namespace pgha {

class ScramClient;

// Simple queries on a PostgreSQL-protocol admin console (PgBouncer's "pgbouncer" database: SHOW POOLS, SHOW STATS)
// with SCRAM-SHA-256 and, when asked, TLS verified against the given CAs and the host's address. Asynchronous on
// the event loop; one run per object; finished() exactly once, then the object may be deleted. The bytes are
// decoded by core's PgWire, the answers parsed by PgBouncerParser.
class PgConsoleClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString host;
        int port = 6432;
        QString user;
        QString password;
        QString database = QStringLiteral("pgbouncer");
        bool tls = false;
        QList<QSslCertificate> caCertificates;  // the only CAs trusted when set
        bool ignoreTlsErrors = false;
        int timeoutMs = 3000;                   // for the whole run
        QStringList queries;
    };

    explicit PgConsoleClient(Options options, QObject *parent = nullptr);
    ~PgConsoleClient() override;
    void start();

signals:
    // tables: one per query, in order, when error is empty. authFailed: the server refused the user or password.
    void finished(const QList<pgha::PgWire::Table> &tables, const QString &error, bool authFailed);

private:
    enum class Phase { Connecting, SslAnswer, Auth, Ready, Query, Done };
    void onConnected();
    void onReadyRead();
    void handle(const PgWire::Message &m);
    void sendStartup();
    void nextQuery();
    void fail(const QString &error, bool authFailed = false);
    void finish();

    Options m_o;
    QSslSocket *m_socket;
    QTimer *m_timer;
    Phase m_phase = Phase::Connecting;
    QByteArray m_buffer;
    std::unique_ptr<ScramClient> m_scram;
    QList<PgWire::Table> m_tables;
    PgWire::Table m_current;
    int m_next = 0;
};

} // namespace pgha
