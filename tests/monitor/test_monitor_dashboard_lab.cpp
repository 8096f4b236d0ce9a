// The dashboard during a real failover (issue 5, "Done when"): the real DashboardPage watches a real cluster
// (tests/monitor/lab/minilab.sh with MONLAB_FIRST=31: members on 127.0.3.31-33, HAProxy on 127.0.3.40, apart from
// test_monitor_lab's lab), the leader is killed with -9, and the test reads the WIDGETS: the old leader's row goes
// down, a new Leader row appears, HAProxy's primary pool follows, the event log says "failover A -> B", and the
// real `pgha status --format json` names the same leader. Torn down whatever happens.
#include "gui/dashboard/DashboardPage.h"
#include "monitor/ClusterMonitor.h"

#include "core/project/ProjectFile.h"

#include <QAbstractItemModel>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace pgha;

namespace {

const QString kLab = QStringLiteral(PGHA_SOURCE_DIR "/tests/monitor/lab/minilab.sh");
const QString kProject = QStringLiteral(PGHA_SOURCE_DIR "/tests/monitor/lab/monlab.pgha.yaml");
const QString kPgha = QStringLiteral(PGHA_BINARY_DIR "/src/cli/pgha");
const QString kFirst = QStringLiteral("31");  // minilab's second address block: hosts .31-.33, HAProxy .40

QByteArray lab(const QStringList &args, int timeoutMs = 180000, int *exitCode = nullptr)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MONLAB_FIRST"), kFirst);
    env.remove(QStringLiteral("MONLAB_DIR"));
    env.remove(QStringLiteral("MONLAB_PREFIX"));
    p.setProcessEnvironment(env);
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

// Column numbers of the member table, found by header title so that a reordering does not silently break this.
int column(const QAbstractItemModel *m, const QString &title)
{
    for (int c = 0; c < m->columnCount(); ++c) {
        if (m->headerData(c, Qt::Horizontal).toString() == title)
            return c;
    }
    return -1;
}

struct Row
{
    QString name;
    QString role;
    QString state;
};

QList<Row> memberRows(const QTableView *table)
{
    const QAbstractItemModel *m = table->model();
    const int role = column(m, QStringLiteral("Role"));
    const int state = column(m, QStringLiteral("State"));
    QList<Row> rows;
    for (int r = 0; r < m->rowCount(); ++r)
        rows.append({m->index(r, 0).data(Qt::UserRole).toString(), m->index(r, role).data().toString(),
                     m->index(r, state).data().toString()});
    return rows;
}

QString leaderRow(const QTableView *table)
{
    QString leader;
    int leaders = 0;
    for (const Row &r : memberRows(table)) {
        if (r.role == QLatin1String("Leader") && r.state == QLatin1String("running")) {
            leader = r.name;
            ++leaders;
        }
    }
    return leaders == 1 ? leader : QString();
}

int streamingReplicaRows(const QTableView *table)
{
    int n = 0;
    for (const Row &r : memberRows(table))
        n += (r.role == QLatin1String("Replica") || r.role == QLatin1String("Sync standby"))
                && r.state == QLatin1String("running (streaming)")
            ? 1
            : 0;
    return n;
}

Row rowOf(const QTableView *table, const QString &name)
{
    for (const Row &r : memberRows(table)) {
        if (r.name == name)
            return r;
    }
    return {};
}

// The "Status" cell of the HAProxy panel's primary pool ("UP: m2" or "NO SERVER UP").
QString primaryPoolStatus(const QTreeWidget *tree)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *top = tree->topLevelItem(i);
        for (int c = 0; c < top->childCount(); ++c) {
            if (top->child(c)->text(0).startsWith(QLatin1String("primary")))
                return top->child(c)->text(1);
        }
    }
    return {};
}

QString logText(const QTableWidget *log)
{
    QStringList lines;
    for (int r = 0; r < log->rowCount(); ++r)
        lines << log->item(r, 2)->text() + QLatin1Char(' ') + log->item(r, 3)->text();
    return lines.join(QLatin1Char('\n'));
}

bool hasFailoverRow(const QTableWidget *log, const QString &from, const QString &to)
{
    const QString text = QStringLiteral("failover %1 -> %2").arg(from, to);
    for (int r = 0; r < log->rowCount(); ++r) {
        if (log->item(r, 2)->text() == QLatin1String("failover") && log->item(r, 3)->text().startsWith(text))
            return true;
    }
    return false;
}

