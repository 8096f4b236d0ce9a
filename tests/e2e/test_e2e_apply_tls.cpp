// pgha apply on a TLS cluster (issue 9): the lab design with security.tls true deployed on 127.0.45
// (PGHA_LAB_PREFIX), then three changes applied while a writer inserts one row per connection through HAProxy's
// port 5000 and a reader selects through port 5001, both with sslmode=verify-full against the cluster CA:
// ttl/loop_wait (PATCH /config over https with the host's client certificate), max_connections (a rolling restart
// with a switchover) and a pg_hba line (hostssl, Patroni reload). After each, `pgha diff` exits 0 (its probes read
// Patroni's REST API and etcd over https) and every acknowledged row is there. FIGURE lines go to
// figures-e2e-apply-tls.txt.
#include "LabApply.h"
#include "LabCluster.h"
#include "LabFigure.h"
#include "LabFixture.h"
#include "LabLoad.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Load = LabLoad::Result;

const QString kFigures = QStringLiteral(PGHA_BINARY_DIR "/figures-e2e-apply-tls.txt");

} // namespace

class TestE2eApplyTls : public QObject
{
    Q_OBJECT
private:
    LabFixture m_lab{QStringLiteral("127.0.45")};
    QTemporaryDir m_tmp{QStringLiteral("/var/tmp/pgha-e2e-apply-tls-XXXXXX")};
    LabCluster m_cluster{m_lab, m_tmp.path()};
    LabLoad m_load{m_lab, m_cluster, QStringLiteral("apply_rows"), QStringLiteral("select pg_is_in_recovery()")};
    LabApply m_apply{m_cluster, m_tmp.path(), m_load};  // the design as changed so far, apply under load, diff

    // Patroni's /config of NODE over https, verified against the cluster CA (a read: no client certificate).
    QJsonObject config(const QString &node) const
    {
        const LabCluster::Run r = m_cluster.run(QStringLiteral("curl"),
                                                QStringList{QStringLiteral("-sS"), QStringLiteral("-m"), QStringLiteral("5")}
                                                    + m_cluster.curlTls()
                                                    + QStringList{QStringLiteral("https://%1:8008/config").arg(m_lab.address(node))},
                                                10000);
        return QJsonDocument::fromJson(r.out).object();
    }
    // pgha diff FILE: exit 0 and "no drift".
    void expectNoDrift(const QString &file)
    {
        const QString drift = m_apply.drift(file);
        QVERIFY2(drift.isEmpty(), qPrintable(drift));
    }
    // The reader ran on replicas only (the reader's query is pg_is_in_recovery()).
    static bool readsFromReplicas(const Load &l)
    {
        for (const QString &r : l.readFrom)
            if (r != QLatin1String("t"))
                return false;
        return !l.readFrom.isEmpty();
    }
    // The FIGURE line of one apply (WHAT, its time, the load around it); returns the acknowledged rows lost.
    int figure(const QString &what, const LabCluster::Run &apply, const Load &l) const
    {
        const int lostRows = m_load.lost(l);
        labFigure(kFigures, QStringLiteral("FIGURE %1: %2 s; %3; %4 lost (verify-full clients)")
                                .arg(what)
                                .arg(apply.seconds, 0, 'f', 2)
                                .arg(LabLoad::text(l))
                                .arg(lostRows));
        return lostRows;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(m_cluster.prepare(&error, true), qPrintable(error));
        QVERIFY(m_cluster.tls());
        QFile f(m_cluster.project());
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_apply.setDesign(QString::fromUtf8(f.readAll()));
        QVERIFY(m_apply.design().contains(QStringLiteral("security: {tls: true}")));
        QVERIFY2(m_lab.up(&error), qPrintable(error));
        const LabCluster::Run d = m_cluster.deploy({QStringLiteral("--accept-new-host-keys")},
                                                   m_tmp.filePath(QStringLiteral("journal.json")), m_apply.knownHosts());
        QVERIFY2(d.code == 0, d.out.right(3000).constData());
        // The clients below verify the server: plain text is refused, verify-full works.
        const LabCluster::Run ssl = m_cluster.psql(5000, QStringLiteral("select ssl from pg_stat_ssl where pid = pg_backend_pid()"));
        QVERIFY2(ssl.code == 0, ssl.out.constData());
        QCOMPARE(ssl.out, QByteArray("t"));
        QVERIFY(m_cluster.psql(5000, QStringLiteral("create table apply_rows(id int primary key)")).code == 0);
        QVERIFY(!m_cluster.waitSyncStandby(60000).isEmpty());
        expectNoDrift(QStringLiteral("lab.pgha.yaml"));
    }
    void cleanupTestCase() { m_lab.down(); }

