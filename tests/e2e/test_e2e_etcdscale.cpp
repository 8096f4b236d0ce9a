// etcd grown 3 -> 5 and shrunk 5 -> 3 through pgha apply on the real lab (issue 9, item 5): the lab design deployed
// on 127.0.38 (PGHA_LAB_PREFIX) with the spare hosts node4 and node5 (PGHA_LAB_NODE4=1, PGHA_LAB_NODE5=1); the design
// with node4 and node5 as etcd-only hosts applied (member add, start with initial-cluster-state existing, healthy,
// one member at a time; then Patroni's etcd hosts and the members' etcd files), then the original design applied
// (member remove from a member that stays, etcd stopped, data kept). Each apply runs while a writer inserts one row
// per connection through port 5000 and a reader selects through 5001; every acknowledged row is there afterwards.
// FIGURE lines go to figures-e2e-etcdscale.txt.
#include "LabCluster.h"
#include "LabFigure.h"
#include "LabFixture.h"
#include "LabLoad.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kFigures = QStringLiteral(PGHA_BINARY_DIR "/figures-e2e-etcdscale.txt");

// PGHA_E2E_ETCDSCALE_TLS=1 (by hand, not in CI): the same with security.tls true (etcdctl and /cluster over https with
// the hosts' certificates; the figures file gets "(TLS)").
const bool kTls = qgetenv("PGHA_E2E_ETCDSCALE_TLS") == "1";

// The lab's env must name node4 and node5 before the lab comes up (lab.sh reads it at up).
const bool kSpares = qputenv("PGHA_LAB_NODE4", "1") && qputenv("PGHA_LAB_NODE5", "1");

} // namespace

class TestE2eEtcdScale : public QObject
{
    Q_OBJECT
private:
    LabFixture m_lab{QStringLiteral("127.0.38")};
    QTemporaryDir m_tmp{QStringLiteral("/var/tmp/pgha-e2e-etcdscale-XXXXXX")};
    LabCluster m_cluster{m_lab, m_tmp.path()};
    LabLoad m_load{m_lab, m_cluster, QStringLiteral("etcd_rows"), QStringLiteral("select host(inet_server_addr())")};
    QString m_base;  // the lab design as deployed (node1-3 with etcd, haproxy)

