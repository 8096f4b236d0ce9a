// End to end with PgBouncer (issue 10): `pgha deploy` of the lab with cluster.pooler on the database hosts (its own
// prefix 127.0.34); a role created after the deploy logs in through port 5000 -> PgBouncer -> PostgreSQL (auth_query,
// no pooler change), the superuser does not; a writer through port 5000 counts acknowledged rows while the leader's
// Patroni and PostgreSQL are killed with -9: not one acknowledged row lost (FIGURE, with the seconds without writes);
// `pgha status` shows the pools.
#include "LabCluster.h"
#include "LabFigure.h"
#include "LabFixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

void figure(const QString &line)
{
    labFigure(QStringLiteral(PGHA_BINARY_DIR "/figures-e2e-pooler.txt"), line);
}

const QString kAppUser = QStringLiteral("app_late");
const QString kAppPassword = QStringLiteral("AppLatePw-4-pooler-test-0001");

} // namespace

class TestE2ePooler : public QObject
{
    Q_OBJECT
private:
    LabFixture m_lab{QStringLiteral("127.0.34")};
    QTemporaryDir m_tmp{QStringLiteral("/var/tmp/pgha-e2e-pooler-XXXXXX")};
    LabCluster m_cluster{m_lab, m_tmp.path()};
    QString m_poolerPassword;

    using Run = LabCluster::Run;

