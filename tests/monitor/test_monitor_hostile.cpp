// The monitor against hostile REST servers on 127.0.23.x (issue 8, items 6 and 7): a reply dripped one byte a
// second, a body that never ends, 20 000 members in /cluster, and api_url values pointing at a recorder that must
// never see the REST credentials. Each case through the library and through `pgha status`.
#include "FakeHttpServer.h"

#include "monitor/ActionRunner.h"
#include "monitor/ClusterPoller.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace pgha;

Q_DECLARE_METATYPE(pgha::ClusterState)
Q_DECLARE_METATYPE(pgha::ActionResult)

namespace {

const QString kPgha = QStringLiteral(PGHA_BINARY_DIR "/src/cli/pgha");
const QByteArray kPassword = "hostile-test-rest-password-1234";

QByteArray json(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

QJsonObject member(const QString &name, const QString &apiBase, const QString &role)
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("role"), role},
                       {QStringLiteral("state"), QStringLiteral("running")},
                       {QStringLiteral("api_url"), QString(apiBase + QStringLiteral("/patroni"))},
                       {QStringLiteral("host"), QUrl(apiBase).host()},
                       {QStringLiteral("port"), 5432},
                       {QStringLiteral("timeline"), 1}};
}

QByteArray patroniJson(const QString &role)
{
    return json(QJsonObject{{QStringLiteral("state"), QStringLiteral("running")},
                            {QStringLiteral("role"), role},
                            {QStringLiteral("timeline"), 1},
                            {QStringLiteral("patroni"), QJsonObject{{QStringLiteral("version"), QStringLiteral("3.0.2")},
                                                                    {QStringLiteral("scope"), QStringLiteral("h")}}}});
}

struct Run
{
    int code = -1;
    qint64 ms = 0;
    QByteArray out;
    QByteArray err;
};

// Runs pgha without blocking this thread's event loop (the hostile servers answer from it).
Run runPgha(const QStringList &args, int waitMs = 60000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGHA_RESTAPI_PASSWORD"), QString::fromLatin1(kPassword));
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    QSignalSpy done(&p, &QProcess::finished);
    QElapsedTimer t;
    t.start();
    p.start(kPgha, args);
    Run r;
    if (!done.wait(waitMs)) {
        p.kill();
        p.waitForFinished();
        r.ms = t.elapsed();
        return r;
    }
    r.ms = t.elapsed();
    r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

ClusterState pollOnce(const MonitorTarget &target, qint64 *ms = nullptr)
{
    ClusterPoller poller(target);
    QSignalSpy spy(&poller, &ClusterPoller::polled);
    QElapsedTimer t;
    t.start();
    if (!poller.poll() || !spy.wait(60000))
        qFatal("poll did not finish");
    if (ms)
        *ms = t.elapsed();
    return spy.first().first().value<ClusterState>();
}

bool anyAuthorization(const FakeHttpServer &server)
{
    const auto reqs = server.requests();
    for (const FakeHttpServer::Request &r : reqs) {
        for (const auto &h : r.headers) {
            if (h.first == "authorization" || h.first == "proxy-authorization")
                return true;
        }
    }
    return false;
}

// Two servers on the same port of two addresses, the port chosen by the kernel for the first.
bool startPair(FakeHttpServer *a, const QString &addressA, FakeHttpServer *b, const QString &addressB)
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        if (!a->start(QHostAddress(addressA)))
            return false;
        if (b->start(QHostAddress(addressB), a->serverPort()))
            return true;
        a->close();
    }
    return false;
}

Topology design(const QString &name, const QList<QPair<QString, Role>> &hosts, quint16 restPort, quint16 etcdPort)
{
    Topology t;
    t.cluster.name = name;
    t.cluster.patroni.restApiPort = restPort;
    t.cluster.etcd.clientPort = etcdPort;
    t.cluster.security.tls = false;
    Subnet s;
    s.name = QStringLiteral("lab");
    s.cidr = QStringLiteral("127.0.23.96/28");  // design mode: subnets do not widen the scope
    t.subnets.append(s);
    int i = 0;
    for (const auto &h : hosts) {
        Host host;
        host.name = QStringLiteral("n%1").arg(++i);
        host.address = h.first;
        host.subnet = s.name;
        host.roles = Roles(h.second);
        t.hosts.append(host);
    }
    return t;
}

} // namespace

class TestMonitorHostile : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void dripDefeatsNoDeadline();
    void endlessBodyIsCapped();
    void twentyThousandMembers();
    void apiUrlElsewhereGetsNoCredentials();
    void urlModeScope();
    void actionToForeignLeaderRefused();
    void etcdNeverGetsCredentials();

