// End to end with TLS on every hop: the lab design deployed without and with TLS, twice in turn in one run
// (FIGURE: deploy time ratio), then on the TLS cluster: the key files' owners and modes on the hosts, etcd refuses a
// client without a certificate and serves the admin certificate, the REST API fails verification without the
// cluster CA, psql through HAProxy works with sslmode=verify-full and is refused with sslmode=disable, and a
// switchover (an unsafe REST call, admitted with the admin certificate) loses no acknowledged row of a writer
// through port 5000. Runs its own lab on 127.0.22 (lab.sh, PGHA_LAB_PREFIX).
#include "LabCluster.h"
#include "LabFixture.h"

#include "core/model/Secrets.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

void figure(const QString &line)
{
    qInfo().noquote() << line;
    static bool first = true;
    QFile f(QStringLiteral(PGHA_BINARY_DIR "/figures-e2e-tls.txt"));
    if (f.open(first ? (QIODevice::WriteOnly | QIODevice::Truncate) : (QIODevice::WriteOnly | QIODevice::Append)))
        f.write(line.toUtf8() + '\n');
    first = false;
}

} // namespace

class TestE2eTls : public QObject
{
    Q_OBJECT
private:
    LabFixture m_lab{QStringLiteral("127.0.22")};
    QTemporaryDir m_tmp{QStringLiteral("/var/tmp/pgha-e2e-tls-XXXXXX")};
    QString m_plainProject;
    QString m_tlsProject;
    QString m_secrets;
    pgha::Secrets m_s;
    QString m_ca, m_adminCert, m_adminKey;

    static QString pgha() { return QStringLiteral(PGHA_BINARY_DIR "/src/cli/pgha"); }

