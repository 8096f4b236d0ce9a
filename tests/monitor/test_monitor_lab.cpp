// The monitor against a REAL cluster: 3 etcd + 3 Patroni/PostgreSQL 15 + HAProxy started on 127.0.3.x by
// tests/monitor/lab/minilab.sh (Debian's patroni 3.0.2, etcd 3.4, haproxy 2.6). Torn down whatever happens.
#include "monitor/ActionRunner.h"
#include "monitor/ClusterMonitor.h"
#include "monitor/ClusterPoller.h"

#include "core/project/ProjectFile.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <fcntl.h>
#include <functional>
#include <sys/file.h>
#include <unistd.h>

using namespace pgha;

Q_DECLARE_METATYPE(pgha::ClusterState)
Q_DECLARE_METATYPE(pgha::ActionResult)

namespace {

const QString kLab = QStringLiteral(PGHA_SOURCE_DIR "/tests/monitor/lab/minilab.sh");
const QString kProject = QStringLiteral(PGHA_SOURCE_DIR "/tests/monitor/lab/monlab.pgha.yaml");
const QString kPgha = QStringLiteral(PGHA_BINARY_DIR "/src/cli/pgha");

QByteArray lab(const QStringList &args, int timeoutMs = 180000, int *exitCode = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(kLab, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    }
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return p.readAll();
}

} // namespace

class TestMonitorLab : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void statusShowsLeaderAndStreamingReplicas();
    void cliStatusAgainstPatronictl();
    void switchoverMovesLeaderAndHaproxyFollows();
    void oneEtcdDownDegradesWithoutLosingWrites();
    void twoEtcdDownLosesQuorum();
    void failoverAfterLeaderKilled();

private:
    ClusterState waitFor(const std::function<bool(const ClusterState &)> &done, int timeoutMs, const char *what);
    bool writeThroughPrimary(const QString &value, QString *error);
    int countRows();

    bool m_up = false;
    QString m_password;
    MonitorTarget m_target;
    ClusterMonitor *m_monitor = nullptr;
    QList<ClusterEvent> m_events;
};

void TestMonitorLab::initTestCase()
{
    qRegisterMetaType<ClusterState>();
    qRegisterMetaType<ActionResult>();
    for (const char *tool : {"patroni", "etcd", "haproxy", "psql", "patronictl"}) {
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty()
            && QStandardPaths::findExecutable(QLatin1String(tool), {QStringLiteral("/usr/sbin")}).isEmpty())
            QSKIP(qPrintable(QStringLiteral("%1 is not installed").arg(QLatin1String(tool))));
    }
    if (geteuid() != 0)
        QSKIP("the lab runs PostgreSQL as the postgres user and needs root to switch to it");
    // ctest's RESOURCE_LOCK only orders tests of one ctest run; other build trees on this machine run this test
    // too, on the same addresses. The lock is the kernel's: released when this process ends, however it ends.
    const int lockFd = ::open("/var/tmp/pgha-monlab-127.0.3.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0600);
    QVERIFY(lockFd >= 0);
    QElapsedTimer waited;
    waited.start();
    QVERIFY(::flock(lockFd, LOCK_EX) == 0);
    if (waited.elapsed() > 1000)
        qInfo("waited %.0f s for another run of the lab to finish", waited.elapsed() / 1000.0);
    int code = 0;
    QElapsedTimer t;
    t.start();
    const QByteArray log = lab({QStringLiteral("start")}, 240000, &code);
    if (code != 0)
        qWarning("%s", log.constData());
    m_up = true;  // stop whatever half-started
    QVERIFY2(code == 0, "minilab.sh start failed (its output is above)");
    qInfo("lab up in %.1f s", t.elapsed() / 1000.0);
    m_up = true;
    m_password = QString::fromUtf8(lab({QStringLiteral("password")})).trimmed();
    auto project = ProjectFile::load(kProject);
    QVERIFY2(project.ok(), qPrintable(project.ok() ? QString() : project.error().toString()));
    Secrets secrets;
    secrets.restApiUser = QStringLiteral("patroni");
    secrets.restApiPassword = m_password;
    secrets.haproxyStatsUser = QStringLiteral("haproxy");
    secrets.haproxyStatsPassword = m_password;
    m_target = MonitorTarget::fromTopology(project->topology, secrets);
    m_monitor = new ClusterMonitor(m_target, this);
    m_monitor->setIntervalMs(1000);
    connect(m_monitor, &ClusterMonitor::eventsAdded, this, [this](const QList<ClusterEvent> &events) {
        for (const ClusterEvent &e : events) {
            qInfo("event %s", qPrintable(e.toString()));
            m_events << e;
        }
    });
    m_monitor->start();
}

