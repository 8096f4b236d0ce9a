// The monitor's pure decisions on plain ClusterState values (issue 12): which day-2 actions a member state allows
// (synchronous mode: only the sync standby), a switchover the monitor requested logged as planned (no critical
// member-down), a refused stats login reported as a monitoring gap and not as an unavailable cluster, and any
// endpoint change (not only the count) seen by MonitorTarget::sameEndpoints.
#include "cli/StatusTable.h"
#include "monitor/ActionRules.h"
#include "monitor/EventDeriver.h"
#include "monitor/MonitorTarget.h"
#include "monitor/VerdictRules.h"

#include <QtTest>

using namespace pgha;

namespace {

MemberState member(const QString &name, const QString &role, const QString &state = QStringLiteral("running"))
{
    MemberState m;
    m.name = name;
    m.role = role;
    m.state = state;
    m.reachable = true;
    m.streaming = role != QLatin1String("leader");
    m.timeline = 1;
    m.lagBytes = role == QLatin1String("leader") ? -1 : 0;
    return m;
}

// m1 leads, m2 and m3 stream; with sync, m2 is the synchronous standby.
ClusterState cluster(bool sync, const QDateTime &time = QDateTime::currentDateTimeUtc())
{
    ClusterState s;
    s.time = time;
    s.scope = QStringLiteral("demo");
    s.patroniReachable = true;
    s.synchronousMode = sync;
    s.members = {member(QStringLiteral("m1"), QStringLiteral("leader")),
                 member(QStringLiteral("m2"), sync ? QStringLiteral("sync_standby") : QStringLiteral("replica")),
                 member(QStringLiteral("m3"), QStringLiteral("replica"))};
    VerdictRules::evaluate(&s);
    return s;
}

// A switchover m1 -> m2 as the polls see it: m1 demoted and restarting, then a running replica.
QList<ClusterState> switchoverPolls(const QDateTime &t0)
{
    ClusterState base = cluster(false, t0);
    ClusterState during = cluster(false, t0.addSecs(2));
    during.members[0] = member(QStringLiteral("m1"), QStringLiteral("replica"), QStringLiteral("stopped"));
    during.members[1] = member(QStringLiteral("m2"), QStringLiteral("leader"));
    during.members[1].timeline = 2;
    VerdictRules::evaluate(&during);
    ClusterState after = cluster(false, t0.addSecs(4));
    after.members[0] = member(QStringLiteral("m1"), QStringLiteral("replica"));
    after.members[1] = member(QStringLiteral("m2"), QStringLiteral("leader"));
    after.members[1].timeline = 2;
    VerdictRules::evaluate(&after);
    return {base, during, after};
}

QStringList kinds(const QList<ClusterEvent> &events)
{
    QStringList out;
    for (const ClusterEvent &e : events)
        out << ClusterEvent::kindKey(e.kind);
    return out;
}

} // namespace

class TestMonitorRules : public QObject
{
    Q_OBJECT
private slots:
    void switchoverInAsyncMode();
    void switchoverInSyncMode();
    void syncModeWithoutSyncStandby();
    void otherActions();
    void plannedSwitchoverIsNotMemberDown();
    void unplannedRestartOfTheLeaderIsCritical();
    void plannedWindowCloses();
    void crashAfterThePlannedSwitchoverIsAFault();
    void refusedStatsLoginIsAGap();
    void unreachableHaproxyStillCounts();
    void endpointChanges();
    void archivingEvents();
};

