#include "core/project/ProjectFile.h"
#include "core/validation/FailoverEstimate.h"

#include <QtTest>

using namespace pgha;

class TestFailoverEstimate : public QObject
{
    Q_OBJECT

    // The reference design (etcd on every PostgreSQL host) with the labs' timers.
    static Topology labTimers()
    {
        Topology t = ProjectFile::referenceTopology();
        t.cluster.patroni.ttl = 10;
        t.cluster.patroni.loopWait = 2;
        t.cluster.patroni.retryTimeout = 3;
        t.cluster.haproxy.checkIntervalMs = 1000;
        t.cluster.haproxy.rise = 2;
        return t;
    }

private slots:
    // Failovers measured on the loopback lab (kill -9 of the leader's Patroni and PostgreSQL;
    // /work/shared/reference/loopback-lab-notes.md). The model must hold every measured value within its range
    // and keep its expectation close to the middle of what was measured.
    void calibration_data()
    {
        QTest::addColumn<int>("ttl");
        QTest::addColumn<int>("loopWait");
        QTest::addColumn<int>("retryTimeout");
        QTest::addColumn<int>("interMs");
        QTest::addColumn<double>("primaryLow");
        QTest::addColumn<double>("primaryHigh");
        QTest::addColumn<double>("writesLow");
        QTest::addColumn<double>("writesHigh");
        QTest::newRow("guide timers, inter 3s") << 30 << 10 << 10 << 3000 << 23.0 << 29.0 << 29.0 << 33.0;
        QTest::newRow("lab timers 10/2/3, inter 1s") << 10 << 2 << 3 << 1000 << 9.3 << 9.3 << 10.8 << 10.8;
    }

    void calibration()
    {
        QFETCH(int, ttl);
        QFETCH(int, loopWait);
        QFETCH(int, retryTimeout);
        QFETCH(int, interMs);
        QFETCH(double, primaryLow);
        QFETCH(double, primaryHigh);
        QFETCH(double, writesLow);
        QFETCH(double, writesHigh);
        Topology t = ProjectFile::referenceTopology();
        t.cluster.patroni.ttl = ttl;
        t.cluster.patroni.loopWait = loopWait;
        t.cluster.patroni.retryTimeout = retryTimeout;
        t.cluster.haproxy.checkIntervalMs = interMs;
        t.cluster.haproxy.rise = 2;
        const FailoverEstimate e = estimateFailover(t);
        QVERIFY(e.throughHAProxy);
        QVERIFY2(e.newPrimary.min <= primaryLow && primaryHigh <= e.newPrimary.max,
                 qPrintable(QStringLiteral("%1-%2").arg(e.newPrimary.min).arg(e.newPrimary.max)));
        QVERIFY2(e.writesRestored.min <= writesLow && writesHigh <= e.writesRestored.max,
                 qPrintable(QStringLiteral("%1-%2").arg(e.writesRestored.min).arg(e.writesRestored.max)));
        const double primaryMid = (primaryLow + primaryHigh) / 2;
        const double writesMid = (writesLow + writesHigh) / 2;
        QVERIFY2(qAbs(e.newPrimary.expected - primaryMid) <= 1.0, qPrintable(QString::number(e.newPrimary.expected)));
        QVERIFY2(qAbs(e.writesRestored.expected - writesMid) <= 1.0,
                 qPrintable(QString::number(e.writesRestored.expected)));
    }

    void termsAddUp_data()
    {
        QTest::addColumn<bool>("haproxy");
        QTest::newRow("with HAProxy") << true;
        QTest::newRow("without HAProxy") << false;
    }

    void termsAddUp()
    {
        QFETCH(bool, haproxy);
        Topology t = ProjectFile::referenceTopology();
        if (!haproxy)
            t.hosts.removeLast();
        const FailoverEstimate e = estimateFailover(t);
        QCOMPARE(e.throughHAProxy, haproxy);
        QCOMPARE(e.terms.size(), haproxy ? 3 : 2);
        double min = 0, expected = 0, max = 0;
        for (const FailoverEstimate::Term &term : e.terms) {
            QVERIFY(!term.name.isEmpty());
            QVERIFY(!term.explanation.isEmpty());
            QVERIFY(term.seconds.min <= term.seconds.expected && term.seconds.expected <= term.seconds.max);
            min += term.seconds.min;
            expected += term.seconds.expected;
            max += term.seconds.max;
        }
        QCOMPARE(e.writesRestored.min, min);
        QCOMPARE(e.writesRestored.expected, expected);
        QCOMPARE(e.writesRestored.max, max);
        if (!haproxy)
            QCOMPARE(e.writesRestored.expected, e.newPrimary.expected);
        else
            QVERIFY(e.writesRestored.expected > e.newPrimary.expected);
    }

