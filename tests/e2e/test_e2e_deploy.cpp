// End to end: `pgha deploy` builds the lab cluster over real SSH, survives a leader crash without losing a
// committed row, changes nothing on a rerun, refuses a changed host key and never initialises over foreign
// data. Prints FIGURE: lines (deploy time vs a local script, failover time vs the failover-estimate).
#include "LabFigure.h"
#include "LabCluster.h"
#include "LabFixture.h"

#include "core/project/ProjectFile.h"
#include "core/validation/FailoverEstimate.h"

#include <QCryptographicHash>
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
    labFigure(QStringLiteral(PGHA_BINARY_DIR "/figures-e2e-deploy.txt"), line);
}
} // namespace

class TestE2eDeploy : public QObject
{
    Q_OBJECT
private:
    LabFixture m_lab;
    QTemporaryDir m_tmp{QStringLiteral("/var/tmp/pgha-e2e-XXXXXX")};
    LabCluster m_cluster{m_lab, m_tmp.path()};
    double m_deploySeconds = 0;
    double m_baselineSeconds = 0;

    using Run = LabCluster::Run;
    static QString pgha() { return LabCluster::pgha(); }
    Run run(const QString &program, const QStringList &args, int timeoutMs = 300000) const
    {
        return m_cluster.run(program, args, timeoutMs);
    }
    Run deploy(const QStringList &extra, const QString &journal, const QString &knownHosts) const
    {
        return m_cluster.deploy(extra, journal, knownHosts);
    }
    // "absent", or the file's sha256: compared before and after a deploy.
    static QByteArray fileState(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return QByteArrayLiteral("absent");
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
    }
    Run psql(int port, const QString &sql, int connectTimeout = 3) const { return m_cluster.psql(port, sql, connectTimeout); }
    QString leader() const { return m_cluster.leader(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(m_cluster.prepare(&error), qPrintable(error));
    }
    void cleanupTestCase() { m_lab.down(); }

    void baselineScript()
    {
        QString error;
        QVERIFY2(m_lab.up(&error), qPrintable(error));
        const QString gen = m_tmp.filePath(QStringLiteral("generated"));
        const Run g = run(pgha(), {QStringLiteral("generate"), m_cluster.project(), QStringLiteral("-o"), gen,
                                   QStringLiteral("--secrets"), m_cluster.secrets()});
        QVERIFY2(g.code == 0, g.out.constData());
        const Run b = run(QStringLiteral("/bin/bash"),
                          {QStringLiteral(PGHA_SOURCE_DIR "/tests/e2e/baseline-deploy.sh"), gen, m_cluster.secrets()}, 300000);
        QVERIFY2(b.code == 0, b.out.constData());
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("BASELINE_SECONDS=([0-9.]+)")).match(QString::fromUtf8(b.out));
        QVERIFY(m.hasMatch());
        m_baselineSeconds = m.captured(1).toDouble();
        QVERIFY(m_baselineSeconds > 0);
        m_lab.down();
    }

