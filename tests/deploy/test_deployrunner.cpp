// DeployRunner without SSH (the RemoteSession seam, FakeSession): scheduling by dependencies with hosts in
// parallel, idempotence probes, failure stopping the run, resume from the journal, cancel, host-key refusal.
// Milliseconds each; the root-only lab (tests/e2e) covers the real sshd.
#include "FakeSession.h"

#include "deploy/DeployJournal.h"
#include "deploy/DeployRunner.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace pgha;
using pgha::test::FakeHosts;

namespace {

DeployStep step(const QString &id, const QString &host, const QStringList &deps = {}, const QString &probe = {})
{
    DeployStep s;
    s.id = id;
    s.host = host;
    s.title = id;
    s.deps = deps;
    s.probe = probe;
    DeployOp op;
    op.kind = DeployOp::Kind::Run;
    op.title = QStringLiteral("work ") + id;
    op.script = QStringLiteral("work ") + id;
    s.ops << op;
    return s;
}

DeployPlan plan(const QList<DeployStep> &steps)
{
    DeployPlan p;
    p.steps = steps;
    for (const DeployStep &s : steps) {
        SshTarget t;
        t.hostName = s.host;
        t.address = QStringLiteral("192.0.2.1");  // never connected to: the fake answers
        p.targets.insert(s.host, t);
    }
    return p;
}

struct Run
{
    DeployRunner::Outcome outcome = DeployRunner::Outcome::Failed;
    QHash<QString, StepOutcome> steps;
    QStringList started;
};

Run runToEnd(DeployRunner &runner, const DeployPlan &p, const DeployJournal &j, const std::function<void()> &onFirstStart = {})
{
    Run r;
    QObject ctx;
    bool first = true;
    QObject::connect(&runner, &DeployRunner::stepStarted, &ctx, [&](const QString &id, const QString &, const QString &) {
        r.started << id;
        if (first && onFirstStart) {
            first = false;
            onFirstStart();
        }
    });
    QObject::connect(&runner, &DeployRunner::stepFinished, &ctx,
                     [&](const QString &id, const QString &, StepOutcome o, const QString &) { r.steps.insert(id, o); });
    QSignalSpy done(&runner, &DeployRunner::finished);
    if (!runner.start(p, j))
        return r;
    if (!done.wait(10000))
        return r;
    r.outcome = done.first().at(0).value<DeployRunner::Outcome>();
    return r;
}

} // namespace

class TestDeployRunner : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;
    DeployJournal freshJournal()
    {
        return DeployJournal::load(m_dir.filePath(QStringLiteral("j%1.json").arg(++m_n))).value();
    }

