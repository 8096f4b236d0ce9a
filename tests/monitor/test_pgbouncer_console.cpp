// PgBouncer's admin console for the dashboard: the one parser of SHOW POOLS / SHOW STATS on answers recorded from
// PgBouncer 1.18 (Debian 12), the protocol framing, SCRAM-SHA-256 against RFC 7677's example, and PgConsoleClient
// against a real pgbouncer (plain and TLS from a CA the test makes; a wrong password and a wrong CA refused).
#include "core/parse/PgBouncerParser.h"
#include "core/parse/PgWire.h"
#include "core/pki/Pki.h"
#include "core/util/ScramClient.h"
#include "monitor/PgConsoleClient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace pgha;

namespace {

QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(PGHA_SOURCE_DIR "/tests/monitor/data/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QString kHost = QStringLiteral("127.0.34.99");  // this test's own loopback address
const int kPort = 6499;
const QString kUser = QStringLiteral("pgb_monitor");
const QString kPassword = QStringLiteral("Console-Pw-4-tests-\"quoted\"");

struct ConsoleRun
{
    QList<PgWire::Table> tables;
    QString error;
    bool authFailed = false;
};

ConsoleRun ask(PgConsoleClient::Options o)
{
    o.host = kHost;
    o.port = kPort;
    o.user = kUser;
    o.timeoutMs = 5000;
    o.queries = {QStringLiteral("SHOW POOLS"), QStringLiteral("SHOW STATS")};
    PgConsoleClient c(o);
    ConsoleRun r;
    bool done = false;
    QObject::connect(&c, &PgConsoleClient::finished, &c,
                     [&](const QList<PgWire::Table> &t, const QString &e, bool auth) {
                         r.tables = t;
                         r.error = e;
                         r.authFailed = auth;
                         done = true;
                     });
    c.start();
    QDeadlineTimer until(10000);
    while (!done && !until.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (!done)
        r.error = QStringLiteral("the client never finished");
    return r;
}

} // namespace

class TestPgBouncerConsole : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/pgha-pgbconsole-XXXXXX")};
    QProcess m_pgbouncer;
    PemPair m_ca;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
        f.close();
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        return path;
    }