void TestMonitorRules::archivingEvents()
{
    const QDateTime t0(QDate(2026, 12, 1), QTime(20, 0), Qt::UTC);
    auto poll = [&](int secs, qint64 archived, qint64 failed, const QDateTime &lastOk, const QDateTime &lastFail,
                    const QString &leader = QStringLiteral("m1")) {
        ClusterState s = cluster(false, t0.addSecs(secs));
        s.archiverMonitored = true;
        s.archiver.member = leader;
        s.archiver.read = true;
        s.archiver.status.archivedCount = archived;
        s.archiver.status.lastArchivedWal = QStringLiteral("000000010000000000000005");
        s.archiver.status.lastArchivedTime = lastOk;
        s.archiver.status.failedCount = failed;
        s.archiver.status.lastFailedWal = failed > 0 ? QStringLiteral("000000010000000000000006") : QString();
        s.archiver.status.lastFailedTime = lastFail;
        return s;
    };
    EventDeriver d;
    QVERIFY(d.update(poll(0, 5, 0, t0, {})).isEmpty());  // baseline
    QVERIFY(d.update(poll(2, 6, 0, t0.addSecs(1), {})).isEmpty());
    // The last attempt failed (newer than the last success): one warning naming the leader and the file.
    auto ev = d.update(poll(4, 6, 1, t0.addSecs(1), t0.addSecs(3)));
    QCOMPARE(kinds(ev), QStringList{QStringLiteral("archiving-failed")});
    QCOMPARE(ev.first().severity, ClusterEvent::Severity::Warning);
    QCOMPARE(ev.first().subject, QStringLiteral("m1"));
    QVERIFY2(ev.first().message.contains(QLatin1String("000000010000000000000006")), qPrintable(ev.first().message));
    // Still failing, count unchanged: no new event; the count rising again: one more.
    QVERIFY(d.update(poll(6, 6, 1, t0.addSecs(1), t0.addSecs(3))).isEmpty());
    QCOMPARE(kinds(d.update(poll(8, 6, 2, t0.addSecs(1), t0.addSecs(7)))), QStringList{QStringLiteral("archiving-failed")});
    // Archived again: recovered.
    QCOMPARE(kinds(d.update(poll(10, 7, 2, t0.addSecs(9), t0.addSecs(7)))),
             QStringList{QStringLiteral("archiving-recovered")});
    QVERIFY(d.update(poll(12, 8, 2, t0.addSecs(11), t0.addSecs(7))).isEmpty());
    // A failure that was at once followed by a success still counts (failed_count rose).
    QCOMPARE(kinds(d.update(poll(14, 9, 3, t0.addSecs(13), t0.addSecs(12)))), QStringList{QStringLiteral("archiving-failed")});
    // A new leader has its own counters: a lower or higher failed_count there is no event by itself.
    QVERIFY(d.update(poll(16, 1, 7, t0.addSecs(15), t0.addSecs(2), QStringLiteral("m2"))).isEmpty());
    // The query not answering is no archiving event.
    ClusterState unread = poll(18, 1, 7, t0.addSecs(15), t0.addSecs(2), QStringLiteral("m2"));
    unread.archiver.read = false;
    QVERIFY(d.update(unread).isEmpty());

    // `pgha status`: the JSON object and the table line.
    const ClusterState failing = poll(20, 6, 2, t0.addSecs(1), t0.addSecs(7));
    const QJsonObject j = failing.toJson().value(QStringLiteral("wal_archiving")).toObject();
    QCOMPARE(j.value(QStringLiteral("member")).toString(), QStringLiteral("m1"));
    QCOMPARE(j.value(QStringLiteral("archived_count")).toInt(), 6);
    QCOMPARE(j.value(QStringLiteral("failed_count")).toInt(), 2);
    QCOMPARE(j.value(QStringLiteral("last_failed_wal")).toString(), QStringLiteral("000000010000000000000006"));
    QCOMPARE(j.value(QStringLiteral("last_failed_time")).toString(), QStringLiteral("2026-12-01T20:00:07.000Z"));
    QCOMPARE(j.value(QStringLiteral("last_archived_time")).toString(), QStringLiteral("2026-12-01T20:00:01.000Z"));
    QCOMPARE(j.value(QStringLiteral("failing")).toBool(), true);
    QString text;
    QTextStream ts(&text);
    cli::printStatusTable(ts, failing);
    ts.flush();
    QVERIFY2(text.contains(QLatin1String("WAL archiving on m1: FAILING; archived 6, last 000000010000000000000005 at "
                                         "2026-12-01T20:00:01Z; failed 2, last 000000010000000000000006 at "
                                         "2026-12-01T20:00:07Z")),
             qPrintable(text));
    QVERIFY(!cluster(false).toJson().contains(QStringLiteral("wal_archiving")));  // no backups, no key
    unread.archiver.error = QStringLiteral("connection refused");
    text.clear();
    cli::printStatusTable(ts, unread);
    ts.flush();
    QVERIFY2(text.contains(QLatin1String("WAL archiving on m2: not read (connection refused)")), qPrintable(text));
    QVERIFY(unread.toJson().value(QStringLiteral("wal_archiving")).toObject().value(QStringLiteral("read")) == false);
}