private:
    QTemporaryDir m_dir;
};

void TestMonitorHostile::initTestCase()
{
    qRegisterMetaType<ClusterState>();
    qRegisterMetaType<ActionResult>();
    QVERIFY(QFileInfo::exists(kPgha));
    QVERIFY(m_dir.isValid());
}

void TestMonitorHostile::dripDefeatsNoDeadline()
{
    FakeHttpServer server;
    QVERIFY(server.start(QHostAddress(QStringLiteral("127.0.23.101"))));
    // Every answer arrives one byte per second: each byte resets an idle timeout, only a total deadline ends it.
    server.setHandler([](const FakeHttpServer::Request &) {
        FakeHttpServer::Response r;
        r.body = QByteArray(200, ' ');
        r.mode = FakeHttpServer::Mode::Drip;
        r.dripIntervalMs = 300;  // well below the 1000 ms deadline: an idle timeout would never fire
        return r;
    });
    auto target = MonitorTarget::fromUrl(server.baseUrl());
    QVERIFY(target.ok());
    MonitorTarget t = target.value();
    t.timeoutMs = 1000;
    qint64 ms = 0;
    const ClusterState s = pollOnce(t, &ms);
    QVERIFY2(ms < 5000, qPrintable(QString::number(ms)));
    QVERIFY(!s.patroniReachable);
    QVERIFY2(s.patroniError.contains(QLatin1String("no complete answer within 1000 ms")), qPrintable(s.patroniError));

    const Run r = runPgha({QStringLiteral("status"), QStringLiteral("--url"), server.baseUrl(), QStringLiteral("--timeout"),
                        QStringLiteral("1000")});
    qInfo("FIGURE hostile drip: pgha status --timeout 1000 returned after %lld ms (exit %d)", r.ms, r.code);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.ms < 8000, qPrintable(QString::number(r.ms)));
    QVERIFY2(r.out.contains("no complete answer within 1000 ms"), r.out.constData());
}

void TestMonitorHostile::endlessBodyIsCapped()
{
    FakeHttpServer server;
    QVERIFY(server.start(QHostAddress(QStringLiteral("127.0.23.102"))));
    server.setHandler([](const FakeHttpServer::Request &) {
        FakeHttpServer::Response r;
        r.mode = FakeHttpServer::Mode::Endless;
        return r;
    });
    auto target = MonitorTarget::fromUrl(server.baseUrl());
    QVERIFY(target.ok());
    MonitorTarget t = target.value();
    t.timeoutMs = 30000;  // the cap must end it, not the deadline
    qint64 ms = 0;
    const ClusterState s = pollOnce(t, &ms);
    QVERIFY(!s.patroniReachable);
    QVERIFY2(s.patroniError.contains(QLatin1String("answer larger than 4 MiB")), qPrintable(s.patroniError));
    QVERIFY2(ms < 20000, qPrintable(QString::number(ms)));
    qInfo("FIGURE hostile endless body: stopped after %lld ms, the server pushed %.1f MiB before it had to wait", ms,
          server.bytesSent() / 1048576.0);
    // The server is not read to the end: what it managed to push stays within a few caps (socket buffers).
    QVERIFY2(server.bytesSent() < 16ll * 1024 * 1024, qPrintable(QString::number(server.bytesSent())));

    const Run r = runPgha({QStringLiteral("status"), QStringLiteral("--url"), server.baseUrl(), QStringLiteral("--timeout"),
                        QStringLiteral("30000")});
    QCOMPARE(r.code, 2);  // unavailable, not a crash
    QVERIFY2(r.out.contains("answer larger than 4 MiB"), r.out.constData());
}

