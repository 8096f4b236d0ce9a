// End to end with PgBouncer and TLS, both placements (issue 10), on its own lab prefix 127.0.43:
// 1. security.tls true, cluster.pooler placement database: a role created after the deploy writes through
//    HAProxy:5000 -> PgBouncer on the leader with sslmode=verify-full against the cluster CA (the certificate presented
//    is the leader's, verified by the HAProxy host's address); plain text is refused; a writer counts acknowledged
//    rows: 0 lost.
// 2. A fresh lab, security.tls true, placement haproxy: PgBouncer on the HAProxy host in front of HAProxy; the same
//    role writes through the HAProxy host's pooler port 6432 (verify-full: the HAProxy host's own certificate) and
//    PgBouncer's server connections go through HAProxy's port 5000 (server_tls_sslmode verify-full) to the Patroni
//    leader; a writer counts acknowledged rows: 0 lost.
// FIGURE lines in figures-e2e-pooler-tls.txt.
#include "LabCluster.h"
#include "LabFigure.h"
#include "LabFixture.h"

#include "core/model/Secrets.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

void figure(const QString &line)
{
    labFigure(QStringLiteral(PGHA_BINARY_DIR "/figures-e2e-pooler-tls.txt"), line);
}

const QString kAppUser = QStringLiteral("app_tls");
const QString kAppPassword = QStringLiteral("AppTlsPw-4-pooler-test-0002");
constexpr int kWrites = 40;

} // namespace

class TestE2ePoolerTls : public QObject
{
    Q_OBJECT
private:
    LabFixture m_lab{QStringLiteral("127.0.43")};
    QTemporaryDir m_tmp{QStringLiteral("/var/tmp/pgha-e2e-pooler-tls-XXXXXX")};
    using Run = LabCluster::Run;

    // One design on the lab: its project file, secrets (with its TLS material) and the CA written out.
    struct Design
    {
        QString tag, project, secrets, ca;
        pgha::Secrets s;
    };
    Design m_database, m_haproxy;

    QString addr(const QString &host) const { return m_lab.address(host); }
    Run run(const QString &program, const QStringList &args, int timeoutMs = 300000) const
    {
        Run r = LabCluster::runWith(m_lab.environment(), program, args, timeoutMs);
        r.out = r.out.trimmed();
        return r;
    }

    // The lab's design with TLS and the pooler in PLACEMENT, its secrets from `pgha secrets -o FILE DESIGN`.
    bool makeDesign(Design *d, const QString &placement, QString *error) const
    {
        d->tag = placement;
        QString yaml = m_lab.designYaml();
        const QString off = QStringLiteral("  security: {tls: false}\n");
        if (!yaml.contains(off)) {
            *error = QStringLiteral("lab.pgha.yaml has no '%1'").arg(off.trimmed());
            return false;
        }
        yaml.replace(off, QStringLiteral("  security: {tls: true}\n"
                                         "  pooler: {enabled: true, placement: %1, port: 6432, pool_mode: transaction, "
                                         "default_pool_size: 10, max_client_conn: 200, auth_user: pgbouncer_auth}\n")
                              .arg(placement));
        if (placement == QStringLiteral("haproxy")) {
            // The lab's hosts share the machine's network namespace: HAProxy's connections to PostgreSQL leave from
            // 127.0.0.1, not from the HAProxy host's address that the client subnet's pg_hba line admits (on a real
            // network they do). The auth_user has its 127.0.0.1 line already; the app role gets one here.
            yaml.replace(QStringLiteral("  security: {tls: true}\n"),
                         QStringLiteral("  security: {tls: true}\n"
                                        "  pg_hba: [{type: hostssl, database: postgres, user: %1, address: 127.0.0.1/32, "
                                        "method: scram-sha-256}]\n")
                             .arg(kAppUser));
        }
        d->project = m_tmp.filePath(placement + QStringLiteral(".pgha.yaml"));
        d->secrets = m_tmp.filePath(placement + QStringLiteral("-secrets.yaml"));
        d->ca = m_tmp.filePath(placement + QStringLiteral("-ca.crt"));
        if (!LabCluster::writeFile(d->project, yaml.toUtf8())) {
            *error = d->project + QStringLiteral(": cannot write");
            return false;
        }
        const Run s = run(LabCluster::pgha(), {QStringLiteral("secrets"), QStringLiteral("-o"), d->secrets, d->project});
        if (s.code != 0) {
            *error = QString::fromUtf8(s.out);
            return false;
        }
        pgha::Result<pgha::Secrets> loaded = pgha::SecretStore::loadFile(d->secrets);
        if (!loaded.ok()) {
            *error = loaded.error().toString();
            return false;
        }
        d->s = loaded.value();
        if (d->s.tls.ca.certPem.isEmpty() || d->s.poolerAuthPassword.isEmpty()) {
            *error = d->secrets + QStringLiteral(": no CA or no pooler_auth_password");
            return false;
        }
        if (!LabCluster::writeFile(d->ca, d->s.tls.ca.certPem)) {
            *error = d->ca + QStringLiteral(": cannot write");
            return false;
        }
        // Errors in the design would fail the deploy later, less clearly.
        const Run v = run(LabCluster::pgha(), {QStringLiteral("validate"), d->project});
        if (v.code != 0 && v.code != 1) {
            *error = QString::fromUtf8(v.out);
            return false;
        }
        return true;
    }

