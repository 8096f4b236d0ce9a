// pgha diff and pgha apply on the real lab (issue 9, items 3, 4 and 6): the lab design deployed on 127.0.33
// (PGHA_LAB_PREFIX), then each change applied while a writer inserts one row per connection through HAProxy's port
// 5000 and a reader selects through port 5001; afterwards every acknowledged row is there, and `pgha diff` finds no
// drift. FIGURE lines go to figures-e2e-apply.txt: diff time, dynamic apply time, rolling restart against three
// restarts and a switchover measured separately, writes refused, failed connections during the HAProxy reload.
#include "LabApply.h"
#include "LabCluster.h"
#include "LabFigure.h"
#include "LabFixture.h"
#include "LabLoad.h"

#include "core/model/Secrets.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

using Load = LabLoad::Result;

const QString kFigures = QStringLiteral(PGHA_BINARY_DIR "/figures-e2e-apply.txt");

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

// The runner's time stamp ("  4.2s [node2] ...") of the first line of OUT holding NEEDLE; -1 when none does.
double stamp(const QByteArray &out, const QByteArray &needle)
{
    for (const QByteArray &line : out.split('\n')) {
        if (!line.contains(needle))
            continue;
        const QByteArray t = line.trimmed();
        const int s = int(t.indexOf('s'));
        bool ok = false;
        const double v = s > 0 ? t.left(s).toDouble(&ok) : 0;
        if (ok)
            return v;
    }
    return -1;
}


} // namespace

class TestE2eApply : public QObject
{
    Q_OBJECT
private:
    LabFixture m_lab{QStringLiteral("127.0.33")};
    QTemporaryDir m_tmp{QStringLiteral("/var/tmp/pgha-e2e-apply-XXXXXX")};
    LabCluster m_cluster{m_lab, m_tmp.path()};
    QString m_base;     // the lab design as deployed
    pgha::Secrets m_secrets;
    LabLoad m_load{m_lab, m_cluster, QStringLiteral("apply_rows"), QStringLiteral("select count(*) from apply_rows")};
    LabApply m_apply{m_cluster, m_tmp.path(), m_load};  // the design as changed so far, apply under load, diff

