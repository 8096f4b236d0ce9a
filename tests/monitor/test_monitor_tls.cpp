// The monitor over TLS (issue 8): every certificate checked against the cluster CA from the design's secrets (or
// --ca FILE); wrong CA, expired and wrong name fail naming host and reason; --insecure warns and reports; the admin
// client certificate is presented; one connection per host is reused across polls; days left per endpoint and an
// expiry finding. Real TLS servers on 127.0.23.x: QSslSocket (OpenSSL) fakes with certificates from the PKI and
// the openssl CLI, and a real etcd with client-cert-auth.
#include "FakeHttpServer.h"

#include "core/pki/Pki.h"
#include "monitor/ClusterMonitor.h"
#include "monitor/ClusterPoller.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace pgha;

Q_DECLARE_METATYPE(pgha::ClusterState)

namespace {

const QString kPgha = QStringLiteral(PGHA_BINARY_DIR "/src/cli/pgha");

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray clusterJson(const QString &name, const QString &base)
{
    return json(QJsonObject{
        {QStringLiteral("members"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), name},
                                {QStringLiteral("role"), QStringLiteral("leader")},
                                {QStringLiteral("state"), QStringLiteral("running")},
                                {QStringLiteral("api_url"), QString(base + QStringLiteral("/patroni"))},
                                {QStringLiteral("host"), QUrl(base).host()},
                                {QStringLiteral("port"), 5432},
                                {QStringLiteral("timeline"), 1}}}}});
}

QByteArray patroniJson()
{
    return json(QJsonObject{{QStringLiteral("state"), QStringLiteral("running")},
                            {QStringLiteral("role"), QStringLiteral("master")},
                            {QStringLiteral("timeline"), 1},
                            {QStringLiteral("patroni"), QJsonObject{{QStringLiteral("version"), QStringLiteral("3.0.2")},
                                                                    {QStringLiteral("scope"), QStringLiteral("t")}}}});
}

ClusterState pollOnce(const MonitorTarget &target)
{
    ClusterPoller poller(target);
    QSignalSpy spy(&poller, &ClusterPoller::polled);
    if (!poller.poll() || !spy.wait(30000))
        qFatal("poll did not finish");
    return spy.first().first().value<ClusterState>();
}

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run runPgha(const QStringList &args, const QString &secretsFile = {})
{
    QProcess p;
    p.setStandardInputFile(QProcess::nullDevice());
    QSignalSpy done(&p, &QProcess::finished);
    p.start(kPgha, secretsFile.isEmpty() ? args : args + QStringList{QStringLiteral("--secrets"), secretsFile});
    Run r;
    if (!done.wait(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// A one-member design at address:port (TLS on), for MonitorTarget::fromTopology and project files.
Topology design(const QString &address, quint16 port)
{
    Topology t;
    t.cluster.name = QStringLiteral("t");
    t.cluster.patroni.restApiPort = port;
    Host h;
    h.name = QStringLiteral("node1");
    h.address = address;
    h.roles = Roles(Role::Postgres);
    t.hosts.append(h);
    return t;
}

} // namespace

class TestMonitorTls : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void verifiedAgainstClusterCa();
    void rejected_data();
    void rejected();
    void insecureWarnsAndReports();
    void connectionsReusedAcrossPolls();
    void expiryFinding();
    void realEtcdWithClientCertAuth();

private:
    FakeHttpServer *tlsServer(const QString &address, const PemPair &leaf);
    QString writeFile(const QString &name, const QByteArray &data);
    Secrets secrets() const;

    QTemporaryDir m_dir;
    PemPair m_ca;
    PemPair m_admin;
    QList<FakeHttpServer *> m_servers;
};

void TestMonitorTls::initTestCase()
{
    qRegisterMetaType<ClusterState>();
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo::exists(kPgha));
    auto ca = Pki::createCa(QStringLiteral("pgha test CA"), 30);
    QVERIFY(ca.ok());
    m_ca = ca.value();
    auto admin = Pki::issueLeaf(m_ca, QStringLiteral("pgha-admin"), {}, {}, false, true, 30);
    QVERIFY(admin.ok());
    m_admin = admin.value();
}