void TestMonitorHostile::twentyThousandMembers()
{
    FakeHttpServer server;
    QVERIFY(server.start(QHostAddress(QStringLiteral("127.0.23.103"))));
    QJsonArray members;
    members.append(member(QStringLiteral("a0"), server.baseUrl(), QStringLiteral("leader")));
    // The others point at closed ports on another address: each would cost a connection attempt every round.
    for (int i = 1; i < 20000; ++i)
        members.append(member(QStringLiteral("a%1").arg(i), QStringLiteral("http://127.0.23.104:%1").arg(20000 + i % 40000),
                              QStringLiteral("replica")));
    const QByteArray cluster = json(QJsonObject{{QStringLiteral("members"), members}});
    QVERIFY2(cluster.size() < 4 * 1024 * 1024, "the list must pass the body cap to reach the member cap");
    server.setResponse("GET", "/cluster", 200, cluster);
    server.setResponse("GET", "/patroni", 200, patroniJson(QStringLiteral("master")));
    const Run r = runPgha({QStringLiteral("status"), QStringLiteral("--url"), server.baseUrl(), QStringLiteral("--format"),
                        QStringLiteral("json")});
    qInfo("FIGURE hostile 20000 members: pgha status returned after %lld ms (exit %d)", r.ms, r.code);
    QVERIFY2(r.code == 1 || r.code == 2, r.err.constData());
    QVERIFY2(r.ms < 15000, qPrintable(QString::number(r.ms)));
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QLatin1String("members")).toArray().size(), 100);
    const QString findings = QString::fromUtf8(json(o.value(QLatin1String("findings")).toArray()));
    QVERIFY2(findings.contains(QLatin1String("lists 20000 members; only the first 100 are watched")),
             qPrintable(findings));
}

void TestMonitorHostile::apiUrlElsewhereGetsNoCredentials()
{
    // The design names n1 (127.0.23.105); /cluster also lists a member whose api_url is a recorder on 127.0.23.106.
    FakeHttpServer rest;
    FakeHttpServer recorder;
    QVERIFY(startPair(&rest, QStringLiteral("127.0.23.105"), &recorder, QStringLiteral("127.0.23.106")));
    QJsonArray members{member(QStringLiteral("n1"), rest.baseUrl(), QStringLiteral("leader")),
                       member(QStringLiteral("evil"), recorder.baseUrl(), QStringLiteral("replica"))};
    rest.setResponse("GET", "/cluster", 200, json(QJsonObject{{QStringLiteral("members"), members}}));
    rest.setResponse("GET", "/patroni", 200, patroniJson(QStringLiteral("master")));
    recorder.setResponse("GET", "/patroni", 200, patroniJson(QStringLiteral("replica")));
    recorder.setResponse("GET", "/cluster", 200, json(QJsonObject{{QStringLiteral("members"), members}}));

    Topology t = design(QStringLiteral("h"), {{QStringLiteral("127.0.23.105"), Role::Postgres}}, rest.serverPort(), 2379);
    t.subnets.first().cidr = QStringLiteral("127.0.23.0/24");  // the recorder lies in a design subnet: still not named
    Secrets sec;
    sec.restApiPassword = QString::fromLatin1(kPassword);
    const ClusterState s = pollOnce(MonitorTarget::fromTopology(t, sec));
    QVERIFY(s.patroniReachable);
    QVERIFY2(!recorder.requests().isEmpty(), "the discovered member is still polled");
    QVERIFY2(!anyAuthorization(recorder), "credentials sent to a discovered api_url outside the design");
    QVERIFY2(anyAuthorization(rest), "the design's own endpoint must get them (else this test proves nothing)");
    QVERIFY2(s.findings.join(QLatin1Char(' ')).contains(QLatin1String("outside the design")),
             qPrintable(s.findings.join(QLatin1Char('|'))));

    // The same through pgha status with a project file.
    const QString project = m_dir.filePath(QStringLiteral("h.pgha.yaml"));
    {
        QFile f(project);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("format: 1\ncluster:\n  name: h\n  patroni: {restapi_port: %1}\n  security: {tls: false}\n"
                               "subnets:\n  - {name: lab, cidr: 127.0.23.0/24}\n"
                               "hosts:\n  - {name: n1, address: 127.0.23.105, subnet: lab, os: debian12, roles: [postgres]}\n")
                    .arg(rest.serverPort())
                    .toUtf8());
    }
    recorder.clearRequests();
    const Run r = runPgha({QStringLiteral("status"), project});
    QVERIFY2(r.code >= 0 && r.code <= 2, r.err.constData());
    QVERIFY2(!recorder.requests().isEmpty(), r.out.constData());
    QVERIFY(!anyAuthorization(recorder));
}