void TestMonitorRules::switchoverInAsyncMode()
{
    const ClusterState s = cluster(false);
    QVERIFY(!ActionRules::check(s, ActionRequest::Kind::Switchover, QStringLiteral("m1")).allowed);  // the leader
    QVERIFY(ActionRules::check(s, ActionRequest::Kind::Switchover, QStringLiteral("m2")).allowed);
    QVERIFY(ActionRules::check(s, ActionRequest::Kind::Switchover, QStringLiteral("m3")).allowed);
    QCOMPARE(ActionRules::switchoverCandidates(s), (QStringList{QStringLiteral("m2"), QStringLiteral("m3")}));
    const auto none = ActionRules::check(s, ActionRequest::Kind::Switchover, QString());
    QVERIFY(!none.allowed);
    QVERIFY(!none.reason.isEmpty());
}

void TestMonitorRules::switchoverInSyncMode()
{
    const ClusterState s = cluster(true);
    QCOMPARE(ActionRules::switchoverCandidates(s), QStringList{QStringLiteral("m2")});
    const auto async = ActionRules::check(s, ActionRequest::Kind::Switchover, QStringLiteral("m3"));
    QVERIFY(!async.allowed);
    // The reason names the rule and the member that would be allowed, not Patroni's raw refusal.
    QVERIFY2(async.reason.contains(QLatin1String("synchronous")) && async.reason.contains(QLatin1String("m2"))
                 && async.reason.contains(QLatin1String("m3")),
             qPrintable(async.reason));
    // Failover is Patroni's manual override: it accepts an asynchronous replica.
    QVERIFY(ActionRules::check(s, ActionRequest::Kind::Failover, QStringLiteral("m3")).allowed);
}

void TestMonitorRules::syncModeWithoutSyncStandby()
{
    ClusterState s = cluster(true);
    s.members[1].role = QStringLiteral("replica");
    QVERIFY(ActionRules::switchoverCandidates(s).isEmpty());
    const auto d = ActionRules::check(s, ActionRequest::Kind::Switchover, QStringLiteral("m2"));
    QVERIFY(!d.allowed);
    QVERIFY2(d.reason.contains(QLatin1String("no synchronous standby")), qPrintable(d.reason));
}

void TestMonitorRules::otherActions()
{
    ClusterState s = cluster(false);
    using K = ActionRequest::Kind;
    QVERIFY(!ActionRules::check(s, K::Reinit, QStringLiteral("m1")).allowed);
    QVERIFY(ActionRules::check(s, K::Reinit, QStringLiteral("m3")).allowed);
    QVERIFY(ActionRules::check(s, K::Restart, QStringLiteral("m1")).allowed);
    QVERIFY(!ActionRules::check(s, K::Restart, QString()).allowed);
    QVERIFY(ActionRules::check(s, K::Reload, QString()).allowed);
    QVERIFY(ActionRules::check(s, K::Pause, QString()).allowed);
    QVERIFY(!ActionRules::check(s, K::Resume, QString()).allowed);
    s.members[2].tags.insert(QStringLiteral("nofailover"), QStringLiteral("true"));
    QVERIFY(!ActionRules::check(s, K::Switchover, QStringLiteral("m3")).allowed);
    QVERIFY(!ActionRules::check(s, K::Failover, QStringLiteral("m3")).allowed);
    s.members[2].tags.clear();
    s.members[2].state = QStringLiteral("stopped");
    QVERIFY(!ActionRules::check(s, K::Switchover, QStringLiteral("m3")).allowed);
    s.paused = true;
    QVERIFY(!ActionRules::check(s, K::Pause, QString()).allowed);
    QVERIFY(ActionRules::check(s, K::Resume, QString()).allowed);
    s.members[0].state = QStringLiteral("stopped");  // no running leader: a switchover cannot work
    const auto d = ActionRules::check(s, K::Switchover, QStringLiteral("m2"));
    QVERIFY(!d.allowed);
    QVERIFY2(d.reason.contains(QLatin1String("failover")), qPrintable(d.reason));
}

