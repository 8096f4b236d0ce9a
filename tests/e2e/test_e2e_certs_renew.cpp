// Certificate renewal on the real lab (issue 8): the lab design deployed with TLS on 127.0.23 (lab.sh,
// PGHA_LAB_PREFIX), then `pgha certs renew --yes` while a writer inserts one row per connection through HAProxy's
// port 5000 with sslmode=verify-full: every acknowledged row is there afterwards, and every endpoint (etcd 2379,
// REST 8008, PostgreSQL 5432 on each node) presents its NEW certificate. `pgha status` then shows the days left.
#include "LabCluster.h"
#include "LabFixture.h"

#include "core/model/Secrets.h"
#include "core/pki/Pki.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

void figure(const QString &line)
{
    qInfo().noquote() << line;
    static bool first = true;
    QFile f(QStringLiteral(PGHA_BINARY_DIR "/figures-e2e-certs-renew.txt"));
    if (f.open(first ? (QIODevice::WriteOnly | QIODevice::Truncate) : (QIODevice::WriteOnly | QIODevice::Append)))
        f.write(line.toUtf8() + '\n');
    first = false;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

} // namespace

class TestE2eCertsRenew : public QObject
{
    Q_OBJECT
private:
    LabFixture m_lab{QStringLiteral("127.0.23")};
    QTemporaryDir m_tmp{QStringLiteral("/var/tmp/pgha-e2e-renew-XXXXXX")};
    QString m_project;
    QString m_secrets;
    QString m_ca;
    QString m_adminCert;
    QString m_adminKey;
    pgha::Secrets m_before;

    static QString pgha() { return QStringLiteral(PGHA_BINARY_DIR "/src/cli/pgha"); }