void TestMonitorHostile::urlModeScope()
{
    FakeHttpServer rest;
    FakeHttpServer other;
    QVERIFY(startPair(&rest, QStringLiteral("127.0.23.107"), &other, QStringLiteral("127.0.23.108")));
    QJsonArray members{member(QStringLiteral("a"), rest.baseUrl(), QStringLiteral("leader")),
                       member(QStringLiteral("b"), other.baseUrl(), QStringLiteral("replica"))};
    const QByteArray cluster = json(QJsonObject{{QStringLiteral("members"), members}});
    for (FakeHttpServer *s : {&rest, &other}) {
        s->setResponse("GET", "/cluster", 200, cluster);
        s->setResponse("GET", "/patroni", 200, patroniJson(s == &rest ? QStringLiteral("master") : QStringLiteral("replica")));
    }
    // --url alone: only that host gets the credentials.
    Run r = runPgha({QStringLiteral("status"), QStringLiteral("--url"), rest.baseUrl()});
    QVERIFY2(r.code >= 0, r.err.constData());
    QVERIFY(anyAuthorization(rest));
    QVERIFY(!other.requests().isEmpty());
    QVERIFY2(!anyAuthorization(other), "--url: a member on another host got the credentials");

    // --url with a design whose subnet holds the other member: now it may have them.
    const QString project = m_dir.filePath(QStringLiteral("scope.pgha.yaml"));
    {
        QFile f(project);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("format: 1\ncluster: {name: h, security: {tls: false}}\nsubnets:\n  - {name: lab, cidr: 127.0.23.108/32}\n"
                "hosts:\n  - {name: n1, address: 127.0.23.108, subnet: lab, os: debian12, roles: [postgres]}\n");
    }
    other.clearRequests();
    r = runPgha({QStringLiteral("status"), QStringLiteral("--url"), rest.baseUrl(), project});
    QVERIFY2(r.code >= 0, r.err.constData());
    QVERIFY2(anyAuthorization(other), r.err.constData());
}

void TestMonitorHostile::actionToForeignLeaderRefused()
{
    FakeHttpServer rest;
    FakeHttpServer recorder;
    QVERIFY(startPair(&rest, QStringLiteral("127.0.23.109"), &recorder, QStringLiteral("127.0.23.110")));
    // The DCS says the leader's REST API is the recorder: a switchover would POST the credentials there.
    QJsonArray members{member(QStringLiteral("n1"), rest.baseUrl(), QStringLiteral("replica")),
                       member(QStringLiteral("evil"), recorder.baseUrl(), QStringLiteral("leader"))};
    rest.setResponse("GET", "/cluster", 200, json(QJsonObject{{QStringLiteral("members"), members}}));
    Topology t = design(QStringLiteral("h"), {{QStringLiteral("127.0.23.109"), Role::Postgres}}, rest.serverPort(), 2379);
    Secrets sec;
    sec.restApiPassword = QString::fromLatin1(kPassword);
    ActionRunner runner(MonitorTarget::fromTopology(t, sec));
    QSignalSpy spy(&runner, &ActionRunner::finished);
    ActionRequest req;
    req.kind = ActionRequest::Kind::Switchover;
    req.candidate = QStringLiteral("n1");
    runner.run(req);
    QVERIFY(spy.wait(10000));
    const ActionResult result = spy.first().first().value<ActionResult>();
    QVERIFY(!result.ok);
    QVERIFY2(result.message.contains(QLatin1String("outside the design")), qPrintable(result.message));
    QVERIFY2(recorder.requests().isEmpty(), "the recorder was contacted");
}

void TestMonitorHostile::etcdNeverGetsCredentials()
{
    FakeHttpServer rest;
    FakeHttpServer etcd;
    QVERIFY(rest.start(QHostAddress(QStringLiteral("127.0.23.111"))));
    QVERIFY(etcd.start(QHostAddress(QStringLiteral("127.0.23.112"))));
    rest.setResponse("GET", "/cluster", 200,
                     json(QJsonObject{{QStringLiteral("members"),
                                       QJsonArray{member(QStringLiteral("n1"), rest.baseUrl(), QStringLiteral("leader"))}}}));
    rest.setResponse("GET", "/patroni", 200, patroniJson(QStringLiteral("master")));
    etcd.setResponse("GET", "/health", 200, "{\"health\":\"true\"}");
    Topology t = design(QStringLiteral("h"),
                        {{QStringLiteral("127.0.23.111"), Role::Postgres}, {QStringLiteral("127.0.23.112"), Role::Etcd}},
                        rest.serverPort(), etcd.serverPort());
    Secrets sec;
    sec.restApiPassword = QString::fromLatin1(kPassword);
    const ClusterState s = pollOnce(MonitorTarget::fromTopology(t, sec));
    QVERIFY(s.patroniReachable);
    QVERIFY(!etcd.requests().isEmpty());
    QVERIFY2(!anyAuthorization(etcd), "etcd got the REST credentials");
    QVERIFY(anyAuthorization(rest));
}

QTEST_GUILESS_MAIN(TestMonitorHostile)
#include "test_monitor_hostile.moc"