    QString knownHosts() const { return m_apply.knownHosts(); }
    QStringList common() const { return m_apply.common(); }
    LabCluster::Run pgha(const QStringList &args, int timeoutMs = 300000) const { return m_apply.pgha(args, timeoutMs); }
    bool change(const QList<QPair<QString, QString>> &edits, const QString &name) { return m_apply.change(edits, name); }
    Load applyUnderLoad(const QString &file, LabCluster::Run *apply) { return m_apply.applyUnderLoad(file, apply); }
    // Runs PROGRAM ARGS (stdin: INPUT) while the writer and the reader go on, as applyUnderLoad().
    Load underLoad(const QString &program, const QStringList &args, const QByteArray &input, LabCluster::Run *apply)
    {
        return m_load.run(program, args, apply, input);
    }
    // Every acknowledged row is in the table (read through the primary port).
    int lost(const Load &l) const { return m_load.lost(l); }
    static QString loadText(const Load &l) { return LabLoad::text(l); }
    // Patroni's REST API with the lab's credentials (curl reads them from stdin, never its command line).
    LabCluster::Run rest(const QString &host, const QString &method, const QString &path, const QByteArray &body = {}) const
    {
        QStringList args{QStringLiteral("-s"), QStringLiteral("-m"), QStringLiteral("200"), QStringLiteral("-K"), QStringLiteral("-"),
                         QStringLiteral("-X"), method, QStringLiteral("http://%1:8008%2").arg(m_lab.address(host), path)};
        if (!body.isEmpty())
            args << QStringLiteral("-H") << QStringLiteral("Content-Type: application/json") << QStringLiteral("-d")
                 << QString::fromUtf8(body);
        const QByteArray cfg = QStringLiteral("user = \"%1:%2\"\n").arg(m_secrets.restApiUser, m_secrets.restApiPassword).toUtf8();
        return LabCluster::runWith(QProcessEnvironment::systemEnvironment(), QStringLiteral("curl"), args, 220000, cfg);
    }
    // Waits (polling /cluster) until one leader runs and both replicas stream within 1 MiB; the leader, or empty.
    QString waitHealthy(int timeoutMs = 120000) const
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            for (const QString &h : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}) {
                const LabCluster::Run r = rest(h, QStringLiteral("GET"), QStringLiteral("/cluster"));
                const QJsonArray ms = QJsonDocument::fromJson(r.out).object().value(QLatin1String("members")).toArray();
                if (ms.size() != 3)
                    continue;
                QString leader;
                int ok = 0;
                for (const QJsonValue &v : ms) {
                    const QJsonObject m = v.toObject();
                    const QString role = m.value(QLatin1String("role")).toString();
                    const QString state = m.value(QLatin1String("state")).toString();
                    const bool run = state == QLatin1String("running") || state == QLatin1String("streaming");
                    if ((role == QLatin1String("leader") || role == QLatin1String("master")) && run)
                        leader = m.value(QLatin1String("name")).toString();
                    else if (run && m.value(QLatin1String("lag")).isDouble() && m.value(QLatin1String("lag")).toDouble() <= 1048576)
                        ++ok;
                }
                if (!leader.isEmpty() && ok == 2)
                    return leader;
                break;
            }
            QTest::qWait(200);
        }
        return {};
    }
    // pgha diff FILE: exit 0 and "no drift".
    void expectNoDrift(const QString &file)
    {
        const QString drift = m_apply.drift(file);
        QVERIFY2(drift.isEmpty(), qPrintable(drift));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(m_cluster.prepare(&error), qPrintable(error));
        auto loaded = pgha::SecretStore::loadFile(m_cluster.secrets());
        QVERIFY(loaded.ok());
        m_secrets = loaded.value();
        QFile f(m_cluster.project());
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_base = QString::fromUtf8(f.readAll());
        m_apply.setDesign(m_base);
        QVERIFY2(m_lab.up(&error), qPrintable(error));
        const LabCluster::Run d = m_cluster.deploy({QStringLiteral("--accept-new-host-keys")},
                                                   m_tmp.filePath(QStringLiteral("journal.json")), knownHosts());
        QVERIFY2(d.code == 0, d.out.right(3000).constData());
        QVERIFY(m_cluster.psql(5000, QStringLiteral("create table apply_rows(id int primary key)")).code == 0);
        QVERIFY(!m_cluster.waitSyncStandby(60000).isEmpty());
    }
    void cleanupTestCase() { m_lab.down(); }

    // The deployed design: no drift, exit 0; a changed one: exit 1 with the items (table and JSON).
    void diffOnTheLab()
    {
        QList<double> times;
        for (int i = 0; i < 5; ++i) {
            const LabCluster::Run d = pgha(QStringList{QStringLiteral("diff"), m_cluster.project()} + common(), 60000);
            QVERIFY2(d.code == 0, d.out.constData());
            times << d.seconds;
        }
        std::sort(times.begin(), times.end());
        labFigure(kFigures, QStringLiteral("FIGURE pgha diff on the 3+1 lab (4 hosts over SSH: files, /config, pg_settings, "
                                           "members, etcd, HAProxy): median %1 s of 5 (min %2, max %3; target < 1 s)")
                                .arg(times.at(2), 0, 'f', 2)
                                .arg(times.first(), 0, 'f', 2)
                                .arg(times.last(), 0, 'f', 2));
        QString changed = m_base;
        changed.replace(QStringLiteral("max_connections: 50"), QStringLiteral("max_connections: 70"));
        QVERIFY(writeFile(m_tmp.filePath(QStringLiteral("peek.pgha.yaml")), changed.toUtf8()));
        const LabCluster::Run j = pgha(QStringList{QStringLiteral("diff"), m_tmp.filePath(QStringLiteral("peek.pgha.yaml")),
                                                   QStringLiteral("--format"), QStringLiteral("json")} + common(), 60000);
        QCOMPARE(j.code, 1);
        const QJsonObject o = QJsonDocument::fromJson(j.out.mid(j.out.indexOf('{'))).object();
        QVERIFY(o.value(QLatin1String("drift")).toBool());
        int dynamic = 0, running = 0, files = 0;
        for (const QJsonValue &v : o.value(QLatin1String("items")).toArray()) {
            const QJsonObject i = v.toObject();
            const QString area = i.value(QLatin1String("area")).toString();
            dynamic += area == QLatin1String("dynamic") ? 1 : 0;
            running += area == QLatin1String("running") ? 1 : 0;
            files += area == QLatin1String("file") ? 1 : 0;
        }
        QCOMPARE(dynamic, 1);
        QCOMPARE(running, 3);
        QCOMPARE(files, 3);  // each node's patroni.yml (bootstrap.dcs)
        const LabCluster::Run bad = pgha({QStringLiteral("diff"), m_tmp.filePath(QStringLiteral("missing.pgha.yaml"))});
        QCOMPARE(bad.code, 2);
    }

    // ttl and loop_wait through PATCH /config, read back; no restart.
    void dynamicApply()
    {
        QVERIFY(change({{QStringLiteral("ttl: 10, loop_wait: 2"), QStringLiteral("ttl: 12, loop_wait: 3")}},
                       QStringLiteral("dyn.pgha.yaml")));
        LabCluster::Run apply;
        const Load l = applyUnderLoad(QStringLiteral("dyn.pgha.yaml"), &apply);
        QVERIFY2(apply.code == 0, apply.out.right(3000).constData());
        QVERIFY(apply.out.contains("patch-config: changed"));
        QVERIFY(!apply.out.contains("restart:"));
        const QJsonObject cfg = QJsonDocument::fromJson(rest(QStringLiteral("node1"), QStringLiteral("GET"), QStringLiteral("/config")).out).object();
        QCOMPARE(cfg.value(QLatin1String("ttl")).toInt(), 12);
        QCOMPARE(cfg.value(QLatin1String("loop_wait")).toInt(), 3);
        const int lostRows = lost(l);
        labFigure(kFigures, QStringLiteral("FIGURE dynamic apply (ttl 10->12, loop_wait 2->3: drift, files, reload, PATCH "
                                           "/config, read back): %1 s (target < 5 s); %2; %3 lost")
                                .arg(apply.seconds, 0, 'f', 2)
                                .arg(loadText(l))
                                .arg(lostRows));
        QCOMPARE(lostRows, 0);
        QCOMPARE(l.wfail, 0);
        expectNoDrift(QStringLiteral("dyn.pgha.yaml"));
        const LabCluster::Run again = pgha(QStringList{QStringLiteral("apply"), m_tmp.filePath(QStringLiteral("dyn.pgha.yaml")),
                                                       QStringLiteral("--yes")} + common(), 60000);
        QCOMPARE(again.code, 0);
        QVERIFY(again.out.contains("nothing to do"));
    }

    // max_connections: a rolling restart (replicas, switchover, former leader), then the same work done by hand
    // (three restarts and one switchover, each waited for like apply does) for the comparison.
    void rollingRestart()
    {
        QVERIFY(!waitHealthy().isEmpty());
        QVERIFY(!m_cluster.waitSyncStandby(60000).isEmpty());
        const QString before = waitHealthy();
        QVERIFY(change({{QStringLiteral("max_connections: 50"), QStringLiteral("max_connections: 60")}},
                       QStringLiteral("mc.pgha.yaml")));
        LabCluster::Run apply;
        const Load l = applyUnderLoad(QStringLiteral("mc.pgha.yaml"), &apply);
        QVERIFY2(apply.code == 0, apply.out.right(4000).constData());
        for (const QString &h : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")})
            QVERIFY2(apply.out.contains(QByteArray(QByteArray("restart:") + h.toUtf8())), apply.out.right(3000).constData());
        const QString after = waitHealthy();
        QVERIFY(!after.isEmpty());
        QVERIFY2(after != before, "the former leader should have handed over");
        const int lostRows = lost(l);
        QCOMPARE(m_cluster.psql(5000, QStringLiteral("show max_connections")).out, QByteArray("60"));
        QCOMPARE(m_cluster.psql(5001, QStringLiteral("show max_connections")).out, QByteArray("60"));
        expectNoDrift(QStringLiteral("mc.pgha.yaml"));

        // The same work by hand, under the same writer and reader: restart each replica, switch over, restart the
        // former leader, each waited for (every member running, replicas within 1 MiB) like apply waits.
        QVERIFY(!m_cluster.waitSyncStandby(60000).isEmpty());
        const QString leader = waitHealthy();
        QVERIFY(!leader.isEmpty());
        QStringList order;
        for (const QString &h : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")})
            if (h != leader)
                order << h;
        static const char *py =
            "import sys, json, time, base64, urllib.request as u, urllib.error as ue\n"
            "addr = dict(a.split('=') for a in sys.argv[1].split(','))\n"
            "order, leader = sys.argv[2].split(','), sys.argv[3]\n"
            "auth = 'Basic ' + base64.b64encode(sys.stdin.readline().strip().encode()).decode()\n"
            "def call(h, m, p, body=None):\n"
            "    r = u.Request('http://%s:8008%s' % (addr[h], p), method=m, headers={'Authorization': auth,"
            " 'Content-Type': 'application/json'}, data=json.dumps(body).encode() if body is not None else None)\n"
            "    try: return u.urlopen(r, timeout=200).status\n"
            "    except ue.HTTPError as e: return e.code\n"
            "def healthy(old=None):\n"
            "    for h in addr:\n"
            "        try: ms = json.load(u.urlopen('http://%s:8008/cluster' % addr[h], timeout=3))['members']\n"
            "        except Exception: continue\n"
            "        ls = [m['name'] for m in ms if m.get('role') in ('leader', 'master') and m.get('state') == 'running']\n"
            "        ok = [m for m in ms if m.get('role') not in ('leader', 'master') and m.get('state') in ('running', 'streaming')"
            " and isinstance(m.get('lag'), int) and m['lag'] <= 1048576]\n"
            "        return len(ms) == 3 and len(ls) == 1 and len(ok) == 2 and ls[0] != old\n"
            "    return False\n"
            "def wait(old=None):\n"
            "    end = time.time() + 180\n"
            "    while not healthy(old):\n"
            "        if time.time() > end: sys.exit('not healthy')\n"
            "        time.sleep(0.3)\n"
            "t0 = time.time()\n"
            "for h in order:\n"
            "    if call(h, 'POST', '/restart', {}) != 200: sys.exit('restart ' + h)\n"
            "    wait()\n"
            "end = time.time() + 90\n"
            "while call(leader, 'POST', '/switchover', {'leader': leader}) != 200:\n"
            "    if time.time() > end: sys.exit('switchover')\n"
            "    time.sleep(0.3)\n"
            "wait(leader)\n"
            "if call(leader, 'POST', '/restart', {}) != 200: sys.exit('restart ' + leader)\n"
            "wait()\n"
            "print('separate %.2f' % (time.time() - t0))\n";
        QStringList addrs;
        for (const QString &h : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")})
            addrs << h + QLatin1Char('=') + m_lab.address(h);
        LabCluster::Run byHand;
        const Load lh = underLoad(QStringLiteral("python3"),
                                  {QStringLiteral("-c"), QString::fromLatin1(py), addrs.join(QLatin1Char(',')),
                                   order.join(QLatin1Char(',')), leader},
                                  (m_secrets.restApiUser + QLatin1Char(':') + m_secrets.restApiPassword).toUtf8() + '\n', &byHand);
        QVERIFY2(byHand.code == 0, byHand.out.constData());
        const int sep = int(byHand.out.indexOf("separate "));
        const double separate = sep >= 0 ? byHand.out.mid(sep + 9).trimmed().toDouble() : 0;
        QVERIFY(separate > 0);
        QCOMPARE(lost(lh), 0);
        // The rolling part: from the first restart step to the end of the run (before it: the drift, the files,
        // the PATCH and the wait until the members report pending_restart).
        const double first = stamp(apply.out, "(restart:");
        const double done = stamp(apply.out, " done: ");
        const double rolling = first >= 0 && done > first ? done - first : 0;
        labFigure(kFigures, QStringLiteral("FIGURE rolling restart by pgha apply (max_connections 50->60, 3 members: 2 "
                                           "replicas, switchover, former leader): rolling part %1 s, whole apply %2 s; "
                                           "3 restarts + 1 switchover measured separately: %3 s; ratio %4x rolling, %5x "
                                           "whole (target <= 1.2x); %6; %7 lost")
                                .arg(rolling, 0, 'f', 1)
                                .arg(apply.seconds, 0, 'f', 1)
                                .arg(separate, 0, 'f', 1)
                                .arg(separate > 0 ? rolling / separate : 0, 0, 'f', 2)
                                .arg(separate > 0 ? apply.seconds / separate : 0, 0, 'f', 2)
                                .arg(loadText(l))
                                .arg(lostRows));
        QVERIFY(rolling > 0);
        QCOMPARE(lostRows, 0);
    }

    // pg_hba: a new line reaches every member through Patroni's reload (a role from 127.0.0.1 gets in).
    void pgHbaReload()
    {
        QVERIFY(!waitHealthy().isEmpty());
        QVERIFY(m_cluster.psql(5000, QStringLiteral("create role apply_probe login password 'probe-Secret-1'")).code == 0);
        auto direct = [this](const QString &host) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("probe-Secret-1"));
            return LabCluster::runWith(env, QStringLiteral("psql"),
                                       {QStringLiteral("host=%1 port=5432 user=apply_probe dbname=postgres connect_timeout=3")
                                            .arg(m_lab.address(host)),
                                        QStringLiteral("-XAtqc"), QStringLiteral("select 1")},
                                       30000);
        };
        QVERIFY(direct(QStringLiteral("node1")).code != 0);  // no pg_hba line admits it yet
        QVERIFY(change({{QStringLiteral("  security: {tls: false}\n"),
                         QStringLiteral("  security: {tls: false}\n  pg_hba: [{type: host, database: postgres, user: "
                                        "apply_probe, address: 127.0.0.1/32, method: scram-sha-256}]\n")}},
                       QStringLiteral("hba.pgha.yaml")));
        LabCluster::Run apply;
        const Load l = applyUnderLoad(QStringLiteral("hba.pgha.yaml"), &apply);
        QVERIFY2(apply.code == 0, apply.out.right(3000).constData());
        QVERIFY(!apply.out.contains("restart:"));
        for (const QString &h : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}) {
            const LabCluster::Run r = direct(h);
            QVERIFY2(r.code == 0, qPrintable(h + QStringLiteral(": ") + QString::fromUtf8(r.out)));
        }
        const int lostRows = lost(l);
        labFigure(kFigures, QStringLiteral("FIGURE pg_hba apply (a line added, Patroni reload on 3 members): %1 s; %2; %3 lost")
                                .arg(apply.seconds, 0, 'f', 2)
                                .arg(loadText(l))
                                .arg(lostRows));
        QCOMPARE(lostRows, 0);
        QCOMPARE(l.wfail, 0);
        expectNoDrift(QStringLiteral("hba.pgha.yaml"));
    }

    // HAProxy reloads under a steady client load: no failed connection, an established session survives.
    void haproxyReload()
    {
        QVERIFY(!waitHealthy().isEmpty());
        QByteArray pidBefore;
        QCOMPARE(m_lab.ssh(QStringLiteral("haproxy"), QStringLiteral("cat /run/haproxy.pid"), &pidBefore), 0);
        QVERIFY(change({{QStringLiteral("maxconn: 100,"), QStringLiteral("maxconn: 120,")}}, QStringLiteral("ha.pgha.yaml")));
        // A session opened before the reload and still working after it.
        QProcess session;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), m_cluster.superuserPassword());
        session.setProcessEnvironment(env);
        session.setProcessChannelMode(QProcess::MergedChannels);
        session.start(QStringLiteral("psql"), {QStringLiteral("host=%1 port=5000 user=postgres dbname=postgres").arg(m_lab.address(QStringLiteral("haproxy"))),
                                              QStringLiteral("-XAtq"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                                              QStringLiteral("-c"), QStringLiteral("select 1"), QStringLiteral("-c"),
                                              QStringLiteral("select pg_sleep(4)"), QStringLiteral("-c"),
                                              QStringLiteral("insert into apply_rows values (-1) returning id")});
        QVERIFY(session.waitForStarted(10000));
        // A steady load of new connections on both ports (pgbench -C: one connection per transaction), each checking
        // where it landed: port 5000 must reach the primary, port 5001 a replica (else a division by zero fails it; the
        // divisor depends on pg_is_in_recovery(), so the planner cannot fold it).
        const QString primaryScript = m_tmp.filePath(QStringLiteral("primary.sql"));
        const QString replicaScript = m_tmp.filePath(QStringLiteral("replica.sql"));
        QVERIFY(writeFile(primaryScript, "select 1 / (case when pg_is_in_recovery() then 0 else 1 end);\n"));
        QVERIFY(writeFile(replicaScript, "select 1 / (case when pg_is_in_recovery() then 1 else 0 end);\n"));
        QList<QProcess *> benches;
        for (const auto &pb : {qMakePair(5000, primaryScript), qMakePair(5001, replicaScript)}) {
            auto *b = new QProcess(this);
            b->setProcessEnvironment(env);
            b->setProcessChannelMode(QProcess::MergedChannels);
            b->start(QStringLiteral("/usr/lib/postgresql/15/bin/pgbench"),
                     {QStringLiteral("-n"), QStringLiteral("-C"), QStringLiteral("-c"), QStringLiteral("2"), QStringLiteral("-T"),
                      QStringLiteral("8"), QStringLiteral("-f"), pb.second,
                      QStringLiteral("host=%1 port=%2 user=postgres dbname=postgres connect_timeout=2")
                          .arg(m_lab.address(QStringLiteral("haproxy")))
                          .arg(pb.first)});
            QVERIFY(b->waitForStarted(10000));
            benches << b;
        }
        QTest::qWait(2000);
        LabCluster::Run apply;
        const Load l = applyUnderLoad(QStringLiteral("ha.pgha.yaml"), &apply);
        int benchConnections = 0;
        int benchFailed = 0;
        QString benchOut;
        for (QProcess *b : std::as_const(benches)) {
            if (b->state() != QProcess::NotRunning)
                QVERIFY(b->waitForFinished(60000));
            const QString o = QString::fromUtf8(b->readAll());
            benchOut += o;
            const QRegularExpressionMatch done = QRegularExpression(QStringLiteral("actually processed: (\\d+)")).match(o);
            const QRegularExpressionMatch failedTx = QRegularExpression(QStringLiteral("failed transactions: (\\d+)")).match(o);
            benchConnections += done.captured(1).toInt();
            benchFailed += failedTx.captured(1).toInt() + int(o.count(QStringLiteral("aborted")));
            if (b->exitCode() != 0)
                ++benchFailed;
            delete b;
        }
        QVERIFY2(apply.code == 0, apply.out.right(3000).constData());
        QVERIFY(apply.out.contains("reload:haproxy:haproxy: changed"));
        if (session.state() != QProcess::NotRunning)
            QVERIFY(session.waitForFinished(60000));
        const QByteArray sessionOut = session.readAll();
        QByteArray pidAfter;
        QCOMPARE(m_lab.ssh(QStringLiteral("haproxy"), QStringLiteral("cat /run/haproxy.pid"), &pidAfter), 0);
        QVERIFY2(pidAfter != pidBefore, "HAProxy was not reloaded");
        const int lostRows = lost(l);
        const int failed = l.wfail + l.rfail + benchFailed;
        labFigure(kFigures, QStringLiteral("FIGURE HAProxy reload under load (maxconn 100->120, -x listeners + saved server "
                                           "states): %1 failed connections of %2 (pgbench -C on 5000 and 5001 for 8 s around "
                                           "the reload, each checking its server's role; target 0); the session open "
                                           "across it: %3; %4; %5 lost")
                                .arg(failed)
                                .arg(benchConnections + l.writes + l.reads)
                                .arg(session.exitCode() == 0 ? QStringLiteral("kept") : QStringLiteral("broken"))
                                .arg(loadText(l))
                                .arg(lostRows));
        QVERIFY2(benchConnections > 50, qPrintable(benchOut.right(2000)));
        QVERIFY2(benchFailed == 0, qPrintable(benchOut.right(2000)));
        QVERIFY2(session.exitCode() == 0, sessionOut.constData());
        QVERIFY(sessionOut.contains("-1"));
        QCOMPARE(failed, 0);
        QCOMPARE(lostRows, 0);
        expectNoDrift(QStringLiteral("ha.pgha.yaml"));
    }
};

QTEST_GUILESS_MAIN(TestE2eApply)
#include "test_e2e_apply.moc"
