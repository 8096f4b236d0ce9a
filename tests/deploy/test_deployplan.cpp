// The plan without any host: ordering, idempotence guards, dry-run content, host checks, wait judgements,
// and the journal's resume rule.
#include "core/generate/GeneratedFile.h"
#include "core/model/Secrets.h"
#include "core/project/ProjectFile.h"
#include "deploy/DeployJournal.h"
#include "deploy/DeployPlan.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace pgha;

namespace {

Topology labTopology()
{
    auto r = ProjectFile::load(QStringLiteral(PGHA_SOURCE_DIR "/tests/e2e/lab.pgha.yaml"));
    return r.ok() ? r->topology : Topology{};
}

Bundle fakeBundle(const Topology &t)
{
    Bundle b;
    for (const Host &h : t.hosts) {
        GeneratedFile f;
        f.host = h.name;
        f.path = QStringLiteral("/etc/pgha-test/it's a file");
        f.content = "hello " + h.name.toUtf8() + "\n";
        b.files << f;
        GeneratedFile s = f;
        s.path = QStringLiteral("/etc/pgha-test/secret.conf");
        s.content = "password=TOPSECRET-" + h.name.toUtf8() + "\n";
        s.secret = true;
        s.mode = 0600;
        b.files << s;
    }
    GeneratedFile readme;
    readme.path = QStringLiteral("README.md");
    b.files << readme;
    return b;
}

Secrets secrets()
{
    Secrets s;
    s.superuserPassword = QStringLiteral("SUPERSECRET");
    s.haproxyStatsPassword = QStringLiteral("STATSSECRET");
    return s;
}

int indexOf(const DeployPlan &p, const QString &id)
{
    for (int i = 0; i < p.steps.size(); ++i)
        if (p.steps.at(i).id == id)
            return i;
    return -1;
}

} // namespace

