// Patroni 4.1.5 from pip, deployed for real (issue 11): `pgha deploy` builds the lab cluster (tests/e2e/lab) from
// a design with patroni.install: pip. node1 starts with an empty /opt and really runs pip; node2 and node3 see the
// machine's pinned virtualenv at /opt/patroni (lab.sh PGHA_LAB_PATRONI_VENV) and the deploy's probe skips them.
// Then the dashboard's day-2 actions (ActionRunner: switchover, restart, reinitialise, pause/resume) run against
// it while a writer commits rows through HAProxy's port 5000; every acknowledged row must be there at the end.
// The same design with Debian's Patroni 3.0.2 is deployed first on the same lab, for the FIGURE comparison.
// PGHA_RECORD_PATRONI4=DIR also saves the REST answers of the real 4.1.5 (the monitor's fixtures came from it).
#include "LabCluster.h"
#include "LabFigure.h"
#include "LabFixture.h"

#include "core/model/Secrets.h"
#include "core/project/ProjectFile.h"
#include "monitor/ActionRunner.h"
#include "monitor/ClusterMonitor.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <functional>

using namespace pgha;

Q_DECLARE_METATYPE(pgha::ClusterState)
Q_DECLARE_METATYPE(pgha::ActionResult)

namespace {
void figure(const QString &line)
{
    labFigure(QStringLiteral(PGHA_BINARY_DIR "/figures-e2e-patroni4.txt"), line);
}

const QString kPrefix = QStringLiteral("127.0.27");
} // namespace

class TestE2ePatroni4 : public QObject
{
    Q_OBJECT
private:
    LabFixture m_lab{kPrefix};
    QTemporaryDir m_tmp{QStringLiteral("/var/tmp/pgha-e2e4-XXXXXX")};
    LabCluster m_cluster{m_lab, m_tmp.path()};
    QString m_project4;
    QString m_project3;
    Secrets m_secrets;
    double m_seconds3 = 0;
    MonitorTarget m_target;
    ClusterMonitor *m_monitor = nullptr;