    void deployFromNothing()
    {
        QString error;
        QVERIFY2(m_lab.up(&error), qPrintable(error));
        // The controlling machine's own Patroni configuration, before: the deploy must leave it as it was.
        const QByteArray ownConfigBefore = fileState(QStringLiteral("/etc/patroni/config.yml"));
        const Run d = deploy({QStringLiteral("--accept-new-host-keys")}, m_tmp.filePath(QStringLiteral("journal.json")),
                             m_tmp.filePath(QStringLiteral("known_hosts")));
        qInfo().noquote() << QString::fromUtf8(d.out).right(3000);
        QCOMPARE(d.code, 0);
        QVERIFY(d.out.contains("routing:haproxy: unchanged - ready"));
        m_deploySeconds = d.seconds;
        // The files landed at the standard paths of each host's own view.
        QFile node2Config(m_lab.hostPath(QStringLiteral("node2"), QStringLiteral("/etc/patroni/config.yml")));
        QVERIFY2(node2Config.open(QIODevice::ReadOnly), qPrintable(node2Config.fileName()));
        const QByteArray node2Text = node2Config.readAll();
        QVERIFY2(node2Text.contains("\nname: node2\n"), node2Text.left(400).constData());
        // ... and nowhere else: the controlling machine's /etc/patroni/config.yml is as it was (usually absent).
        QCOMPARE(fileState(QStringLiteral("/etc/patroni/config.yml")), ownConfigBefore);
        // Writes through the primary port, reads through the replica port, from the controlling machine.
        const Run w = psql(5000, QStringLiteral("create table e2e_probe(x int); insert into e2e_probe values (42); "
                                                "select pg_is_in_recovery();"));
        QVERIFY2(w.code == 0, w.out.constData());
        QCOMPARE(w.out, QByteArray("f"));
        QElapsedTimer t;
        t.start();
        Run r;
        do {  // the row reaches the replicas within moments (synchronous_mode: at least one at commit)
            r = psql(5001, QStringLiteral("select pg_is_in_recovery(), coalesce((select x from e2e_probe), 0);"));
        } while ((r.code != 0 || r.out != "t|42") && t.elapsed() < 20000);
        QCOMPARE(r.out, QByteArray("t|42"));
        const double ratio = m_baselineSeconds > 0 ? m_deploySeconds / m_baselineSeconds : 0;
        figure(QStringLiteral("FIGURE: lab deploy over SSH (pgha deploy, start to writes routed through "
                                            "port 5000): %1 s; same steps by a local script without SSH: %2 s; ratio %3 (target <= 1.3)")
                                 .arg(m_deploySeconds, 0, 'f', 1)
                                 .arg(m_baselineSeconds, 0, 'f', 1)
                                 .arg(ratio, 0, 'f', 2));
    }

    void rerunChangesNothing()
    {
        QVERIFY(m_lab.isUp());
        const QString cfg = m_lab.hostPath(QStringLiteral("node1"), QStringLiteral("/etc/patroni/config.yml"));
        const QDateTime before = QFileInfo(cfg).lastModified();
        const Run d = deploy({}, m_tmp.filePath(QStringLiteral("journal.json")), m_tmp.filePath(QStringLiteral("known_hosts")));
        QVERIFY2(d.code == 0, d.out.constData());
        QVERIFY2(d.out.contains("nothing to do"), d.out.constData());
        QVERIFY(!d.out.contains(": changed"));
        QCOMPARE(QFileInfo(cfg).lastModified(), before);
        QVERIFY(!d.out.contains(".bak"));
    }

    void failoverLosesNothing()
    {
        QVERIFY(m_lab.isUp());
        QString sql = QStringLiteral("create table e2e_rows(id int primary key);\n");
        for (int i = 1; i <= 1000; ++i)
            sql += QStringLiteral("insert into e2e_rows values (%1);\n").arg(i);  // 1000 commits
        const Run w = psql(5000, sql);
        QVERIFY2(w.code == 0, w.out.constData());
        const QString old = leader();
        QVERIFY(!old.isEmpty());
        // synchronous_mode: only the named sync standby may take over; Patroni names one within a loop or two.
        QVERIFY2(!m_cluster.waitSyncStandby(60000).isEmpty(), "Patroni named no synchronous standby within 60 s");
        // kill -9 the leader's Patroni and PostgreSQL inside its host.
        QElapsedTimer t;
        const int k = m_lab.ssh(old, QStringLiteral("kill -9 $(cat /run/patroni.pid) $(head -1 /var/lib/postgresql/15/patroni/postmaster.pid)"));
        t.start();
        QCOMPARE(k, 0);
        double restored = -1;
        int n = 1001;
        while (t.elapsed() < 120000) {
            const Run r = psql(5000, QStringLiteral("insert into e2e_rows values (%1); select pg_is_in_recovery();").arg(n), 1);
            if (r.code == 0 && r.out == "f") {
                restored = t.elapsed() / 1000.0;
                break;
            }
            QThread::msleep(100);
        }
        QVERIFY2(restored > 0, "no writes through the primary port within 120 s of the crash");
        const QString now = leader();
        QVERIFY(!now.isEmpty());
        QVERIFY(now != old);
        const Run c = psql(5000, QStringLiteral("select count(*) from e2e_rows where id <= 1000;"));
        QCOMPARE(c.out, QByteArray("1000"));  // not one committed row missing
        auto topo = pgha::ProjectFile::load(m_cluster.project());
        QVERIFY(topo.ok());
        const pgha::FailoverEstimate e = pgha::estimateFailover(topo->topology);
        const double dev = (restored - e.writesRestored.expected) / e.writesRestored.expected * 100.0;
        figure(QStringLiteral("FIGURE: failover after kill -9 of the leader (%1 -> %2): writes through "
                                            "port 5000 again after %3 s; failover-estimate expects %4 s (%5-%6); "
                                            "deviation %7% (target within 30%)")
                                 .arg(old, now)
                                 .arg(restored, 0, 'f', 1)
                                 .arg(e.writesRestored.expected, 0, 'f', 1)
                                 .arg(e.writesRestored.min, 0, 'f', 1)
                                 .arg(e.writesRestored.max, 0, 'f', 1)
                                 .arg(dev, 0, 'f', 0));
    }