Secrets TestMonitorTls::secrets() const
{
    Secrets s;
    s.restApiPassword = QStringLiteral("tls-test-rest-password-12345");
    s.tls.ca = m_ca;
    s.tls.admin = m_admin;
    return s;
}

QString TestMonitorTls::writeFile(const QString &name, const QByteArray &data)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return path;
}

FakeHttpServer *TestMonitorTls::tlsServer(const QString &address, const PemPair &leaf)
{
    auto *s = new FakeHttpServer(this);
    s->setTls(QSslCertificate(leaf.certPem, QSsl::Pem), QSslKey(leaf.keyPem, QSsl::Ec, QSsl::Pem));
    s->setKeepAlive(true);
    if (!s->start(QHostAddress(address)))
        qFatal("cannot listen on %s", qPrintable(address));
    s->setResponse("GET", "/cluster", 200, clusterJson(QStringLiteral("node1"), s->baseUrl()));
    s->setResponse("GET", "/patroni", 200, patroniJson());
    s->setResponse("GET", "/history", 200, "[]");
    s->setResponse("GET", "/config", 200, "{}");
    return s;
}

void TestMonitorTls::verifiedAgainstClusterCa()
{
    auto leaf = Pki::issueLeaf(m_ca, QStringLiteral("node1"), {QStringLiteral("node1")}, {QStringLiteral("127.0.23.120")},
                               true, true, 20);
    QVERIFY(leaf.ok());
    FakeHttpServer *server = tlsServer(QStringLiteral("127.0.23.120"), leaf.value());
    MonitorTarget target = MonitorTarget::fromTopology(design(QStringLiteral("127.0.23.120"), server->serverPort()), secrets());
    QVERIFY(target.patroni.first().url.startsWith(QLatin1String("https://")));
    target.certWarnDays = 10;
    const ClusterState s = pollOnce(target);
    QVERIFY(s.patroniReachable);
    QVERIFY2(s.member(QStringLiteral("node1"))->reachable, qPrintable(s.member(QStringLiteral("node1"))->error));
    QCOMPARE(s.tls.size(), 1);
    QCOMPARE(s.tls.first().name, QStringLiteral("node1"));
    QVERIFY2(s.tls.first().daysLeft == 19 || s.tls.first().daysLeft == 20, qPrintable(QString::number(s.tls.first().daysLeft)));
    QVERIFY(s.tls.first().error.isEmpty());
    QVERIFY2(s.findings.isEmpty(), qPrintable(s.findings.join(QLatin1Char('|'))));
    // The admin certificate was presented (Patroni's verify_client: optional needs it for unsafe methods).
    const auto reqs = server->requests();
    QVERIFY(!reqs.isEmpty());
    for (const auto &r : reqs)
        QCOMPARE(r.clientCertificate, QStringLiteral("pgha-admin"));

    // pgha status with the design and its secrets file prints days left per endpoint.
    const QString project = m_dir.filePath(QStringLiteral("ok.pgha.yaml"));
    writeFile(QStringLiteral("ok.pgha.yaml"),
              QStringLiteral("format: 1\ncluster:\n  name: t\n  patroni: {restapi_port: %1}\n"
                             "hosts:\n  - {name: node1, address: 127.0.23.120, os: debian12, roles: [postgres]}\n")
                  .arg(server->serverPort())
                  .toUtf8());
    const QString secretsFile = m_dir.filePath(QStringLiteral("secrets.yaml"));
    QVERIFY(SecretStore::saveFile(secrets(), secretsFile).ok());
    const Run r = runPgha({QStringLiteral("status"), project}, secretsFile);
    QVERIFY2(r.out.contains("TLS certificates presented:"), r.out.constData());
    QVERIFY2(r.out.contains("node1  127.0.23.120:"), r.out.constData());
    QVERIFY2(r.out.contains("days left)"), r.out.constData());
    QVERIFY2(!r.out.contains("CERTIFICATE PROBLEM"), r.out.constData());
}

