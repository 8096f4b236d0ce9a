// `pgha status` and the action commands against the fake cluster: output, JSON, watch, exit codes, confirmation.
#include "FakeCluster.h"

#include "core/project/ProjectFile.h"

#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QtTest>

using namespace pgha;

namespace {

const QString kPgha = QStringLiteral(PGHA_BINARY_DIR "/src/cli/pgha");

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestMonitorCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void status_data();
    void status();
    void jsonAndWatch();
    void patroni41LagColumns();
    void badInput_data();
    void badInput();
    void actions_data();
    void actions();

private:
    // Runs pgha without blocking the event loop: the fake servers answer from this thread.
    Run pgha(const QStringList &args, bool withPasswords = true);
    QTemporaryDir m_dir;
    std::unique_ptr<FakeCluster> m_fake;
    QString m_project;
};

void TestMonitorCli::initTestCase()
{
    QVERIFY(QFileInfo::exists(kPgha));
    QVERIFY(m_dir.isValid());
}

Run TestMonitorCli::pgha(const QStringList &args, bool withPasswords)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (withPasswords && m_fake) {
        env.insert(QStringLiteral("PGHA_RESTAPI_PASSWORD"), m_fake->secrets().restApiPassword);
        env.insert(QStringLiteral("PGHA_HAPROXY_STATS_PASSWORD"), m_fake->secrets().haproxyStatsPassword);
    }
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    QSignalSpy done(&p, &QProcess::finished);
    p.start(kPgha, args);
    Run r;
    if (!done.wait(30000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void TestMonitorCli::status_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("says");
    QTest::newRow("healthy") << "" << 0 << QByteArray("Verdict: healthy");
    QTest::newRow("replica down: degraded") << "m3" << 1 << QByteArray("Verdict: degraded");
    QTest::newRow("leader gone: unavailable") << "leader" << 2 << QByteArray("no running leader");
    QTest::newRow("etcd quorum lost: unavailable") << "etcd" << 2 << QByteArray("quorum LOST");
}

void TestMonitorCli::status()
{
    QFETCH(QString, fault);
    QFETCH(int, code);
    QFETCH(QByteArray, says);
    m_fake = std::make_unique<FakeCluster>(3, 3, true, 190);
    QVERIFY(m_fake->started());
    m_project = m_dir.filePath(QStringLiteral("fake.pgha.yaml"));
    QVERIFY(ProjectFile::save(m_fake->topology(), m_project).ok());
    if (fault == QLatin1String("m3")) {
        m_fake->setMemberDown(QStringLiteral("m3"), true);
    } else if (fault == QLatin1String("leader")) {
        m_fake->setMemberDown(QStringLiteral("m1"), true);
        m_fake->member(QStringLiteral("m1"))->registered = false;
        m_fake->leader = QStringLiteral("nobody");
    } else if (fault == QLatin1String("etcd")) {
        m_fake->setEtcdDown(0, true);
        m_fake->setEtcdDown(1, true);
    }
    const Run r = pgha({QStringLiteral("status"), m_project});
    QVERIFY2(r.out.contains(says), r.out.constData());
    QCOMPARE(r.code, code);
    QVERIFY(r.out.contains("| Member | Host"));
    QVERIFY(r.out.contains("Lag in MB"));
    m_fake.reset();
}

// Patroni 4.1 answers receive_lag and replay_lag apart: the table gains two columns then, and only then.
void TestMonitorCli::patroni41LagColumns()
{
    m_fake = std::make_unique<FakeCluster>(3, 0, false, 190, true);
    QVERIFY(m_fake->started());
    m_fake->member(QStringLiteral("m3"))->lag = 3 * 1048576;
    m_project = m_dir.filePath(QStringLiteral("fake4.pgha.yaml"));
    QVERIFY(ProjectFile::save(m_fake->topology(), m_project).ok());
    Run r = pgha({QStringLiteral("status"), m_project});
    QVERIFY2(r.out.contains("| Lag in MB | Receive lag | Replay lag |"), r.out.constData());
    QVERIFY2(r.out.contains("| Leader "), r.out.constData());  // 4.x's "primary" is the leader
    QRegularExpression m3(QStringLiteral("\\| m3 .*\\|\\s+3 \\|\\s+3 \\|\\s+3 \\|"));
    QVERIFY2(m3.match(QString::fromUtf8(r.out)).hasMatch(), r.out.constData());
    m_fake.reset();
    m_fake = std::make_unique<FakeCluster>(3, 0, false, 190, false);
    QVERIFY(m_fake->started());
    QVERIFY(ProjectFile::save(m_fake->topology(), m_project).ok());
    r = pgha({QStringLiteral("status"), m_project});
    QVERIFY2(r.out.contains("Lag in MB") && !r.out.contains("Receive lag"), r.out.constData());
    m_fake.reset();
}

void TestMonitorCli::jsonAndWatch()
{
    m_fake = std::make_unique<FakeCluster>(3, 0, false, 190);
    QVERIFY(m_fake->started());
    const QString url = QStringLiteral("http://127.0.2.191:18008");
    Run r = pgha({QStringLiteral("status"), QStringLiteral("--url"), url, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("healthy"));
    QCOMPARE(o.value(QStringLiteral("leader")).toString(), QStringLiteral("m1"));
    QCOMPARE(o.value(QStringLiteral("members")).toArray().size(), 3);
    r = pgha({QStringLiteral("status"), QStringLiteral("--url"), url, QStringLiteral("--watch"),
              QStringLiteral("--interval"), QStringLiteral("200"), QStringLiteral("--count"), QStringLiteral("2")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.count("Verdict: healthy"), 2);
    m_fake.reset();
}

void TestMonitorCli::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::newRow("status: unknown format") << QStringList{QStringLiteral("status"), QStringLiteral("--url"), QStringLiteral("http://127.0.2.1:1"), QStringLiteral("--format"), QStringLiteral("xml")} << 3;
    QTest::newRow("status: missing file") << QStringList{QStringLiteral("status"), QStringLiteral("/nonexistent.pgha.yaml")} << 3;
    QTest::newRow("status: nothing given") << QStringList{QStringLiteral("status")} << 3;
    QTest::newRow("status: nobody answers") << QStringList{QStringLiteral("status"), QStringLiteral("--url"), QStringLiteral("http://127.0.2.250:1"), QStringLiteral("--timeout"), QStringLiteral("1000")} << 2;
    QTest::newRow("failover without --to") << QStringList{QStringLiteral("failover"), QStringLiteral("--url"), QStringLiteral("http://127.0.2.1:1")} << 2;
    QTest::newRow("reinit without member") << QStringList{QStringLiteral("reinit"), QStringLiteral("--url"), QStringLiteral("http://127.0.2.1:1")} << 2;
    QTest::newRow("--at on reload") << QStringList{QStringLiteral("reload"), QStringLiteral("--url"), QStringLiteral("http://127.0.2.1:1"), QStringLiteral("--at"), QStringLiteral("2026-12-01T03:00:00Z")} << 2;
}

void TestMonitorCli::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    const Run r = pgha(args, false);
    QVERIFY2(r.code == code, r.err.constData());
}

void TestMonitorCli::actions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("leaderAfter");
    QTest::addColumn<bool>("pausedAfter");
    QTest::newRow("switchover --yes") << QStringList{QStringLiteral("switchover"), QStringLiteral("--to"), QStringLiteral("m2"), QStringLiteral("--yes")} << 0 << "m2" << false;
    QTest::newRow("switchover not confirmed") << QStringList{QStringLiteral("switchover"), QStringLiteral("--to"), QStringLiteral("m2")} << 2 << "m1" << false;
    QTest::newRow("switchover to the leader") << QStringList{QStringLiteral("switchover"), QStringLiteral("--to"), QStringLiteral("m1"), QStringLiteral("-y")} << 1 << "m1" << false;
    QTest::newRow("failover --to m3") << QStringList{QStringLiteral("failover"), QStringLiteral("--to"), QStringLiteral("m3"), QStringLiteral("--yes")} << 0 << "m3" << false;
    QTest::newRow("pause") << QStringList{QStringLiteral("pause"), QStringLiteral("--yes")} << 0 << "m1" << true;
    QTest::newRow("restart m2") << QStringList{QStringLiteral("restart"), QStringLiteral("m2"), QStringLiteral("--yes")} << 0 << "m1" << false;
    // Without the design, only the --url host (m1) may receive the REST credentials: m3's failover is refused.
    QTest::newRow("--url alone: failover to another host refused")
        << QStringList{QStringLiteral("failover"), QStringLiteral("--to"), QStringLiteral("m3"), QStringLiteral("--yes"),
                       QStringLiteral("NODESIGN")}
        << 1 << "m1" << false;
}

void TestMonitorCli::actions()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, leaderAfter);
    QFETCH(bool, pausedAfter);
    m_fake = std::make_unique<FakeCluster>(3, 0, false, 190);
    QVERIFY(m_fake->started());
    // The design comes along with --url: its members may receive the REST credentials.
    m_project = m_dir.filePath(QStringLiteral("actions.pgha.yaml"));
    QVERIFY(ProjectFile::save(m_fake->topology(), m_project).ok());
    QStringList withTarget = args;
    if (!withTarget.removeOne(QStringLiteral("NODESIGN")))
        withTarget.prepend(m_project);
    withTarget.move(withTarget.indexOf(args.first()), 0);
    const Run r = pgha(withTarget + QStringList{QStringLiteral("--url"), QStringLiteral("http://127.0.2.190:18008")});
    QVERIFY2(r.code == code, QByteArray(r.out + r.err).constData());
    QCOMPARE(m_fake->leader, leaderAfter);
    QCOMPARE(m_fake->paused, pausedAfter);
    m_fake.reset();
}

QTEST_GUILESS_MAIN(TestMonitorCli)
#include "test_monitor_cli.moc"
