// Builds the packages from this build tree with CPack (DEB and TGZ, RPM where rpmbuild exists), unpacks them into a
// scratch folder and checks what a user gets: the two binaries, the desktop file, the AppStream metainfo and the
// icon, with the desktop file and metainfo passing the freedesktop validators.
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

namespace {

const QString kAppId = QStringLiteral("io.github.pghadesigner.PgHaDesigner");
const QString kVersion = QStringLiteral(PGHA_VERSION);

struct Run
{
    int exitCode = -1;
    QString output;
};

Run run(const QString &program, const QStringList &args, const QString &workDir = {}, int timeoutMs = 120000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(30000)) {
        r.output = program + QStringLiteral(": ") + p.errorString();
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.output = program + QStringLiteral(": timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = QString::fromLocal8Bit(p.readAll());
    return r;
}

QString tool(const char *name)
{
    return QStandardPaths::findExecutable(QLatin1String(name));
}

// What every package must install, relative to its prefix.
QStringList expectedFiles()
{
    QStringList files{QStringLiteral("bin/pgha")};
#if PGHA_HAS_GUI
    files << QStringLiteral("bin/pgha-designer")
          << QStringLiteral("share/applications/%1.desktop").arg(kAppId)
          << QStringLiteral("share/metainfo/%1.metainfo.xml").arg(kAppId)
          << QStringLiteral("share/icons/hicolor/scalable/apps/%1.svg").arg(kAppId)
          << QStringLiteral("share/icons/hicolor/256x256/apps/%1.png").arg(kAppId)
          << QStringLiteral("share/mime/packages/%1.xml").arg(kAppId);
#endif
    return files;
}

QString findOne(const QString &dir, const QString &pattern)
{
    const QStringList hits = QDir(dir).entryList({pattern}, QDir::Files);
    return hits.size() == 1 ? QDir(dir).filePath(hits.first()) : QString();
}

} // namespace

class TestPackaging : public QObject
{
    Q_OBJECT
private:
    QString m_scratch;
    QString m_debRoot;   // the .deb unpacked; files under usr/
    QString m_tgzRoot;   // the .tar.gz unpacked; files directly under it
    QString m_rpmList;   // rpm -qlp output, empty without rpmbuild
    bool m_rpm = false;

    void addFileRows()
    {
        QTest::addColumn<QString>("path");
        for (const QString &f : expectedFiles())
            QTest::newRow(qPrintable(f)) << f;
    }

private slots:
    void initTestCase()
    {
        m_scratch = QStringLiteral(PGHA_BINARY_DIR "/tests/packaging/scratch");
        QDir(m_scratch).removeRecursively();
        QVERIFY(QDir().mkpath(m_scratch));
        m_rpm = !tool("rpmbuild").isEmpty() && !tool("rpm").isEmpty();

        const QString generators = m_rpm ? QStringLiteral("DEB;TGZ;RPM") : QStringLiteral("DEB;TGZ");
        QElapsedTimer timer;
        timer.start();
        const Run cpack = run(QStringLiteral(PGHA_CPACK),
                              {QStringLiteral("--config"), QStringLiteral(PGHA_BINARY_DIR "/CPackConfig.cmake"),
                               QStringLiteral("-G"), generators, QStringLiteral("-B"), m_scratch},
                              m_scratch, 240000);
        QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.output));
        qInfo("cpack -G %s took %lld ms", qPrintable(generators), timer.elapsed());

        const QString deb = findOne(m_scratch, QStringLiteral("pgha-designer_*.deb"));
        QVERIFY2(!deb.isEmpty(), qPrintable(QDir(m_scratch).entryList().join(QLatin1Char(' '))));
        m_debRoot = m_scratch + QStringLiteral("/deb-root");
        const Run x = run(tool("dpkg-deb"), {QStringLiteral("-x"), deb, m_debRoot});
        QVERIFY2(x.exitCode == 0, qPrintable(x.output));

        const QString tgz = findOne(m_scratch, QStringLiteral("pgha-designer-*.tar.gz"));
        QVERIFY2(!tgz.isEmpty(), qPrintable(QDir(m_scratch).entryList().join(QLatin1Char(' '))));
        const QString tgzDir = m_scratch + QStringLiteral("/tgz-root");
        QVERIFY(QDir().mkpath(tgzDir));
        const Run t = run(QStringLiteral("tar"), {QStringLiteral("-xzf"), tgz, QStringLiteral("-C"), tgzDir});
        QVERIFY2(t.exitCode == 0, qPrintable(t.output));
        // CPack puts everything under one top folder named like the archive.
        const QStringList top = QDir(tgzDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(top.size(), 1);
        m_tgzRoot = tgzDir + QLatin1Char('/') + top.first();

        if (m_rpm) {
            const QString rpm = findOne(m_scratch, QStringLiteral("pgha-designer-*.rpm"));
            QVERIFY(!rpm.isEmpty());
            const Run l = run(tool("rpm"), {QStringLiteral("-qlp"), rpm});
            QVERIFY2(l.exitCode == 0, qPrintable(l.output));
            m_rpmList = l.output;
        }
    }