void TestMonitorRules::plannedSwitchoverIsNotMemberDown()
{
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    const QList<ClusterState> polls = switchoverPolls(t0);
    EventDeriver d;
    QVERIFY(d.update(polls.at(0)).isEmpty());
    ActionRequest r;
    r.kind = ActionRequest::Kind::Switchover;
    r.candidate = QStringLiteral("m2");
    d.expectAction(r, &polls.at(0), t0.addMSecs(500));
    QList<ClusterEvent> events = d.update(polls.at(1));
    events += d.update(polls.at(2));
    const QStringList k = kinds(events);
    QVERIFY2(k.contains(QLatin1String("switchover")), qPrintable(k.join(QLatin1Char(','))));
    QVERIFY2(!k.contains(QLatin1String("member-down")), qPrintable(k.join(QLatin1Char(','))));
    QVERIFY2(!k.contains(QLatin1String("failover")), qPrintable(k.join(QLatin1Char(','))));
    QVERIFY(k.contains(QLatin1String("member-restarting")));
    for (const ClusterEvent &e : std::as_const(events)) {
        QVERIFY2(e.severity != ClusterEvent::Severity::Critical, qPrintable(e.toString()));
        if (e.kind == ClusterEvent::Kind::Switchover) {
            QCOMPARE(e.from, QStringLiteral("m1"));
            QCOMPARE(e.to, QStringLiteral("m2"));
            QVERIFY(e.planned);
        }
    }
}

void TestMonitorRules::unplannedRestartOfTheLeaderIsCritical()
{
    // The same polls without a request: the old leader stopping is an alarm.
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    const QList<ClusterState> polls = switchoverPolls(t0);
    EventDeriver d;
    d.update(polls.at(0));
    const QList<ClusterEvent> events = d.update(polls.at(1));
    bool criticalDown = false;
    for (const ClusterEvent &e : events)
        criticalDown = criticalDown
            || (e.kind == ClusterEvent::Kind::MemberDown && e.severity == ClusterEvent::Severity::Critical);
    QVERIFY2(criticalDown, qPrintable(kinds(events).join(QLatin1Char(','))));
}

void TestMonitorRules::plannedWindowCloses()
{
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    ActionRequest r;
    r.kind = ActionRequest::Kind::Restart;
    r.member = QStringLiteral("m3");
    // m3 restart requested at t0; `stopped` stops at t0 + afterSecs; refused: the request failed.
    auto kindsAfter = [&](const QString &stopped, int afterSecs, bool refused) {
        EventDeriver d;
        const ClusterState base = cluster(false, t0);
        d.update(base);
        d.expectAction(r, &base, t0);
        if (refused)
            d.clearPlanned();
        ClusterState down = cluster(false, t0.addSecs(afterSecs));
        for (MemberState &m : down.members) {
            if (m.name == stopped)
                m.state = QStringLiteral("stopped");
        }
        VerdictRules::evaluate(&down);
        return kinds(d.update(down));
    };
    QVERIFY(kindsAfter(QStringLiteral("m3"), 2, false).contains(QLatin1String("member-restarting")));
    // Refused: the window closes at once, a later stop is a fault again.
    QVERIFY(kindsAfter(QStringLiteral("m3"), 2, true).contains(QLatin1String("member-down")));
    // Past the window: a fault again.
    QVERIFY(kindsAfter(QStringLiteral("m3"), EventDeriver::kPlannedWindowSecs + 5, false)
                .contains(QLatin1String("member-down")));
    // Another member than the one restarted: a fault.
    QVERIFY(kindsAfter(QStringLiteral("m2"), 2, false).contains(QLatin1String("member-down")));
}