private slots:
    void dependenciesOrderHostsInParallel()
    {
        FakeHosts hosts;
        hosts.addRule({QString(), QStringLiteral("work a"), 0, {}, 150});
        hosts.addRule({QString(), QStringLiteral("work b"), 0, {}, 150});
        DeployRunner runner;
        runner.setSessionFactory(pgha::test::fakeFactory(&hosts));
        const DeployPlan p = plan({step(QStringLiteral("a"), QStringLiteral("h1")), step(QStringLiteral("b"), QStringLiteral("h2")),
                                   step(QStringLiteral("c"), QStringLiteral("h1"), {QStringLiteral("a"), QStringLiteral("b")})});
        const Run r = runToEnd(runner, p, freshJournal());
        QCOMPARE(r.outcome, DeployRunner::Outcome::Done);
        QCOMPARE(r.steps.value(QStringLiteral("c")), StepOutcome::Changed);
        // a and b (two hosts, no dependency between them) ran at the same time; c only after both ended.
        QCOMPARE(hosts.maxRunning.load(), 2);
        const int cStart = hosts.indexOf(QStringLiteral("start h1 work c"));
        QVERIFY(cStart > hosts.indexOf(QStringLiteral("end h1 work a")));
        QVERIFY(cStart > hosts.indexOf(QStringLiteral("end h2 work b")));
        QCOMPARE(hosts.connects.load(), 2);  // one session per host, kept across its steps
    }

    void oneStepAtATimePerHost()
    {
        FakeHosts hosts;
        hosts.addRule({QString(), QStringLiteral("work"), 0, {}, 40});
        DeployRunner runner;
        runner.setSessionFactory(pgha::test::fakeFactory(&hosts));
        const Run r = runToEnd(runner, plan({step(QStringLiteral("x"), QStringLiteral("h1")), step(QStringLiteral("y"), QStringLiteral("h1")),
                                             step(QStringLiteral("z"), QStringLiteral("h1"))}),
                               freshJournal());
        QCOMPARE(r.outcome, DeployRunner::Outcome::Done);
        QCOMPARE(hosts.maxRunning.load(), 1);
        QCOMPARE(r.started, (QStringList{QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")}));
    }

    void probeZeroMeansNothingToDo()
    {
        FakeHosts hosts;
        hosts.addRule({QString(), QStringLiteral("probe"), 0, {}});
        DeployRunner runner;
        runner.setSessionFactory(pgha::test::fakeFactory(&hosts));
        const Run r = runToEnd(runner, plan({step(QStringLiteral("a"), QStringLiteral("h1"), {}, QStringLiteral("probe a"))}), freshJournal());
        QCOMPARE(r.outcome, DeployRunner::Outcome::NothingChanged);
        QCOMPARE(r.steps.value(QStringLiteral("a")), StepOutcome::Unchanged);
        QCOMPARE(hosts.count(QStringLiteral("work a")), 0);
    }

    void failureStopsThenResumeSkipsDoneSteps()
    {
        FakeHosts hosts;
        hosts.addRule({QString(), QStringLiteral("work b"), 1, "disk full", 0, false, 1});  // fails once
        DeployRunner runner;
        runner.setSessionFactory(pgha::test::fakeFactory(&hosts));
        const DeployPlan p = plan({step(QStringLiteral("a"), QStringLiteral("h1")),
                                   step(QStringLiteral("b"), QStringLiteral("h1"), {QStringLiteral("a")}),
                                   step(QStringLiteral("c"), QStringLiteral("h2"), {QStringLiteral("b")})});
        const Run first = runToEnd(runner, p, freshJournal());
        QCOMPARE(first.outcome, DeployRunner::Outcome::Failed);
        QCOMPARE(first.steps.value(QStringLiteral("a")), StepOutcome::Changed);
        QCOMPARE(first.steps.value(QStringLiteral("b")), StepOutcome::Failed);
        QVERIFY(!first.steps.contains(QStringLiteral("c")));
        QCOMPARE(hosts.count(QStringLiteral("work c")), 0);
        QVERIFY(!runner.journal().lastRunComplete());

        // The same plan again with the journal: a is done already and not run again; b and c run.
        const DeployJournal j = runner.journal();
        const Run second = runToEnd(runner, p, j);
        QVERIFY(runner.resumed());
        QCOMPARE(second.outcome, DeployRunner::Outcome::Done);
        QCOMPARE(second.steps.value(QStringLiteral("a")), StepOutcome::SkippedDone);
        QCOMPARE(second.steps.value(QStringLiteral("b")), StepOutcome::Changed);
        QCOMPARE(second.steps.value(QStringLiteral("c")), StepOutcome::Changed);
        QCOMPARE(hosts.count(QStringLiteral("work a")), 1);
        QCOMPARE(hosts.count(QStringLiteral("work b")), 2);
        QVERIFY(runner.journal().lastRunComplete());

        // A different plan does not resume the old run.
        DeployPlan other = p;
        other.steps[0].ops[0].script = QStringLiteral("work a, changed");
        const Run third = runToEnd(runner, other, j);
        QVERIFY(!runner.resumed());
        QCOMPARE(third.steps.value(QStringLiteral("a")), StepOutcome::Changed);
    }

    void cancelStopsBetweenSteps()
    {
        FakeHosts hosts;
        hosts.addRule({QString(), QStringLiteral("work a"), 0, {}, 0, true});  // runs until cancelled
        DeployRunner runner;
        runner.setSessionFactory(pgha::test::fakeFactory(&hosts));
        const DeployPlan p = plan({step(QStringLiteral("a"), QStringLiteral("h1")),
                                   step(QStringLiteral("b"), QStringLiteral("h1"), {QStringLiteral("a")}),
                                   step(QStringLiteral("other"), QStringLiteral("h2"), {QStringLiteral("a")})});
        const Run r = runToEnd(runner, p, freshJournal(), [&runner] {
            QTimer::singleShot(50, &runner, [&runner] { runner.cancel(); });
        });
        QCOMPARE(r.outcome, DeployRunner::Outcome::Cancelled);
        QCOMPARE(r.steps.value(QStringLiteral("a")), StepOutcome::Cancelled);
        QVERIFY(!r.started.contains(QStringLiteral("b")));
        QVERIFY(!r.started.contains(QStringLiteral("other")));
        QCOMPARE(hosts.count(QStringLiteral("work b")), 0);
        QVERIFY(!runner.isRunning());
    }

    void refusedHostKeyIsItsOwnOutcome()
    {
        FakeHosts hosts;
        hosts.connectErrors.insert(QStringLiteral("h2"), SshError::Kind::HostKeyUnknown);
        DeployRunner runner;
        runner.setSessionFactory(pgha::test::fakeFactory(&hosts));
        const Run r = runToEnd(runner, plan({step(QStringLiteral("a"), QStringLiteral("h1")), step(QStringLiteral("b"), QStringLiteral("h2"))}),
                               freshJournal());
        QCOMPARE(r.outcome, DeployRunner::Outcome::HostKeyRefused);
        QCOMPARE(r.steps.value(QStringLiteral("b")), StepOutcome::Failed);
        QCOMPARE(hosts.count(QStringLiteral("h2: ")), 0);  // nothing ran on the refused host
    }

    // A wait that times out names where to look: journalctl -u <service> on systemd hosts, /var/log otherwise.
    void waitTimeoutNamesTheLog_data()
    {
        QTest::addColumn<bool>("systemd");
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("expected");
        QTest::newRow("systemd, patroni") << true << "patroni" << "see journalctl -u patroni on the host";
        QTest::newRow("systemd, no service") << true << "" << "see the services' journal on the host (journalctl)";
        QTest::newRow("direct") << false << "patroni" << "see the service logs under /var/log on the host";
    }

    void waitTimeoutNamesTheLog()
    {
        QFETCH(bool, systemd);
        QFETCH(QString, service);
        QFETCH(QString, expected);
        FakeHosts hosts;
        hosts.addRule({QString(), QStringLiteral("wait for it"), 1, "not yet", 0, false, -1});
        if (!systemd)
            hosts.addRule({QString(), QStringLiteral("/run/systemd/system"), 1, QByteArray(), 0, false, -1});
        DeployStep s = step(QStringLiteral("w"), QStringLiteral("h1"));
        DeployOp &op = s.ops[0];
        op.kind = DeployOp::Kind::WaitFor;
        op.script = QStringLiteral("wait for it");
        op.timeoutSec = 0;
        op.service = service;
        DeployRunner runner;
        runner.setSessionFactory(pgha::test::fakeFactory(&hosts));
        QString message;
        QObject::connect(&runner, &DeployRunner::stepFinished, &runner,
                         [&](const QString &, const QString &, StepOutcome, const QString &m) { message = m; });
        const Run r = runToEnd(runner, plan({s}), freshJournal());
        QCOMPARE(r.steps.value(QStringLiteral("w")), StepOutcome::Failed);
        QVERIFY2(message.contains(QStringLiteral("not ready after 0 s")), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestDeployRunner)
#include "test_deployrunner.moc"