    bool startPgBouncer(bool tls)
    {
        stopPgBouncer();
        QString ini = QStringLiteral("[databases]\n* = host=127.0.34.98 port=5999\n[pgbouncer]\n"
                                     "listen_addr = %1\nlisten_port = %2\nunix_socket_dir =\n"
                                     "auth_type = scram-sha-256\nauth_file = %3\nstats_users = %4\n")
                          .arg(kHost)
                          .arg(kPort)
                          .arg(m_dir.filePath(QStringLiteral("userlist.txt")), kUser);
        if (tls) {
            m_ca = Pki::createCa(QStringLiteral("pgha test CA"), 2).value();
            const PemPair leaf = Pki::issueLeaf(m_ca, QStringLiteral("pgb"), {}, {kHost}, true, false, 2).value();
            ini += QStringLiteral("client_tls_sslmode = require\nclient_tls_cert_file = %1\nclient_tls_key_file = %2\n")
                       .arg(write(QStringLiteral("pgb.crt"), leaf.certPem), write(QStringLiteral("pgb.key"), leaf.keyPem));
        }
        const QString cfg = write(QStringLiteral("pgbouncer.ini"), ini.toUtf8());
        m_pgbouncer.setProcessChannelMode(QProcess::MergedChannels);
        if (geteuid() == 0)
            m_pgbouncer.start(QStringLiteral("setpriv"), {QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                                                          QStringLiteral("--clear-groups"), QStringLiteral("pgbouncer"), cfg});
        else
            m_pgbouncer.start(QStringLiteral("pgbouncer"), {cfg});
        if (!m_pgbouncer.waitForStarted(5000))
            return false;
        for (int i = 0; i < 100; ++i) {
            QTcpSocket s;
            s.connectToHost(kHost, kPort);
            if (s.waitForConnected(200))
                return true;
            if (m_pgbouncer.waitForFinished(100))
                return false;
        }
        return false;
    }
    void stopPgBouncer()
    {
        if (m_pgbouncer.state() != QProcess::NotRunning) {
            m_pgbouncer.terminate();
            if (!m_pgbouncer.waitForFinished(5000)) {
                m_pgbouncer.kill();
                m_pgbouncer.waitForFinished(5000);
            }
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                                | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
        QString quotedPw = kPassword;
        quotedPw.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        write(QStringLiteral("userlist.txt"), QStringLiteral("\"%1\" \"%2\"\n").arg(kUser, quotedPw).toUtf8());
    }
    void cleanupTestCase() { stopPgBouncer(); }

    void parsesRecordedShowPools()
    {
        const PgWire::Table t = PgBouncerParser::tableFromPsql(fixture("pgbouncer-1.18-show-pools.txt"));
        QCOMPARE(t.rows.size(), 2);
        const auto pools = PgBouncerParser::pools(t);
        QVERIFY(pools.ok());
        QCOMPARE(pools->size(), 1);  // the admin console's own pseudo-pool is left out
        const PgBouncerPool &p = pools->first();
        QCOMPARE(p.database, QStringLiteral("app"));
        QCOMPARE(p.user, QStringLiteral("pgb_auth"));
        QCOMPARE(p.clWaiting, 2);
        QCOMPARE(p.clActive, 0);
        QCOMPARE(p.poolMode, QStringLiteral("transaction"));
    }

    void parsesRecordedShowStats()
    {
        const auto stats = PgBouncerParser::stats(PgBouncerParser::tableFromPsql(fixture("pgbouncer-1.18-show-stats.txt")));
        QVERIFY(stats.ok());
        QCOMPARE(stats->size(), 1);
        QCOMPARE(stats->first().database, QStringLiteral("app"));
        QCOMPARE(stats->first().totalXactCount, qint64(0));
    }

    void columnsByNameNotPosition()
    {
        PgWire::Table t;
        t.columns = {QStringLiteral("pool_mode"), QStringLiteral("sv_login"), QStringLiteral("sv_used"), QStringLiteral("sv_idle"),
                     QStringLiteral("sv_active"), QStringLiteral("cl_waiting"), QStringLiteral("cl_active"), QStringLiteral("user"),
                     QStringLiteral("database"), QStringLiteral("maxwait"), QStringLiteral("maxwait_us"), QStringLiteral("new_in_1_99")};
        t.rows << QStringList{QStringLiteral("session"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                              QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6"), QStringLiteral("u"),
                              QStringLiteral("d"), QStringLiteral("2"), QStringLiteral("500"), QStringLiteral("x")};
        const auto pools = PgBouncerParser::pools(t);
        QVERIFY(pools.ok());
        QCOMPARE(pools->first().clActive, 6);
        QCOMPARE(pools->first().svActive, 4);
        QCOMPARE(pools->first().maxwaitUs, qint64(2000500));
        t.columns.removeAll(QStringLiteral("cl_waiting"));
        const auto broken = PgBouncerParser::pools(t);
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().message.contains(QLatin1String("cl_waiting")));
    }

    void framing()
    {
        // Two messages split across reads; a third incomplete one stays in the buffer.
        QByteArray wire = PgWire::query(QStringLiteral("SHOW POOLS")) + PgWire::terminate() + PgWire::query(QStringLiteral("x"));
        QByteArray buffer = wire.left(7);
        QString error;
        QVERIFY(PgWire::take(&buffer, &error).isEmpty());
        buffer += wire.mid(7, wire.size() - 9);
        const QList<PgWire::Message> m = PgWire::take(&buffer, &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(m.size(), 2);
        QCOMPARE(m.at(0).type, 'Q');
        QCOMPARE(m.at(0).body, QByteArray("SHOW POOLS\0", 11));
        QCOMPARE(m.at(1).type, 'X');
        QCOMPARE(buffer.size(), 5);  // 5 of the third message's 7 bytes
        QByteArray bad("D\xff\xff\xff\xff", 5);
        QVERIFY(PgWire::take(&bad, &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void scramMatchesRfc7677()
    {
        ScramClient c(QStringLiteral("pencil"), "rOprNGfwEbeRWgbNEkqO", "user");
        QCOMPARE(c.clientFirst(), QByteArray("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        QString error;
        const QByteArray final = c.clientFinal(
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", &error);
        QCOMPARE(final, QByteArray("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                                   "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
        QVERIFY(c.verifyServerFinal("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
        QVERIFY(!c.verifyServerFinal("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
        // A server nonce that does not extend the client's is refused.
        ScramClient d(QStringLiteral("pencil"), "abc");
        QVERIFY(d.clientFinal("r=xyz123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void realPgBouncerPlain()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pgbouncer"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")}).isEmpty())
            QSKIP("pgbouncer is not installed");
        QVERIFY(startPgBouncer(false));
        PgConsoleClient::Options o;
        o.password = kPassword;
        const ConsoleRun ok = ask(o);
        QVERIFY2(ok.error.isEmpty(), qPrintable(ok.error));
        QCOMPARE(ok.tables.size(), 2);
        QVERIFY(PgBouncerParser::pools(ok.tables.at(0)).ok());
        QVERIFY(PgBouncerParser::stats(ok.tables.at(1)).ok());
        QVERIFY(ok.tables.at(0).columns.contains(QStringLiteral("cl_waiting")));
        o.password = QStringLiteral("wrong");
        const ConsoleRun wrong = ask(o);
        QVERIFY(!wrong.error.isEmpty());
        QVERIFY(wrong.authFailed);
        QVERIFY(wrong.tables.isEmpty());
    }

    void realPgBouncerTls()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pgbouncer"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")}).isEmpty())
            QSKIP("pgbouncer is not installed");
        QVERIFY(startPgBouncer(true));
        PgConsoleClient::Options o;
        o.password = kPassword;
        o.tls = true;
        o.caCertificates = QSslCertificate::fromData(m_ca.certPem, QSsl::Pem);
        const ConsoleRun ok = ask(o);
        QVERIFY2(ok.error.isEmpty(), qPrintable(ok.error));
        QCOMPARE(ok.tables.size(), 2);
        // Another CA: the certificate is refused before any password is sent.
        const PemPair other = Pki::createCa(QStringLiteral("another CA"), 2).value();
        o.caCertificates = QSslCertificate::fromData(other.certPem, QSsl::Pem);
        const ConsoleRun refused = ask(o);
        QVERIFY(refused.error.startsWith(QLatin1String("TLS")));
        QVERIFY(!refused.authFailed);
        // Plain text to a pooler that requires TLS is refused by PgBouncer.
        o.tls = false;
        const ConsoleRun plain = ask(o);
        QVERIFY(!plain.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPgBouncerConsole)
#include "test_pgbouncer_console.moc"