void TestMonitorRules::crashAfterThePlannedSwitchoverIsAFault()
{
    // Found on the real lab: the leader killed 14 s after a completed switchover was logged as "planned". The
    // window closes at the first healthy poll once the switchover happened.
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    const QList<ClusterState> polls = switchoverPolls(t0);
    EventDeriver d;
    d.update(polls.at(0));
    ActionRequest r;
    r.kind = ActionRequest::Kind::Switchover;
    r.candidate = QStringLiteral("m2");
    d.expectAction(r, &polls.at(0), t0);
    d.update(polls.at(1));
    d.update(polls.at(2));  // healthy, m2 leads
    ClusterState crash = polls.at(2);
    crash.time = t0.addSecs(14);
    crash.members[1].state = QStringLiteral("stopped");
    crash.members[1].reachable = false;
    VerdictRules::evaluate(&crash);
    const QList<ClusterEvent> events = d.update(crash);
    bool critical = false;
    for (const ClusterEvent &e : events) {
        QVERIFY2(!e.planned, qPrintable(e.toString()));
        critical = critical || e.severity == ClusterEvent::Severity::Critical;
    }
    QVERIFY2(critical && kinds(events).contains(QLatin1String("member-down")), qPrintable(kinds(events).join(QLatin1Char(','))));
}

void TestMonitorRules::refusedStatsLoginIsAGap()
{
    ClusterState s = cluster(false);
    s.haproxyMonitored = true;
    HaproxyInstance h;
    h.name = QStringLiteral("lb1");
    h.authFailed = true;
    h.error = QStringLiteral("authentication failed (HTTP 401)");
    s.haproxy = {h};
    VerdictRules::evaluate(&s);
    QCOMPARE(verdictKey(s.verdict), QStringLiteral("healthy"));
    QVERIFY2(s.reasons.isEmpty(), qPrintable(s.reasons.join(QLatin1Char('|'))));
    QCOMPARE(s.gaps.size(), 1);
    QVERIFY2(s.gaps.first().contains(QLatin1String("HAProxy stats of lb1: authentication failed")),
             qPrintable(s.gaps.first()));
    // A real fault of the cluster is still judged beside the gap.
    s.members[2].state = QStringLiteral("stopped");
    VerdictRules::evaluate(&s);
    QCOMPARE(verdictKey(s.verdict), QStringLiteral("degraded"));
    QCOMPARE(s.gaps.size(), 1);
}

void TestMonitorRules::unreachableHaproxyStillCounts()
{
    ClusterState s = cluster(false);
    s.haproxyMonitored = true;
    HaproxyInstance h;
    h.name = QStringLiteral("lb1");
    h.error = QStringLiteral("Connection refused");
    s.haproxy = {h};
    VerdictRules::evaluate(&s);
    QCOMPARE(verdictKey(s.verdict), QStringLiteral("unavailable"));
    QVERIFY(s.gaps.isEmpty());
}

void TestMonitorRules::endpointChanges()
{
    Topology t;
    t.cluster.name = QStringLiteral("demo");
    for (int i = 1; i <= 3; ++i) {
        Host h;
        h.name = QStringLiteral("pg%1").arg(i);
        h.address = QStringLiteral("10.0.0.%1").arg(i);
        h.roles = Role::Postgres | Role::Etcd;
        t.hosts << h;
    }
    const MonitorTarget a = MonitorTarget::fromTopology(t, {});
    QVERIFY(a.sameEndpoints(MonitorTarget::fromTopology(t, {})));
    Topology moved = t;
    moved.hosts[1].address = QStringLiteral("10.0.0.22");  // same number of endpoints, another address
    QVERIFY(!a.sameEndpoints(MonitorTarget::fromTopology(moved, {})));
    Topology port = t;
    port.cluster.patroni.restApiPort = 8009;
    QVERIFY(!a.sameEndpoints(MonitorTarget::fromTopology(port, {})));
    Topology renamed = t;
    renamed.hosts[2].name = QStringLiteral("pg9");
    QVERIFY(!a.sameEndpoints(MonitorTarget::fromTopology(renamed, {})));
}

QTEST_GUILESS_MAIN(TestMonitorRules)
#include "test_monitor_rules.moc"