    void changedHostKeyRefused()
    {
        QVERIFY(m_lab.isUp());
        QVERIFY(m_lab.rekey(QStringLiteral("node2")));
        const Run d = deploy({QStringLiteral("--accept-new-host-keys")}, m_tmp.filePath(QStringLiteral("journal.json")),
                             m_tmp.filePath(QStringLiteral("known_hosts")));
        QCOMPARE(d.code, 3);
        QVERIFY2(d.out.contains("CHANGED"), d.out.constData());
        QVERIFY(!d.out.contains("files:node1: changed"));  // nothing was touched anywhere
    }

    void foreignDataUntouched()
    {
        m_lab.down();
        QString error;
        QVERIFY2(m_lab.up(&error), qPrintable(error));
        QCOMPARE(m_lab.exec(QStringLiteral("node1"),
                            QStringLiteral("mkdir -p /var/lib/postgresql/15/patroni && echo 15 >/var/lib/postgresql/15/patroni/PG_VERSION"
                                           " && echo precious >/var/lib/postgresql/15/patroni/precious"
                                           " && chown -R postgres: /var/lib/postgresql/15")),
                 0);
        const QString dir = m_lab.hostPath(QStringLiteral("node1"), QStringLiteral("/var/lib/postgresql/15/patroni"));
        const Run d = deploy({QStringLiteral("--accept-new-host-keys")}, m_tmp.filePath(QStringLiteral("journal2.json")),
                             m_tmp.filePath(QStringLiteral("known_hosts2")));
        QCOMPARE(d.code, 1);
        QVERIFY2(d.out.contains("refusing to initialise"), d.out.constData());
        QFile pv(dir + QStringLiteral("/PG_VERSION"));
        QVERIFY(pv.open(QIODevice::ReadOnly));
        QCOMPARE(pv.readAll(), QByteArray("15\n"));
        QFile pr(dir + QStringLiteral("/precious"));
        QVERIFY(pr.open(QIODevice::ReadOnly));
        QCOMPARE(pr.readAll(), QByteArray("precious\n"));
        QCOMPARE(QDir(dir).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size(), 2);
        // The check gates every write: no host got a file, no Patroni started.
        for (const QString &h : LabFixture::hosts())
            QVERIFY(!QFile::exists(m_lab.hostPath(h, QStringLiteral("/etc/hosts.pgha"))));
        QVERIFY(!QFile::exists(m_lab.hostPath(QStringLiteral("node1"), QStringLiteral("/run/patroni.pid"))));
    }
};

QTEST_GUILESS_MAIN(TestE2eDeploy)
#include "test_e2e_deploy.moc"
