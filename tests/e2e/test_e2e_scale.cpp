// Scale out and in of database replicas through pgha apply on the real lab (issue 9, item 5): the lab design deployed
// on 127.0.37 (PGHA_LAB_PREFIX) with a spare host node4 (PGHA_LAB_NODE4=1); node4 added to the design and applied
// (it joins as a replica from the leader and HAProxy's replica port reaches it), then removed again (out of HAProxy,
// Patroni stopped, gone from /cluster, its data kept). Each apply runs while a writer inserts one row per connection
// through port 5000 and a reader selects through 5001; every acknowledged row is there afterwards. Adding it again
// over its kept data is refused; with the data moved away it joins again and `apply --purge` removes it with its
// data directory. FIGURE lines go to figures-e2e-scale.txt.
#include "LabCluster.h"
#include "LabFigure.h"
#include "LabFixture.h"
#include "LabLoad.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kFigures = QStringLiteral(PGHA_BINARY_DIR "/figures-e2e-scale.txt");

// The lab's env must name node4 before the lab comes up (lab.sh reads it at up).
const bool kNode4 = qputenv("PGHA_LAB_NODE4", "1");

} // namespace

class TestE2eScale : public QObject
{
    Q_OBJECT
private:
    LabFixture m_lab{QStringLiteral("127.0.37")};
    QTemporaryDir m_tmp{QStringLiteral("/var/tmp/pgha-e2e-scale-XXXXXX")};
    LabCluster m_cluster{m_lab, m_tmp.path()};
    LabLoad m_load{m_lab, m_cluster, QStringLiteral("scale_rows"), QStringLiteral("select host(inet_server_addr())")};
    QString m_base;  // the lab design as deployed (node1-3, haproxy)

    QString knownHosts() const { return m_tmp.filePath(QStringLiteral("known_hosts")); }
    QStringList apply(const QString &file, const QStringList &extra = {}) const
    {
        return m_cluster.applyArgs(m_tmp.filePath(file), m_tmp.filePath(QStringLiteral("apply.journal.json")), knownHosts(), extra);
    }
    // Patroni's /cluster members, asked of node1 (it stays in the cluster throughout).
    QJsonArray members() const
    {
        const LabCluster::Run r = LabCluster::runWith(QProcessEnvironment::systemEnvironment(), QStringLiteral("curl"),
                                                      {QStringLiteral("-s"), QStringLiteral("-m"), QStringLiteral("5"),
                                                       QStringLiteral("http://%1:8008/cluster").arg(m_lab.address(QStringLiteral("node1")))},
                                                      10000);
        return QJsonDocument::fromJson(r.out).object().value(QLatin1String("members")).toArray();
    }
    QJsonObject member(const QString &name) const
    {
        for (const QJsonValue &v : members())
            if (v.toObject().value(QLatin1String("name")).toString() == name)
                return v.toObject();
        return {};
    }
    void expectNoDrift(const QString &file)
    {
        QByteArray out;
        QVERIFY2(m_cluster.noDrift(m_tmp.filePath(file), knownHosts(), &out), out.constData());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(kNode4);
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(m_cluster.prepare(&error), qPrintable(error));
        QFile f(m_cluster.project());
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_base = QString::fromUtf8(f.readAll());
        QVERIFY(LabCluster::writeFile(m_tmp.filePath(QStringLiteral("base.pgha.yaml")), m_base.toUtf8()));
        QVERIFY2(m_lab.up(&error), qPrintable(error));
        const LabCluster::Run d = m_cluster.deploy({QStringLiteral("--accept-new-host-keys")},
                                                   m_tmp.filePath(QStringLiteral("journal.json")), knownHosts());
        QVERIFY2(d.code == 0, d.out.right(3000).constData());
        QVERIFY(m_cluster.psql(5000, QStringLiteral("create table scale_rows(id int primary key)")).code == 0);
        QVERIFY(!m_cluster.waitSyncStandby(90000).isEmpty());
    }
    void cleanupTestCase() { m_lab.down(); }