    QString knownHosts() const { return m_tmp.filePath(QStringLiteral("known_hosts")); }
    QStringList apply(const QString &file, const QStringList &extra = {}) const
    {
        return m_cluster.applyArgs(m_tmp.filePath(file), m_tmp.filePath(QStringLiteral("apply.journal.json")), knownHosts(), extra);
    }
    // `etcdctl member list` as node1 sees it: one line per member ("id, started, name, peer, client, learner").
    QStringList etcdMembers() const
    {
        QByteArray out;
        etcdctl(QStringLiteral("e --endpoints=$ep member list"), &out);
        return QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    int etcdHealth() const
    {
        QByteArray out;
        return etcdctl(QStringLiteral("e --endpoints=$ep endpoint health --cluster"), &out);
    }
    // pgha apply FILE under the writer and the reader; the load and, when something failed, the apply's output logged.
    LabLoad::Result applyUnderLoad(const QString &file, LabCluster::Run *run)
    {
        const LabLoad::Result l = m_load.run(LabCluster::pgha(), apply(file), run);
        qInfo().noquote() << LabLoad::text(l);
        for (const QString &e : l.errors)
            qInfo().noquote() << "refused write" << e;
        if (!l.errors.isEmpty() || run->code != 0)
            qInfo().noquote() << run->out.right(12000);  // the runner's time stamps, to place them
        return l;
    }
    void figure(const QString &what, const LabCluster::Run &run, const LabLoad::Result &l)
    {
        labFigure(kFigures, QStringLiteral("FIGURE %1%7: %2 s; writes refused %3 (%4 s); writes lost %5 (%6)")
                                .arg(what)
                                .arg(run.seconds, 0, 'f', 1)
                                .arg(l.wfail)
                                .arg(l.refusedSec, 0, 'f', 1)
                                .arg(m_load.lost(l))
                                .arg(LabLoad::text(l))
                                .arg(kTls ? QStringLiteral(" (TLS)") : QString()));
    }
    // etcdctl on node1 against its own member (plain http: the lab runs without TLS); exit code, output in *out.
    int etcdctl(const QString &args, QByteArray *out) const
    {
        const QString tlsArgs = kTls ? QStringLiteral(" --cacert=/etc/pgha/tls/ca.crt --cert=/etc/pgha/tls/host.crt --key=/etc/pgha/tls/etcd.key")
                                     : QString();
        return m_lab.exec(QStringLiteral("node1"), QStringLiteral("e() { ETCDCTL_API=3 etcdctl --command-timeout=5s%3 \"$@\"; }\n"
                                                                  "ep=%4://%1:2379\n%2")
                                                       .arg(m_lab.address(QStringLiteral("node1")), args, tlsArgs,
                                                            kTls ? QStringLiteral("https") : QStringLiteral("http")),
                          out);
    }
    // The name of the member that leads etcd's raft; empty when unknown.
    QString etcdLeader() const
    {
        QByteArray out;
        etcdctl(QStringLiteral("id=$(e --endpoints=$ep endpoint status --cluster | awk -F', ' '$5 == \"true\" {print $2}')\n"
                               "e --endpoints=$ep member list | awk -F', ' -v i=\"$id\" '$1 == i {print $3}'"),
                &out);
        return QString::fromUtf8(out).trimmed();
    }
    // Patroni still works: three members, one leader, the others running, and a write through 5000.
    void expectPatroniWorks()
    {
        QJsonArray ms = m_cluster.patroniMembers();
        if (kTls) {  // /cluster over https, asked on node1 with the cluster CA
            QByteArray out;
            m_lab.exec(QStringLiteral("node1"), QStringLiteral("curl -s -m 5 --cacert /etc/pgha/tls/ca.crt https://%1:8008/cluster")
                                                    .arg(m_lab.address(QStringLiteral("node1"))),
                       &out);
            ms = QJsonDocument::fromJson(out).object().value(QLatin1String("members")).toArray();
        }
        QCOMPARE(ms.size(), 3);
        int leaders = 0;
        for (const QJsonValue &v : ms) {
            const QString role = v.toObject().value(QLatin1String("role")).toString();
            const QString state = v.toObject().value(QLatin1String("state")).toString();
            leaders += role == QLatin1String("leader") || role == QLatin1String("master") || role == QLatin1String("primary");
            QVERIFY2(state == QLatin1String("running") || state == QLatin1String("streaming"), qPrintable(state));
        }
        QCOMPARE(leaders, 1);
        QCOMPARE(m_cluster.psql(5000, QStringLiteral("select 1")).code, 0);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(kSpares);
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(m_cluster.prepare(&error), qPrintable(error));
        m_base = m_cluster.projectText();
        if (kTls) {
            QVERIFY(m_base.contains(QStringLiteral("security: {tls: false}")));
            m_base.replace(QStringLiteral("security: {tls: false}"), QStringLiteral("security: {tls: true}"));
            QVERIFY(LabCluster::writeFile(m_cluster.project(), m_base.toUtf8()));
            // The TLS material of a fresh `pgha secrets` added to the lab's secrets (its passwords stay).
            const QString fresh = m_tmp.filePath(QStringLiteral("tls-secrets.yaml"));
            const LabCluster::Run s = m_cluster.run(LabCluster::pgha(), {QStringLiteral("secrets"), QStringLiteral("-o"), fresh, m_cluster.project()});
            QVERIFY2(s.code == 0, s.out.constData());
            QFile freshFile(fresh), labFile(m_cluster.secrets());
            QVERIFY(freshFile.open(QIODevice::ReadOnly) && labFile.open(QIODevice::ReadOnly));
            const QByteArray tlsPart = freshFile.readAll();
            QByteArray secrets = labFile.readAll();
            QVERIFY(tlsPart.contains("\ntls:") && !secrets.contains("\ntls:"));
            if (!secrets.endsWith('\n'))
                secrets += '\n';
            secrets += tlsPart.mid(tlsPart.indexOf("\ntls:") + 1);
            QVERIFY(LabCluster::writeFile(m_cluster.secrets(), secrets, true));
        }
        QVERIFY(LabCluster::writeFile(m_tmp.filePath(QStringLiteral("base.pgha.yaml")), m_base.toUtf8()));
        // node4 and node5 with the etcd role alone, after node3.
        const QString design = m_cluster.withHostsLikeNode3(m_base, {QStringLiteral("node4"), QStringLiteral("node5")}, QStringLiteral("[etcd]"));
        QCOMPARE(design.count(QStringLiteral("roles: [etcd]\n")), 2);
        QVERIFY(LabCluster::writeFile(m_tmp.filePath(QStringLiteral("five.pgha.yaml")), design.toUtf8()));

        QVERIFY2(m_lab.up(&error), qPrintable(error));
        const LabCluster::Run d = m_cluster.deploy({QStringLiteral("--accept-new-host-keys")},
                                                   m_tmp.filePath(QStringLiteral("journal.json")), knownHosts());
        QVERIFY2(d.code == 0, d.out.right(3000).constData());
        QVERIFY(m_cluster.psql(5000, QStringLiteral("create table etcd_rows(id int primary key)")).code == 0);
        const QStringList curlTls = kTls ? QStringList{QStringLiteral("--cacert"), m_lab.hostPath(QStringLiteral("node1"), QStringLiteral("/etc/pgha/tls/ca.crt"))}
                                         : QStringList{};
        QVERIFY(!LabCluster::waitSyncStandby(m_lab, 90000, curlTls).isEmpty());
        QCOMPARE(etcdMembers().size(), 3);
    }
    void cleanupTestCase() { m_lab.down(); }

    // 3 -> 4 -> 5: the plan shows the intermediate step; every member started and healthy afterwards.
    void grow()
    {
        const LabCluster::Run dry = m_cluster.run(LabCluster::pgha(), apply(QStringLiteral("five.pgha.yaml"),
                                                                             {QStringLiteral("--dry-run"), QStringLiteral("--accept-new-host-keys")}),
                                                  120000);
        QVERIFY2(dry.code == 0, dry.out.right(4000).constData());
        QVERIFY2(dry.out.contains("etcd members, one at a time: 3 -> 4 (+node4) -> 5 (+node5)"), dry.out.right(4000).constData());
        QVERIFY(dry.out.contains("[etcd-even-step]"));
        QVERIFY(dry.out.contains("etcd-member-add:node4"));
        QVERIFY(dry.out.contains("etcd-healthy:node5"));
        QCOMPARE(etcdMembers().size(), 3);  // a dry run changes nothing

        LabCluster::Run run;
        const LabLoad::Result l = applyUnderLoad(QStringLiteral("five.pgha.yaml"), &run);
        QVERIFY2(run.code == 0, "pgha apply failed (its output above)");
        const int lost = m_load.lost(l);
        QCOMPARE(lost, 0);
        QVERIFY(l.acked.size() > 0);
        QVERIFY(l.reads > 0);

        const QStringList members = etcdMembers();
        QCOMPARE(members.size(), 5);
        for (const QString &m : members)
            QVERIFY2(m.contains(QStringLiteral(", started, ")), qPrintable(m));
        QVERIFY(members.join(QLatin1Char('\n')).contains(QStringLiteral(", node5, %2://%1:2380").arg(m_lab.address(QStringLiteral("node5")), kTls ? QStringLiteral("https") : QStringLiteral("http"))));
        QCOMPARE(etcdHealth(), 0);
        expectPatroniWorks();
        // Patroni's etcd3 hosts name all five (file rewritten, Patroni reloaded).
        QFile cfg(m_lab.hostPath(QStringLiteral("node2"), QStringLiteral("/etc/patroni/config.yml")));
        QVERIFY(cfg.open(QIODevice::ReadOnly));
        QVERIFY(cfg.readAll().contains(QStringLiteral("%1:2379").arg(m_lab.address(QStringLiteral("node5"))).toUtf8()));
        figure(QStringLiteral("etcd grow 3 -> 5 (pgha apply: node4 and node5 checked, member add, start, healthy, one at a time; "
                              "Patroni's etcd hosts and the members' etcd files)"),
               run, l);
        QByteArray drift;
        QVERIFY2(m_cluster.noDrift(m_tmp.filePath(QStringLiteral("five.pgha.yaml")), knownHosts(), &drift), drift.constData());
    }

    // 5 -> 4 -> 3: each leaving member removed from a member that stays, etcd stopped there, its data kept.
    void shrink()
    {
        QCOMPARE(etcdMembers().size(), 5);
        // The raft leader on a member that leaves: its removal moves the leadership away first.
        QByteArray out;
        QCOMPARE(etcdctl(QStringLiteral("to=$(e --endpoints=$ep member list | awk -F', ' '$3 == \"node5\" {print $1}')\n"
                                        "from=$(e --endpoints=$ep endpoint status --cluster | awk -F', ' '$5 == \"true\" {print $1}')\n"
                                        "[ \"$from\" = http://%1:2379 ] || e --endpoints=\"$from\" move-leader \"$to\"")
                             .arg(m_lab.address(QStringLiteral("node5"))),
                         &out),
                 0);
        QCOMPARE(etcdLeader(), QStringLiteral("node5"));
        LabCluster::Run run;
        const LabLoad::Result l = applyUnderLoad(QStringLiteral("base.pgha.yaml"), &run);
        QVERIFY2(run.code == 0, "pgha apply failed (its output above)");
        QVERIFY(run.out.contains("5 -> 4 (-node4) -> 3 (-node5)"));
        QVERIFY(run.out.contains("etcd-member-remove:node5"));
        const int lost = m_load.lost(l);
        QCOMPARE(lost, 0);
        QVERIFY(l.acked.size() > 0);

        const QStringList members = etcdMembers();
        QCOMPARE(members.size(), 3);
        QVERIFY(!members.join(QLatin1Char('\n')).contains(QStringLiteral("node4")));
        QCOMPARE(etcdHealth(), 0);
        const QString leader = etcdLeader();
        QVERIFY2(leader == QLatin1String("node1") || leader == QLatin1String("node2") || leader == QLatin1String("node3"), qPrintable(leader));
        expectPatroniWorks();
        for (const QString &n : {QStringLiteral("node4"), QStringLiteral("node5")}) {
            QByteArray out;
            QVERIFY2(m_lab.exec(n, QStringLiteral("pgrep -x etcd"), &out) != 0, qPrintable(n));
            QCOMPARE(m_lab.exec(n, QStringLiteral("test -d /var/lib/etcd/pgha/member")), 0);  // data kept
        }
        figure(QStringLiteral("etcd shrink 5 -> 3 (pgha apply: member remove from a member that stays, the leadership moved "
                              "away from node5 first, etcd stopped, data kept; Patroni's etcd hosts and the members' etcd files)"),
               run, l);
        QByteArray drift;
        QVERIFY2(m_cluster.noDrift(m_tmp.filePath(QStringLiteral("base.pgha.yaml")), knownHosts(), &drift), drift.constData());
    }
};

QTEST_GUILESS_MAIN(TestE2eEtcdScale)
#include "test_e2e_etcdscale.moc"