    Run deploy(const Design &d) const
    {
        return run(LabCluster::pgha(),
                   {QStringLiteral("deploy"), d.project, QStringLiteral("--yes"), QStringLiteral("--secrets"), d.secrets,
                    QStringLiteral("--journal"), m_tmp.filePath(d.tag + QStringLiteral("-journal.json")),
                    QStringLiteral("--known-hosts"), m_tmp.filePath(d.tag + QStringLiteral("-known_hosts")),
                    QStringLiteral("--accept-new-host-keys")});
    }
    // The node whose Patroni answers 200 on https://ADDR:8008/primary (verified against the CA); empty if none.
    QString leader(const Design &d) const
    {
        QStringList found;
        for (const QString &h : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}) {
            const Run r = run(QStringLiteral("curl"),
                              {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-m"),
                               QStringLiteral("3"), QStringLiteral("-w"), QStringLiteral("%{http_code}"),
                               QStringLiteral("--cacert"), d.ca, QStringLiteral("https://%1:8008/primary").arg(addr(h))},
                              10000);
            if (r.out == "200")
                found << h;
        }
        return found.size() == 1 ? found.first() : QString();
    }
    // conninfo with TLS verified by name against the cluster CA (or SSLMODE).
    static QString conninfo(const QString &host, int port, const QString &user, const Design &d,
                            const QString &sslmode = QStringLiteral("verify-full"), int connectTimeout = 3)
    {
        return QStringLiteral("host=%1 port=%2 user=%3 dbname=postgres connect_timeout=%4 sslmode=%5 sslrootcert=%6")
            .arg(host)
            .arg(port)
            .arg(user)
            .arg(connectTimeout)
            .arg(sslmode, d.ca);
    }
    // The superuser straight to the leader's PostgreSQL over TLS (hostssl from the controlling machine).
    Run superDirect(const Design &d, const QString &sql) const
    {
        const QString l = leader(d);
        if (l.isEmpty())
            return {};
        return LabCluster::psqlWith(conninfo(addr(l), 5432, QStringLiteral("postgres"), d, QStringLiteral("verify-full"), 5),
                                    d.s.superuserPassword, sql);
    }
    // The role and table the writer uses, created after the deploy: PgBouncer learns about the role through auth_query.
    bool createApp(const Design &d, QString *error) const
    {
        const Run c = superDirect(d, QStringLiteral("create role %1 login password '%2';\n"
                                                    "create table pooled_rows(id int primary key);\n"
                                                    "alter table pooled_rows owner to %1;\n")
                                         .arg(kAppUser, kAppPassword));
        if (c.code != 0)
            *error = QString::fromUtf8(c.out);
        return c.code == 0;
    }
    // Retries QUERY through HOST:PORT as the app role until it answers (the role reaching the pool) or 30 s pass.
    Run askUntilAnswered(const Design &d, const QString &host, int port, const QString &sql) const
    {
        QElapsedTimer t;
        t.start();
        Run r;
        do {
            r = LabCluster::psqlWith(conninfo(host, port, kAppUser, d), kAppPassword, sql);
        } while (r.code != 0 && t.elapsed() < 30000 && (QThread::msleep(300), true));
        return r;
    }
    // The certificate presented on HOST:PORT after PostgreSQL's SSLRequest, verified against the CA: its subject line.
    QString presentedSubject(const Design &d, const QString &host, int port) const
    {
        const Run r = run(QStringLiteral("openssl"),
                          {QStringLiteral("s_client"), QStringLiteral("-starttls"), QStringLiteral("postgres"),
                           QStringLiteral("-connect"), QStringLiteral("%1:%2").arg(host).arg(port), QStringLiteral("-CAfile"),
                           d.ca, QStringLiteral("-verify_return_error"), QStringLiteral("-verify_ip"), host,
                           QStringLiteral("-brief")},
                          20000);
        if (r.code != 0)
            return QStringLiteral("(openssl s_client failed: %1)").arg(QString::fromUtf8(r.out.right(400)));
        for (const QByteArray &l : r.out.split('\n')) {
            if (l.startsWith("Peer certificate:"))
                return QString::fromUtf8(l.mid(17).trimmed());
        }
        return QStringLiteral("(no peer certificate in: %1)").arg(QString::fromUtf8(r.out.right(400)));
    }
    // KWRITES inserts, one connection each, through HOST:PORT as the app role with verify-full; then every
    // acknowledged id is looked for on the leader itself. Returns the number lost (-1 on a failure to read back).
    int writeAndCount(const Design &d, const QString &host, int port, int firstId, int *acknowledged, double *seconds) const
    {
        QList<int> acked;
        QElapsedTimer t;
        t.start();
        for (int id = firstId; id < firstId + kWrites; ++id) {
            const Run w = LabCluster::psqlWith(conninfo(host, port, kAppUser, d, QStringLiteral("verify-full"), 2), kAppPassword,
                                               QStringLiteral("insert into pooled_rows values (%1);").arg(id), 10000);
            if (w.code == 0)
                acked << id;
        }
        *seconds = t.elapsed() / 1000.0;
        *acknowledged = int(acked.size());
        const Run c = superDirect(d, QStringLiteral("select string_agg(id::text, ',') from pooled_rows;"));
        if (c.code != 0)
            return -1;
        return LabCluster::lostRows(c.out, acked);
    }

    // A fresh lab, the design deployed, the leader found and the app role created; false with *error otherwise.
    // *DEPLOYOUT: the deploy's output, for the placement's own checks.
    bool upAndDeploy(const Design &d, QString *leaderOut, double *deploySeconds, QByteArray *deployOut, QString *error)
    {
        m_lab.down();
        if (!m_lab.up(error))
            return false;
        const Run dep = deploy(d);
        qInfo().noquote() << QString::fromUtf8(dep.out).right(2000);
        *deploySeconds = dep.seconds;
        *deployOut = dep.out;
        if (dep.code != 0 || !dep.out.contains("routing:haproxy: unchanged - ready")) {
            *error = QStringLiteral("deploy of %1 failed (exit %2)").arg(d.project).arg(dep.code);
            return false;
        }
        *leaderOut = leader(d);
        if (leaderOut->isEmpty()) {
            *error = QStringLiteral("no Patroni leader after the deploy");
            return false;
        }
        return createApp(d, error);
    }
    // The writer through HOST:PORT and its FIGURE line (PATH describes the way); true when every write was
    // acknowledged and none is missing on the leader.
    bool writerFigure(const Design &d, const QString &host, int port, const QString &path, double deploySeconds) const
    {
        int acked = 0;
        double seconds = 0;
        const int lost = writeAndCount(d, host, port, 1, &acked, &seconds);
        figure(QStringLiteral("FIGURE: %1: %2 of %3 writes acknowledged, %4 lost (target 0), %5 ms per write with a new "
                              "TLS connection each; lab deploy %6 s")
                   .arg(path)
                   .arg(acked)
                   .arg(kWrites)
                   .arg(lost)
                   .arg(seconds * 1000.0 / kWrites, 0, 'f', 0)
                   .arg(deploySeconds, 0, 'f', 1));
        return acked == kWrites && lost == 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(makeDesign(&m_database, QStringLiteral("database"), &error), qPrintable(error));
        QVERIFY2(makeDesign(&m_haproxy, QStringLiteral("haproxy"), &error), qPrintable(error));
        // The HAProxy placement gives the HAProxy host a certificate of its own (its PgBouncer presents it).
        QVERIFY(!m_database.s.tls.hosts.contains(QStringLiteral("haproxy")));
        QVERIFY(m_haproxy.s.tls.hosts.contains(QStringLiteral("haproxy")));
    }
    void cleanupTestCase() { m_lab.down(); }

    void tlsThroughPoolerOnTheDatabaseHosts()
    {
        const Design &d = m_database;
        QString error, l;
        double deploySeconds = 0;
        QByteArray out;
        QVERIFY2(upAndDeploy(d, &l, &deploySeconds, &out, &error), qPrintable(error));
        QVERIFY(out.contains("pgbouncer-ready:node1"));

        const QString lb = addr(QStringLiteral("haproxy"));
        // verify-full against the cluster CA by the HAProxy host's address; on the primary; PgBouncer's server hop is
        // the leader's socket (inet_server_port() is null).
        const Run r = askUntilAnswered(d, lb, 5000, QStringLiteral("select current_user, pg_is_in_recovery(), inet_server_port() is null;"));
        QVERIFY2(r.code == 0, r.out.constData());
        QCOMPARE(r.out, QStringLiteral("%1|f|t").arg(kAppUser).toUtf8());
        // PgBouncer on the leader presents the leader's certificate (it names every HAProxy host's address).
        const QString subject = presentedSubject(d, lb, 5000);
        QVERIFY2(subject.contains(QStringLiteral("CN = ") + l) || subject.contains(QStringLiteral("CN=") + l), qPrintable(subject));
        // Plain text is refused by PgBouncer (client_tls_sslmode = require).
        const Run plain = LabCluster::psqlWith(conninfo(lb, 5000, kAppUser, d, QStringLiteral("disable")), kAppPassword,
                                               QStringLiteral("select 1;"));
        QVERIFY2(plain.code != 0, plain.out.constData());
        QVERIFY2(plain.out.contains("SSL required"), plain.out.constData());

        QVERIFY(writerFigure(d, lb, 5000,
                             QStringLiteral("TLS through the pooler (placement database: sslmode=verify-full against the "
                                            "cluster CA -> HAProxy %1:5000 -> PgBouncer on the leader %2, certificate '%3')")
                                 .arg(lb, l, subject),
                             deploySeconds));
    }

    void poolerOnTheHaproxyHost()
    {
        const Design &d = m_haproxy;
        QString error, l;
        double deploySeconds = 0;
        QByteArray out;
        QVERIFY2(upAndDeploy(d, &l, &deploySeconds, &out, &error), qPrintable(error));
        QVERIFY(out.contains("pgbouncer-ready:haproxy"));
        QVERIFY(!out.contains("pgbouncer-ready:node1"));

        const QString lb = addr(QStringLiteral("haproxy"));
        // Through the HAProxy host's pooler port: PgBouncer there -> HAProxy's 5000 over TLS -> the Patroni leader.
        const Run r = askUntilAnswered(d, lb, 6432,
                                       QStringLiteral("select current_user, pg_is_in_recovery(), host(inet_server_addr()), "
                                                      "(select ssl from pg_stat_ssl where pid = pg_backend_pid());"));
        QVERIFY2(r.code == 0, r.out.constData());
        QCOMPARE(r.out, QStringLiteral("%1|f|%2|t").arg(kAppUser, addr(l)).toUtf8());
        // The pooler presents the HAProxy host's own certificate.
        const QString subject = presentedSubject(d, lb, 6432);
        QVERIFY2(subject.contains(QStringLiteral("CN = haproxy")) || subject.contains(QStringLiteral("CN=haproxy")), qPrintable(subject));
        const Run plain = LabCluster::psqlWith(conninfo(lb, 6432, kAppUser, d, QStringLiteral("disable")), kAppPassword,
                                               QStringLiteral("select 1;"));
        QVERIFY2(plain.code != 0, plain.out.constData());

        QVERIFY(writerFigure(d, lb, 6432,
                             QStringLiteral("pooler on the HAProxy host (placement haproxy, TLS: sslmode=verify-full -> "
                                            "PgBouncer %1:6432, certificate '%2' -> HAProxy :5000 verify-full -> the leader %3)")
                                 .arg(lb, subject, l),
                             deploySeconds));
    }
};

QTEST_GUILESS_MAIN(TestE2ePoolerTls)
#include "test_e2e_pooler_tls.moc"