QString describe(const QTableView *table, const QTreeWidget *tree)
{
    QStringList parts;
    for (const Row &r : memberRows(table))
        parts << QStringLiteral("%1 %2 %3").arg(r.name, r.role, r.state);
    parts << QStringLiteral("primary pool: ") + primaryPoolStatus(tree);
    return parts.join(QLatin1String("; "));
}

} // namespace

class TestMonitorDashboardLab : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void dashboardFollowsFailover();

private:
    bool m_up = false;
    QString m_password;
    QString m_projectPath;
    Topology m_topology;
    QTemporaryDir m_tmp;
};

void TestMonitorDashboardLab::initTestCase()
{
    for (const char *tool : {"patroni", "etcd", "haproxy", "curl"}) {
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty()
            && QStandardPaths::findExecutable(QLatin1String(tool), {QStringLiteral("/usr/sbin")}).isEmpty())
            QSKIP(qPrintable(QStringLiteral("%1 is not installed").arg(QLatin1String(tool))));
    }
    if (geteuid() != 0)
        QSKIP("the lab runs PostgreSQL as the postgres user and needs root to switch to it");
    QVERIFY(m_tmp.isValid());
    // The page reads monitor/intervalMs from QSettings: a private settings scope, never the user's.
    QCoreApplication::setOrganizationName(QStringLiteral("pgha-test-dashboard-lab"));
    QCoreApplication::setApplicationName(QStringLiteral("pgha-test-dashboard-lab"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_tmp.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_tmp.path());
    QSettings().setValue(QStringLiteral("monitor/intervalMs"), 1000);

    // RESOURCE_LOCK only orders tests of one ctest run; other build trees run this test on the same addresses.
    // The kernel's lock is released when this process ends, however it ends.
    const int lockFd = ::open("/var/tmp/pgha-monlab-127.0.3-31.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0600);
    QVERIFY(lockFd >= 0);
    QElapsedTimer waited;
    waited.start();
    QVERIFY(::flock(lockFd, LOCK_EX) == 0);
    if (waited.elapsed() > 1000)
        qInfo("waited %.0f s for another run of this lab to finish", waited.elapsed() / 1000.0);

    int code = 0;
    QElapsedTimer t;
    t.start();
    m_up = true;  // stop whatever half-started
    const QByteArray log = lab({QStringLiteral("start")}, 240000, &code);
    if (code != 0)
        qWarning("%s", log.constData());
    QVERIFY2(code == 0, "minilab.sh start failed (its output is above)");
    qInfo("lab up in %.1f s", t.elapsed() / 1000.0);
    m_password = QString::fromUtf8(lab({QStringLiteral("password")})).trimmed();
    QVERIFY(!m_password.isEmpty());

    // The lab's project file, moved to this lab's addresses.
    QFile in(kProject);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QString yaml = QString::fromUtf8(in.readAll());
    for (const auto &[from, to] : {std::pair{"127.0.3.11", "127.0.3.31"}, std::pair{"127.0.3.12", "127.0.3.32"},
                                   std::pair{"127.0.3.13", "127.0.3.33"}, std::pair{"127.0.3.20", "127.0.3.40"}}) {
        QVERIFY(yaml.contains(QLatin1String(from)));
        yaml.replace(QLatin1String(from), QLatin1String(to));
    }
    m_projectPath = m_tmp.filePath(QStringLiteral("monlab31.pgha.yaml"));
    QFile out(m_projectPath);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(yaml.toUtf8());
    out.close();
    auto project = ProjectFile::load(m_projectPath);
    QVERIFY2(project.ok(), qPrintable(project.ok() ? QString() : project.error().toString()));
    m_topology = project->topology;

    // The page takes its passwords from the environment (SecretStore::applyEnvironment), as pgha status does.
    qputenv("PGHA_RESTAPI_USER", "patroni");
    qputenv("PGHA_RESTAPI_PASSWORD", m_password.toUtf8());
    qputenv("PGHA_HAPROXY_STATS_USER", "haproxy");
    qputenv("PGHA_HAPROXY_STATS_PASSWORD", m_password.toUtf8());
}

void TestMonitorDashboardLab::cleanupTestCase()
{
    if (m_up)
        lab({QStringLiteral("stop")});
}

void TestMonitorDashboardLab::dashboardFollowsFailover()
{
    DashboardPage page;
    page.resize(1280, 900);
    page.show();
    page.setProject(m_topology, m_projectPath);
    page.connectToProject();
    QVERIFY(page.isConnected());
    QCOMPARE(page.monitor()->intervalMs(), 1000);

    auto *table = page.findChild<QTableView *>(QStringLiteral("memberTable"));
    auto *haproxy = page.findChild<QTreeWidget *>(QStringLiteral("haproxyTree"));
    auto *log = page.findChild<QTableWidget *>(QStringLiteral("eventLog"));
    auto *verdict = page.findChild<QLabel *>(QStringLiteral("verdictLabel"));
    QVERIFY(table && haproxy && log && verdict);

    // One Leader, two streaming replicas, HAProxy's primary pool on the leader.
    QTRY_VERIFY2_WITH_TIMEOUT(!leaderRow(table).isEmpty() && streamingReplicaRows(table) == 2
                                  && primaryPoolStatus(haproxy) == QStringLiteral("UP: ") + leaderRow(table)
                                  && verdict->text() == QLatin1String("healthy"),
                              qPrintable(describe(table, haproxy)), 90000);
    const QString old = leaderRow(table);
    QCOMPARE(table->model()->rowCount(), 3);
    QVERIFY(!hasFailoverRow(log, old, QString()));

    QElapsedTimer t;
    t.start();
    lab({QStringLiteral("kill-member"), old});

    // The old leader's row goes down (Patroni gone: "unreachable" while its DCS key lives, "absent" after).
    QTRY_VERIFY2_WITH_TIMEOUT(rowOf(table, old).state == QLatin1String("unreachable")
                                  || rowOf(table, old).state == QLatin1String("absent"),
                              qPrintable(describe(table, haproxy)), 60000);
    const double downAt = t.elapsed() / 1000.0;
    // A new Leader row.
    QTRY_VERIFY2_WITH_TIMEOUT(!leaderRow(table).isEmpty() && leaderRow(table) != old,
                              qPrintable(describe(table, haproxy)), 90000);
    const QString newLeader = leaderRow(table);
    const double leaderAt = t.elapsed() / 1000.0;
    QVERIFY(rowOf(table, old).role != QLatin1String("Leader"));
    // HAProxy's primary pool follows: only the new leader UP.
    QTRY_VERIFY2_WITH_TIMEOUT(primaryPoolStatus(haproxy) == QStringLiteral("UP: ") + newLeader,
                              qPrintable(describe(table, haproxy)), 60000);
    const double haproxyAt = t.elapsed() / 1000.0;
    // The event log says so.
    QTRY_VERIFY2_WITH_TIMEOUT(hasFailoverRow(log, old, newLeader), qPrintable(logText(log)), 30000);
    QVERIFY2(logText(log).contains(QStringLiteral("haproxy-primary-moved")), qPrintable(logText(log)));
    QVERIFY(verdict->text() != QLatin1String("healthy"));  // the old leader is still down
    qInfo("leader %s killed: its row down after %.1f s, %s Leader after %.1f s, HAProxy primary pool on it after "
          "%.1f s (poll every %d ms)",
          qPrintable(old), downAt, qPrintable(newLeader), leaderAt, haproxyAt, page.monitor()->intervalMs());

    const QString shotDir = QStringLiteral(PGHA_BINARY_DIR "/screenshots");
    QVERIFY(QDir().mkpath(shotDir));
    QVERIFY(page.grab().save(shotDir + QStringLiteral("/dashboard-failover.png")));
    if (auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("dashboardTabs"))) {
        tabs->setCurrentWidget(haproxy);
        QVERIFY(page.grab().save(shotDir + QStringLiteral("/dashboard-failover-haproxy.png")));
        tabs->setCurrentIndex(0);
    }

    // `pgha status` agrees with the dashboard.
    QProcess cli;
    cli.start(kPgha, {QStringLiteral("status"), m_projectPath, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY(cli.waitForFinished(60000));
    const QByteArray json = cli.readAllStandardOutput();
    QCOMPARE(cli.exitCode(), 1);  // degraded: the killed member is down
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    QVERIFY2(!o.isEmpty(), json.constData());
    QCOMPARE(o.value(QStringLiteral("leader")).toString(), newLeader);
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), verdict->text());
    QCOMPARE(leaderRow(table), newLeader);
    page.disconnectFromCluster();
}

QTEST_MAIN(TestMonitorDashboardLab)
#include "test_monitor_dashboard_lab.moc"