    // A power loss of the leader's host with the lab's timers (ttl 10, loop_wait 2, retry 3, inter 1s, rise 2) and
    // etcd on every PostgreSQL host: each term as the model states it.
    void powerLossTerms_data()
    {
        QTest::addColumn<QString>("term");
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("expected");
        QTest::addColumn<double>("max");
        QTest::newRow("leader lock expiry: ttl - loop_wait .. ttl") << "leader lock expiry" << 8.0 << 9.0 << 10.0;
        QTest::newRow("race and promotion: calibrated constants") << "leader race and promotion" << 0.3 << 0.75 << 2.0;
        QTest::newRow("etcd election: 0 (not etcd's leader) .. 2 x election timeout")
            << "etcd leader election" << 0.0 << 1.5 << 2.0;
        QTest::newRow("lease renewal: 0 .. election timeout + loop_wait")
            << "lease renewal by the new etcd leader" << 0.0 << 2.0 << 3.0;
        QTest::newRow("HAProxy rise 2, inter 1s") << "HAProxy marks the new primary up" << 1.0 << 1.5 << 2.0;
        QTest::newRow("writes restored (sum)") << "" << 9.3 << 14.75 << 19.0;
    }

    void powerLossTerms()
    {
        QFETCH(QString, term);
        QFETCH(double, min);
        QFETCH(double, expected);
        QFETCH(double, max);
        Topology t = labTimers();
        const FailoverEstimate e = estimateFailover(t, FailoverScenario::HostPowerLoss);
        QCOMPARE(e.terms.size(), 5);
        FailoverEstimate::Span got = e.writesRestored;
        if (!term.isEmpty()) {
            const auto it = std::find_if(e.terms.cbegin(), e.terms.cend(),
                                         [&](const FailoverEstimate::Term &x) { return x.name == term; });
            QVERIFY2(it != e.terms.cend(), qPrintable(term));
            QVERIFY(!it->explanation.isEmpty());
            got = it->seconds;
        }
        QCOMPARE(got.min, min);
        QCOMPARE(got.expected, expected);
        QCOMPARE(got.max, max);
    }

    // Failovers measured on the systemd lab (power loss of the leader host, 4 runs: writes through port 5000 again
    // after 13.7-15.7 s; the process-kill model said 11.3 s, 9.3-14.0). The power-loss model holds them all and
    // its expectation sits within 1 s of their middle.
    void powerLossCalibration()
    {
        const FailoverEstimate e = estimateFailover(labTimers(), FailoverScenario::HostPowerLoss);
        const double low = 13.7, high = 15.7;
        QVERIFY(e.writesRestored.min <= low && high <= e.writesRestored.max);
        QVERIFY2(qAbs(e.writesRestored.expected - (low + high) / 2) <= 1.0, qPrintable(QString::number(e.writesRestored.expected)));
        // The process-kill model's expectation is below every one of those runs: the etcd terms are what was missing.
        QVERIFY(estimateFailover(labTimers()).writesRestored.expected < low);
    }

    // Without etcd on the PostgreSQL hosts a power loss of the leader's host is a process kill for the estimate.
    void powerLossWithoutColocatedEtcd()
    {
        Topology t = labTimers();
        for (Host &h : t.hosts)
            if (h.has(Role::Postgres))
                h.roles.setFlag(Role::Etcd, false);
        const FailoverEstimate kill = estimateFailover(t);
        const FailoverEstimate power = estimateFailover(t, FailoverScenario::HostPowerLoss);
        QCOMPARE(power.terms.size(), kill.terms.size());
        QCOMPARE(power.writesRestored.expected, kill.writesRestored.expected);
        QCOMPARE(power.writesRestored.max, kill.writesRestored.max);
    }

    void monotonic_data()
    {
        QTest::addColumn<QString>("knob");
        QTest::newRow("ttl") << "ttl";
        QTest::newRow("inter") << "inter";
        QTest::newRow("rise") << "rise";
    }

    void monotonic()
    {
        QFETCH(QString, knob);
        Topology a = ProjectFile::referenceTopology();
        Topology b = a;
        if (knob == QLatin1String("ttl"))
            b.cluster.patroni.ttl += 10;
        else if (knob == QLatin1String("inter"))
            b.cluster.haproxy.checkIntervalMs += 1000;
        else
            b.cluster.haproxy.rise += 1;
        QVERIFY(estimateFailover(b).writesRestored.expected > estimateFailover(a).writesRestored.expected);
    }
};

QTEST_GUILESS_MAIN(TestFailoverEstimate)
#include "test_failoverestimate.moc"
