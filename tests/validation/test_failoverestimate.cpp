#include "core/project/ProjectFile.h"
#include "core/validation/FailoverEstimate.h"

#include <QtTest>

using namespace pgha;

class TestFailoverEstimate : public QObject
{
    Q_OBJECT

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