void TestMonitorTls::rejected_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");  // in Qt's words
    QTest::newRow("signed by another CA") << "127.0.23.121" << "wrong-ca" << "issuer certificate";
    QTest::newRow("expired") << "127.0.23.122" << "expired" << "has expired";
    QTest::newRow("names another host") << "127.0.23.123" << "wrong-name" << "host name did not match";
}

void TestMonitorTls::rejected()
{
    QFETCH(QString, address);
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    PemPair leaf;
    if (kind == QLatin1String("wrong-ca")) {
        auto other = Pki::createCa(QStringLiteral("someone else's CA"), 30);
        QVERIFY(other.ok());
        auto l = Pki::issueLeaf(other.value(), QStringLiteral("node1"), {}, {address}, true, true, 30);
        QVERIFY(l.ok());
        leaf = l.value();
    } else if (kind == QLatin1String("wrong-name")) {
        auto l = Pki::issueLeaf(m_ca, QStringLiteral("node9"), {QStringLiteral("node9")}, {QStringLiteral("127.0.23.199")},
                                true, true, 30);
        QVERIFY(l.ok());
        leaf = l.value();
    } else {
        // The PKI refuses to issue an expired certificate; the openssl CLI signs one with the same CA.
        const QString caCert = writeFile(QStringLiteral("ca.crt"), m_ca.certPem);
        const QString caKey = writeFile(QStringLiteral("ca.key"), m_ca.keyPem);
        const QString key = m_dir.filePath(QStringLiteral("expired.key"));
        const QString csr = m_dir.filePath(QStringLiteral("expired.csr"));
        const QString crt = m_dir.filePath(QStringLiteral("expired.crt"));
        const QString ext = writeFile(QStringLiteral("expired.ext"), "subjectAltName=IP:" + address.toLatin1() + "\n");
        QCOMPARE(QProcess::execute(QStringLiteral("openssl"),
                                   {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                                    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                                    QStringLiteral("-keyout"), key, QStringLiteral("-out"), csr, QStringLiteral("-subj"),
                                    QStringLiteral("/CN=node1")}),
                 0);
        QCOMPARE(QProcess::execute(QStringLiteral("openssl"),
                                   {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr, QStringLiteral("-CA"),
                                    caCert, QStringLiteral("-CAkey"), caKey, QStringLiteral("-days"), QStringLiteral("-1"),
                                    QStringLiteral("-extfile"), ext, QStringLiteral("-out"), crt}),
                 0);
        QFile c(crt), k(key);
        QVERIFY(c.open(QIODevice::ReadOnly) && k.open(QIODevice::ReadOnly));
        leaf = {c.readAll(), k.readAll()};
    }
    FakeHttpServer *server = tlsServer(address, leaf);
    const ClusterState s = pollOnce(MonitorTarget::fromTopology(design(address, server->serverPort()), secrets()));
    QVERIFY(!s.patroniReachable);
    const QString endpoint = address + QLatin1Char(':') + QString::number(server->serverPort());
    QVERIFY2(s.patroniError.contains(endpoint) && s.patroniError.contains(reason, Qt::CaseInsensitive),
             qPrintable(s.patroniError));
    QVERIFY2(s.member(QStringLiteral("node1"))->error.contains(reason, Qt::CaseInsensitive),
             qPrintable(s.member(QStringLiteral("node1"))->error));
    QVERIFY(server->requests().isEmpty());  // nothing, credentials least of all, went over the rejected connection

    // The same through pgha status --url with --ca (the CA file instead of the secrets).
    const QString caFile = writeFile(QStringLiteral("cluster-ca.pem"), m_ca.certPem);
    const Run r = runPgha({QStringLiteral("status"), QStringLiteral("--url"), server->baseUrl(), QStringLiteral("--ca"), caFile});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.out.contains(endpoint.toUtf8()) && r.out.toLower().contains(reason.toLower().toUtf8()), r.out.constData());
}

