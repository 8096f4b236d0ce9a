// A rolling upgrade of Patroni by `pgha apply` on the real lab (issue 9 item 5): the Patroni 4 lab design
// (lab-patroni4.pgha.yaml, Patroni by pip) deployed on 127.0.39 with 4.1.4, then the design says 4.1.5 and apply
// installs it member by member in the rolling restart's order (replicas, a switchover, the former leader) while a
// writer inserts one row per connection through HAProxy's port 5000 and a reader selects through 5001. Every host
// installs from the machine's wheelhouse (/opt/pgha/wheels, scripts/setup-patroni-venv.sh 4.1.4 and 4.1.5) with
// cluster.patroni.pip_find_links: pip never reaches PyPI here. Afterwards every member runs 4.1.5, the leader
// changed exactly once, every acknowledged row is there and `pgha diff` finds no drift. FIGURE lines go to
// figures-e2e-upgrade.txt. The PostgreSQL package path is unit-tested only (tests/drift): the lab's hosts share
// the machine's Debian packages.
#include "LabCluster.h"
#include "LabFigure.h"
#include "LabFixture.h"
#include "LabLoad.h"

#include "core/model/Secrets.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kFigures = QStringLiteral(PGHA_BINARY_DIR "/figures-e2e-upgrade.txt");
const QString kWheels = QStringLiteral("/opt/pgha/wheels");
const QStringList kNodes{QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")};

} // namespace

class TestE2eUpgrade : public QObject
{
    Q_OBJECT
private:
    LabFixture m_lab{QStringLiteral("127.0.39")};
    QTemporaryDir m_tmp{QStringLiteral("/var/tmp/pgha-e2e-upgrade-XXXXXX")};
    LabCluster m_cluster{m_lab, m_tmp.path()};
    QString m_template;
    LabLoad m_load{m_lab, m_cluster, QStringLiteral("upgrade_rows"), QStringLiteral("select count(*) from upgrade_rows")};

