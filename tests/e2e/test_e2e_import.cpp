// pgha import on the real lab (issue 9 item 2): the lab design deployed on 127.0.31 (PGHA_LAB_PREFIX of this test),
// then `pgha import --url` with SSH (read-only) and HAProxy's stats while a writer inserts one row per connection
// through HAProxy's port 5000. The import changes nothing (the deployed files and Patroni's /config are the same
// before and after, no acknowledged row is lost), and the design it writes, generated again with the cluster's
// secrets, gives back every deployed patroni config, etcd environment file and haproxy.cfg apart from comments.
// The lab is deployed with settings the design model has no key for (extra settings, docs/project-file.md): a
// patroni.yml log block on every member and a custom tag on node1, haproxy.cfg global/defaults lines, etcd settings
// on every member; the import finds them in the files, keeps them as extra settings, and the regenerated files carry
// them again (issue 9 item 2: "what import cannot map is kept verbatim as extra settings and listed").
#include "LabCluster.h"
#include "LabFigure.h"
#include "LabFixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kPrefix = QStringLiteral("127.0.31");

void figure(const QString &line)
{
    labFigure(QStringLiteral(PGHA_BINARY_DIR "/figures-e2e-import.txt"), line);
}

QByteArray withoutComments(const QByteArray &text)
{
    QByteArray out;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.trimmed().startsWith('#'))
            out += line + '\n';
    }
    return out;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Extra settings of the deployed design (real daemons accept each): Patroni's log block, HAProxy buffer and queue
// timeout, etcd's heartbeat and election timings at their defaults.
const char *const kClusterExtra = "  extra:\n"
                                  "    patroni:\n"
                                  "      log: {level: INFO, file_num: 4}\n"
                                  "    haproxy:\n"
                                  "      global: [\"tune.bufsize 32768\"]\n"
                                  "      defaults: [\"timeout queue 1m\"]\n"
                                  "    etcd: {ETCD_HEARTBEAT_INTERVAL: \"100\", ETCD_ELECTION_TIMEOUT: \"1000\"}\n";
// node1's own: a custom Patroni tag (Patroni shows it in /patroni and /cluster).
const char *const kNode1Extra = "    extra: {patroni: {tags: {zone: a}}}\n";

// The files a deploy wrote on the lab that the import reads and a generation must give back.
const QList<QPair<QString, QString>> kDeployed = {
    {QStringLiteral("node1"), QStringLiteral("/etc/patroni/config.yml")},
    {QStringLiteral("node2"), QStringLiteral("/etc/patroni/config.yml")},
    {QStringLiteral("node3"), QStringLiteral("/etc/patroni/config.yml")},
    {QStringLiteral("node1"), QStringLiteral("/etc/default/etcd")},
    {QStringLiteral("node2"), QStringLiteral("/etc/default/etcd")},
    {QStringLiteral("node3"), QStringLiteral("/etc/default/etcd")},
    {QStringLiteral("haproxy"), QStringLiteral("/etc/haproxy/haproxy.cfg")},
};

} // namespace

class TestE2eImport : public QObject
{
    Q_OBJECT
private:
    LabFixture m_lab{kPrefix};
    QTemporaryDir m_tmp{QStringLiteral("/var/tmp/pgha-e2e-import-XXXXXX")};
    std::unique_ptr<LabCluster> m_cluster;

    QMap<QString, QByteArray> deployedHashes() const
    {
        QMap<QString, QByteArray> out;
        for (const auto &[host, path] : kDeployed)
            out.insert(host + path, QCryptographicHash::hash(readFile(m_lab.hostPath(host, path)), QCryptographicHash::Sha256).toHex());
        return out;
    }