class TestDeployPlan : public QObject
{
    Q_OBJECT
private slots:
    void order_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::newRow("checks gate every file write") << QStringLiteral("check:haproxy") << QStringLiteral("files:node1");
        QTest::newRow("packages before files") << QStringLiteral("packages:node2") << QStringLiteral("files:node2");
        QTest::newRow("files before etcd") << QStringLiteral("files:node3") << QStringLiteral("etcd-start:node3");
        QTest::newRow("every etcd before quorum") << QStringLiteral("etcd-start:node3") << QStringLiteral("etcd-quorum");
        QTest::newRow("quorum before first Patroni") << QStringLiteral("etcd-quorum") << QStringLiteral("patroni-start:node1");
        QTest::newRow("leader before other Patroni") << QStringLiteral("patroni-leader") << QStringLiteral("patroni-start:node2");
        QTest::newRow("replicas before HAProxy") << QStringLiteral("patroni-replicas") << QStringLiteral("haproxy-start:haproxy");
        QTest::newRow("HAProxy ready before routing") << QStringLiteral("haproxy-ready:haproxy") << QStringLiteral("routing:haproxy");
    }
    void order()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        const Topology t = labTopology();
        QCOMPARE(t.hosts.size(), 4);
        const DeployPlan p = buildPlan(t, fakeBundle(t), secrets(), {});
        const int b = indexOf(p, before);
        const int a = indexOf(p, after);
        QVERIFY2(b >= 0 && a >= 0, qPrintable(before + QLatin1Char(' ') + after));
        QVERIFY(b < a);
        // `after` depends on `before`, directly or through its dependencies.
        QSet<QString> seen;
        QStringList todo = p.steps.at(a).deps;
        while (!todo.isEmpty()) {
            const QString d = todo.takeFirst();
            if (seen.contains(d))
                continue;
            seen.insert(d);
            todo << p.step(d)->deps;
        }
        QVERIFY2(seen.contains(before), qPrintable(after + QStringLiteral(" does not wait for ") + before));
    }

    void replicasStartInParallel()
    {
        const Topology t = labTopology();
        const DeployPlan p = buildPlan(t, fakeBundle(t), secrets(), {});
        // node2 and node3 wait for the leader, not for each other.
        QVERIFY(!p.step(QStringLiteral("patroni-start:node2"))->deps.contains(QStringLiteral("patroni-start:node3")));
        QVERIFY(!p.step(QStringLiteral("patroni-start:node3"))->deps.contains(QStringLiteral("patroni-start:node2")));
        QVERIFY(!p.step(QStringLiteral("patroni-start:node1"))->deps.contains(QStringLiteral("patroni-leader")));
        // Every starting step checks first whether the service already runs (idempotent).
        for (const DeployStep &s : p.steps)
            if (s.id.contains(QLatin1String("-start:")))
                QVERIFY2(!s.probe.isEmpty(), qPrintable(s.id));
    }

    // The floating address: keepalived on every HAProxy host after its HAProxy routes, then the VIP answers.
    void keepalivedAfterHAProxy()
    {
        Topology t = labTopology();
        QVERIFY(!buildPlan(t, fakeBundle(t), secrets(), {}).step(QStringLiteral("vip-ready")));
        Host lb2 = *t.hostsWith(Role::HAProxy).first();
        const QString first = lb2.name;
        lb2.name = QStringLiteral("lb2");
        lb2.address = QStringLiteral("127.0.36.99");
        t.hosts.append(lb2);
        t.cluster.vip.address = QStringLiteral("127.0.36.100");
        const DeployPlan p = buildPlan(t, fakeBundle(t), secrets(), {});
        for (const QString &h : {first, QStringLiteral("lb2")}) {
            const DeployStep *k = p.step(QStringLiteral("keepalived-start:") + h);
            QVERIFY2(k, qPrintable(h));
            QVERIFY(k->deps.contains(QStringLiteral("haproxy-ready:") + h));
            QVERIFY(indexOf(p, QStringLiteral("haproxy-ready:") + h) < indexOf(p, k->id));
            QVERIFY(!k->probe.isEmpty());
            QVERIFY(k->ops.first().script.contains(QLatin1String("keepalived -t -f")));
            QVERIFY(k->ops.first().script.contains(QLatin1String("$PGHA_VIP_INTERFACE")));  // interface found on the host
            QVERIFY(p.step(QStringLiteral("vip-ready"))->deps.contains(k->id));
        }
        const DeployStep *v = p.step(QStringLiteral("vip-ready"));
        QCOMPARE(v->ops.first().kind, DeployOp::Kind::WaitFor);
        QVERIFY(v->ops.first().script.contains(QLatin1String("127.0.36.100")));
    }

    void onlyHosts()
    {
        const Topology t = labTopology();
        PlanOptions o;
        o.onlyHosts = {QStringLiteral("haproxy")};
        const DeployPlan p = buildPlan(t, fakeBundle(t), secrets(), o);
        QVERIFY(!p.steps.isEmpty());
        for (const DeployStep &s : p.steps) {
            QCOMPARE(s.host, QStringLiteral("haproxy"));
            for (const QString &d : s.deps)
                QVERIFY(p.step(d));
        }
    }

    void poolerSteps()
    {
        Topology t = labTopology();
        t.cluster.pooler.enabled = true;
        Secrets s = secrets();
        s.poolerAuthPassword = QStringLiteral("POOLERSECRET");
        const DeployPlan p = buildPlan(t, fakeBundle(t), s, {});
        // The auth role after every member runs; each database host's PgBouncer after it; HAProxy after every
        // PgBouncer listens (its servers are the poolers); the routing check last.
        const QStringList order{QStringLiteral("patroni-replicas"), QStringLiteral("pooler-auth"),
                                QStringLiteral("pgbouncer-start:node2"), QStringLiteral("pgbouncer-ready:node2"),
                                QStringLiteral("haproxy-start:haproxy"), QStringLiteral("routing:haproxy")};
        for (int i = 1; i < order.size(); ++i) {
            QVERIFY2(indexOf(p, order.at(i - 1)) >= 0 && indexOf(p, order.at(i - 1)) < indexOf(p, order.at(i)),
                     qPrintable(order.at(i - 1) + QStringLiteral(" before ") + order.at(i)));
        }
        QVERIFY(p.step(QStringLiteral("haproxy-start:haproxy"))->deps.contains(QStringLiteral("pgbouncer-ready:node3")));
        QVERIFY(!p.step(QStringLiteral("pgbouncer-start:haproxy")));
        // The role's password reaches psql on stdin only, as its SCRAM verifier (never the clear text, which the
        // server could log); the routing check logs in as the auth_user.
        const DeployStep *auth = p.step(QStringLiteral("pooler-auth"));
        QVERIFY(auth->ops.first().input.contains("PASSWORD 'SCRAM-SHA-256$4096:"));
        QVERIFY(!auth->ops.first().input.contains("POOLERSECRET"));
        QVERIFY(!auth->ops.first().script.contains(QLatin1String("POOLERSECRET")));
        const DeployOp &routing = p.step(QStringLiteral("routing:haproxy"))->ops.first();
        QCOMPARE(routing.input, QByteArray("POOLERSECRET\n"));
        QVERIFY(routing.script.contains(QLatin1String("user=pgbouncer_auth")));
        const QString text = p.dryRunText();
        QVERIFY(!text.contains(QLatin1String("POOLERSECRET")));
        // On the HAProxy hosts: PgBouncer after this host's HAProxy routes, nothing on the database hosts.
        t.cluster.pooler.placement = PoolerPlacement::HAProxy;
        const DeployPlan q = buildPlan(t, fakeBundle(t), s, {});
        QVERIFY(q.step(QStringLiteral("pgbouncer-start:haproxy"))->deps.contains(QStringLiteral("haproxy-ready:haproxy")));
        QVERIFY(!q.step(QStringLiteral("pgbouncer-start:node1")));
        QVERIFY(q.step(QStringLiteral("routing:haproxy"))->ops.first().script.contains(QLatin1String("user=postgres")));
    }

    void dryRun()
    {
        const Topology t = labTopology();
        const Bundle b = fakeBundle(t);
        const DeployPlan p = buildPlan(t, b, secrets(), {});
        const QString text = p.dryRunText();
        for (const Host &h : t.hosts) {
            QVERIFY(text.contains(QStringLiteral("== [%1] check the host").arg(h.name)));
            QVERIFY(text.contains(QStringLiteral("hello ") + h.name));  // content of ordinary files
        }
        QVERIFY(text.contains(QStringLiteral("file /etc/pgha-test/it's a file mode 0644 owner root size 12 sha256 ")));
        QVERIFY(text.contains(QStringLiteral("file /etc/pgha-test/secret.conf mode 0600")));
        // Neither the content nor a digest of a file with secrets (a hash of a short password is an oracle).
        QVERIFY(text.contains(QStringLiteral("(holds secrets: content and sha256 not shown)")));
        QVERIFY(!text.contains(QRegularExpression(QStringLiteral("secret.conf mode 0600 owner root size [0-9]+ sha256"))));
        for (const Host &h : t.hosts) {
            const QByteArray secretFile = "password=TOPSECRET-" + h.name.toUtf8() + "\n";
            QVERIFY(!text.contains(QString::fromLatin1(
                QCryptographicHash::hash(secretFile, QCryptographicHash::Sha256).toHex())));
        }
        QVERIFY(!text.contains(QStringLiteral("TOPSECRET")));
        QVERIFY(!text.contains(QStringLiteral("SUPERSECRET")));
        QVERIFY(!text.contains(QStringLiteral("STATSSECRET")));
        QVERIFY(text.contains(QStringLiteral("stdin: the superuser password")));
        QVERIFY(!text.contains(QStringLiteral("README.md")));  // bundle-only files stay home
        QVERIFY(text.contains(QStringLiteral("etcdctl")));
        QVERIFY(text.contains(QStringLiteral("setsid nohup")));
    }

    void fingerprint()
    {
        const Topology t = labTopology();
        const Bundle b = fakeBundle(t);
        const QString f1 = buildPlan(t, b, secrets(), {}).fingerprint();
        QCOMPARE(buildPlan(t, b, secrets(), {}).fingerprint(), f1);
        Bundle b2 = b;
        b2.files[0].content += "changed";
        QVERIFY(buildPlan(t, b2, secrets(), {}).fingerprint() != f1);
    }

    void hostCheck_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<bool>("allowPg");
        QTest::addColumn<QString>("problem");  // empty = fit
        const QByteArray base = "os_id=debian\nos_version=12\nfree_kb=99999999\n";
        QTest::newRow("fresh host") << base << false << QString();
        QTest::newRow("wrong OS") << QByteArray("os_id=rocky\nos_like=rhel centos fedora\nfree_kb=99999999\n") << false
                                  << QStringLiteral("Debian-family");
        QTest::newRow("ubuntu is debian-like") << QByteArray("os_id=ubuntu\nos_like=debian\nfree_kb=99999999\n") << false
                                               << QString();
        QTest::newRow("disk full") << QByteArray("os_id=debian\nfree_kb=1000\n") << false << QStringLiteral("MiB free");
        QTest::newRow("port taken by a stranger") << base + "listen=127.0.0.11:5432\n" << false
                                                  << QStringLiteral("port 5432 is already in use");
        QTest::newRow("port on wildcard") << base + "listen=0.0.0.0:2379\n" << false << QStringLiteral("port 2379");
        QTest::newRow("port on another address") << base + "listen=127.0.0.12:5432\n" << false << QString();
        QTest::newRow("port held by our running Patroni") << base + "listen=127.0.0.11:5432\nrunning=patroni\n" << false
                                                          << QString();
        QTest::newRow("foreign data directory") << base + "pgdata=present\n" << false << QStringLiteral("refusing to initialise");
        QTest::newRow("adopted data directory") << base + "pgdata=present\n" << true << QString();
        QTest::newRow("foreign etcd data") << base + "etcddata=present\n" << false << QStringLiteral("etcd data");
    }
    void hostCheck()
    {
        QFETCH(QByteArray, output);
        QFETCH(bool, allowPg);
        QFETCH(QString, problem);
        HostCheck c;
        c.address = QStringLiteral("127.0.0.11");
        c.osFamily = QStringLiteral("debian");
        c.ports = {{5432, QStringLiteral("patroni")}, {2379, QStringLiteral("etcd")}};
        c.pgDataDir = QStringLiteral("/var/lib/postgresql/15/main");
        c.etcdDataDir = QStringLiteral("/var/lib/etcd/x");
        c.allowExistingPgData = allowPg;
        const QStringList problems = evaluateHostCheck(c, output);
        if (problem.isEmpty())
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char(';'))));
        else
            QVERIFY2(problems.join(QLatin1Char(';')).contains(problem), qPrintable(problems.join(QLatin1Char(';'))));
    }

    void waits_data()
    {
        QTest::addColumn<int>("until");
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<bool>("ready");
        const int leader = int(DeployOp::Until::PatroniLeader);
        const int replicas = int(DeployOp::Until::PatroniReplicasRunning);
        const int ha = int(DeployOp::Until::HAProxyOnePrimary);
        QTest::newRow("no leader yet") << leader << QByteArray(R"({"members":[{"name":"n1","role":"replica","state":"starting"}]})") << false;
        QTest::newRow("leader (3.x says leader)") << leader << QByteArray(R"({"members":[{"name":"n1","role":"leader","state":"running"}]})") << true;
        QTest::newRow("primary (4.x spelling)") << leader << QByteArray(R"({"members":[{"name":"n1","role":"primary","state":"running"}]})") << true;
        QTest::newRow("4.x all streaming") << replicas << QByteArray(R"({"members":[{"name":"n1","role":"primary","state":"running"},{"name":"n2","role":"replica","state":"streaming","lag":0},{"name":"n3","role":"replica","state":"streaming","lag":0}]})") << true;
        QTest::newRow("not JSON") << leader << QByteArray("urlopen error [Errno 111] Connection refused") << false;
        QTest::newRow("master (old spelling)") << leader << QByteArray(R"({"members":[{"name":"n1","role":"master","state":"running"}]})") << true;
        QTest::newRow("replica still creating") << replicas << QByteArray(R"({"members":[{"name":"n1","role":"leader","state":"running"},{"name":"n2","role":"replica","state":"creating replica"},{"name":"n3","role":"replica","state":"running","lag":0}]})") << false;
        QTest::newRow("lag unknown") << replicas << QByteArray(R"({"members":[{"name":"n1","role":"leader","state":"running"},{"name":"n2","role":"replica","state":"running","lag":"unknown"},{"name":"n3","role":"sync_standby","state":"streaming","lag":0}]})") << false;
        QTest::newRow("all running") << replicas << QByteArray(R"({"members":[{"name":"n1","role":"leader","state":"running"},{"name":"n2","role":"replica","state":"running","lag":0},{"name":"n3","role":"sync_standby","state":"streaming","lag":0}]})") << true;
        QTest::newRow("member missing") << replicas << QByteArray(R"({"members":[{"name":"n1","role":"leader","state":"running"},{"name":"n2","role":"replica","state":"running","lag":0}]})") << false;
        const QByteArray head = "# pxname,svname,qcur,scur,status,weight\nstats,FRONTEND,0,0,OPEN,\nprimary,FRONTEND,0,0,OPEN,\n";
        QTest::newRow("HAProxy before first check: all UP") << ha << head + "primary,node1,0,0,UP,1\nprimary,node2,0,0,UP,1\nprimary,node3,0,0,UP,1\nprimary,BACKEND,0,0,UP,1\n" << false;
        QTest::newRow("HAProxy going down") << ha << head + "primary,node1,0,0,UP,1\nprimary,node2,0,0,UP 1/3,1\nprimary,node3,0,0,DOWN,1\n" << false;
        QTest::newRow("HAProxy one primary") << ha << head + "primary,node1,0,0,UP,1\nprimary,node2,0,0,DOWN,1\nprimary,node3,0,0,DOWN,1\nreplicas,node2,0,0,UP,1\n" << true;
        QTest::newRow("HAProxy: one UP in another pool only") << ha << head + "primary,node1,0,0,DOWN,1\nprimary,node2,0,0,DOWN,1\nreplicas,node3,0,0,UP,1\n" << false;
        QTest::newRow("HAProxy: not CSV") << ha << QByteArray("<html>401 Unauthorized</html>") << false;
        QTest::newRow("HAProxy none UP") << ha << head + "primary,node1,0,0,DOWN,1\nprimary,node2,0,0,DOWN,1\n" << false;
    }
    void waits()
    {
        QFETCH(int, until);
        QFETCH(QByteArray, output);
        QFETCH(bool, ready);
        DeployOp op;
        op.kind = DeployOp::Kind::WaitFor;
        op.until = DeployOp::Until(until);
        op.expectedMembers = 3;
        QCOMPARE(evaluateWait(op, 0, output), ready);
        QVERIFY(!evaluateWait(op, 1, output));  // a failed probe is never "ready"
    }

    // Issue 8, item 3: a role name cannot add keywords to the routing check's connection string.
    void conninfoQuotesTheRoleName()
    {
        Topology t = labTopology();
        t.cluster.security.tls = false;  // with TLS the routing check logs in nowhere (certificates only)
        t.cluster.users.superuser = QStringLiteral("postgres host=127.0.9.99 port=6543");
        const DeployPlan p = buildPlan(t, fakeBundle(t), secrets(), {});
        bool seen = false;
        for (const DeployStep &s : p.steps) {
            if (!s.id.startsWith(QLatin1String("routing:")))
                continue;
            for (const DeployOp &op : s.ops) {
                QVERIFY2(op.script.contains(QStringLiteral("user='\\''postgres host=127.0.9.99 port=6543'\\''")),
                         qPrintable(op.script));
                // What psql receives, as sh reads it: one conninfo word whose user value is quoted for libpq.
                QProcess sh;
                sh.start(QStringLiteral("sh"), {QStringLiteral("-c"),
                                                QStringLiteral("psql() { printf '%s\\n' \"$1\" >&2; }; read -r PGPASSWORD; ")
                                                    + op.script.section(QLatin1Char('\n'), 1, 1)});
                QVERIFY(sh.waitForStarted());
                sh.write("pw\n");
                sh.closeWriteChannel();
                QVERIFY(sh.waitForFinished());
                const QString conninfo = QString::fromUtf8(sh.readAllStandardError()).trimmed();
                QVERIFY2(conninfo.contains(QStringLiteral("user='postgres host=127.0.9.99 port=6543'")), qPrintable(conninfo));
                QVERIFY2(QRegularExpression(QStringLiteral("^host=[0-9.]+ port=[0-9]+ user='postgres host=127.0.9.99 "
                                                           "port=6543' dbname=postgres connect_timeout=3"))
                             .match(conninfo)
                             .hasMatch(),
                         qPrintable(conninfo));
                seen = true;
            }
        }
        QVERIFY(seen);
    }

    // Issue 8, item 2: Patroni's start prepares the data directory alone, never its existing parent.
    void dataDirectoryPreparedAlone()
    {
        Topology t = labTopology();
        t.cluster.postgres.dataDir = QStringLiteral("/pgdata");
        DeployPlan p = buildPlan(t, fakeBundle(t), secrets(), {});
        int seen = 0;
        for (const DeployStep &s : p.steps) {
            if (!s.id.startsWith(QLatin1String("patroni-start:")))
                continue;
            const QString script = s.ops.value(0).script;
            QVERIFY2(script.contains(QStringLiteral("install -d -o postgres -g postgres -m 0700 -- /pgdata\n")), qPrintable(script));
            QVERIFY2(!script.contains(QStringLiteral(" / ")) && !script.contains(QStringLiteral(" /\n")), qPrintable(script));
            ++seen;
        }
        QVERIFY(seen >= 2);
        // The normalised path is the one the deploy uses (the validator refuses the unnormalised one anyway).
        t.cluster.postgres.dataDir = QStringLiteral("/home/pg/../pgdata");
        p = buildPlan(t, fakeBundle(t), secrets(), {});
        for (const DeployStep &s : p.steps) {
            if (s.id.startsWith(QLatin1String("patroni-start:"))) {
                QVERIFY(s.ops.value(0).script.contains(QStringLiteral("-m 0700 -- /home/pgdata\n")));
                QVERIFY(!s.ops.value(0).script.contains(QStringLiteral("..")));
            }
            if (s.id.startsWith(QLatin1String("check:")) && s.ops.value(0).script.contains(QStringLiteral("PG_VERSION")))
                QVERIFY(s.ops.value(0).script.contains(QStringLiteral("/home/pgdata/PG_VERSION")));
        }
    }

    // Issue 8, item 11: the journal is 0600 whatever the umask.
    void journalIsPrivate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("j.json"));
        const mode_t old = ::umask(0);
        const Result<void> r = DeployJournal::writeFile(path, "{}");
        ::umask(old);
        QVERIFY(r.ok());
        QCOMPARE(QFileInfo(path).permissions() & ~(QFile::ReadUser | QFile::WriteUser),
                 QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions());
    }

    void journalResume()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/j.json"));
        auto j = DeployJournal::load(path);
        QVERIFY(j.ok());
        QVERIFY(!j->beginRun(QStringLiteral("planA")));  // fresh
        j->record(QStringLiteral("check:n1"), QStringLiteral("unchanged"), {});
        j->record(QStringLiteral("files:n1"), QStringLiteral("changed"), {});
        j->record(QStringLiteral("etcd-start:n1"), QStringLiteral("failed"), QStringLiteral("boom"));
        j->addOwnedData(QStringLiteral("etcd:n1"));
        j->finishRun(false);
        QVERIFY(j->save().ok());

        auto again = DeployJournal::load(path);
        QVERIFY(again.ok());
        QVERIFY(again->beginRun(QStringLiteral("planA")));  // same plan, unfinished: resume
        QVERIFY(again->isDone(QStringLiteral("check:n1")));
        QVERIFY(again->isDone(QStringLiteral("files:n1")));
        QVERIFY(!again->isDone(QStringLiteral("etcd-start:n1")));
        QVERIFY(again->ownedData().contains(QStringLiteral("etcd:n1")));

        auto other = DeployJournal::load(path);
        QVERIFY(!other->beginRun(QStringLiteral("planB")));  // another plan: start afresh
        QVERIFY(!other->isDone(QStringLiteral("files:n1")));
        QVERIFY(other->ownedData().contains(QStringLiteral("etcd:n1")));  // ownership outlives runs

        auto done = DeployJournal::load(path);
        done->beginRun(QStringLiteral("planA"));
        done->finishRun(true);
        QVERIFY(done->save().ok());
        auto afterDone = DeployJournal::load(path);
        QVERIFY(!afterDone->beginRun(QStringLiteral("planA")));  // finished: a rerun checks everything again

        QFile bad(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{not json");
        bad.close();
        QVERIFY(!DeployJournal::load(bad.fileName()).ok());
    }
};

QTEST_GUILESS_MAIN(TestDeployPlan)
#include "test_deployplan.moc"