    // node4 (database only) added to the design: apply checks it, writes pg_hba on the members and HAProxy's
    // backends, installs and starts it; Patroni copies the leader's data (no initdb) and it streams.
    void scaleOut()
    {
        const QString node3 = QStringLiteral("  - name: node3\n");
        const qsizetype at = m_base.indexOf(node3);
        QVERIFY(at > 0);
        const qsizetype end = m_base.indexOf(QStringLiteral("  - name: "), at + node3.size());
        QVERIFY(end > at);
        QString block = m_base.mid(at, end - at);
        block.replace(QStringLiteral("name: node3"), QStringLiteral("name: node4"));
        block.replace(m_lab.address(QStringLiteral("node3")), m_lab.address(QStringLiteral("node4")));
        block.replace(QStringLiteral("roles: [postgres, etcd]"), QStringLiteral("roles: [postgres]"));
        QVERIFY(block.contains(QStringLiteral("roles: [postgres]")));
        QString design = m_base;
        design.insert(end, block);
        QVERIFY(LabCluster::writeFile(m_tmp.filePath(QStringLiteral("four.pgha.yaml")), design.toUtf8()));

        const LabCluster::Run dry = m_cluster.run(LabCluster::pgha(), apply(QStringLiteral("four.pgha.yaml"),
                                                                             {QStringLiteral("--dry-run"), QStringLiteral("--accept-new-host-keys")}),
                                                  120000);
        QVERIFY2(dry.code == 0, dry.out.right(4000).constData());
        QVERIFY(dry.out.contains("check:node4"));
        QVERIFY(dry.out.contains("patroni-start:node4"));
        QVERIFY(member(QStringLiteral("node4")).isEmpty());  // a dry run changes nothing

        LabCluster::Run run;
        const LabLoad::Result l = m_load.run(LabCluster::pgha(), apply(QStringLiteral("four.pgha.yaml")), &run);
        qInfo().noquote() << LabLoad::text(l);
        for (const QString &e : l.errors)
            qInfo().noquote() << "refused write" << e;
        if (!l.errors.isEmpty())
            qInfo().noquote() << run.out.right(4000);  // the runner's time stamps, to place them
        QVERIFY2(run.code == 0, run.out.right(6000).constData());
        const int lost = m_load.lost(l);
        QCOMPARE(lost, 0);
        QVERIFY(l.acked.size() > 0);
        // HAProxy starts the new server DOWN (its line in the saved server states), not UP until its first check.
        QCOMPARE(l.wfail, 0);

        // Patroni lists it running, it streams from the leader (pg_stat_replication), and HAProxy's replica port
        // reaches it.
        QElapsedTimer t;
        t.start();
        bool streams = false;
        const QString streamSql = QStringLiteral("select count(*) from pg_stat_replication where application_name = 'node4' and state = 'streaming'");
        while (!streams && t.elapsed() < 90000) {
            const QString state = member(QStringLiteral("node4")).value(QLatin1String("state")).toString();
            streams = (state == QLatin1String("running") || state == QLatin1String("streaming"))
                && m_cluster.psql(5000, streamSql).out == "1";
            if (!streams)
                QTest::qWait(500);
        }
        QVERIFY2(streams, QJsonDocument(member(QStringLiteral("node4"))).toJson().constData());
        t.restart();
        bool reached = false;
        t.restart();
        while (!reached && t.elapsed() < 90000) {
            const LabCluster::Run r = m_cluster.psql(5001, QStringLiteral("select host(inet_server_addr())"), 3);
            reached = r.code == 0 && r.out == m_lab.address(QStringLiteral("node4")).toUtf8();
            if (!reached)
                QTest::qWait(200);
        }
        QVERIFY2(reached, "HAProxy's replica port never reached node4");
        const LabCluster::Run rows = m_cluster.psql(5001, QStringLiteral("select count(*) from scale_rows"));
        QCOMPARE(rows.code, 0);
        labFigure(kFigures, QStringLiteral("FIGURE scale out (pgha apply adds node4 as a replica to the 3+1 lab: check, pg_hba and "
                                           "HAProxy reloads, packages, files, Patroni copies the leader): %1 s; writes lost %2 "
                                           "(%3)")
                                .arg(run.seconds, 0, 'f', 1)
                                .arg(lost)
                                .arg(LabLoad::text(l)));
        expectNoDrift(QStringLiteral("four.pgha.yaml"));
    }