void TestMonitorLab::cleanupTestCase()
{
    delete m_monitor;
    m_monitor = nullptr;
    if (m_up)
        lab({QStringLiteral("stop")});
}

ClusterState TestMonitorLab::waitFor(const std::function<bool(const ClusterState &)> &done, int timeoutMs,
                                     const char *what)
{
    QElapsedTimer t;
    t.start();
    ClusterState last;
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

bool TestMonitorLab::writeThroughPrimary(const QString &value, QString *error)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), m_password);
    env.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QStringLiteral("5"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("psql"),
            {QStringLiteral("-X"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"),
             QStringLiteral("127.0.3.20"), QStringLiteral("-p"), QStringLiteral("5000"), QStringLiteral("-U"),
             QStringLiteral("postgres"), QStringLiteral("-d"), QStringLiteral("postgres"), QStringLiteral("-c"),
             QStringLiteral("CREATE TABLE IF NOT EXISTS monlab_writes (v text); INSERT INTO monlab_writes VALUES ('%1')")
                 .arg(value)});
    p.waitForFinished(30000);
    *error = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

int TestMonitorLab::countRows()
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), m_password);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("psql"), {QStringLiteral("-X"), QStringLiteral("-At"), QStringLiteral("-h"),
                                     QStringLiteral("127.0.3.20"), QStringLiteral("-p"), QStringLiteral("5000"),
                                     QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-d"),
                                     QStringLiteral("postgres"), QStringLiteral("-c"),
                                     QStringLiteral("SELECT count(*) FROM monlab_writes")});
    p.waitForFinished(30000);
    bool ok = false;
    const int n = QString::fromUtf8(p.readAllStandardOutput()).trimmed().toInt(&ok);
    return ok ? n : -1;
}

void TestMonitorLab::statusShowsLeaderAndStreamingReplicas()
{
    const ClusterState s = waitFor(
        [](const ClusterState &st) {
            int streaming = 0;
            for (const MemberState &m : st.members)
                streaming += m.isReplica() && m.streaming ? 1 : 0;
            return st.leader() && streaming == 2 && st.verdict == Verdict::Healthy;
        },
        60000, "one leader, two streaming replicas");
    QVERIFY(s.leader());
    int streaming = 0;
    for (const MemberState &m : s.members) {
        QVERIFY2(m.reachable, qPrintable(m.name));
        QCOMPARE(m.patroniVersion.isEmpty(), false);
        streaming += m.isReplica() && m.streaming ? 1 : 0;
    }
    QCOMPARE(streaming, 2);
    QCOMPARE(s.etcdHealthyCount(), 3);
    QCOMPARE(s.haproxy.first().pool(QStringLiteral("primary"))->upServers(), QStringList{s.leader()->name});
    QCOMPARE(s.verdict, Verdict::Healthy);
}

