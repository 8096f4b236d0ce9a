// The SCRAM-SHA-256 verifier pgha computes for the PgBouncer auth_user (ScramClient::verifier,
// PgBouncerConfig::authVerifier; issue 10): the same string PostgreSQL itself stores for the same password, salt and
// iteration count, checked against a throwaway local PostgreSQL (initdb in a temporary directory, Unix socket only):
// `SET password_encryption = 'scram-sha-256'; CREATE ROLE ... PASSWORD '<clear>'` -> pg_authid.rolpassword, then our
// verifier from its salt must be equal; ALTER ROLE ... PASSWORD '<our verifier>' is stored as it is and the role
// logs in with the clear password over SCRAM. ASCII, non-ASCII (SASLprep: NFKC, a non-ASCII space) and a known
// RFC 7677-style vector. The deploy's SQL holds the verifier, never the clear text.
#include "core/generate/PgBouncerConfig.h"
#include "core/model/Secrets.h"
#include "core/model/Topology.h"
#include "core/util/ScramClient.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace pgha;

namespace {

const QString kBin = QStringLiteral("/usr/lib/postgresql/15/bin");

struct Run
{
    int code = -1;
    QByteArray out;
};

} // namespace

class TestScramVerifier : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp{QStringLiteral("/tmp/pgha-scramverifier-XXXXXX")};
    QString m_data;
    QString m_socket;
    bool m_started = false;
    const int m_port = 54391;

    // PROGRAM ARGS, as the postgres user when this test runs as root (initdb refuses root).
    Run run(const QString &program, const QStringList &args, const QByteArray &input = {},
            const QProcessEnvironment &extraEnv = {}) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &k : extraEnv.keys())
            env.insert(k, extraEnv.value(k));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        if (geteuid() == 0)
            p.start(QStringLiteral("setpriv"), QStringList{QStringLiteral("--reuid=postgres"), QStringLiteral("--regid=postgres"),
                                                           QStringLiteral("--init-groups"), program}
                                                   + args);
        else
            p.start(program, args);
        Run r;
        if (!p.waitForStarted(10000))
            return r;
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            p.kill();
        p.waitForFinished(5000);
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAll().trimmed();
        return r;
    }
    Run psql(const QString &sql, const QString &user = QStringLiteral("postgres"), const QString &password = {}) const
    {
        QProcessEnvironment env;
        if (!password.isEmpty())
            env.insert(QStringLiteral("PGPASSWORD"), password);
        return run(kBin + QStringLiteral("/psql"),
                   {QStringLiteral("host=%1 port=%2 user=%3 dbname=postgres").arg(m_socket).arg(m_port).arg(user),
                    QStringLiteral("-XAtq"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-f"),
                    QStringLiteral("-")},
                   sql.toUtf8(), env);
    }
    // The verifier PostgreSQL stores for PASSWORD.
    QByteArray serverVerifier(const QString &role, const QString &password) const
    {
        const Run r = psql(QStringLiteral("SET client_min_messages = warning;\nSET password_encryption = 'scram-sha-256';\n"
                                          "DROP ROLE IF EXISTS %1;\nCREATE ROLE %1 LOGIN PASSWORD $pw$%2$pw$;\n"
                                          "SELECT rolpassword FROM pg_authid WHERE rolname = '%1';\n")
                               .arg(role, password));
        return r.code == 0 ? r.out : QByteArray();
    }
    static QByteArray saltOf(const QByteArray &verifier)
    {
        // SCRAM-SHA-256$<iter>:<salt>$<StoredKey>:<ServerKey>
        const QByteArray head = verifier.split('$').value(1);
        return QByteArray::fromBase64(head.mid(head.indexOf(':') + 1));
    }
    static int iterationsOf(const QByteArray &verifier)
    {
        const QByteArray head = verifier.split('$').value(1);
        return head.left(head.indexOf(':')).toInt();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        if (!QFile::exists(kBin + QStringLiteral("/initdb")))
            QSKIP("PostgreSQL 15 is not installed");
        m_data = m_tmp.filePath(QStringLiteral("data"));
        m_socket = m_tmp.path();
        if (geteuid() == 0)
            QCOMPARE(QProcess::execute(QStringLiteral("chown"), {QStringLiteral("postgres:postgres"), m_tmp.path()}), 0);
        const Run init = run(kBin + QStringLiteral("/initdb"),
                             {QStringLiteral("-D"), m_data, QStringLiteral("-U"), QStringLiteral("postgres"),
                              QStringLiteral("--auth-local=trust"), QStringLiteral("--auth-host=reject"), QStringLiteral("-E"),
                              QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8"), QStringLiteral("-N")});
        QVERIFY2(init.code == 0, init.out.constData());
        // The test roles log in over SCRAM through the socket; postgres itself by trust.
        QFile hba(m_data + QStringLiteral("/pg_hba.conf"));
        QVERIFY(hba.open(QIODevice::WriteOnly | QIODevice::Truncate));
        hba.write("local all postgres trust\nlocal all all scram-sha-256\n");
        hba.close();
        const Run start = run(kBin + QStringLiteral("/pg_ctl"),
                              {QStringLiteral("-D"), m_data, QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                               QStringLiteral("-l"), m_tmp.filePath(QStringLiteral("log")), QStringLiteral("-o"),
                               QStringLiteral("-c listen_addresses='' -c unix_socket_directories=%1 -p %2 -c fsync=off -c log_statement=all")
                                   .arg(m_socket)
                                   .arg(m_port),
                               QStringLiteral("start")});
        QVERIFY2(start.code == 0, start.out.constData());
        m_started = true;
    }
    void cleanupTestCase()
    {
        if (m_started)
            run(kBin + QStringLiteral("/pg_ctl"), {QStringLiteral("-D"), m_data, QStringLiteral("-m"), QStringLiteral("immediate"),
                                                   QStringLiteral("stop")});
    }

    // A fixed vector: RFC 7677's password and salt; StoredKey and ServerKey as Python's hashlib.pbkdf2_hmac and hmac give them.
    void knownVector()
    {
        const QByteArray v = ScramClient::verifier(QStringLiteral("pencil"), QByteArray::fromBase64("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);
        QCOMPARE(v, QByteArray("SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:"
                               "wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU="));
        QVERIFY(ScramClient::verifier(QStringLiteral("pencil"), {}).isEmpty());
        QVERIFY(ScramClient::verifier(QStringLiteral("pencil"), "salt", 0).isEmpty());
    }

    // The same string as PostgreSQL's for the same salt and iterations; ASCII is passed through, non-ASCII prepared
    // (SASLprep) as PostgreSQL does.
    void equalsPostgresVerifier_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("prepared");  // what SASLprep makes of it
        QTest::newRow("ascii") << QStringLiteral("Pooler-Auth-pw-0001") << QStringLiteral("Pooler-Auth-pw-0001");
        QTest::newRow("quotes and dollar") << QStringLiteral("a'b\"c$d\\e%f") << QStringLiteral("a'b\"c$d\\e%f");
        QTest::newRow("pencil") << QStringLiteral("pencil") << QStringLiteral("pencil");
        QTest::newRow("umlauts") << QStringLiteral("P\u00e4ssw\u00f6rd-\u00df") << QStringLiteral("P\u00e4ssw\u00f6rd-\u00df");
        QTest::newRow("fullwidth (NFKC)") << QStringLiteral("\uff30\uff41\uff53\uff53-1") << QStringLiteral("Pass-1");
        QTest::newRow("no-break space (mapped)") << QStringLiteral("two\u00a0words") << QStringLiteral("two words");
        QTest::newRow("soft hyphen (removed)") << QStringLiteral("soft\u00adhyphen") << QStringLiteral("softhyphen");
    }
    void equalsPostgresVerifier()
    {
        QFETCH(QString, password);
        QFETCH(QString, prepared);
        QCOMPARE(ScramClient::saslPrep(password), prepared.toUtf8());
        const QByteArray theirs = serverVerifier(QStringLiteral("scram_probe"), password);
        QVERIFY2(theirs.startsWith("SCRAM-SHA-256$"), theirs.constData());
        const QByteArray ours = ScramClient::verifier(password, saltOf(theirs), iterationsOf(theirs));
        QCOMPARE(ours, theirs);
    }

    // The deploy's SQL carries the verifier, never the clear text; PostgreSQL stores it as it is, and the role logs
    // in with the clear password over SCRAM.
    void authSetupSqlSendsTheVerifier()
    {
        Topology t;
        t.cluster.name = QStringLiteral("pg-lab");
        t.cluster.pooler.authUser = QStringLiteral("pgbouncer_auth");
        Secrets s;
        s.poolerAuthPassword = QStringLiteral("Clear-Text-Never-Sent-77");
        const QByteArray sql = PgBouncerConfig::authSetupSql(t, s);
        const QByteArray v = PgBouncerConfig::authVerifier(t, s);
        QVERIFY(v.startsWith("SCRAM-SHA-256$4096:"));
        QVERIFY(!sql.contains(s.poolerAuthPassword.toUtf8()));
        QVERIFY(sql.contains(QByteArray(QByteArray("PASSWORD '") + v + "';")));
        // Stable for the same cluster, user and password (the plan's fingerprint); another cluster: another salt.
        QCOMPARE(PgBouncerConfig::authVerifier(t, s), v);
        Topology other = t;
        other.cluster.name = QStringLiteral("pg-other");
        QVERIFY(saltOf(PgBouncerConfig::authVerifier(other, s)) != saltOf(v));
        QCOMPARE(saltOf(v).size(), 16);

        // The first statements of the SQL (the role), on the throwaway server.
        QByteArray roleSql;
        for (const QByteArray &line : sql.split('\n')) {
            if (line.startsWith("\\connect"))
                break;
            roleSql += line + '\n';
        }
        const Run setup = psql(QString::fromUtf8(roleSql) + QStringLiteral("SELECT rolpassword FROM pg_authid WHERE rolname = 'pgbouncer_auth';\n"));
        QVERIFY2(setup.code == 0, setup.out.constData());
        QCOMPARE(setup.out, v);
        const Run login = psql(QStringLiteral("SELECT current_user;\n"), QStringLiteral("pgbouncer_auth"), s.poolerAuthPassword);
        QVERIFY2(login.code == 0, login.out.constData());
        QCOMPARE(login.out, QByteArray("pgbouncer_auth"));
        const Run wrong = psql(QStringLiteral("SELECT 1;\n"), QStringLiteral("pgbouncer_auth"), QStringLiteral("wrong-password"));
        QVERIFY(wrong.code != 0);
        QVERIFY2(wrong.out.contains("password authentication failed"), wrong.out.constData());
        // The server's log never saw the clear text.
        QFile log(m_tmp.filePath(QStringLiteral("log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(!log.readAll().contains(s.poolerAuthPassword.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestScramVerifier)
#include "test_scramverifier.moc"