    QByteArray restConfig() const
    {
        const LabCluster::Run r = m_cluster->run(QStringLiteral("curl"),
                                                 {QStringLiteral("-fsS"), QStringLiteral("--max-time"), QStringLiteral("5"),
                                                  QStringLiteral("http://%1:8008/config").arg(m_lab.address(QStringLiteral("node1")))},
                                                 20000);
        return r.code == 0 ? r.out : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(m_lab.up(&error), qPrintable(error));
        m_cluster = std::make_unique<LabCluster>(m_lab, m_tmp.path());
        QVERIFY2(m_cluster->prepare(&error), qPrintable(error));
        // Settings the design has no key for, deployed through extra settings into the real files.
        QString design = QString::fromUtf8(readFile(m_cluster->project()));
        const QString security = QStringLiteral("  security: {tls: false}\n");
        QVERIFY(design.contains(security));
        design.replace(security, security + QLatin1String(kClusterExtra));
        const QString node1 = QStringLiteral("  - name: node1\n");
        QVERIFY(design.contains(node1));
        design.replace(node1, node1 + QLatin1String(kNode1Extra));
        QVERIFY(LabCluster::writeFile(m_cluster->project(), design.toUtf8()));
        const LabCluster::Run d = m_cluster->deploy({QStringLiteral("--accept-new-host-keys")},
                                                    m_tmp.filePath(QStringLiteral("journal.json")),
                                                    m_tmp.filePath(QStringLiteral("known_hosts")));
        QVERIFY2(d.code == 0, d.out.right(3000).constData());
        figure(QStringLiteral("FIGURE import lab deploy (setup): %1 s").arg(d.seconds, 0, 'f', 1));
    }

    void importUnderAWriterChangesNothing()
    {
        QVERIFY(m_cluster->psql(5000, QStringLiteral("create table import_rows(id int primary key)")).code == 0);
        const QMap<QString, QByteArray> before = deployedHashes();
        const QByteArray configBefore = restConfig();
        QVERIFY(!configBefore.isEmpty());

        const QString design = m_tmp.filePath(QStringLiteral("imported.pgha.yaml"));
        QProcess import;
        import.setProcessEnvironment(m_lab.environment());
        import.setStandardInputFile(QProcess::nullDevice());
        QList<int> acked;
        int next = 1;
        QElapsedTimer t;
        bool started = false;
        double importSeconds = 0;
        QElapsedTimer overall;
        overall.start();
        while (overall.elapsed() < 300000) {
            const LabCluster::Run w = m_cluster->psql(5000, QStringLiteral("insert into import_rows values (%1)").arg(next), 1);
            if (w.code == 0)
                acked << next;
            ++next;
            if (!started && acked.size() >= 10) {
                t.start();
                import.start(LabCluster::pgha(),
                             {QStringLiteral("import"), QStringLiteral("--url"),
                              QStringLiteral("http://%1:8008").arg(m_lab.address(QStringLiteral("node1"))),
                              QStringLiteral("-o"), design, QStringLiteral("--ssh-user"), QStringLiteral("root"),
                              QStringLiteral("--identity"), m_lab.keyFile(), QStringLiteral("--known-hosts"),
                              m_tmp.filePath(QStringLiteral("known_hosts")), QStringLiteral("--haproxy-stats"),
                              QStringLiteral("http://%1:7000/;csv").arg(m_lab.address(QStringLiteral("haproxy"))),
                              QStringLiteral("--secrets"), m_cluster->secrets()});
                QVERIFY(import.waitForStarted(10000));
                started = true;
            }
            if (started && (import.state() == QProcess::NotRunning || import.waitForFinished(0))) {
                if (importSeconds == 0)
                    importSeconds = t.elapsed() / 1000.0;
                if (acked.size() >= 20)
                    break;
            }
        }
        QVERIFY(import.state() == QProcess::NotRunning || import.waitForFinished(60000));
        const QByteArray out = import.readAllStandardOutput();
        const QByteArray err = import.readAllStandardError();
        qInfo().noquote() << QString::fromUtf8(out + err);
        QCOMPARE(import.exitStatus(), QProcess::NormalExit);
        QVERIFY2(import.exitCode() == 0, err.constData());
        QVERIFY(!err.contains("password"));  // no secret in what it prints
        // The deployed extra settings are kept, and listed.
        QVERIFY2(err.contains("kept as extra: node1:/etc/patroni/config.yml: tags.zone"), err.constData());
        QVERIFY2(err.contains("log.level"), err.constData());
        QVERIFY2(err.contains("tune.bufsize 32768"), err.constData());
        QVERIFY2(err.contains("ETCD_HEARTBEAT_INTERVAL"), err.constData());

        // Nothing changed: the files, the dynamic configuration, and every acknowledged row is there.
        QCOMPARE(deployedHashes(), before);
        QCOMPARE(restConfig(), configBefore);
        const LabCluster::Run ids = m_cluster->psql(5000, QStringLiteral("select string_agg(id::text, ',') from import_rows"));
        QVERIFY2(ids.code == 0, ids.out.constData());
        const int lost = LabCluster::lostRows(ids.out, acked);
        figure(QStringLiteral("FIGURE pgha import of the lab (3 Patroni/etcd + HAProxy, REST + SSH + stats): %1 s; writer "
                              "through port 5000: %2 attempts, %3 acknowledged, %4 lost")
                   .arg(importSeconds, 0, 'f', 2)
                   .arg(next - 1)
                   .arg(acked.size())
                   .arg(lost));
        QCOMPARE(lost, 0);
        // The design holds no secret, and the extra settings where they were found: node1's tag on node1, the rest
        // (the same on every host of its role) on the cluster.
        const QByteArray yaml = readFile(design);
        QVERIFY(!yaml.isEmpty());
        const int clusterExtra = yaml.indexOf("\n  extra:\n");
        const int hostsAt = yaml.indexOf("\nhosts:\n");
        const int node1Extra = yaml.indexOf("zone: a");
        QVERIFY2(clusterExtra > 0 && clusterExtra < hostsAt && node1Extra > hostsAt, yaml.constData());
        QVERIFY2(yaml.indexOf("level: INFO") > clusterExtra && yaml.indexOf("level: INFO") < hostsAt, yaml.constData());
        QVERIFY2(yaml.contains("\"tune.bufsize 32768\"") && yaml.contains("\"timeout queue 1m\""), yaml.constData());
        QVERIFY2(yaml.contains("ETCD_ELECTION_TIMEOUT: \"1000\""), yaml.constData());
        figure(QStringLiteral("FIGURE pgha import of the lab: %1 live settings without a design key kept as extra settings")
                   .arg(QString::fromUtf8(err).count(QStringLiteral("kept as extra: "))));
        QVERIFY(!yaml.contains(readFile(m_cluster->secrets()).isEmpty() ? QByteArray("x") : m_cluster->superuserPassword().toUtf8()));
    }

