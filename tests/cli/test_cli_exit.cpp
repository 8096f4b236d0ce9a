// Every pgha verb exits (issue 12, defect 1): on the empty template and on an invalid design, each run ends
// within a timeout with its documented exit code, instead of printing its answer and waiting forever.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runPgha(const QStringList &args, const QString &home)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString &k : e.keys()) {
        if (k.startsWith(QLatin1String("PGHA_")))
            e.remove(k);
    }
    // Journals and secrets go to a throw-away data location, never the user's.
    e.insert(QStringLiteral("HOME"), home);
    e.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    p.setProcessEnvironment(e);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral(PGHA_BINARY), args);
    Run r;
    // A hang is what is tested: every verb below answers in well under a second; 20 s leaves room for a
    // loaded CI machine.
    r.finished = p.waitForFinished(20000);
    if (!r.finished) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestCliExit : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_invalid;
    QString m_broken;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Valid YAML that the loader refuses (a field of the wrong type), and a file that is not YAML at all.
        m_invalid = m_dir.filePath(QStringLiteral("invalid.pgha.yaml"));
        QFile f(m_invalid);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("format: 1\ncluster:\n  name: bad name with spaces\n  postgres:\n    version: sixteen\nhosts: 7\n");
        f.close();
        m_broken = m_dir.filePath(QStringLiteral("broken.pgha.yaml"));
        QFile b(m_broken);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("format: 1\ncluster: [unterminated\n  - {\n");
        b.close();
    }

    void exits_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QList<int>>("codes");  // accepted exit codes
        const QString out = m_dir.filePath(QStringLiteral("out"));
        const QString url = QStringLiteral("http://127.0.24.1:9/");  // nothing listens on the discard port
        struct Design { const char *tag; QString arg; bool valid; };
        const QList<Design> designs = {{"empty", QStringLiteral("template:empty"), true},
                                       {"invalid", m_invalid, false},
                                       {"broken", m_broken, false}};
        for (const Design &d : designs) {
            const QList<int> bad = {2};
            auto row = [&](const char *verb, const QStringList &args, const QList<int> &okCodes) {
                QTest::addRow("%s %s", verb, d.tag) << args << (d.valid ? okCodes : bad);
            };
            row("validate", {QStringLiteral("validate"), d.arg}, {0, 1});
            row("validate json", {QStringLiteral("validate"), d.arg, QStringLiteral("--format"), QStringLiteral("json")}, {0, 1});
            row("generate", {QStringLiteral("generate"), d.arg, QStringLiteral("-o"), out + QLatin1String(d.tag)}, {0, 1});
            row("export", {QStringLiteral("export"), d.arg, QStringLiteral("-o"), out + QLatin1String(d.tag) + QStringLiteral(".tar.gz")}, {0, 1});
            // The empty design has errors (no etcd, no PostgreSQL): deploy refuses with 2.
            row("deploy dry-run", {QStringLiteral("deploy"), d.arg, QStringLiteral("--dry-run")}, {2});
            row("deploy yes", {QStringLiteral("deploy"), d.arg, QStringLiteral("--yes")}, {2});
            // status: 0 healthy, 1 degraded, 2 unavailable, 3 bad input
            QTest::addRow("status %s", d.tag) << QStringList{QStringLiteral("status"), d.arg}
                                              << (d.valid ? QList<int>{2} : QList<int>{3});
            QTest::addRow("status json %s", d.tag)
                << QStringList{QStringLiteral("status"), d.arg, QStringLiteral("--format"), QStringLiteral("json")}
                << (d.valid ? QList<int>{2} : QList<int>{3});
            QTest::addRow("status watch %s", d.tag)
                << QStringList{QStringLiteral("status"), d.arg, QStringLiteral("--watch"), QStringLiteral("--count"),
                               QStringLiteral("1"), QStringLiteral("--interval"), QStringLiteral("100")}
                << (d.valid ? QList<int>{2} : QList<int>{3});
            row("switchover", {QStringLiteral("switchover"), d.arg, QStringLiteral("--yes")}, {1});
            row("failover", {QStringLiteral("failover"), d.arg, QStringLiteral("--to"), QStringLiteral("node2"), QStringLiteral("--yes")}, {1});
            row("restart", {QStringLiteral("restart"), d.arg, QStringLiteral("node1"), QStringLiteral("--yes")}, {1});
            row("reload", {QStringLiteral("reload"), d.arg, QStringLiteral("--yes")}, {1});
            row("reinit", {QStringLiteral("reinit"), d.arg, QStringLiteral("node2"), QStringLiteral("--yes")}, {1});
            row("pause", {QStringLiteral("pause"), d.arg, QStringLiteral("--yes")}, {1});
            row("resume", {QStringLiteral("resume"), d.arg, QStringLiteral("--yes")}, {1});
        }
        // No design at all: a member URL where nothing answers.
        QTest::newRow("status url refused") << QStringList{QStringLiteral("status"), QStringLiteral("--url"), url,
                                                           QStringLiteral("--timeout"), QStringLiteral("500")}
                                            << QList<int>{2};
        QTest::newRow("switchover url refused")
            << QStringList{QStringLiteral("switchover"), QStringLiteral("--url"), url, QStringLiteral("--yes")}
            << QList<int>{1};
        QTest::newRow("secrets") << QStringList{QStringLiteral("secrets"), QStringLiteral("-o"), out + QStringLiteral("-secrets.yaml")}
                                 << QList<int>{0};
        QTest::newRow("version") << QStringList{QStringLiteral("--version")} << QList<int>{0};
        QTest::newRow("help") << QStringList{QStringLiteral("--help")} << QList<int>{0};
        QTest::newRow("no verb") << QStringList{} << QList<int>{2};
        QTest::newRow("unknown verb") << QStringList{QStringLiteral("frobnicate")} << QList<int>{2};
    }
    void exits()
    {
        QFETCH(QStringList, args);
        QFETCH(QList<int>, codes);
        const Run r = runPgha(args, m_dir.path());
        const QByteArray what = "pgha " + args.join(QLatin1Char(' ')).toUtf8() + "\n--- stdout\n" + r.out.left(2000)
            + "\n--- stderr\n" + r.err.left(2000);
        QVERIFY2(r.finished, QByteArray("did not exit within 20 s: " + what).constData());
        QVERIFY2(codes.contains(r.exitCode),
                 QByteArray(QByteArray("exit ") + QByteArray::number(r.exitCode) + ": " + what).constData());
    }
};

QTEST_GUILESS_MAIN(TestCliExit)
#include "test_cli_exit.moc"