    // LabCluster::runWith with this lab's environment (or ENV), output trimmed, time in milliseconds.
    struct Run
    {
        int code = -1;
        QByteArray out;
        double ms = 0;
    };
    Run run(const QString &program, const QStringList &args, int timeoutMs = 300000,
            const QProcessEnvironment &env = QProcessEnvironment()) const
    {
        const LabCluster::Run l = LabCluster::runWith(env.isEmpty() ? m_lab.environment() : env, program, args, timeoutMs);
        return Run{l.code, l.out.trimmed(), l.seconds * 1000.0};
    }
    Run psql(const QString &sql, int connectTimeout = 3) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), m_before.superuserPassword);
        return run(QStringLiteral("psql"),
                   {QStringLiteral("host=%1 port=5000 user=postgres dbname=postgres connect_timeout=%2 "
                                   "sslmode=verify-full sslrootcert=%3")
                        .arg(m_lab.address(QStringLiteral("haproxy")))
                        .arg(connectTimeout)
                        .arg(m_ca),
                    QStringLiteral("-XAtq"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), sql},
                   60000, env);
    }
    // SHA-256 fingerprint of the certificate an endpoint presents ("AB:CD:..."), empty when none.
    QString presented(const QString &host, int port, bool postgres = false) const
    {
        // etcd (client-cert-auth) ends the handshake of a client without a certificate: present the admin one.
        const QString extra = postgres ? QStringLiteral("-starttls postgres")
            : port == 2379 ? QStringLiteral("-cert %1 -key %2").arg(m_adminCert, m_adminKey)
                           : QString();
        QProcess p;
        p.setProcessChannelMode(QProcess::SeparateChannels);
        const QString cmd = QStringLiteral("openssl s_client -connect %1:%2 %3 </dev/null 2>/dev/null | "
                                           "openssl x509 -noout -fingerprint -sha256")
                                .arg(m_lab.address(host))
                                .arg(port)
                                .arg(extra);
        p.start(QStringLiteral("sh"), {QStringLiteral("-c"), cmd});
        p.waitForFinished(20000);
        const QString out = QString::fromLatin1(p.readAllStandardOutput()).trimmed();
        const int eq = int(out.indexOf(QLatin1Char('=')));
        return eq < 0 ? QString() : out.mid(eq + 1).toUpper();
    }
    static QString fingerprint(const QByteArray &pem)
    {
        const auto info = pgha::Pki::inspect(pem);
        return info.ok() ? info->fingerprintSha256.toUpper() : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QFile in(QStringLiteral(PGHA_SOURCE_DIR "/tests/e2e/lab.pgha.yaml"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QString yaml = QString::fromUtf8(in.readAll());
        yaml.replace(QStringLiteral("/var/tmp/pgha-lab-127.0.0/"), m_lab.dir() + QLatin1Char('/'));
        yaml.replace(QStringLiteral("127.0.0."), m_lab.prefix() + QLatin1Char('.'));
        QVERIFY(yaml.contains(QStringLiteral("security: {tls: false}")));
        yaml.replace(QStringLiteral("security: {tls: false}"), QStringLiteral("security: {tls: true}"));
        m_project = m_tmp.filePath(QStringLiteral("tls.pgha.yaml"));
        QVERIFY(writeFile(m_project, yaml.toUtf8()));
        m_secrets = m_tmp.filePath(QStringLiteral("secrets.yaml"));
        const Run s = run(pgha(), {QStringLiteral("secrets"), QStringLiteral("-o"), m_secrets, m_project});
        QVERIFY2(s.code == 0, s.out.constData());
        auto loaded = pgha::SecretStore::loadFile(m_secrets);
        QVERIFY(loaded.ok());
        m_before = loaded.value();
        QCOMPARE(m_before.tls.hosts.size(), 3);
        m_ca = m_tmp.filePath(QStringLiteral("ca.crt"));
        QVERIFY(writeFile(m_ca, m_before.tls.ca.certPem));
        m_adminCert = m_tmp.filePath(QStringLiteral("admin.crt"));
        m_adminKey = m_tmp.filePath(QStringLiteral("admin.key"));
        QVERIFY(writeFile(m_adminCert, m_before.tls.admin.certPem));
        QVERIFY(writeFile(m_adminKey, m_before.tls.admin.keyPem));
        QFile::setPermissions(m_adminKey, QFile::ReadOwner | QFile::WriteOwner);
    }
    void cleanupTestCase() { m_lab.down(); }

    void deployTls()
    {
        QString error;
        QVERIFY2(m_lab.up(&error), qPrintable(error));
        const Run d = run(pgha(), {QStringLiteral("deploy"), m_project, QStringLiteral("--yes"), QStringLiteral("--secrets"),
                                   m_secrets, QStringLiteral("--journal"), m_tmp.filePath(QStringLiteral("journal.json")),
                                   QStringLiteral("--known-hosts"), m_tmp.filePath(QStringLiteral("known_hosts")),
                                   QStringLiteral("--accept-new-host-keys")});
        QVERIFY2(d.code == 0, d.out.right(3000).constData());
        for (const QString &h : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")})
            QCOMPARE(presented(h, 8008), fingerprint(m_before.tls.hosts.value(h).certPem));
    }

    void renewUnderAWriterLosesNothing()
    {
        QVERIFY(m_lab.isUp());
        QVERIFY(psql(QStringLiteral("create table renew_rows(id int primary key)")).code == 0);
        QProcess renew;
        renew.setProcessEnvironment(m_lab.environment());
        renew.setProcessChannelMode(QProcess::MergedChannels);
        renew.setStandardInputFile(QProcess::nullDevice());
        QList<int> acked;
        int next = 1;
        QElapsedTimer t;
        t.start();
        bool started = false;
        double renewSeconds = 0;
        while (t.elapsed() < 600000) {
            const Run w = psql(QStringLiteral("insert into renew_rows values (%1)").arg(next), 1);
            if (w.code == 0)
                acked << next;
            ++next;
            if (!started && acked.size() >= 20) {
                renew.start(pgha(), {QStringLiteral("certs"), QStringLiteral("renew"), m_project, QStringLiteral("--yes"),
                                     QStringLiteral("--secrets"), m_secrets, QStringLiteral("--journal"),
                                     m_tmp.filePath(QStringLiteral("renew-journal.json")), QStringLiteral("--known-hosts"),
                                     m_tmp.filePath(QStringLiteral("known_hosts")), QStringLiteral("--accept-new-host-keys")});
                QVERIFY(renew.waitForStarted(10000));
                started = true;
                t.restart();
            }
            if (started && (renew.state() == QProcess::NotRunning || renew.waitForFinished(0))) {
                if (renewSeconds == 0)
                    renewSeconds = t.elapsed() / 1000.0;
                if (w.code == 0 && acked.size() >= 30)
                    break;  // writes go through again after the rollout
            }
        }
        const QByteArray log = renew.readAll();
        qInfo().noquote() << QString::fromUtf8(log).right(4000);
        QCOMPARE(renew.exitStatus(), QProcess::NormalExit);
        QVERIFY2(renew.exitCode() == 0, log.right(3000).constData());
        const Run ids = psql(QStringLiteral("select string_agg(id::text, ',') from renew_rows"));
        QVERIFY2(ids.code == 0, ids.out.constData());
        const int lost = LabCluster::lostRows(ids.out, acked);
        figure(QStringLiteral("FIGURE certs renew on the lab (3 etcd + 3 Patroni/PostgreSQL, TLS): %1 s; writer "
                              "through port 5000: %2 attempts, %3 acknowledged, %4 lost")
                   .arg(renewSeconds, 0, 'f', 1)
                   .arg(next - 1)
                   .arg(acked.size())
                   .arg(lost));
        QVERIFY(acked.size() >= 30);
        QCOMPARE(lost, 0);
    }

    void everyEndpointPresentsTheNewCertificate()
    {
        QVERIFY(m_lab.isUp());
        auto loaded = pgha::SecretStore::loadFile(m_secrets);
        QVERIFY(loaded.ok());
        const pgha::Secrets after = loaded.value();
        QCOMPARE(after.tls.ca, m_before.tls.ca);
        for (const QString &h : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}) {
            const QString fresh = fingerprint(after.tls.hosts.value(h).certPem);
            QVERIFY(fresh != fingerprint(m_before.tls.hosts.value(h).certPem));
            QCOMPARE(presented(h, 2379), fresh);
            QCOMPARE(presented(h, 8008), fresh);
            QCOMPARE(presented(h, 5432, true), fresh);
        }
    }

    // pgha status over TLS: the days left of every presented certificate, and its time next to curl's for the
    // same requests (Patroni 3.0.2 answers HTTP/1.0: every request is a new TLS connection).
    void statusOverTls()
    {
        QVERIFY(m_lab.isUp());
        QList<double> status;
        Run last;
        for (int i = 0; i < 5; ++i) {
            last = run(pgha(), {QStringLiteral("status"), m_project, QStringLiteral("--secrets"), m_secrets,
                                QStringLiteral("--format"), QStringLiteral("json")},
                       60000);
            status << last.ms;
        }
        const QJsonObject o = QJsonDocument::fromJson(last.out.mid(last.out.indexOf('{'))).object();
        // Patroni's /cluster over https (HTTP/1.0, no Content-Length, the server waits for close_notify) is read
        // completely: the leader and both replicas are seen, running, with no Patroni error.
        QVERIFY2(!o.contains(QLatin1String("patroni_error")), qPrintable(o.value(QLatin1String("patroni_error")).toString()));
        QVERIFY2(!o.value(QLatin1String("leader")).toString().isEmpty(), last.out.constData());
        const QJsonArray members = o.value(QLatin1String("members")).toArray();
        QCOMPARE(members.size(), 3);
        for (const QJsonValue &m : members) {
            const QString state = m.toObject().value(QLatin1String("state")).toString();
            QVERIFY2(state == QLatin1String("running") || state == QLatin1String("streaming"), last.out.constData());
        }
        QVERIFY2(last.ms < 5000, qPrintable(QString::number(last.ms)));
        // Every etcd member answers /health, its status and the member list over TLS with the admin certificate.
        const QJsonArray etcd = o.value(QLatin1String("etcd")).toArray();
        QCOMPARE(etcd.size(), 3);
        for (const QJsonValue &e : etcd) {
            QVERIFY2(e.toObject().value(QLatin1String("healthy")).toBool()
                         && !e.toObject().value(QLatin1String("version")).toString().isEmpty(),
                     qPrintable(e.toObject().value(QLatin1String("name")).toString()));
        }
        const QJsonArray tls = o.value(QLatin1String("tls")).toArray();
        QCOMPARE(tls.size(), 6);  // REST and etcd on each node
        for (const QJsonValue &v : tls) {
            const QJsonObject t = v.toObject();
            QVERIFY2(!t.contains(QLatin1String("error")), qPrintable(t.value(QLatin1String("error")).toString()));
            QVERIFY2(t.value(QLatin1String("days_left")).toInt() >= 820, qPrintable(t.value(QLatin1String("endpoint")).toString()));
        }
        QList<double> curl;
        for (int i = 0; i < 21; ++i) {
            const Run c = run(QStringLiteral("curl"),
                              {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                               QStringLiteral("%{time_total}"), QStringLiteral("--cacert"), m_ca,
                               QStringLiteral("https://%1:8008/patroni").arg(m_lab.address(QStringLiteral("node1")))},
                              10000);
            curl << c.out.toDouble() * 1000.0;
        }
        figure(QStringLiteral("FIGURE pgha status over TLS (3 members + 3 etcd, one round, whole process): median %1 ms "
                              "of 5; curl https GET /patroni on one member: median %2 ms of 21")
                   .arg(median(status), 0, 'f', 0)
                   .arg(median(curl), 0, 'f', 1));
    }
};

QTEST_GUILESS_MAIN(TestE2eCertsRenew)
#include "test_e2e_certs_renew.moc"
