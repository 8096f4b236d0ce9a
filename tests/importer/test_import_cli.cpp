// `pgha import` (the binary) against a fake Patroni REST API with recorded answers: the design it writes loads and
// names the members, unmapped live settings are kept as comments, only GET requests reach the cluster, and the
// exit codes: 0 written, 2 for bad arguments, an existing file without --force, an unreachable or broken endpoint.
#include "FakeHttpServer.h"

#include "core/project/ProjectFile.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace pgha;

namespace {

QByteArray recorded(const char *name)
{
    QFile f(QStringLiteral(PGHA_SOURCE_DIR "/tests/monitor/data/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

// Runs pgha while this thread's event loop keeps the fake server answering.
Run runPgha(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(PGHA_BINARY), args);
    if (!p.waitForStarted(10000))
        return {};
    QElapsedTimer t;
    t.start();
    while (p.state() != QProcess::NotRunning && t.elapsed() < 60000)
        QTest::qWait(20);
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(5000);
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestImportCli : public QObject
{
    Q_OBJECT
private:
    FakeHttpServer m_rest;
    QTemporaryDir m_tmp;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY(m_rest.start(QHostAddress(QStringLiteral("127.0.31.62"))));
        m_rest.setResponse("GET", "/cluster", 200, recorded("patroni-4.1.5-cluster.json"));
        QByteArray config = recorded("patroni-4.1.5-config.json");
        config.replace("{", "{\"check_timeline\": true, ");  // a setting the design has no key for
        m_rest.setResponse("GET", "/config", 200, config);
        m_rest.setResponse("GET", "/patroni", 200, recorded("patroni-4.1.5-patroni-primary.json"));
    }

    void writesTheDesign()
    {
        const QString out = m_tmp.filePath(QStringLiteral("live.pgha.yaml"));
        const Run r = runPgha({QStringLiteral("import"), QStringLiteral("--url"), m_rest.baseUrl(), QStringLiteral("-o"), out});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains(QStringLiteral("unmapped: /config: check_timeline = true")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("note: ")), qPrintable(r.err));
        const Result<LoadedProject> loaded = ProjectFile::load(out);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QVERIFY(loaded->topology.hostsWith(Role::Postgres).size() >= 2);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("#   /config: check_timeline = true"));
        QVERIFY(!text.toLower().contains("password"));
        for (const FakeHttpServer::Request &req : m_rest.requests())
            QCOMPARE(req.method, QByteArray("GET"));

        // An existing file is kept without --force, replaced with it.
        QCOMPARE(runPgha({QStringLiteral("import"), QStringLiteral("--url"), m_rest.baseUrl(), QStringLiteral("-o"), out}).code, 2);
        QCOMPARE(runPgha({QStringLiteral("import"), QStringLiteral("--url"), m_rest.baseUrl(), QStringLiteral("-o"), out,
                          QStringLiteral("--force")}).code, 0);
    }

    void badInput()
    {
        const QString out = m_tmp.filePath(QStringLiteral("bad.pgha.yaml"));
        QCOMPARE(runPgha({QStringLiteral("import"), QStringLiteral("-o"), out}).code, 2);  // no --url
        Run r = runPgha({QStringLiteral("import"), QStringLiteral("--url"), QStringLiteral("http://127.0.31.63:1"),
                         QStringLiteral("-o"), out});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("127.0.31.63")), qPrintable(r.err));
        m_rest.setResponse("GET", "/config", 200, "not json");
        r = runPgha({QStringLiteral("import"), QStringLiteral("--url"), m_rest.baseUrl(), QStringLiteral("-o"), out});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("/config")), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));  // nothing half-written
    }
};

QTEST_GUILESS_MAIN(TestImportCli)
#include "test_import_cli.moc"