    // Patroni runs with the extra settings: node1's custom tag is in its REST API.
    void extraSettingsReachedTheDaemons()
    {
        const LabCluster::Run r = m_cluster->run(QStringLiteral("curl"),
                                                 {QStringLiteral("-fsS"), QStringLiteral("--max-time"), QStringLiteral("5"),
                                                  QStringLiteral("http://%1:8008/patroni").arg(m_lab.address(QStringLiteral("node1")))},
                                                 20000);
        QVERIFY2(r.code == 0 && r.out.contains("\"zone\": \"a\""), r.out.constData());
        QVERIFY(readFile(m_lab.hostPath(QStringLiteral("haproxy"), QStringLiteral("/etc/haproxy/haproxy.cfg"))).contains("    tune.bufsize 32768\n"));
        QVERIFY(readFile(m_lab.hostPath(QStringLiteral("node2"), QStringLiteral("/etc/default/etcd"))).contains("ETCD_HEARTBEAT_INTERVAL=\"100\"\n"));
    }

    // The imported design, generated again with the cluster's secrets, gives back the deployed files.
    void regeneratedFilesEqualTheDeployedOnes()
    {
        const QString design = m_tmp.filePath(QStringLiteral("imported.pgha.yaml"));
        QVERIFY(QFile::exists(design));
        const QString gen = m_tmp.filePath(QStringLiteral("gen"));
        const LabCluster::Run g = m_cluster->run(LabCluster::pgha(), {QStringLiteral("generate"), design, QStringLiteral("-o"), gen,
                                                                      QStringLiteral("--secrets"), m_cluster->secrets()});
        QVERIFY2(g.code == 0 || g.code == 1, g.out.constData());
        int equal = 0;
        for (const auto &[host, path] : kDeployed) {
            const QByteArray deployed = withoutComments(readFile(m_lab.hostPath(host, path)));
            const QByteArray generated = withoutComments(readFile(gen + QLatin1Char('/') + host + path));
            QVERIFY2(!deployed.trimmed().isEmpty(), qPrintable(host + path));
            QCOMPARE(QString::fromUtf8(generated), QString::fromUtf8(deployed));
            ++equal;
        }
        figure(QStringLiteral("FIGURE pgha import -> generate on the lab: %1 of %2 deployed files equal apart from comments")
                   .arg(equal)
                   .arg(kDeployed.size()));
    }
};

QTEST_GUILESS_MAIN(TestE2eImport)
#include "test_e2e_import.moc"