    Run psqlAs(const QString &conninfo, const QString &password, const QString &sql, int timeoutMs = 30000) const
    {
        return LabCluster::psqlWith(conninfo, password, sql, timeoutMs);
    }
    QString viaHaproxy(int port, const QString &user, int connectTimeout = 3) const
    {
        return QStringLiteral("host=%1 port=%2 user=%3 dbname=postgres connect_timeout=%4")
            .arg(m_lab.address(QStringLiteral("haproxy")))
            .arg(port)
            .arg(user)
            .arg(connectTimeout);
    }
    // The superuser straight to the leader's PostgreSQL (admitted from the members' and loopback addresses only).
    Run superDirect(const QString &sql) const
    {
        const QString leader = m_cluster.leader();
        if (leader.isEmpty())
            return {};
        return psqlAs(QStringLiteral("host=%1 port=5432 user=postgres dbname=postgres connect_timeout=5").arg(m_lab.address(leader)),
                      m_cluster.superuserPassword(), sql);
    }
    // One write through port 5000 -> PgBouncer as the role created after the deploy; true when acknowledged.
    bool write(int id) const
    {
        const Run r = psqlAs(viaHaproxy(5000, kAppUser, 2), kAppPassword,
                             QStringLiteral("insert into pooled_rows values (%1);").arg(id), 10000);
        return r.code == 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(m_cluster.prepare(&error), qPrintable(error));
        // The lab's design with the pooler on the database hosts.
        QFile f(m_cluster.project());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString yaml = QString::fromUtf8(f.readAll());
        f.close();
        QVERIFY(yaml.contains(QStringLiteral("  security: {tls: false}\n")));
        yaml.replace(QStringLiteral("  security: {tls: false}\n"),
                     QStringLiteral("  security: {tls: false}\n"
                                    "  pooler: {enabled: true, placement: database, port: 6432, pool_mode: transaction, "
                                    "default_pool_size: 10, max_client_conn: 200, auth_user: pgbouncer_auth}\n"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(yaml.toUtf8());
        f.close();
        QFile s(m_cluster.secrets());
        QVERIFY(s.open(QIODevice::ReadOnly));
        m_poolerPassword = QRegularExpression(QStringLiteral("^pooler_auth_password: *[\"']?([^\"'\\n]+)"),
                                              QRegularExpression::MultilineOption)
                               .match(QString::fromUtf8(s.readAll()))
                               .captured(1);
        QVERIFY(!m_poolerPassword.isEmpty());
        // The design validates without errors (warnings such as tls-off are expected).
        const Run v = m_cluster.run(LabCluster::pgha(), {QStringLiteral("validate"), m_cluster.project()});
        QVERIFY2(v.code == 0 || v.code == 1, v.out.constData());
        QVERIFY2(!QString::fromUtf8(v.out).contains(QRegularExpression(QStringLiteral("^error "), QRegularExpression::MultilineOption)),
                 v.out.constData());
    }
    void cleanupTestCase() { m_lab.down(); }

    void deployWithPooler()
    {
        QString error;
        QVERIFY2(m_lab.up(&error), qPrintable(error));
        const Run d = m_cluster.deploy({QStringLiteral("--accept-new-host-keys")}, m_tmp.filePath(QStringLiteral("journal.json")),
                                       m_tmp.filePath(QStringLiteral("known_hosts")));
        qInfo().noquote() << QString::fromUtf8(d.out).right(3000);
        QCOMPARE(d.code, 0);
        QVERIFY(d.out.contains("pooler-auth"));
        QVERIFY(d.out.contains("pgbouncer-ready:node1"));
        QVERIFY(d.out.contains("routing:haproxy: unchanged - ready"));
        figure(QStringLiteral("FIGURE: lab deploy with PgBouncer on the database hosts (pgha deploy, start to writes "
                              "routed through 5000 -> PgBouncer): %1 s")
                   .arg(d.seconds, 0, 'f', 1));
        // HAProxy's servers are the poolers, the checks stay on Patroni.
        QFile cfg(m_lab.hostPath(QStringLiteral("haproxy"), QStringLiteral("/etc/haproxy/haproxy.cfg")));
        QVERIFY(cfg.open(QIODevice::ReadOnly));
        const QByteArray text = cfg.readAll();
        QVERIFY2(text.contains(QStringLiteral("server node1 %1:6432 maxconn 50 check port 8008").arg(m_lab.address(QStringLiteral("node1"))).toUtf8()),
                 text.constData());
    }

    void lateUserLogsInThroughThePooler()
    {
        QVERIFY(m_lab.isUp());
        // Created after the deploy, straight on the leader: PgBouncer is not told about it.
        const Run c = superDirect(QStringLiteral("create role %1 login password '%2';\n"
                                                 "create table pooled_rows(id int primary key);\n"
                                                 "alter table pooled_rows owner to %1;\n")
                                      .arg(kAppUser, kAppPassword));
        QVERIFY2(c.code == 0, c.out.constData());
        QElapsedTimer t;
        t.start();
        Run r;
        do {  // the role reaches the replicas, the pool logs in with auth_query
            r = psqlAs(viaHaproxy(5000, kAppUser), kAppPassword,
                       QStringLiteral("select current_user, pg_is_in_recovery(), inet_server_port() is null;"));
        } while (r.code != 0 && t.elapsed() < 30000 && (QThread::msleep(300), true));
        QVERIFY2(r.code == 0, r.out.constData());
        // current_user, on the primary, through PostgreSQL's socket (PgBouncer on the database host).
        QCOMPARE(r.out, QStringLiteral("%1|f|t").arg(kAppUser).toUtf8());
        const Run ro = psqlAs(viaHaproxy(5001, kAppUser), kAppPassword, QStringLiteral("select pg_is_in_recovery();"));
        QVERIFY2(ro.code == 0, ro.out.constData());
        QCOMPARE(ro.out, QByteArray("t"));
        // A wrong password and the superuser are refused at the pooler.
        const Run wrong = psqlAs(viaHaproxy(5000, kAppUser), QStringLiteral("not-the-password"), QStringLiteral("select 1;"));
        QVERIFY(wrong.code != 0);
        const Run super = psqlAs(viaHaproxy(5000, QStringLiteral("postgres")), m_cluster.superuserPassword(), QStringLiteral("select 1;"));
        QVERIFY2(super.code != 0, super.out.constData());
    }

    void failoverLosesNoAcknowledgedRow()
    {
        QVERIFY(m_lab.isUp());
        QList<int> acked;
        int next = 1;
        for (; next <= 200; ++next) {
            if (write(next))
                acked << next;
        }
        QVERIFY2(acked.size() == 200, qPrintable(QStringLiteral("%1 of 200 writes before the crash").arg(acked.size())));
        const QString old = m_cluster.leader();
        QVERIFY(!old.isEmpty());
        // synchronous_mode: a commit is acknowledged once a named standby has it; wait until Patroni names one.
        QVERIFY(!m_cluster.waitSyncStandby(60000).isEmpty());
        QElapsedTimer sinceLastAck;
        sinceLastAck.start();
        const int k = m_lab.ssh(old, QStringLiteral("kill -9 $(cat /run/patroni.pid) $(head -1 /var/lib/postgresql/15/patroni/postmaster.pid)"));
        QCOMPARE(k, 0);
        // The writer goes on through the outage; every acknowledged insert is counted.
        QElapsedTimer t;
        t.start();
        double gap = -1;
        int afterwards = 0;
        int failed = 0;
        while (t.elapsed() < 150000 && afterwards < 100) {
            if (write(next)) {
                if (gap < 0)
                    gap = sinceLastAck.elapsed() / 1000.0;
                acked << next;
                ++afterwards;
            } else {
                ++failed;
                QThread::msleep(100);
            }
            ++next;
        }
        QVERIFY2(gap > 0, "no write through 5000 -> PgBouncer within 150 s of the crash");
        QCOMPARE(afterwards, 100);
        const QString now = m_cluster.leader();
        QVERIFY(!now.isEmpty());
        QVERIFY(now != old);
        // Read back through the pooler, as the writer: every acknowledged id is there.
        const Run c = psqlAs(viaHaproxy(5000, kAppUser), kAppPassword, QStringLiteral("select string_agg(id::text, ',') from pooled_rows;"));
        QVERIFY2(c.code == 0, c.out.constData());
        const int lost = LabCluster::lostRows(c.out, acked);
        figure(QStringLiteral("FIGURE: failover through the pooler (kill -9 of %1's Patroni and PostgreSQL, %2 took over): "
                              "writes lost through 5000 -> PgBouncer: %3 of %4 acknowledged (target 0); %5 s without "
                              "acknowledged writes; %6 writes refused during the outage")
                   .arg(old, now)
                   .arg(lost)
                   .arg(acked.size())
                   .arg(gap, 0, 'f', 1)
                   .arg(failed));
        QCOMPARE(lost, 0);
    }

    void statusShowsThePools()
    {
        QVERIFY(m_lab.isUp());
        const Run s = m_cluster.run(LabCluster::pgha(), {QStringLiteral("status"), m_cluster.project(),
                                                         QStringLiteral("--secrets"), m_cluster.secrets()},
                                    60000);
        qInfo().noquote() << QString::fromUtf8(s.out);
        QVERIFY2(s.out.contains("PgBouncer"), s.out.constData());
        QVERIFY2(s.out.contains(kAppUser.toUtf8()), s.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestE2ePooler)
#include "test_e2e_pooler.moc"