    using Run = LabCluster::Run;
    Run run(const QString &program, const QStringList &args, int timeoutMs = 300000) const
    {
        return m_cluster.run(program, args, timeoutMs);
    }
    Run deploy(const QString &project, const QString &tag, bool first) const
    {
        QStringList args{QStringLiteral("deploy"), project, QStringLiteral("--yes"), QStringLiteral("--secrets"),
                         m_cluster.secrets(), QStringLiteral("--journal"), m_tmp.filePath(tag + QStringLiteral("-journal.json")),
                         QStringLiteral("--known-hosts"), m_tmp.filePath(tag + QStringLiteral("-known_hosts"))};
        if (first)
            args << QStringLiteral("--accept-new-host-keys");
        return run(LabCluster::pgha(), args);
    }
    Run psql(const QString &sql) const
    {
        return m_cluster.psql(5000, sql);
    }
    QJsonObject rest(const QString &host, const QString &path) const
    {
        const Run r = run(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-m"), QStringLiteral("3"),
                                                   QStringLiteral("http://%1:8008%2").arg(m_lab.address(host), path)},
                          10000);
        return QJsonDocument::fromJson(r.out).object();
    }
    ClusterState waitFor(const std::function<bool(const ClusterState &)> &done, int timeoutMs, const char *what)
    {
        QElapsedTimer t;
        t.start();
        ClusterState last = m_monitor->state();
        if (done(last))
            return last;
        while (t.elapsed() < timeoutMs) {
            QSignalSpy spy(m_monitor, &ClusterMonitor::updated);
            if (!spy.wait(10000))
                continue;
            last = spy.first().first().value<ClusterState>();
            if (done(last))
                return last;
        }
        qWarning("timed out waiting for %s; last verdict %s: %s", what, qPrintable(verdictKey(last.verdict)),
                 qPrintable(last.reasons.join(QLatin1String("; "))));
        return last;
    }
    ActionResult act(const ActionRequest &req)
    {
        ActionRunner runner(m_target);
        QSignalSpy done(&runner, &ActionRunner::finished);
        if (!runner.run(req))
            return {};
        if (!done.wait(90000))
            return {};
        return done.first().first().value<ActionResult>();
    }
    QString writeProject(const QString &name, bool pip)
    {
        QFile in(QStringLiteral(PGHA_SOURCE_DIR "/tests/e2e/lab-patroni4.pgha.yaml"));
        if (!in.open(QIODevice::ReadOnly))
            return {};
        QString yaml = QString::fromUtf8(in.readAll());
        yaml.replace(QStringLiteral("/var/tmp/pgha-lab-127.0.0/"), m_lab.dir() + QLatin1Char('/'));
        yaml.replace(QStringLiteral("127.0.0."), m_lab.prefix() + QLatin1Char('.'));
        if (!pip)
            yaml.replace(QStringLiteral("install: pip, version: \"4.1.5\", pip_find_links: /opt/pgha/wheels, "), QString());
        if (!pip && yaml.contains(QLatin1String("install: pip")))
            return {};  // the design changed shape: the package comparison would run pip
        const QString path = m_tmp.filePath(name);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return {};
        out.write(yaml.toUtf8());
        return path;
    }
    void record(const QString &dir)
    {
        const ClusterState s = m_monitor->state();
        const MemberState *leader = s.leader();
        QString replica;
        for (const MemberState &m : s.members)
            if (m.isReplica())
                replica = m.name;
        QDir().mkpath(dir);
        const struct { QString host; QString path; QString file; } answers[] = {
            {leader->name, QStringLiteral("/cluster"), QStringLiteral("patroni-4.1.5-cluster.json")},
            {leader->name, QStringLiteral("/patroni"), QStringLiteral("patroni-4.1.5-patroni-primary.json")},
            {replica, QStringLiteral("/patroni"), QStringLiteral("patroni-4.1.5-patroni-replica.json")},
            {leader->name, QStringLiteral("/history"), QStringLiteral("patroni-4.1.5-history.json")},
            {leader->name, QStringLiteral("/config"), QStringLiteral("patroni-4.1.5-config.json")},
            {leader->name, QStringLiteral("/metrics"), QStringLiteral("patroni-4.1.5-metrics.txt")},
        };
        for (const auto &a : answers) {
            const Run r = run(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-m"), QStringLiteral("3"),
                                                       QStringLiteral("http://%1:8008%2").arg(m_lab.address(a.host), a.path)},
                              10000);
            QFile f(dir + QLatin1Char('/') + a.file);
            if (f.open(QIODevice::WriteOnly))
                f.write(r.out);
        }
        qInfo("recorded the REST answers of Patroni 4.1.5 into %s", qPrintable(dir));
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<ClusterState>();
        qRegisterMetaType<ActionResult>();
        QVERIFY(m_tmp.isValid());
        QVERIFY2(QFileInfo(QStringLiteral("/opt/pgha/patroni-4.1.5/bin/patroni")).isExecutable(),
                 "no Patroni 4.1.5 virtualenv: run scripts/setup-patroni-venv.sh");
        m_project4 = writeProject(QStringLiteral("lab4.pgha.yaml"), true);
        m_project3 = writeProject(QStringLiteral("lab3.pgha.yaml"), false);
        QVERIFY(!m_project4.isEmpty() && !m_project3.isEmpty());
        QString error;
        QVERIFY2(m_cluster.prepare(&error), qPrintable(error));
        auto sec = SecretStore::loadFile(m_cluster.secrets());
        QVERIFY2(sec.ok(), qPrintable(sec.ok() ? QString() : sec.error().toString()));
        m_secrets = sec.value();
        // Hosts node2 and node3 get the machine's pinned virtualenv at /opt/patroni; node1 an empty /opt of its own.
        qputenv("PGHA_LAB_PATRONI_VENV", "node2 node3");
    }
    void cleanupTestCase()
    {
        delete m_monitor;
        m_monitor = nullptr;
        m_lab.down();
    }

    void deployPatroni3ForComparison()
    {
        QString error;
        QVERIFY2(m_lab.up(&error), qPrintable(error));
        const Run d = deploy(m_project3, QStringLiteral("p3"), true);
        qInfo().noquote() << QString::fromUtf8(d.out).right(1500);
        QCOMPARE(d.code, 0);
        QVERIFY(d.out.contains("routing:haproxy: unchanged - ready"));
        QVERIFY(!d.out.contains("patroni-pip:"));
        m_seconds3 = d.seconds;
        QCOMPARE(rest(QStringLiteral("node1"), QStringLiteral("/patroni")).value(QStringLiteral("patroni")).toObject()
                     .value(QStringLiteral("version")).toString(),
                 QStringLiteral("3.0.2"));
        m_lab.down();
    }

    void deployPatroni4FromPip()
    {
        QString error;
        QVERIFY2(m_lab.up(&error), qPrintable(error));
        // Before: node1 has no virtualenv, node2 and node3 the machine's pinned one.
        QVERIFY(m_lab.exec(QStringLiteral("node1"), QStringLiteral("test ! -e /opt/patroni")) == 0);
        const Run d = deploy(m_project4, QStringLiteral("p4"), true);
        qInfo().noquote() << QString::fromUtf8(d.out).right(3000);
        QCOMPARE(d.code, 0);
        QVERIFY(d.out.contains("routing:haproxy: unchanged - ready"));
        // pip really ran on node1; the identical pinned install on node2 and node3 was left alone.
        QVERIFY2(d.out.contains("patroni-pip:node1: changed"), d.out.constData());
        QVERIFY2(d.out.contains("patroni-pip:node2: unchanged"), d.out.constData());
        QVERIFY2(d.out.contains("patroni-pip:node3: unchanged"), d.out.constData());
        for (const QString &h : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}) {
            QByteArray out;
            QCOMPARE(m_lab.ssh(h, QStringLiteral("/opt/patroni/bin/patroni --version"), &out), 0);
            QCOMPARE(out.trimmed(), QByteArray("patroni 4.1.5"));
            // The running daemon is the virtualenv's, and says so on its REST API.
            QCOMPARE(rest(h, QStringLiteral("/patroni")).value(QStringLiteral("patroni")).toObject()
                         .value(QStringLiteral("version")).toString(),
                     QStringLiteral("4.1.5"));
        }
        QByteArray cmdline;
        QCOMPARE(m_lab.exec(QStringLiteral("node1"), QStringLiteral("tr '\\0' ' ' </proc/$(cat /run/patroni.pid)/cmdline"),
                            &cmdline),
                 0);
        QVERIFY2(cmdline.contains("/opt/patroni/bin/"), cmdline.constData());
        figure(QStringLiteral("FIGURE: lab deploy (pgha deploy, same design and lab, start to writes routed through port "
                              "5000): Patroni 4.1.5 from pip %1 s (pip on 1 of 3 hosts, the pinned virtualenv already on "
                              "2); Debian's Patroni 3.0.2 %2 s; ratio %3")
                   .arg(d.seconds, 0, 'f', 1)
                   .arg(m_seconds3, 0, 'f', 1)
                   .arg(m_seconds3 > 0 ? d.seconds / m_seconds3 : 0, 0, 'f', 2));

        auto topo = ProjectFile::load(m_project4);
        QVERIFY(topo.ok());
        m_target = MonitorTarget::fromTopology(topo->topology, m_secrets);
        m_monitor = new ClusterMonitor(m_target, this);
        m_monitor->setIntervalMs(1000);
        m_monitor->start();
        const ClusterState s = waitFor(
            [](const ClusterState &st) { return st.verdict == Verdict::Healthy; }, 60000, "a healthy Patroni 4 cluster");
        QCOMPARE(s.verdict, Verdict::Healthy);
        for (const MemberState &m : s.members)
            QCOMPARE(m.patroniVersion, QStringLiteral("4.1.5"));
    }

    void rerunNothingToDo()
    {
        QVERIFY(m_monitor);
        const Run d = deploy(m_project4, QStringLiteral("p4"), false);
        QVERIFY2(d.code == 0, d.out.constData());
        QVERIFY2(d.out.contains("nothing to do"), d.out.constData());
        QVERIFY(!d.out.contains(": changed"));
    }

    void dayTwoActionsLoseNothing()
    {
        QVERIFY(m_monitor);
        QVERIFY2(psql(QStringLiteral("create table p4_writes(id int primary key)")).code == 0, "create table");
        // The writer: one connection per row through port 5000; a row counts once psql reported its commit.
        const QString acked = m_tmp.filePath(QStringLiteral("acked"));
        const QString stop = m_tmp.filePath(QStringLiteral("stop"));
        QProcess writer;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), m_secrets.superuserPassword);
        writer.setProcessEnvironment(env);
        writer.start(QStringLiteral("/bin/bash"),
                     {QStringLiteral("-c"),
                      QStringLiteral("i=0; while [ ! -e %1 ] && [ $i -lt 20000 ]; do i=$((i+1)); "
                                     "psql 'host=%3 port=5000 user=postgres dbname=postgres connect_timeout=2' -XAtq "
                                     "-c \"insert into p4_writes values ($i)\" >/dev/null 2>&1 && echo $i >>%2; "
                                     "sleep 0.02; done")
                          .arg(stop, acked, m_lab.address(QStringLiteral("haproxy")))});
        QVERIFY(writer.waitForStarted());

        // Switchover to the synchronous standby (synchronous_mode: Patroni accepts only that candidate). Right
        // after the deploy Patroni may not have named one yet (it does so within a loop_wait or two).
        const auto syncStandby = [](const ClusterState &st) {
            for (const MemberState &m : st.members)
                if (m.role == QLatin1String("sync_standby") && m.isRunning())
                    return m.name;
            return QString();
        };
        ClusterState s = waitFor([&](const ClusterState &st) { return !syncStandby(st).isEmpty(); }, 60000,
                                 "a synchronous standby in /cluster");
        const QString oldLeader = s.leader() ? s.leader()->name : QString();
        const QString candidate = syncStandby(s);
        QVERIFY2(!candidate.isEmpty(), "no sync_standby in /cluster");
        ActionRequest sw;
        sw.kind = ActionRequest::Kind::Switchover;
        sw.candidate = candidate;
        ActionResult r = act(sw);
        QVERIFY2(r.ok, qPrintable(r.message));
        s = waitFor([&](const ClusterState &st) {
                const HaproxyPool *p = st.haproxy.isEmpty() ? nullptr : st.haproxy.first().pool(QStringLiteral("primary"));
                return st.leader() && st.leader()->name == candidate && st.leader()->isRunning() && p
                    && p->upServers() == QStringList{candidate};
            },
            90000, "the switchover's new leader behind HAProxy");
        QCOMPARE(s.leader()->name, candidate);
        waitFor([](const ClusterState &st) { return st.verdict == Verdict::Healthy; }, 90000, "healthy after switchover");

        // Restart a replica (the old leader): its postmaster starts anew.
        const QString before = rest(oldLeader, QStringLiteral("/patroni")).value(QStringLiteral("postmaster_start_time")).toString();
        QVERIFY(!before.isEmpty());
        ActionRequest rs;
        rs.kind = ActionRequest::Kind::Restart;
        rs.member = oldLeader;
        r = act(rs);
        QVERIFY2(r.ok, qPrintable(r.message));
        QElapsedTimer t;
        t.start();
        QString after;
        while (t.elapsed() < 90000) {
            const QJsonObject p = rest(oldLeader, QStringLiteral("/patroni"));
            after = p.value(QStringLiteral("postmaster_start_time")).toString();
            if (!after.isEmpty() && after != before && p.value(QStringLiteral("state")).toString() == QLatin1String("running"))
                break;
            QThread::msleep(500);
        }
        QVERIFY2(!after.isEmpty() && after != before, qPrintable(before + QStringLiteral(" -> ") + after));
        waitFor([](const ClusterState &st) { return st.verdict == Verdict::Healthy; }, 90000, "healthy after restart");

        // Reinitialise the other replica: a new data directory from the leader, streaming again.
        s = m_monitor->state();
        QString reinitMember;
        for (const MemberState &m : s.members)
            if (m.isReplica() && m.name != oldLeader)
                reinitMember = m.name;
        QVERIFY(!reinitMember.isEmpty());
        const QString reBefore = rest(reinitMember, QStringLiteral("/patroni")).value(QStringLiteral("postmaster_start_time")).toString();
        ActionRequest ri;
        ri.kind = ActionRequest::Kind::Reinit;
        ri.member = reinitMember;
        r = act(ri);
        QVERIFY2(r.ok, qPrintable(r.message));
        t.restart();
        QString reAfter;
        while (t.elapsed() < 120000) {
            const QJsonObject p = rest(reinitMember, QStringLiteral("/patroni"));
            reAfter = p.value(QStringLiteral("postmaster_start_time")).toString();
            if (!reAfter.isEmpty() && reAfter != reBefore && p.value(QStringLiteral("state")).toString() == QLatin1String("running"))
                break;
            QThread::msleep(500);
        }
        QVERIFY2(!reAfter.isEmpty() && reAfter != reBefore, qPrintable(reBefore + QStringLiteral(" -> ") + reAfter));
        s = waitFor([&](const ClusterState &st) {
                const MemberState *m = st.member(reinitMember);
                return m && m->isRunning() && m->streaming && st.verdict == Verdict::Healthy;
            },
            120000, "the reinitialised member streaming");
        QVERIFY(s.member(reinitMember) && s.member(reinitMember)->streaming);

        // Pause and resume.
        ActionRequest pa;
        pa.kind = ActionRequest::Kind::Pause;
        r = act(pa);
        QVERIFY2(r.ok, qPrintable(r.message));
        s = waitFor([](const ClusterState &st) { return st.paused; }, 30000, "paused");
        QVERIFY(s.paused);
        ActionRequest re;
        re.kind = ActionRequest::Kind::Resume;
        r = act(re);
        QVERIFY2(r.ok, qPrintable(r.message));
        s = waitFor([](const ClusterState &st) { return !st.paused && st.verdict == Verdict::Healthy; }, 30000,
                    "resumed");
        QVERIFY(!s.paused);

        // After a switchover, a restart and a reinit: the answers the monitor's fixtures were recorded from.
        const QString dir = qEnvironmentVariable("PGHA_RECORD_PATRONI4");
        if (!dir.isEmpty())
            record(dir);

        // Stop the writer; every acknowledged row is in the table.
        QFile(stop).open(QIODevice::WriteOnly);
        QVERIFY(writer.waitForFinished(30000));
        QFile a(acked);
        QVERIFY(a.open(QIODevice::ReadOnly));
        QSet<int> ackedIds;
        for (const QByteArray &l : a.readAll().split('\n'))
            if (!l.trimmed().isEmpty())
                ackedIds.insert(l.trimmed().toInt());
        QVERIFY2(ackedIds.size() > 20, qPrintable(QStringLiteral("only %1 rows acknowledged").arg(ackedIds.size())));
        const Run rows = psql(QStringLiteral("select id from p4_writes"));
        QCOMPARE(rows.code, 0);
        QSet<int> present;
        for (const QByteArray &l : rows.out.split('\n'))
            if (!l.trimmed().isEmpty())
                present.insert(l.trimmed().toInt());
        QSet<int> lost = ackedIds;
        lost.subtract(present);
        qInfo("writer: %lld rows acknowledged through port 5000 during switchover, restart, reinit, pause/resume; "
              "%lld lost",
              qlonglong(ackedIds.size()), qlonglong(lost.size()));
        QCOMPARE(lost.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestE2ePatroni4)
#include "test_e2e_patroni4.moc"