    // LabCluster::runWith with this lab's environment (or ENV), output trimmed.
    using Run = LabCluster::Run;
    Run run(const QString &program, const QStringList &args, int timeoutMs = 300000,
            const QProcessEnvironment &env = QProcessEnvironment()) const
    {
        Run r = LabCluster::runWith(env.isEmpty() ? m_lab.environment() : env, program, args, timeoutMs);
        r.out = r.out.trimmed();
        return r;
    }
    Run deploy(const QString &project, const QString &tag) const
    {
        return run(pgha(), {QStringLiteral("deploy"), project, QStringLiteral("--yes"), QStringLiteral("--secrets"),
                            m_secrets, QStringLiteral("--journal"), m_tmp.filePath(tag + QStringLiteral("-journal.json")),
                            QStringLiteral("--known-hosts"), m_tmp.filePath(tag + QStringLiteral("-known_hosts")),
                            QStringLiteral("--accept-new-host-keys")});
    }
    // psql through HAProxy from the controlling machine, with the given sslmode (verify-full checks the name).
    Run psql(int port, const QString &sql, const QString &sslmode = QStringLiteral("verify-full"),
             int connectTimeout = 3) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), m_s.superuserPassword);
        return run(QStringLiteral("psql"),
                   {QStringLiteral("host=%1 port=%2 user=postgres dbname=postgres connect_timeout=%3 sslmode=%4 "
                                   "sslrootcert=%5")
                        .arg(m_lab.address(QStringLiteral("haproxy")))
                        .arg(port)
                        .arg(connectTimeout)
                        .arg(sslmode, m_ca),
                    QStringLiteral("-XAtq"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                    QStringLiteral("-c"), sql},
                   60000, env);
    }
    // The step lines of a deploy's output (when each step ended), to compare the two deploys.
    static void timeline(const QByteArray &out)
    {
        QStringList steps;
        for (const QByteArray &l : out.split('\n')) {
            if (l.contains("] ") && (l.contains(": changed") || l.contains(": unchanged")))
                steps << QString::fromUtf8(l.trimmed());
        }
        qInfo().noquote() << steps.join(QLatin1Char('\n'));
    }
    QStringList curlTls(bool clientCert) const
    {
        QStringList a{QStringLiteral("--cacert"), m_ca};
        if (clientCert)
            a << QStringLiteral("--cert") << m_adminCert << QStringLiteral("--key") << m_adminKey;
        return a;
    }
    QString leader() const
    {
        for (const QString &h : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}) {
            const Run r = run(QStringLiteral("curl"),
                              QStringList{QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                          QStringLiteral("-m"), QStringLiteral("2"), QStringLiteral("-w"),
                                          QStringLiteral("%{http_code}")}
                                  + curlTls(false)
                                  + QStringList{QStringLiteral("https://%1:8008/primary").arg(m_lab.address(h))},
                              10000);
            if (r.out == "200")
                return h;
        }
        return {};
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
        m_plainProject = m_tmp.filePath(QStringLiteral("plain.pgha.yaml"));
        QVERIFY(LabCluster::writeFile(m_plainProject, yaml.toUtf8()));
        yaml.replace(QStringLiteral("security: {tls: false}"), QStringLiteral("security: {tls: true}"));
        m_tlsProject = m_tmp.filePath(QStringLiteral("tls.pgha.yaml"));
        QVERIFY(LabCluster::writeFile(m_tlsProject, yaml.toUtf8()));

        // One secrets file for both deploys, with the TLS material of the design (pgha secrets -o FILE DESIGN).
        m_secrets = m_tmp.filePath(QStringLiteral("secrets.yaml"));
        const Run s = run(pgha(), {QStringLiteral("secrets"), QStringLiteral("-o"), m_secrets, m_tlsProject});
        QVERIFY2(s.code == 0, s.out.constData());
        pgha::Result<pgha::Secrets> loaded = pgha::SecretStore::loadFile(m_secrets);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        m_s = loaded.value();
        QVERIFY(!m_s.tls.ca.certPem.isEmpty() && !m_s.tls.admin.keyPem.isEmpty());
        QCOMPARE(m_s.tls.hosts.size(), 3);
        m_ca = m_tmp.filePath(QStringLiteral("ca.crt"));
        m_adminCert = m_tmp.filePath(QStringLiteral("admin.crt"));
        m_adminKey = m_tmp.filePath(QStringLiteral("admin.key"));
        QVERIFY(LabCluster::writeFile(m_ca, m_s.tls.ca.certPem));
        QVERIFY(LabCluster::writeFile(m_adminCert, m_s.tls.admin.certPem));
        QVERIFY(LabCluster::writeFile(m_adminKey, m_s.tls.admin.keyPem, true));
    }
    void cleanupTestCase() { m_lab.down(); }

    // Without and with TLS, twice in turn on a fresh lab each time (the machine's load drifts during a run);
    // the figure compares the sums. The last (TLS) deploy stays up for the checks below.
    void deployWithoutAndWithTls()
    {
        double plain = 0, tls = 0;
        QStringList each;
        for (int round = 0; round < 2; ++round) {
            QString error;
            QVERIFY2(m_lab.up(&error), qPrintable(error));
            const Run p = deploy(m_plainProject, QStringLiteral("plain%1").arg(round));
            QVERIFY2(p.code == 0, p.out.right(3000).constData());
            timeline(p.out);
            m_lab.down();

            QVERIFY2(m_lab.up(&error), qPrintable(error));
            const Run d = deploy(m_tlsProject, QStringLiteral("tls%1").arg(round));
            qInfo().noquote() << QString::fromUtf8(d.out).right(1500);
            timeline(d.out);
            QCOMPARE(d.code, 0);
            QVERIFY(d.out.contains("routing:haproxy: unchanged - ready"));
            // The material came from the secrets file: nothing new was issued, nothing rewritten.
            QVERIFY(!d.out.contains("TLS material issued"));
            plain += p.seconds;
            tls += d.seconds;
            each << QStringLiteral("%1/%2").arg(d.seconds, 0, 'f', 1).arg(p.seconds, 0, 'f', 1);
            if (round == 0)
                m_lab.down();
        }
        const double ratio = plain > 0 ? tls / plain : 0;
        figure(QStringLiteral("FIGURE: lab deploy with TLS on every hop vs the same design without TLS, twice in turn "
                              "in one run: %1 s vs %2 s in all (each TLS/plain: %3); ratio %4 (target <= 1.2)")
                   .arg(tls, 0, 'f', 1)
                   .arg(plain, 0, 'f', 1)
                   .arg(each.join(QStringLiteral(", ")))
                   .arg(ratio, 0, 'f', 2));
        QVERIFY(ratio > 0);
    }

    void keysOwnedByTheirDaemons()
    {
        QVERIFY(m_lab.isUp());
        for (const QString &h : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}) {
            QByteArray out;
            QCOMPARE(m_lab.exec(h, QStringLiteral("stat -c '%n %a %U' /etc/pgha/tls/etcd.key /etc/pgha/tls/postgres.key "
                                                  "/etc/pgha/tls/host.crt /etc/pgha/tls/ca.crt"),
                                &out),
                     0);
            QVERIFY2(out.contains("/etc/pgha/tls/etcd.key 600 etcd"), out.constData());
            QVERIFY2(out.contains("/etc/pgha/tls/postgres.key 600 postgres"), out.constData());
            QVERIFY2(out.contains("/etc/pgha/tls/host.crt 644 root"), out.constData());
        }
        QByteArray out;
        QCOMPARE(m_lab.exec(QStringLiteral("haproxy"), QStringLiteral("ls /etc/pgha/tls"), &out), 0);
        QCOMPARE(out.trimmed(), QByteArray("ca.crt"));  // no key on the HAProxy host
    }

    void etcdWantsAClientCertificate()
    {
        QVERIFY(m_lab.isUp());
        const QString ep = QStringLiteral("--endpoints=https://%1:2379").arg(m_lab.address(QStringLiteral("node1")));
        const Run without = run(QStringLiteral("etcdctl"),
                                {ep, QStringLiteral("--cacert=") + m_ca, QStringLiteral("--dial-timeout=2s"),
                                 QStringLiteral("--command-timeout=3s"), QStringLiteral("endpoint"), QStringLiteral("health")},
                                30000);
        QVERIFY2(without.code != 0, without.out.constData());
        const Run with = run(QStringLiteral("etcdctl"),
                             {ep, QStringLiteral("--cacert=") + m_ca, QStringLiteral("--cert=") + m_adminCert,
                              QStringLiteral("--key=") + m_adminKey, QStringLiteral("--dial-timeout=2s"),
                              QStringLiteral("--command-timeout=3s"), QStringLiteral("endpoint"), QStringLiteral("health")},
                             30000);
        QVERIFY2(with.code == 0 && with.out.contains("is healthy"), with.out.constData());
        // Plain http on the client port is no longer spoken at all.
        const Run plain = run(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-m"), QStringLiteral("3"),
                                                       QStringLiteral("http://%1:2379/health").arg(m_lab.address(QStringLiteral("node1")))},
                              10000);
        QVERIFY(!plain.out.contains("\"health\":\"true\""));
    }

    void restApiNeedsTheCa()
    {
        QVERIFY(m_lab.isUp());
        const QString url = QStringLiteral("https://%1:8008/health").arg(m_lab.address(QStringLiteral("node2")));
        const Run untrusted = run(QStringLiteral("curl"), {QStringLiteral("-sS"), QStringLiteral("-m"), QStringLiteral("5"), url}, 10000);
        QCOMPARE(untrusted.code, 60);  // SSL certificate problem: unable to get local issuer certificate
        const Run trusted = run(QStringLiteral("curl"),
                                QStringList{QStringLiteral("-s"), QStringLiteral("-m"), QStringLiteral("5"), QStringLiteral("-o"),
                                            QStringLiteral("/dev/null"), QStringLiteral("-w"), QStringLiteral("%{http_code}")}
                                    + curlTls(false) + QStringList{url},
                                10000);
        QCOMPARE(trusted.out, QByteArray("200"));
    }

    void psqlThroughHAProxy()
    {
        QVERIFY(m_lab.isUp());
        const Run full = psql(5000, QStringLiteral("select ssl from pg_stat_ssl where pid = pg_backend_pid()"));
        QVERIFY2(full.code == 0, full.out.constData());
        QCOMPARE(full.out, QByteArray("t"));
        const Run disabled = psql(5000, QStringLiteral("select 1"), QStringLiteral("disable"));
        QVERIFY(disabled.code != 0);
        QVERIFY2(disabled.out.contains("no encryption"), disabled.out.constData());
    }

    // A switchover through the REST API (admitted with the admin certificate and the REST password; Patroni picks
    // the synchronous standby) while a writer
    // inserts one row per connection through port 5000: every acknowledged row is there afterwards.
    void switchoverUnderAWriterLosesNothing()
    {
        QVERIFY(m_lab.isUp());
        QVERIFY(psql(5000, QStringLiteral("create table tls_rows(id int primary key)")).code == 0);
        const QString old = leader();
        QVERIFY(!old.isEmpty());
        // synchronous_mode: Patroni switches over only to the named sync standby; it names one within a loop or two.
        QVERIFY2(!LabCluster::waitSyncStandby(m_lab, 60000, curlTls(false)).isEmpty(), "no synchronous standby within 60 s");

        QProcess sw;
        sw.setProcessChannelMode(QProcess::MergedChannels);
        QList<int> acked;
        int next = 1;
        QElapsedTimer t;
        t.start();
        bool started = false;
        QString now;
        while (t.elapsed() < 90000) {
            const Run w = psql(5000, QStringLiteral("insert into tls_rows values (%1)").arg(next),
                               QStringLiteral("verify-full"), 1);
            if (w.code == 0)
                acked << next;
            ++next;
            if (!started && acked.size() >= 20) {
                sw.start(QStringLiteral("curl"),
                         QStringList{QStringLiteral("-sS"), QStringLiteral("-m"), QStringLiteral("60"), QStringLiteral("-u"),
                                     m_s.restApiUser + QLatin1Char(':') + m_s.restApiPassword, QStringLiteral("-XPOST"),
                                     QStringLiteral("-d"),
                                     QStringLiteral("{\"leader\":\"%1\"}").arg(old)}
                             + curlTls(true)
                             + QStringList{QStringLiteral("https://%1:8008/switchover").arg(m_lab.address(old))});
                started = true;
            }
            // Nothing runs this process's events in the loop: poll it (a 0 ms wait reaps it once it exited).
            if (started && (sw.state() == QProcess::NotRunning || sw.waitForFinished(0))) {
                now = leader();
                if (!now.isEmpty() && now != old && acked.size() >= 20 && acked.last() == next - 1)
                    break;  // the new leader takes writes again
            }
        }
        sw.waitForFinished(5000);
        const QByteArray answer = sw.readAll();
        QVERIFY2(answer.contains("Successfully switched over"), answer.constData());
        QVERIFY2(!now.isEmpty() && now != old,
                 qPrintable(QStringLiteral("leader %1 -> %2 after %3 ms").arg(old, now).arg(t.elapsed())));
        const Run ids = psql(5000, QStringLiteral("select string_agg(id::text, ',') from tls_rows"));
        QVERIFY2(ids.code == 0, ids.out.constData());
        const int lost = LabCluster::lostRows(ids.out, acked);
        qInfo("writer: %d attempts, %d acknowledged, %d lost across the switchover %s -> %s", next - 1,
              int(acked.size()), lost, qPrintable(old), qPrintable(now));
        QVERIFY(acked.size() >= 20);
        QCOMPARE(lost, 0);
    }
};

QTEST_GUILESS_MAIN(TestE2eTls)
#include "test_e2e_tls.moc"