    QStringList common() const
    {
        return {QStringLiteral("--secrets"), m_cluster.secrets(), QStringLiteral("--known-hosts"),
                m_tmp.filePath(QStringLiteral("known_hosts"))};
    }
    LabCluster::Run pgha(const QStringList &args, int timeoutMs = 300000) const
    {
        return m_cluster.run(LabCluster::pgha(), args, timeoutMs);
    }
    // The design with Patroni VERSION from the wheelhouse, written as FILE in the work directory.
    QString design(const QString &version)
    {
        QString yaml = m_template;
        yaml.replace(QStringLiteral("install: pip, version: \"4.1.5\", pip_find_links: /opt/pgha/wheels, "),
                     QStringLiteral("install: pip, version: \"%1\", pip_find_links: %2, ").arg(version, kWheels));
        const QString path = m_tmp.filePath(QStringLiteral("upgrade-%1.pgha.yaml").arg(version));
        QFile out(path);
        if (!yaml.contains(QStringLiteral("version: \"%1\"").arg(version)) || !out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        out.write(yaml.toUtf8());
        return path;
    }
    QJsonObject rest(const QString &host, const QString &path) const
    {
        const LabCluster::Run r = m_cluster.run(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-m"), QStringLiteral("3"),
                                                                         QStringLiteral("http://%1:8008%2").arg(m_lab.address(host), path)},
                                                10000);
        return QJsonDocument::fromJson(r.out).object();
    }
    QString version(const QString &host) const
    {
        return rest(host, QStringLiteral("/patroni")).value(QLatin1String("patroni")).toObject().value(QLatin1String("version")).toString();
    }
    // The leader's name and timeline, from the first member that answers /cluster.
    QPair<QString, int> leaderTimeline() const
    {
        for (const QString &h : kNodes) {
            const QJsonArray ms = rest(h, QStringLiteral("/cluster")).value(QLatin1String("members")).toArray();
            for (const QJsonValue &v : ms) {
                const QJsonObject m = v.toObject();
                const QString role = m.value(QLatin1String("role")).toString();
                if (role == QLatin1String("leader") || role == QLatin1String("master"))
                    return {m.value(QLatin1String("name")).toString(), m.value(QLatin1String("timeline")).toInt()};
            }
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        for (const char *v : {"4.1.4", "4.1.5"})
            QVERIFY2(QFileInfo::exists(kWheels + QStringLiteral("/pgha-requirements-%1.txt").arg(QLatin1String(v))),
                     qPrintable(QStringLiteral("no wheelhouse for Patroni %1 in %2: run scripts/setup-patroni-venv.sh %1")
                                    .arg(QLatin1String(v), kWheels)));
        QFile in(QStringLiteral(PGHA_SOURCE_DIR "/tests/e2e/lab-patroni4.pgha.yaml"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        m_template = QString::fromUtf8(in.readAll());
        m_template.replace(QStringLiteral("/var/tmp/pgha-lab-127.0.0/"), m_lab.dir() + QLatin1Char('/'));
        m_template.replace(QStringLiteral("127.0.0."), m_lab.prefix() + QLatin1Char('.'));
        m_template.replace(QStringLiteral("name: lab4\n  namespace: pgha_lab4"), QStringLiteral("name: labup\n  namespace: pgha_labup"));
        QVERIFY(m_template.contains(QLatin1String("name: labup")));
        QString error;
        QVERIFY2(m_cluster.prepare(&error), qPrintable(error));
        // Every host starts with an empty /opt/patroni of its own: the deploy runs pip there (from the wheelhouse).
        qunsetenv("PGHA_LAB_PATRONI_VENV");
        const QString old = design(QStringLiteral("4.1.4"));
        QVERIFY(!old.isEmpty());
        QVERIFY2(m_lab.up(&error), qPrintable(error));
        const LabCluster::Run d = pgha(QStringList{QStringLiteral("deploy"), old, QStringLiteral("--yes"), QStringLiteral("--accept-new-host-keys"),
                                                   QStringLiteral("--journal"), m_tmp.filePath(QStringLiteral("deploy.journal.json"))}
                                       + common(),
                                       600000);
        QVERIFY2(d.code == 0, d.out.right(3000).constData());
        for (const QString &h : kNodes)
            QCOMPARE(version(h), QStringLiteral("4.1.4"));
        QVERIFY(m_cluster.psql(5000, QStringLiteral("create table upgrade_rows(id int primary key)")).code == 0);
        QVERIFY(!m_cluster.waitSyncStandby(60000).isEmpty());
    }
    void cleanupTestCase() { m_lab.down(); }

    // 4.1.4 -> 4.1.5: drift on each member, then the rolling upgrade under load.
    void rollingUpgrade()
    {
        const QString next = design(QStringLiteral("4.1.5"));
        QVERIFY(!next.isEmpty());
        const LabCluster::Run j = pgha(QStringList{QStringLiteral("diff"), next, QStringLiteral("--format"), QStringLiteral("json")} + common(), 60000);
        QCOMPARE(j.code, 1);
        QStringList upgrade;
        for (const QJsonValue &v : QJsonDocument::fromJson(j.out.mid(j.out.indexOf('{'))).object().value(QLatin1String("items")).toArray()) {
            const QJsonObject i = v.toObject();
            // The install script in the bundle names the release too: rewritten, nothing reloads for it.
            if (i.value(QLatin1String("key")).toString() == QLatin1String("/root/pgha-install.sh"))
                continue;
            QVERIFY2(i.value(QLatin1String("fix")).toString() == QLatin1String("upgrade"), j.out.constData());
            QCOMPARE(i.value(QLatin1String("key")).toString(), QStringLiteral("patroni.version"));
            QCOMPARE(i.value(QLatin1String("actual")).toString(), QStringLiteral("4.1.4"));
            upgrade << i.value(QLatin1String("host")).toString();
        }
        upgrade.sort();
        QCOMPARE(upgrade, kNodes);

        QVERIFY(!m_cluster.waitSyncStandby(60000).isEmpty());
        const QPair<QString, int> before = leaderTimeline();
        QVERIFY(!before.first.isEmpty());
        // Sampled once per writer round: how many members /cluster lists as running (the fewest seen).
        int samples = 0;
        int fewestRunning = 3;
        m_load.setTick([&] {
            for (const QString &h : kNodes) {
                const QJsonObject c = rest(h, QStringLiteral("/cluster"));
                if (!c.contains(QLatin1String("members")))
                    continue;  // this member's REST API is restarting: ask the next one
                int run = 0;
                for (const QJsonValue &v : c.value(QLatin1String("members")).toArray()) {
                    const QString st = v.toObject().value(QLatin1String("state")).toString();
                    run += st == QLatin1String("running") || st == QLatin1String("streaming") ? 1 : 0;
                }
                fewestRunning = std::min(fewestRunning, run);
                ++samples;
                return;
            }
        });
        LabCluster::Run apply;
        const LabLoad::Result l = m_load.run(LabCluster::pgha(),
                                             QStringList{QStringLiteral("apply"), next, QStringLiteral("--yes"), QStringLiteral("--journal"),
                                                         m_tmp.filePath(QStringLiteral("apply.journal.json"))}
                                                 + common(),
                                             &apply);
        QVERIFY2(apply.code == 0, apply.out.right(5000).constData());
        m_load.setTick({});
        qInfo().noquote() << QString::fromUtf8(apply.out).right(6000);
        // Rolling order: each replica installed and restarted before the leader's step, which switches over first.
        int lastReplica = -1;
        for (const QString &h : kNodes) {
            const int in = int(apply.out.indexOf(QByteArray(QByteArray("(upgrade-install:") + h.toUtf8())));
            const int re = int(apply.out.indexOf(QByteArray(QByteArray("(upgrade-restart:") + h.toUtf8())));
            QVERIFY2(in >= 0 && re > in, qPrintable(h));
            if (h != before.first)
                lastReplica = std::max(lastReplica, re);
        }
        QVERIFY(int(apply.out.indexOf(QByteArray(QByteArray("(upgrade-install:") + before.first.toUtf8()))) > lastReplica);
        // Never two members down: every sample of /cluster during the run listed at least two running members.
        QVERIFY2(samples > 10, qPrintable(QString::number(samples)));
        QVERIFY2(fewestRunning >= 2, qPrintable(QStringLiteral("%1 running members in a sample").arg(fewestRunning)));

        for (const QString &h : kNodes)
            QCOMPARE(version(h), QStringLiteral("4.1.5"));
        QVERIFY(!m_cluster.waitSyncStandby(60000).isEmpty());
        const QPair<QString, int> after = leaderTimeline();
        QVERIFY(!after.first.isEmpty());
        QVERIFY2(after.first != before.first, "the former leader should have handed over");
        QCOMPARE(after.second, before.second + 1);  // exactly one leader change: the switchover
        const int lostRows = m_load.lost(l);
        labFigure(kFigures, QStringLiteral("FIGURE rolling upgrade by pgha apply (Patroni 4.1.4 -> 4.1.5 by pip from the local "
                                           "wheelhouse, 3 members: 2 replicas, switchover, former leader): %1 s; writes refused "
                                           "%2 s; fewest running members in %5 samples of /cluster: %6; %3; %4 lost")
                                .arg(apply.seconds, 0, 'f', 1)
                                .arg(l.refusedSec, 0, 'f', 1)
                                .arg(LabLoad::text(l))
                                .arg(lostRows)
                                .arg(samples)
                                .arg(fewestRunning));
        QCOMPARE(lostRows, 0);

        const LabCluster::Run d = pgha(QStringList{QStringLiteral("diff"), next} + common(), 60000);
        QVERIFY2(d.code == 0, d.out.constData());
        const LabCluster::Run again = pgha(QStringList{QStringLiteral("apply"), next, QStringLiteral("--yes")} + common(), 60000);
        QCOMPARE(again.code, 0);
        QVERIFY(again.out.contains("nothing to do"));
    }
};

QTEST_GUILESS_MAIN(TestE2eUpgrade)
#include "test_e2e_upgrade.moc"
