// The monitor's repository view (issue 10): the OnCalendar subset and its last due time, pgbackrest info turned into
// the last full / diff / incr backup, overdue judged with fixed clocks, the backup-overdue / backup-recovered and
// archiving-failed-at-start events, `pgha status`'s line and JSON, and RepositoryWatch reading through a fake fetch
// on its worker thread (once per period, not every round). No network: the lab test is tests/e2e/test_e2e_backup.
#include "cli/StatusTable.h"
#include "core/util/OnCalendar.h"
#include "monitor/EventDeriver.h"
#include "monitor/RepositoryView.h"
#include "monitor/RepositoryWatch.h"
#include "monitor/VerdictRules.h"

#include <QFile>
#include <QSignalSpy>
#include <QtTest>

#include <atomic>

using namespace pgha;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

QByteArray fixture()
{
    QFile f(QStringLiteral(PGHA_SOURCE_DIR "/tests/monitor/data/pgbackrest-2.45-info.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

PgBackRestInfoParser::InfoRead infoRead(const QByteArray &json, const QString &error = {})
{
    PgBackRestInfoParser::InfoRead r;
    r.host = QStringLiteral("repo");
    r.json = json;
    r.error = error;
    return r;
}

RepositoryView::Schedules defaults()
{
    RepositoryView::Schedules s;
    s.full = QStringLiteral("Sun *-*-* 01:00:00");
    s.diff = QStringLiteral("Mon..Sat *-*-* 01:00:00");
    s.graceSecs = 3 * 3600;
    return s;
}

ClusterState clusterAt(const QDateTime &time)
{
    ClusterState s;
    s.time = time;
    s.scope = QStringLiteral("lab");
    s.patroniReachable = true;
    MemberState m;
    m.name = QStringLiteral("node1");
    m.role = QStringLiteral("leader");
    m.state = QStringLiteral("running");
    m.reachable = true;
    m.timeline = 1;
    s.members = {m};
    VerdictRules::evaluate(&s);
    return s;
}

QStringList kinds(const QList<ClusterEvent> &events)
{
    QStringList out;
    for (const ClusterEvent &e : events)
        out << ClusterEvent::kindKey(e.kind);
    return out;
}

} // namespace

class TestBackupMonitor : public QObject
{
    Q_OBJECT
private slots:
    void parseSubset_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("cron");
        QTest::addColumn<int>("gap");
        QTest::newRow("weekly sunday") << "Sun *-*-* 01:00:00" << true << "0 1 * * 0" << 7;
        QTest::newRow("range") << "Mon..Sat *-*-* 01:00:00" << true << "0 1 * * 1,2,3,4,5,6" << 2;
        QTest::newRow("list and range") << "Mon,Wed..Thu *-*-* 23:30" << true << "30 23 * * 1,3,4" << 4;
        QTest::newRow("wrapping range") << "Fri..Mon *-*-* 02:15:10" << true << "15 2 * * 0,1,5,6" << 4;
        QTest::newRow("every weekday is every day") << "Mon..Sun *-*-* 04:00" << true << "0 4 * * *" << 1;
        QTest::newRow("no weekday") << "*-*-* 03:00:00" << true << "0 3 * * *" << 1;
        QTest::newRow("daily") << "daily" << true << "0 0 * * *" << 1;
        QTest::newRow("weekly") << "weekly" << true << "0 0 * * 1" << 7;
        QTest::newRow("hour 24") << "*-*-* 24:00" << false << "" << 0;
        QTest::newRow("date") << "Sun 2026-*-* 01:00" << false << "" << 0;
        QTest::newRow("lowercase day") << "sun *-*-* 01:00" << false << "" << 0;
        QTest::newRow("hourly") << "hourly" << false << "" << 0;
        QTest::newRow("double space") << "Sun  *-*-* 01:00" << false << "" << 0;
        QTest::newRow("minute step") << "*-*-* 01:00/15" << false << "" << 0;
    }
    void parseSubset()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, cron);
        QFETCH(int, gap);
        const std::optional<OnCalendar::Schedule> s = OnCalendar::parse(text);
        QCOMPARE(bool(s), ok);
        if (!s)
            return;
        QCOMPARE(OnCalendar::cronFields(*s), cron);
        QCOMPARE(OnCalendar::maxGapDays(*s), gap);
    }

    // 2026-12-01 is a Tuesday.
    void lastDue_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QDateTime>("due");
        QTest::newRow("sunday, tuesday evening") << "Sun *-*-* 01:00:00" << utc(2026, 12, 1, 21, 0) << utc(2026, 11, 29, 1, 0);
        QTest::newRow("sunday, a second early") << "Sun *-*-* 01:00:00" << utc(2026, 11, 29, 0, 59, 59) << utc(2026, 11, 22, 1, 0);
        QTest::newRow("sunday, exactly then") << "Sun *-*-* 01:00:00" << utc(2026, 11, 29, 1, 0) << utc(2026, 11, 29, 1, 0);
        QTest::newRow("mon..sat, tuesday night") << "Mon..Sat *-*-* 01:00:00" << utc(2026, 12, 1, 0, 30) << utc(2026, 11, 30, 1, 0);
        QTest::newRow("mon..sat, sunday noon") << "Mon..Sat *-*-* 01:00:00" << utc(2026, 12, 6, 12, 0) << utc(2026, 12, 5, 1, 0);
        QTest::newRow("mon..sat, monday 00:30") << "Mon..Sat *-*-* 01:00:00" << utc(2026, 12, 7, 0, 30) << utc(2026, 12, 5, 1, 0);
        QTest::newRow("daily midnight") << "daily" << utc(2026, 12, 1, 0, 0) << utc(2026, 12, 1, 0, 0);
        QTest::newRow("weekly from tuesday") << "weekly" << utc(2026, 12, 1, 12, 0) << utc(2026, 11, 30, 0, 0);
        QTest::newRow("wrapping fri..mon on thursday") << "Fri..Mon *-*-* 23:30" << utc(2026, 12, 3, 23, 59) << utc(2026, 11, 30, 23, 30);
        QTest::newRow("over a year end") << "Sun *-*-* 01:00:00" << utc(2027, 1, 1, 9, 0) << utc(2026, 12, 27, 1, 0);
        QTest::newRow("a local clock is read in UTC") << "*-*-* 03:00" << QDateTime(QDate(2026, 12, 1), QTime(4, 30), QTimeZone(3600))
                                                      << utc(2026, 12, 1, 3, 0);
    }
    void lastDue()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, now);
        QFETCH(QDateTime, due);
        const std::optional<OnCalendar::Schedule> s = OnCalendar::parse(text);
        QVERIFY(s);
        QCOMPARE(OnCalendar::lastDue(*s, now), due);
    }

    void fromRecordedInfo()
    {
        const QDateTime readAt = utc(2026, 12, 1, 19, 20);
        const RepositoryState r = RepositoryView::fromInfo(infoRead(fixture()), QStringLiteral("lab"), readAt);
        QVERIFY2(r.read, qPrintable(r.error));
        QCOMPARE(r.host, QStringLiteral("repo"));
        QCOMPARE(r.statusCode, 0);
        QCOMPARE(r.full.label, QStringLiteral("20261201-191546F"));
        QCOMPARE(r.full.stop, utc(2026, 12, 1, 19, 15, 53));
        QVERIFY(r.full.size > 0 && r.full.repoSize > 0);
        QVERIFY(!r.diff.present());
        QVERIFY(!r.incr.present());
        // Wrong stanza, broken text, a failed SSH read: not read, the reason kept.
        QVERIFY(!RepositoryView::fromInfo(infoRead(fixture()), QStringLiteral("other"), readAt).read);
        const RepositoryState bad = RepositoryView::fromInfo(infoRead("[{"), QStringLiteral("lab"), readAt);
        QVERIFY(!bad.read);
        QVERIFY2(bad.error.contains(QLatin1String("not JSON")), qPrintable(bad.error));
        const RepositoryState down = RepositoryView::fromInfo(infoRead({}, QStringLiteral("connection refused")),
                                                              QStringLiteral("lab"), readAt);
        QVERIFY(!down.read);
        QCOMPARE(down.error, QStringLiteral("connection refused"));
        ClusterState st = clusterAt(readAt);
        RepositoryView::apply(&st, down, defaults());
        QCOMPARE(st.verdict, Verdict::Healthy);  // a monitoring gap, not a fault of the cluster
        QVERIFY2(st.gaps.join(QLatin1Char('|')).contains(QLatin1String("connection refused")), qPrintable(st.gaps.join(QLatin1Char('|'))));
    }

    // The full of Tuesday 2026-12-01 19:15:53 against the default schedule (full Sunday, diff Monday to Saturday,
    // 01:00) and a grace of 3 h, at fixed clocks.
    void overdue_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<bool>("fullOverdue");
        QTest::addColumn<bool>("diffOverdue");
        QTest::addColumn<QDateTime>("diffDue");
        QTest::newRow("just taken") << utc(2026, 12, 1, 20, 0) << false << false << utc(2026, 12, 1, 1, 0);
        QTest::newRow("wednesday inside the grace") << utc(2026, 12, 2, 3, 59) << false << false << utc(2026, 12, 1, 1, 0);
        QTest::newRow("wednesday after the grace: the diff is missing") << utc(2026, 12, 2, 4, 1) << false << true << utc(2026, 12, 2, 1, 0);
        QTest::newRow("sunday after the grace: both missing") << utc(2026, 12, 6, 4, 1) << true << true << utc(2026, 12, 5, 1, 0);
    }
    void overdue()
    {
        QFETCH(QDateTime, now);
        QFETCH(bool, fullOverdue);
        QFETCH(bool, diffOverdue);
        QFETCH(QDateTime, diffDue);
        RepositoryState r = RepositoryView::fromInfo(infoRead(fixture()), QStringLiteral("lab"), now);
        RepositoryView::judge(&r, defaults(), now);
        QCOMPARE(r.fullOverdue, fullOverdue);
        QCOMPARE(r.diffOverdue, diffOverdue);
        QCOMPARE(r.diffDue, diffDue);
    }

    void overdueWithoutBackupsOrSchedule()
    {
        const QDateTime now = utc(2026, 12, 1, 20, 0);
        RepositoryState empty;
        empty.read = true;
        empty.statusCode = 2;
        RepositoryView::judge(&empty, defaults(), now);
        QVERIFY(empty.fullOverdue);  // a schedule whose due time passed and no backup at all
        QVERIFY(empty.diffOverdue);
        RepositoryView::Schedules noDiff = defaults();
        noDiff.diff.clear();
        RepositoryView::judge(&empty, noDiff, now);
        QVERIFY(empty.fullOverdue);
        QVERIFY(!empty.diffOverdue);
        QVERIFY(!empty.diffDue.isValid());
        RepositoryState unread;
        RepositoryView::judge(&unread, defaults(), now);
        QVERIFY(!unread.fullOverdue && !unread.diffOverdue);  // nothing known, nothing claimed
    }

    // A schedule whose due time lies in the past with no backup since: backup-overdue on the first round that sees
    // it, once; a new backup: backup-recovered; a round that could not read the repository changes nothing.
    void overdueEvents()
    {
        const RepositoryView::Schedules sched = defaults();
        const auto round = [&](const QDateTime &now, const RepositoryState &repo) {
            ClusterState s = clusterAt(now);
            RepositoryView::apply(&s, repo, sched);
            return s;
        };
        const RepositoryState tuesdayFull = RepositoryView::fromInfo(infoRead(fixture()), QStringLiteral("lab"),
                                                                     utc(2026, 12, 1, 19, 20));
        EventDeriver d;
        // Sunday 2026-12-06 05:00: the Sunday full (due 01:00) and the Saturday diff are missing.
        QList<ClusterEvent> ev = d.update(round(utc(2026, 12, 6, 5, 0), tuesdayFull));
        QCOMPARE(kinds(ev), (QStringList{QStringLiteral("backup-overdue"), QStringLiteral("backup-overdue")}));
        QCOMPARE(ev.first().severity, ClusterEvent::Severity::Warning);
        QCOMPARE(ev.first().subject, QStringLiteral("lab"));
        QVERIFY2(ev.first().message.contains(QLatin1String("full backup due at 2026-12-06T01:00:00Z")), qPrintable(ev.first().message));
        QVERIFY2(ev.first().message.contains(QLatin1String("20261201-191546F")), qPrintable(ev.first().message));
        QVERIFY2(ev.last().message.contains(QLatin1String("diff backup due at 2026-12-05T01:00:00Z")), qPrintable(ev.last().message));
        QVERIFY(d.update(round(utc(2026, 12, 6, 5, 2), tuesdayFull)).isEmpty());
        RepositoryState unread;
        unread.error = QStringLiteral("timeout");
        QVERIFY(d.update(round(utc(2026, 12, 6, 5, 4), unread)).isEmpty());
        // A full finishes at 05:30: both kinds recover (a full serves the diff's turn too).
        RepositoryState fresh = tuesdayFull;
        fresh.full.label = QStringLiteral("20261206-052000F");
        fresh.full.stop = utc(2026, 12, 6, 5, 30);
        ev = d.update(round(utc(2026, 12, 6, 5, 31), fresh));
        QCOMPARE(kinds(ev), (QStringList{QStringLiteral("backup-recovered"), QStringLiteral("backup-recovered")}));
        QVERIFY2(ev.first().message.contains(QLatin1String("20261206-052000F")), qPrintable(ev.first().message));
        QCOMPARE(ev.first().severity, ClusterEvent::Severity::Info);
        // Monday after 04:00 with no diff: only the diff is overdue again.
        QCOMPARE(kinds(d.update(round(utc(2026, 12, 7, 4, 1), fresh))), QStringList{QStringLiteral("backup-overdue")});
    }

    // The known gap of the first version: a failure present when the monitor starts raised nothing.
    void archivingFailingAtStart()
    {
        const QDateTime t0 = utc(2026, 12, 1, 20, 0);
        auto poll = [&](int secs, qint64 failed, const QDateTime &lastOk, const QDateTime &lastFail) {
            ClusterState s = clusterAt(t0.addSecs(secs));
            s.archiverMonitored = true;
            s.archiver.member = QStringLiteral("node1");
            s.archiver.read = true;
            s.archiver.status.archivedCount = 5;
            s.archiver.status.lastArchivedWal = QStringLiteral("000000010000000000000005");
            s.archiver.status.lastArchivedTime = lastOk;
            s.archiver.status.failedCount = failed;
            s.archiver.status.lastFailedWal = QStringLiteral("000000010000000000000006");
            s.archiver.status.lastFailedTime = lastFail;
            return s;
        };
        EventDeriver d;
        const QList<ClusterEvent> ev = d.update(poll(0, 4, t0.addSecs(-600), t0.addSecs(-5)));
        QCOMPARE(kinds(ev), QStringList{QStringLiteral("archiving-failed")});
        QVERIFY2(ev.first().message.contains(QLatin1String("000000010000000000000006")), qPrintable(ev.first().message));
        QVERIFY(d.update(poll(2, 4, t0.addSecs(-600), t0.addSecs(-5))).isEmpty());  // still failing: once
        QCOMPARE(kinds(d.update(poll(4, 4, t0.addSecs(3), t0.addSecs(-5)))), QStringList{QStringLiteral("archiving-recovered")});
        // Failures long ago, archived since: the first round says nothing.
        EventDeriver calm;
        QVERIFY(calm.update(poll(0, 4, t0.addSecs(-5), t0.addSecs(-600))).isEmpty());
    }

    void statusLineAndJson()
    {
        const QDateTime now = utc(2026, 12, 1, 19, 45, 53);
        ClusterState st = clusterAt(now);
        RepositoryView::apply(&st, RepositoryView::fromInfo(infoRead(fixture()), QStringLiteral("lab"), now), defaults());
        const QJsonObject j = st.toJson().value(QStringLiteral("backups")).toObject();
        QCOMPARE(j.value(QStringLiteral("host")).toString(), QStringLiteral("repo"));
        QCOMPARE(j.value(QStringLiteral("read")).toBool(), true);
        const QJsonObject full = j.value(QStringLiteral("full")).toObject();
        QCOMPARE(full.value(QStringLiteral("label")).toString(), QStringLiteral("20261201-191546F"));
        QCOMPARE(full.value(QStringLiteral("stop")).toString(), QStringLiteral("2026-12-01T19:15:53Z"));
        QCOMPARE(full.value(QStringLiteral("age_seconds")).toInt(), 1800);
        QVERIFY(j.value(QStringLiteral("diff")).isNull());
        QCOMPARE(j.value(QStringLiteral("full_overdue")).toBool(), false);
        QCOMPARE(j.value(QStringLiteral("full_due")).toString(), QStringLiteral("2026-11-29T01:00:00Z"));
        QString text;
        QTextStream ts(&text);
        cli::printStatusTable(ts, st);
        ts.flush();
        QVERIFY2(text.contains(QLatin1String("Backups (repository on repo): full 20261201-191546F 30 min ago (")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("diff -, incr -\n")), qPrintable(text));
        QVERIFY(!clusterAt(now).toJson().contains(QStringLiteral("backups")));  // no repository watched, no key
    }

    // Through the seam: the fetch runs on a worker thread, once per period however many rounds pass; the leader
    // is handed to it (a local repository is read there).
    void watchReadsOncePerPeriod()
    {
        MonitorTarget target;
        target.clusterName = QStringLiteral("lab");
        target.repository = true;
        target.backupFullSchedule = QStringLiteral("Sun *-*-* 01:00:00");
        target.repositoryPeriodSecs = 3600;
        auto calls = std::make_shared<std::atomic_int>(0);
        auto leaderSeen = std::make_shared<QString>();
        const QByteArray json = fixture();
        RepositoryWatch watch(target, [calls, leaderSeen, json](const QString &leader, const std::atomic_bool *) {
            ++*calls;
            *leaderSeen = leader;
            return infoRead(json);
        });
        QSignalSpy spy(&watch, &RepositoryWatch::read);
        ClusterState first = clusterAt(utc(2026, 12, 1, 19, 30));
        watch.update(&first);
        QVERIFY(first.repositoryMonitored);
        QVERIFY(!first.repository.read);           // under way
        QVERIFY(first.gaps.isEmpty());             // not read yet is no gap
        QVERIFY(spy.wait(5000));
        for (int i = 0; i < 5; ++i) {
            ClusterState s = clusterAt(utc(2026, 12, 1, 19, 31 + i));
            watch.update(&s);
            QVERIFY(s.repository.read);
            QCOMPARE(s.repository.full.label, QStringLiteral("20261201-191546F"));
        }
        QCOMPARE(calls->load(), 1);
        QCOMPARE(watch.reads(), 1);
        QCOMPARE(*leaderSeen, QStringLiteral("node1"));
    }
};

QTEST_GUILESS_MAIN(TestBackupMonitor)
#include "test_backup_monitor.moc"
