// pgha import on the real lab (issue 9 item 2): the lab design deployed on 127.0.31 (PGHA_LAB_PREFIX of this test),
// then `pgha import --url` with SSH (read-only) and HAProxy's stats while a writer inserts one row per connection
// through HAProxy's port 5000. The import changes nothing (the deployed files and Patroni's /config are the same
// before and after, no acknowledged row is lost), and the design it writes, generated again with the cluster's
// secrets, gives back every deployed patroni config, etcd environment file and haproxy.cfg apart from comments.
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
        // The design holds no secret.
        const QByteArray yaml = readFile(design);
        QVERIFY(!yaml.isEmpty());
        QVERIFY(!yaml.contains(readFile(m_cluster->secrets()).isEmpty() ? QByteArray("x") : m_cluster->superuserPassword().toUtf8()));
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