    void debContains_data() { addFileRows(); }
    void debContains()
    {
        QFETCH(QString, path);
        const QFileInfo fi(m_debRoot + QStringLiteral("/usr/") + path);
        QVERIFY2(fi.isFile(), qPrintable(fi.filePath()));
        QVERIFY(fi.size() > 0);
        if (path.startsWith(QLatin1String("bin/")))
            QVERIFY2(fi.isExecutable(), qPrintable(path));
    }

    void tgzContains_data() { addFileRows(); }
    void tgzContains()
    {
        QFETCH(QString, path);
        const QFileInfo fi(m_tgzRoot + QLatin1Char('/') + path);
        QVERIFY2(fi.isFile(), qPrintable(fi.filePath()));
        if (path.startsWith(QLatin1String("bin/")))
            QVERIFY2(fi.isExecutable(), qPrintable(path));
    }

    void rpmContains_data() { addFileRows(); }
    void rpmContains()
    {
        if (!m_rpm)
            QSKIP("rpmbuild not installed: no RPM built");
        QFETCH(QString, path);
        QVERIFY2(m_rpmList.split(QLatin1Char('\n')).contains(QStringLiteral("/usr/") + path), qPrintable(m_rpmList));
    }

    // The control file: the right version, dependencies found by dpkg-shlibdeps, no unexpanded placeholders.
    void debControl_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("package name") << "Package" << "pgha-designer";
        QTest::newRow("version") << "Version" << kVersion;
        QTest::newRow("depends on Qt Core") << "Depends" << "libqt6core6";
        QTest::newRow("depends on yaml-cpp") << "Depends" << "libyaml-cpp";
#if PGHA_HAS_GUI
        QTest::newRow("depends on Qt Widgets") << "Depends" << "libqt6widgets6";
        QTest::newRow("depends on Qt SVG (icon plugin)") << "Depends" << "libqt6svg6";
#endif
    }
    void debControl()
    {
        QFETCH(QString, field);
        QFETCH(QString, expected);
        const QString deb = findOne(m_scratch, QStringLiteral("pgha-designer_*.deb"));
        const Run f = run(tool("dpkg-deb"), {QStringLiteral("-f"), deb, field});
        QVERIFY2(f.exitCode == 0, qPrintable(f.output));
        QVERIFY2(f.output.contains(expected), qPrintable(field + QStringLiteral(": ") + f.output));
        QVERIFY2(!f.output.contains(QLatin1Char('@')) && !f.output.contains(QLatin1String("${")),
                 qPrintable(f.output));
    }

    // The packaged binaries run: the CLI answers --version with the project's version.
    void cliRunsFromPackage()
    {
        const Run v = run(m_debRoot + QStringLiteral("/usr/bin/pgha"), {QStringLiteral("--version")});
        QCOMPARE(v.exitCode, 0);
        QVERIFY2(v.output.contains(kVersion), qPrintable(v.output));
    }

    void validators_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("file");
#if PGHA_HAS_GUI
        QTest::newRow("desktop-file-validate") << "desktop-file-validate" << QStringList{}
                                               << QStringLiteral("share/applications/%1.desktop").arg(kAppId);
        QTest::newRow("appstreamcli validate")
            << "appstreamcli" << QStringList{QStringLiteral("validate"), QStringLiteral("--no-net")}
            << QStringLiteral("share/metainfo/%1.metainfo.xml").arg(kAppId);
#else
        QSKIP("no GUI built: no desktop file or metainfo to validate");
#endif
    }
    void validators()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, args);
        QFETCH(QString, file);
        const QString exe = QStandardPaths::findExecutable(program);
        QVERIFY2(!exe.isEmpty(), qPrintable(program + QStringLiteral(" not installed (scripts/setup-debian.sh)")));
        const Run r = run(exe, args << (m_debRoot + QStringLiteral("/usr/") + file));
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
    }

    // The metainfo's release is this build's version (configured, not a stale literal).
    void metainfoVersion()
    {
#if PGHA_HAS_GUI
        QFile f(m_debRoot + QStringLiteral("/usr/share/metainfo/%1.metainfo.xml").arg(kAppId));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray xml = f.readAll();
        QVERIFY2(xml.contains(QStringLiteral("<release version=\"%1\"").arg(kVersion).toUtf8()), xml.constData());
        QVERIFY(!xml.contains("@PROJECT_VERSION@"));
#else
        QSKIP("no GUI built");
#endif
    }

    void cleanupTestCase()
    {
        // Keep the packages for a look after a failure; the unpacked trees are only for this run.
        if (!QTest::currentTestFailed()) {
            QDir(m_debRoot).removeRecursively();
            QDir(m_scratch + QStringLiteral("/tgz-root")).removeRecursively();
            QDir(m_scratch + QStringLiteral("/_CPack_Packages")).removeRecursively();
        }
    }
};

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