    // node4 taken out of the design again: out of HAProxy first, Patroni stopped, gone from /cluster; data kept.
    void scaleIn()
    {
        QVERIFY(!member(QStringLiteral("node4")).isEmpty());
        LabCluster::Run run;
        const LabLoad::Result l = m_load.run(LabCluster::pgha(), apply(QStringLiteral("base.pgha.yaml")), &run);
        qInfo().noquote() << LabLoad::text(l);
        QVERIFY2(run.code == 0, run.out.right(6000).constData());
        QVERIFY(run.out.contains("leave:node4"));
        const int lost = m_load.lost(l);
        QCOMPARE(lost, 0);
        QVERIFY(l.acked.size() > 0);
        QVERIFY(member(QStringLiteral("node4")).isEmpty());
        QCOMPARE(members().size(), 3);
        QFile cfg(m_lab.hostPath(QStringLiteral("haproxy"), QStringLiteral("/etc/haproxy/haproxy.cfg")));
        QVERIFY(cfg.open(QIODevice::ReadOnly));
        QVERIFY(!cfg.readAll().contains("node4"));
        for (int i = 0; i < 10; ++i) {
            const LabCluster::Run r = m_cluster.psql(5001, QStringLiteral("select host(inet_server_addr())"), 3);
            QCOMPARE(r.code, 0);
            QVERIFY(r.out != m_lab.address(QStringLiteral("node4")).toUtf8());
        }
        // Patroni and PostgreSQL are gone from node4; its data stays.
        QByteArray out;
        QVERIFY(m_lab.exec(QStringLiteral("node4"), QStringLiteral("pgrep -x patroni"), &out) != 0);
        QVERIFY(m_lab.exec(QStringLiteral("node4"), QStringLiteral("pgrep -x postgres"), &out) != 0);
        QCOMPARE(m_lab.exec(QStringLiteral("node4"), QStringLiteral("test -f /var/lib/postgresql/15/patroni/PG_VERSION")), 0);
        labFigure(kFigures, QStringLiteral("FIGURE scale in (pgha apply removes the replica node4: HAProxy reload, Patroni stopped, "
                                           "gone from /cluster, data kept): %1 s; writes lost %2 (%3)")
                                .arg(run.seconds, 0, 'f', 1)
                                .arg(lost)
                                .arg(LabLoad::text(l)));
        expectNoDrift(QStringLiteral("base.pgha.yaml"));
    }

    // node4 still holds the data it was removed with: adding it again is refused at its check (never a second copy
    // of the cluster, never initdb over data) and nothing changes; with the data moved away it joins again, and
    // `apply --purge` removes it together with its data directory.
    void readdRefusedOverDataThenPurge()
    {
        const LabCluster::Run refused = m_cluster.run(LabCluster::pgha(), apply(QStringLiteral("four.pgha.yaml")), 300000);
        QVERIFY2(refused.code == 1, refused.out.right(4000).constData());
        QVERIFY2(refused.out.contains("check:node4"), refused.out.right(4000).constData());
        QVERIFY(!refused.out.contains("patroni-start:node4: changed"));
        QVERIFY(member(QStringLiteral("node4")).isEmpty());
        QCOMPARE(m_lab.exec(QStringLiteral("node4"), QStringLiteral("test -f /var/lib/postgresql/15/patroni/PG_VERSION")), 0);

        QCOMPARE(m_lab.exec(QStringLiteral("node4"), QStringLiteral("mv /var/lib/postgresql/15/patroni /var/lib/postgresql/15/patroni.old")), 0);
        LabCluster::Run run;
        LabLoad::Result l = m_load.run(LabCluster::pgha(), apply(QStringLiteral("four.pgha.yaml")), &run);
        QVERIFY2(run.code == 0, run.out.right(6000).constData());
        QCOMPARE(m_load.lost(l), 0);
        QVERIFY(!member(QStringLiteral("node4")).isEmpty());

        l = m_load.run(LabCluster::pgha(), apply(QStringLiteral("base.pgha.yaml"), {QStringLiteral("--purge")}), &run);
        QVERIFY2(run.code == 0, run.out.right(6000).constData());
        QVERIFY(run.out.contains("purge:node4"));
        QCOMPARE(m_load.lost(l), 0);
        QVERIFY(member(QStringLiteral("node4")).isEmpty());
        QVERIFY(m_lab.exec(QStringLiteral("node4"), QStringLiteral("test -e /var/lib/postgresql/15/patroni")) != 0);
        labFigure(kFigures, QStringLiteral("FIGURE scale in with --purge (node4 added again, then removed with its data directory): %1 s; "
                                           "writes lost %2 (%3)")
                                .arg(run.seconds, 0, 'f', 1)
                                .arg(m_load.lost(l))
                                .arg(LabLoad::text(l)));
        expectNoDrift(QStringLiteral("base.pgha.yaml"));
    }
};

QTEST_GUILESS_MAIN(TestE2eScale)
#include "test_e2e_scale.moc"