    // ttl and loop_wait through PATCH /config over https (the host's certificate for Patroni's verify_client).
    void dynamicApply()
    {
        QVERIFY(m_apply.change({{QStringLiteral("ttl: 10, loop_wait: 2"), QStringLiteral("ttl: 12, loop_wait: 3")}},
                       QStringLiteral("dyn.pgha.yaml")));
        LabCluster::Run apply;
        const Load l = m_apply.applyUnderLoad(QStringLiteral("dyn.pgha.yaml"), &apply);
        QVERIFY2(apply.code == 0, apply.out.right(3000).constData());
        QVERIFY(apply.out.contains("patch-config: changed"));
        QVERIFY(!apply.out.contains("restart:"));
        const QJsonObject cfg = config(QStringLiteral("node2"));
        QCOMPARE(cfg.value(QLatin1String("ttl")).toInt(), 12);
        QCOMPARE(cfg.value(QLatin1String("loop_wait")).toInt(), 3);
        const int lostRows = figure(QStringLiteral("dynamic apply with TLS (ttl 10->12, loop_wait 2->3: drift, files, reload, "
                                                   "PATCH /config over https, read back; target < 5 s)"),
                                    apply, l);
        QCOMPARE(lostRows, 0);
        QCOMPARE(l.wfail, 0);
        QVERIFY(readsFromReplicas(l));
        expectNoDrift(QStringLiteral("dyn.pgha.yaml"));
    }

    // max_connections: a rolling restart (replicas, switchover to the sync standby, former leader) over https.
    void rollingRestart()
    {
        QVERIFY(!m_cluster.waitSyncStandby(60000).isEmpty());
        const QString before = m_cluster.leader();
        QVERIFY(!before.isEmpty());
        QVERIFY(m_apply.change({{QStringLiteral("max_connections: 50"), QStringLiteral("max_connections: 60")}},
                       QStringLiteral("mc.pgha.yaml")));
        LabCluster::Run apply;
        const Load l = m_apply.applyUnderLoad(QStringLiteral("mc.pgha.yaml"), &apply);
        QVERIFY2(apply.code == 0, apply.out.right(4000).constData());
        for (const QString &h : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")})
            QVERIFY2(apply.out.contains(QByteArray(QByteArray("restart:") + h.toUtf8())), apply.out.right(3000).constData());
        const QString after = m_cluster.leader();
        QVERIFY(!after.isEmpty());
        QVERIFY2(after != before, "the former leader should have handed over");
        const int lostRows = figure(QStringLiteral("rolling restart by pgha apply with TLS (max_connections 50->60, 3 members: "
                                                   "2 replicas, switchover %1 -> %2, former leader)")
                                        .arg(before, after),
                                    apply, l);
        QCOMPARE(lostRows, 0);
        QCOMPARE(m_cluster.psql(5000, QStringLiteral("show max_connections")).out, QByteArray("60"));
        QCOMPARE(m_cluster.psql(5001, QStringLiteral("show max_connections")).out, QByteArray("60"));
        expectNoDrift(QStringLiteral("mc.pgha.yaml"));
    }

    // pg_hba: a hostssl line reaches every member through Patroni's reload; the role gets in with verify-full.
    void pgHbaReload()
    {
        QVERIFY(m_cluster.psql(5000, QStringLiteral("create role apply_probe login password 'probe-Secret-1'")).code == 0);
        auto direct = [this](const QString &host) {
            return LabCluster::psqlWith(QStringLiteral("host=%1 port=5432 user=apply_probe dbname=postgres connect_timeout=3 "
                                                       "sslmode=verify-full sslrootcert=%2")
                                            .arg(m_lab.address(host), m_cluster.caFile()),
                                        QStringLiteral("probe-Secret-1"), QStringLiteral("select 1"), 30000);
        };
        QVERIFY(direct(QStringLiteral("node1")).code != 0);  // no pg_hba line admits it yet
        QVERIFY(m_apply.change({{QStringLiteral("  security: {tls: true}\n"),
                         QStringLiteral("  security: {tls: true}\n  pg_hba: [{type: hostssl, database: postgres, user: "
                                        "apply_probe, address: 127.0.0.1/32, method: scram-sha-256}]\n")}},
                       QStringLiteral("hba.pgha.yaml")));
        LabCluster::Run apply;
        const Load l = m_apply.applyUnderLoad(QStringLiteral("hba.pgha.yaml"), &apply);
        QVERIFY2(apply.code == 0, apply.out.right(3000).constData());
        QVERIFY(!apply.out.contains("restart:"));
        for (const QString &h : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}) {
            const LabCluster::Run r = direct(h);
            QVERIFY2(r.code == 0, qPrintable(h + QStringLiteral(": ") + QString::fromUtf8(r.out)));
        }
        const int lostRows = figure(QStringLiteral("pg_hba apply with TLS (a hostssl line added, Patroni reload on 3 members)"),
                                    apply, l);
        QCOMPARE(lostRows, 0);
        QCOMPARE(l.wfail, 0);
        expectNoDrift(QStringLiteral("hba.pgha.yaml"));
    }
};

QTEST_GUILESS_MAIN(TestE2eApplyTls)
#include "test_e2e_apply_tls.moc"