void TestMonitorTls::insecureWarnsAndReports()
{
    auto other = Pki::createCa(QStringLiteral("someone else's CA"), 30);
    QVERIFY(other.ok());
    auto leaf = Pki::issueLeaf(other.value(), QStringLiteral("node1"), {}, {QStringLiteral("127.0.23.124")}, true, true, 30);
    QVERIFY(leaf.ok());
    FakeHttpServer *server = tlsServer(QStringLiteral("127.0.23.124"), leaf.value());
    const QString caFile = writeFile(QStringLiteral("cluster-ca2.pem"), m_ca.certPem);
    const Run r = runPgha({QStringLiteral("status"), QStringLiteral("--url"), server->baseUrl(), QStringLiteral("--ca"), caFile,
                           QStringLiteral("--insecure"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.err.contains("WARNING: --insecure"), r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QLatin1String("verdict")).toString(), QStringLiteral("degraded"));  // never healthy unverified
    const QString reasons = QString::fromUtf8(QJsonDocument(o.value(QLatin1String("reasons")).toArray()).toJson());
    QVERIFY2(reasons.contains(QLatin1String("not verified (--insecure)")), qPrintable(reasons));
    QVERIFY2(reasons.contains(QLatin1String("accepted only because of --insecure")), qPrintable(reasons));
    QVERIFY2(reasons.contains(QLatin1String("issuer certificate")), qPrintable(reasons));
}

void TestMonitorTls::connectionsReusedAcrossPolls()
{
    auto leaf = Pki::issueLeaf(m_ca, QStringLiteral("node1"), {}, {QStringLiteral("127.0.23.125")}, true, true, 30);
    QVERIFY(leaf.ok());
    FakeHttpServer *server = tlsServer(QStringLiteral("127.0.23.125"), leaf.value());
    ClusterMonitor monitor(MonitorTarget::fromTopology(design(QStringLiteral("127.0.23.125"), server->serverPort()), secrets()));
    QSignalSpy spy(&monitor, &ClusterMonitor::updated);
    // Two warm-up polls: in the first, /history and /config leave while /patroni is still in flight, and Qt may
    // open a connection that only finishes its handshake once the round is over.
    for (int i = 0; i < 2; ++i) {
        monitor.pollNow();
        QVERIFY(spy.wait(10000));
    }
    QVERIFY(monitor.state().patroniReachable);
    const int warm = server->handshakes();
    QVERIFY(warm >= 1 && warm <= 3);
    const int polls = 20;
    for (int i = 2; i < polls; ++i) {
        monitor.pollNow();
        QVERIFY(spy.wait(10000));
    }
    const int requests = int(server->requests().size());
    qInfo("FIGURE dashboard TLS reuse: %d polls, %d requests, %d TLS handshakes (%d after the first two polls), "
          "%d connections",
          polls, requests, server->handshakes(), warm, server->connections());
    QCOMPARE(server->handshakes(), warm);  // the later 18 polls rode the connections of the first two
    QCOMPARE(server->connections(), warm);
}

void TestMonitorTls::expiryFinding()
{
    auto leaf = Pki::issueLeaf(m_ca, QStringLiteral("node1"), {}, {QStringLiteral("127.0.23.126")}, true, true, 10);
    QVERIFY(leaf.ok());
    FakeHttpServer *server = tlsServer(QStringLiteral("127.0.23.126"), leaf.value());
    Topology t = design(QStringLiteral("127.0.23.126"), server->serverPort());
    t.cluster.security.certWarnDays = 30;
    const ClusterState s = pollOnce(MonitorTarget::fromTopology(t, secrets()));
    QVERIFY(s.patroniReachable);
    QCOMPARE(s.verdict, Verdict::Degraded);
    QVERIFY2(s.findings.join(QLatin1Char('|')).contains(QLatin1String("certificate of node1 (127.0.23.126:")),
             qPrintable(s.findings.join(QLatin1Char('|'))));
    QVERIFY2(s.findings.join(QLatin1Char('|')).contains(QLatin1String("expires in 9 days")),
             qPrintable(s.findings.join(QLatin1Char('|'))));
}

void TestMonitorTls::realEtcdWithClientCertAuth()
{
    const QString etcd = QStandardPaths::findExecutable(QStringLiteral("etcd"));
    if (etcd.isEmpty())
        QSKIP("etcd is not installed");
    const QString address = QStringLiteral("127.0.23.130");
    auto leaf = Pki::issueLeaf(m_ca, QStringLiteral("e1"), {QStringLiteral("e1")}, {address, QStringLiteral("127.0.0.1")},
                               true, true, 30);
    QVERIFY(leaf.ok());
    const QString cert = writeFile(QStringLiteral("e1.crt"), leaf->certPem);
    const QString key = writeFile(QStringLiteral("e1.key"), leaf->keyPem);
    const QString ca = writeFile(QStringLiteral("etcd-ca.crt"), m_ca.certPem);
    // Ports chosen by the kernel: bind, read, close, then hand them to etcd.
    QTcpServer probe1, probe2;
    QVERIFY(probe1.listen(QHostAddress(address)) && probe2.listen(QHostAddress(address)));
    const quint16 clientPort = probe1.serverPort(), peerPort = probe2.serverPort();
    probe1.close();
    probe2.close();
    const QString client = QStringLiteral("https://%1:%2").arg(address).arg(clientPort);
    const QString peer = QStringLiteral("https://%1:%2").arg(address).arg(peerPort);
    QProcess proc;
    proc.setProcessChannelMode(QProcess::MergedChannels);
    proc.start(etcd, {QStringLiteral("--name"), QStringLiteral("e1"), QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("etcd")),
                      QStringLiteral("--listen-client-urls"), client, QStringLiteral("--advertise-client-urls"), client,
                      QStringLiteral("--listen-peer-urls"), peer, QStringLiteral("--initial-advertise-peer-urls"), peer,
                      QStringLiteral("--initial-cluster"), QStringLiteral("e1=") + peer,
                      QStringLiteral("--cert-file"), cert, QStringLiteral("--key-file"), key,
                      QStringLiteral("--trusted-ca-file"), ca, QStringLiteral("--client-cert-auth"),
                      QStringLiteral("--peer-cert-file"), cert, QStringLiteral("--peer-key-file"), key,
                      QStringLiteral("--peer-trusted-ca-file"), ca, QStringLiteral("--peer-client-cert-auth")});
    QVERIFY(proc.waitForStarted());
    auto stop = qScopeGuard([&proc] {
        proc.terminate();
        if (!proc.waitForFinished(5000)) {
            proc.kill();
            proc.waitForFinished();
        }
    });

    Topology t;
    t.cluster.name = QStringLiteral("t");
    t.cluster.etcd.clientPort = clientPort;
    Host h;
    h.name = QStringLiteral("e1");
    h.address = address;
    h.roles = Roles(Role::Etcd);
    t.hosts.append(h);
    const MonitorTarget withCert = MonitorTarget::fromTopology(t, secrets());
    QVERIFY(withCert.etcd.first().url.startsWith(QLatin1String("https://")));
    ClusterState s;
    QElapsedTimer up;
    up.start();
    do {
        s = pollOnce(withCert);
        if (s.etcdHealthyCount() == 1)
            break;
        QTest::qWait(200);
    } while (up.elapsed() < 20000);
    QVERIFY2(s.etcdHealthyCount() == 1, qPrintable(QString::fromUtf8(proc.readAll().right(2000)) + s.etcd.value(0).error));
    QCOMPARE(s.tls.size(), 1);
    QCOMPARE(s.tls.first().service, QStringLiteral("etcd"));
    QCOMPARE(s.tls.first().name, QStringLiteral("e1"));

    // Without the admin certificate etcd refuses the client (client-cert-auth): the error names the host.
    Secrets noAdmin = secrets();
    noAdmin.tls.admin = {};
    const ClusterState refused = pollOnce(MonitorTarget::fromTopology(t, noAdmin));
    QCOMPARE(refused.etcdHealthyCount(), 0);
    qInfo("etcd without a client certificate: %s", qPrintable(refused.etcd.value(0).error));
    QVERIFY(!refused.etcd.value(0).error.isEmpty());
}

QTEST_GUILESS_MAIN(TestMonitorTls)
#include "test_monitor_tls.moc"