void TestMonitorLab::cliStatusAgainstPatronictl()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGHA_RESTAPI_PASSWORD"), m_password);
    env.insert(QStringLiteral("PGHA_HAPROXY_STATS_PASSWORD"), m_password);
    // Best of three runs each, in one go, so that both see the same machine load.
    qint64 pghaMs = 1 << 30;
    qint64 patronictlMs = 1 << 30;
    QByteArray table;
    for (int i = 0; i < 3; ++i) {
        QProcess p;
        p.setProcessEnvironment(env);
        QElapsedTimer t;
        t.start();
        p.start(kPgha, {QStringLiteral("status"), kProject});
        QVERIFY(p.waitForFinished(30000));
        pghaMs = std::min(pghaMs, t.elapsed());
        QCOMPARE(p.exitCode(), 0);
        table = p.readAllStandardOutput();
        QProcess c;
        t.restart();
        c.start(kLab, {QStringLiteral("patronictl"), QStringLiteral("list")});
        QVERIFY(c.waitForFinished(30000));
        patronictlMs = std::min(patronictlMs, t.elapsed());
        QCOMPARE(c.exitCode(), 0);
    }
    QVERIFY2(table.contains("| Leader "), table.constData());
    QVERIFY(table.contains("Verdict: healthy"));
    QVERIFY(table.contains("etcd: 3/3 healthy"));
    qInfo("pgha status %lld ms, patronictl list %lld ms: %.1fx faster", pghaMs, patronictlMs,
          double(patronictlMs) / double(std::max<qint64>(1, pghaMs)));
    QVERIFY(pghaMs < patronictlMs);

    QProcess j;
    j.setProcessEnvironment(env);
    j.start(kPgha, {QStringLiteral("status"), QStringLiteral("--url"), QStringLiteral("http://127.0.3.12:8008"),
                    QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY(j.waitForFinished(30000));
    QCOMPARE(j.exitCode(), 0);
    QVERIFY(j.readAllStandardOutput().contains("\"verdict\": \"healthy\""));
}

void TestMonitorLab::switchoverMovesLeaderAndHaproxyFollows()
{
    const ClusterState before = m_monitor->state();
    QVERIFY(before.leader());
    QString candidate;
    for (const MemberState &m : before.members) {
        if (m.isReplica() && m.streaming)
            candidate = m.name;
    }
    QVERIFY(!candidate.isEmpty());
    m_events.clear();
    ActionRunner runner(m_target);
    QSignalSpy done(&runner, &ActionRunner::finished);
    ActionRequest req;
    req.kind = ActionRequest::Kind::Switchover;
    req.candidate = candidate;
    QElapsedTimer t;
    t.start();
    m_monitor->expectAction(req);  // as the dashboard does: what the switchover causes is planned, not a fault
    runner.run(req);
    QVERIFY(done.wait(60000));
    const ActionResult r = done.first().first().value<ActionResult>();
    QVERIFY2(r.ok, qPrintable(r.message));
    const ClusterState after = waitFor(
        [&candidate](const ClusterState &st) {
            const HaproxyPool *p = st.haproxy.isEmpty() ? nullptr : st.haproxy.first().pool(QStringLiteral("primary"));
            return st.leader() && st.leader()->name == candidate && st.leader()->isRunning() && p
                && p->upServers() == QStringList{candidate};
        },
        60000, "the new leader behind HAProxy's primary pool");
    qInfo("switchover to %s: leader and HAProxy primary pool moved after %.1f s", qPrintable(candidate),
          t.elapsed() / 1000.0);
    QCOMPARE(after.leader()->name, candidate);
    QCOMPARE(after.haproxy.first().pool(QStringLiteral("primary"))->upServers(), QStringList{candidate});
    bool switchoverEvent = false;
    for (const ClusterEvent &e : std::as_const(m_events))
        switchoverEvent = switchoverEvent || (e.kind == ClusterEvent::Kind::Switchover && e.to == candidate);
    QVERIFY(switchoverEvent);
    waitFor([](const ClusterState &st) { return st.verdict == Verdict::Healthy; }, 60000, "healthy again");
    // A switchover the monitor asked for raises no alarm: no member-down, nothing critical (issue 12).
    for (const ClusterEvent &e : std::as_const(m_events)) {
        QVERIFY2(e.kind != ClusterEvent::Kind::MemberDown, qPrintable(e.toString()));
        QVERIFY2(e.severity != ClusterEvent::Severity::Critical, qPrintable(e.toString()));
    }
}

void TestMonitorLab::oneEtcdDownDegradesWithoutLosingWrites()
{
    QString err;
    QVERIFY2(writeThroughPrimary(QStringLiteral("before"), &err), qPrintable(err));
    const int before = countRows();
    lab({QStringLiteral("stop-etcd"), QStringLiteral("e3")});
    const ClusterState s = waitFor([](const ClusterState &st) { return st.verdict == Verdict::Degraded && st.etcdHealthyCount() == 2; },
                                   30000, "degraded with one etcd down");
    QCOMPARE(s.verdict, Verdict::Degraded);
    QVERIFY(s.etcdHasQuorum());
    QVERIFY2(s.reasons.join(QLatin1Char(' ')).contains(QLatin1String("etcd member e3 is down")),
             qPrintable(s.reasons.join(QLatin1String("; "))));
    for (int i = 0; i < 5; ++i)
        QVERIFY2(writeThroughPrimary(QStringLiteral("one etcd down %1").arg(i), &err), qPrintable(err));
    QCOMPARE(countRows(), before + 5);
    lab({QStringLiteral("start-etcd"), QStringLiteral("e3")});
    const ClusterState back = waitFor([](const ClusterState &st) { return st.verdict == Verdict::Healthy; }, 60000,
                                      "healthy with e3 back");
    QCOMPARE(back.verdict, Verdict::Healthy);
}

void TestMonitorLab::twoEtcdDownLosesQuorum()
{
    m_events.clear();
    lab({QStringLiteral("stop-etcd"), QStringLiteral("e2")});
    lab({QStringLiteral("stop-etcd"), QStringLiteral("e3")});
    const ClusterState s = waitFor([](const ClusterState &st) { return !st.etcdHasQuorum(); }, 30000, "lost quorum");
    QVERIFY(!s.etcdHasQuorum());
    QCOMPARE(s.verdict, Verdict::Unavailable);
    QVERIFY2(s.reasons.join(QLatin1Char(' ')).contains(QLatin1String("lost quorum")),
             qPrintable(s.reasons.join(QLatin1String("; "))));
    bool lost = false;
    for (const ClusterEvent &e : std::as_const(m_events))
        lost = lost || e.kind == ClusterEvent::Kind::EtcdQuorumLost;
    QVERIFY(lost);
    lab({QStringLiteral("start-etcd"), QStringLiteral("e2")});
    lab({QStringLiteral("start-etcd"), QStringLiteral("e3")});
    const ClusterState back = waitFor([](const ClusterState &st) { return st.verdict == Verdict::Healthy; }, 90000,
                                      "healthy after quorum is back");
    QCOMPARE(back.verdict, Verdict::Healthy);
}

void TestMonitorLab::failoverAfterLeaderKilled()
{
    const ClusterState before = m_monitor->state();
    QVERIFY(before.leader());
    const QString old = before.leader()->name;
    const int ttl = 10;  // monlab.pgha.yaml
    m_events.clear();
    QElapsedTimer t;
    t.start();
    lab({QStringLiteral("kill-member"), old});
    QString newLeader;
    qint64 seenAt = -1;
    while (t.elapsed() < 60000 && newLeader.isEmpty()) {
        QSignalSpy spy(m_monitor, &ClusterMonitor::eventsAdded);
        spy.wait(5000);
        for (const ClusterEvent &e : std::as_const(m_events)) {
            if (e.kind == ClusterEvent::Kind::Failover) {
                QCOMPARE(e.from, old);
                newLeader = e.to;
                seenAt = t.elapsed();
            }
        }
    }
    QVERIFY2(!newLeader.isEmpty(), "no failover event");
    QVERIFY(newLeader != old);
    const double limit = (m_monitor->intervalMs() / 1000.0) + ttl;
    qInfo("leader %s killed: failover event naming %s after %.1f s (poll interval + ttl = %.0f s)", qPrintable(old),
          qPrintable(newLeader), seenAt / 1000.0, limit);
    // Patroni promotes after the leader key expires (ttl) plus up to one loop_wait; the poll adds one interval.
    QVERIFY2(seenAt / 1000.0 <= limit + 2 + 5, "failover event later than poll interval + ttl + loop_wait (+5 s load margin)");
    const ClusterState after = waitFor(
        [&newLeader](const ClusterState &st) {
            const HaproxyPool *p = st.haproxy.isEmpty() ? nullptr : st.haproxy.first().pool(QStringLiteral("primary"));
            return p && p->upServers() == QStringList{newLeader};
        },
        30000, "HAProxy following the new leader");
    QCOMPARE(after.haproxy.first().pool(QStringLiteral("primary"))->upServers(), QStringList{newLeader});
    QVERIFY(after.verdict != Verdict::Healthy);  // the old leader is still down

    // `pgha status` agrees with the model.
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGHA_RESTAPI_PASSWORD"), m_password);
    env.insert(QStringLiteral("PGHA_HAPROXY_STATS_PASSWORD"), m_password);
    cli.setProcessEnvironment(env);
    cli.start(kPgha, {QStringLiteral("status"), kProject, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 1);  // degraded: the killed member is down
    const QJsonObject o = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(o.value(QStringLiteral("leader")).toString(), newLeader);
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("degraded"));
}

QTEST_GUILESS_MAIN(TestMonitorLab)
#include "test_monitor_lab.moc"
