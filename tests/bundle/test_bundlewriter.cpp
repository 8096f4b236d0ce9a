#include "core/bundle/BundleWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <archive.h>
#include <archive_entry.h>

#include <sys/stat.h>

using namespace pgha;

namespace {

// A bundle built by hand, shaped like the generator's: per-host files at their target paths, a secret, a
// script and the runbook at the top.
Bundle sampleBundle()
{
    Bundle b;
    b.clusterName = QStringLiteral("cluster_1");
    auto add = [&](const char *host, const char *path, const QByteArray &content, int mode, bool secret) {
        GeneratedFile f;
        f.host = QString::fromLatin1(host);
        f.path = QString::fromLatin1(path);
        f.content = content;
        f.mode = mode;
        f.secret = secret;
        b.files.append(f);
    };
    add("", "README.md", "# Runbook\n", 0644, false);
    add("node1", "/etc/patroni/patroni.yml", "scope: cluster_1\npassword: s3cret-s3cret-s3cret\n", 0600, true);
    add("node1", "/etc/etcd/etcd.conf.yaml", "name: node1\n", 0644, false);
    add("node1", "/root/pgha-install.sh", "#!/bin/bash\nset -e\n", 0755, false);
    add("HAProxy-demo", "/etc/haproxy/haproxy.cfg", QByteArray(70000, 'x'), 0600, true);
    add("node2", "/etc/empty.conf", QByteArray(), 0644, false);
    return b;
}

struct TarEntry
{
    QString path;
    bool dir = false;
    int mode = 0;
    QByteArray content;
    qint64 uid = -1;
    qint64 gid = -1;
    QString uname;
    QString gname;
    qint64 mtime = -1;
};

QList<TarEntry> readTarGz(const QByteArray &bytes, QString *error)
{
    QList<TarEntry> out;
    struct archive *a = archive_read_new();
    archive_read_support_filter_gzip(a);
    archive_read_support_format_tar(a);
    if (archive_read_open_memory(a, bytes.constData(), size_t(bytes.size())) != ARCHIVE_OK) {
        *error = QString::fromLocal8Bit(archive_error_string(a));
        archive_read_free(a);
        return out;
    }
    struct archive_entry *e = nullptr;
    int r;
    while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
        TarEntry t;
        t.path = QString::fromUtf8(archive_entry_pathname_utf8(e));
        t.dir = archive_entry_filetype(e) == AE_IFDIR;
        t.mode = int(archive_entry_perm(e));
        t.uid = archive_entry_uid(e);
        t.gid = archive_entry_gid(e);
        t.uname = QString::fromUtf8(archive_entry_uname(e));
        t.gname = QString::fromUtf8(archive_entry_gname(e));
        t.mtime = archive_entry_mtime(e);
        char buf[8192];
        la_ssize_t n;
        while ((n = archive_read_data(a, buf, sizeof buf)) > 0)
            t.content.append(buf, qsizetype(n));
        out.append(t);
    }
    if (r != ARCHIVE_EOF)
        *error = QString::fromLocal8Bit(archive_error_string(a));
    archive_read_free(a);
    return out;
}

int modeOf(const QString &path)
{
    struct stat st;
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

// Restores the umask a test changed.
struct UmaskGuard
{
    explicit UmaskGuard(mode_t m) : old(::umask(m)) {}
    ~UmaskGuard() { ::umask(old); }
    mode_t old;
};

} // namespace

class TestBundleWriter : public QObject
{
    Q_OBJECT

private slots:
    void tarRoundTrip()
    {
        const Bundle b = sampleBundle();
        Result<QByteArray> bytes = bundleTarGzBytes(b);
        QVERIFY2(bytes.ok(), qPrintable(bytes.ok() ? QString() : bytes.error().toString()));
        QString error;
        const QList<TarEntry> entries = readTarGz(bytes.value(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QStringList names;
        for (const TarEntry &e : entries)
            names << e.path;
        const QStringList expected = {
            QStringLiteral("cluster_1/"),
            QStringLiteral("cluster_1/HAProxy-demo/"),
            QStringLiteral("cluster_1/HAProxy-demo/etc/"),
            QStringLiteral("cluster_1/HAProxy-demo/etc/haproxy/"),
            QStringLiteral("cluster_1/node1/"),
            QStringLiteral("cluster_1/node1/etc/"),
            QStringLiteral("cluster_1/node1/etc/etcd/"),
            QStringLiteral("cluster_1/node1/etc/patroni/"),
            QStringLiteral("cluster_1/node1/root/"),
            QStringLiteral("cluster_1/node2/"),
            QStringLiteral("cluster_1/node2/etc/"),
            QStringLiteral("cluster_1/HAProxy-demo/etc/haproxy/haproxy.cfg"),
            QStringLiteral("cluster_1/README.md"),
            QStringLiteral("cluster_1/node1/etc/etcd/etcd.conf.yaml"),
            QStringLiteral("cluster_1/node1/etc/patroni/patroni.yml"),
            QStringLiteral("cluster_1/node1/root/pgha-install.sh"),
            QStringLiteral("cluster_1/node2/etc/empty.conf"),
        };
        QCOMPARE(names, expected);

        for (const TarEntry &e : entries) {
            QCOMPARE(e.uid, qint64(0));
            QCOMPARE(e.gid, qint64(0));
            QCOMPARE(e.uname, QStringLiteral("root"));
            QCOMPARE(e.gname, QStringLiteral("root"));
            QCOMPARE(e.mtime, bundleArchiveMtime());
            if (e.dir) {
                QCOMPARE(e.mode, 0755);
                continue;
            }
            const GeneratedFile *src = nullptr;
            for (const GeneratedFile &f : b.files) {
                if (QStringLiteral("cluster_1/") + f.bundlePath() == e.path)
                    src = &f;
            }
            QVERIFY2(src, qPrintable(e.path));
            QCOMPARE(e.content, src->content);
            QCOMPARE(e.mode, src->mode);
        }
    }

    void gnuTarExtracts()
    {
        // What users run on the hosts: GNU tar must unpack it silently with the modes intact.
        const QString tar = QStandardPaths::findExecutable(QStringLiteral("tar"));
        if (tar.isEmpty())
            QSKIP("no tar on this machine");
        QTemporaryDir dir;
        const QString archive = dir.filePath(QStringLiteral("b.tar.gz"));
        QVERIFY(writeBundleTarGz(sampleBundle(), archive).ok());
        const QString into = dir.filePath(QStringLiteral("x"));
        QVERIFY(QDir().mkpath(into));
        QProcess p;
        p.start(tar, {QStringLiteral("-xzpf"), archive, QStringLiteral("-C"), into});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(p.readAllStandardError(), QByteArray());
        for (const GeneratedFile &f : sampleBundle().files) {
            const QString path = into + QStringLiteral("/cluster_1/") + f.bundlePath();
            QCOMPARE(readAll(path), f.content);
            QCOMPARE(modeOf(path), f.mode);
        }
    }

    void longPathsSurvive()
    {
        // ustar keeps 100 (+155 prefix) bytes of name; longer ones need the pax header.
        Bundle b;
        b.clusterName = QStringLiteral("c");
        GeneratedFile f;
        f.host = QStringLiteral("node1");
        f.path = QLatin1Char('/') + QString(120, QLatin1Char('d')) + QLatin1Char('/') + QString(150, QLatin1Char('f'));
        f.content = "long";
        b.files << f;
        Result<QByteArray> bytes = bundleTarGzBytes(b);
        QVERIFY(bytes.ok());
        QString error;
        const QList<TarEntry> entries = readTarGz(bytes.value(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(entries.last().path, QStringLiteral("c/") + f.bundlePath());
        QCOMPARE(entries.last().content, QByteArray("long"));
    }

    void deterministic()
    {
        const Bundle b = sampleBundle();
        Bundle shuffled = b;
        std::reverse(shuffled.files.begin(), shuffled.files.end());
        QTemporaryDir dir;
        const QString one = dir.filePath(QStringLiteral("one.tar.gz"));
        const QString two = dir.filePath(QStringLiteral("two.tar.gz"));
        QVERIFY(writeBundleTarGz(b, one).ok());
        QVERIFY(writeBundleTarGz(shuffled, two).ok());
        const QByteArray a = readAll(one);
        QVERIFY(a.size() > 20);
        QCOMPARE(a, readAll(two));
        QCOMPARE(a, bundleTarGzBytes(b).value());
        // gzip header: magic, deflate, and a zero timestamp (bytes 4-7), so the bytes do not depend on the clock.
        QCOMPARE(quint8(a[0]), quint8(0x1f));
        QCOMPARE(quint8(a[1]), quint8(0x8b));
        QCOMPARE(a.mid(4, 4), QByteArray(4, '\0'));
        // A different content gives different bytes (the comparison above can fail).
        Bundle changed = b;
        changed.files[0].content += "x";
        QVERIFY(bundleTarGzBytes(changed).value() != a);
    }

    void tarFileIsPrivate_data()
    {
        QTest::addColumn<int>("umaskValue");
        QTest::addColumn<bool>("preexisting");
        QTest::newRow("umask 022, new file") << 022 << false;
        QTest::newRow("umask 000, new file") << 0 << false;
        QTest::newRow("umask 022, over a 0644 file") << 022 << true;
    }

    void tarFileIsPrivate()
    {
        QFETCH(int, umaskValue);
        QFETCH(bool, preexisting);
        UmaskGuard guard{mode_t(umaskValue)};
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/bundle.tar.gz"));
        if (preexisting) {
            QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("sub"))));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("old");
            f.close();
            QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        }
        const Result<void> r = writeBundleTarGz(sampleBundle(), path);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(readAll(path), bundleTarGzBytes(sampleBundle()).value());
        // Nothing else left next to it (no temporary file).
        QCOMPARE(QDir(dir.filePath(QStringLiteral("sub"))).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{QStringLiteral("bundle.tar.gz")});
    }

    void directoryModes_data()
    {
        QTest::addColumn<int>("umaskValue");
        QTest::newRow("umask 022") << 022;
        QTest::newRow("umask 000") << 0;
        QTest::newRow("umask 077") << 077;
    }

    void directoryModes()
    {
        QFETCH(int, umaskValue);
        UmaskGuard guard{mode_t(umaskValue)};
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("deep/out"));
        Bundle b = sampleBundle();
        // A secret the generator mislabelled 0644 still lands as 0600.
        GeneratedFile leaky;
        leaky.host = QStringLiteral("node2");
        leaky.path = QStringLiteral("/etc/leaky.conf");
        leaky.content = "password=x";
        leaky.mode = 0644;
        leaky.secret = true;
        b.files << leaky;
        const Result<void> r = writeBundleToDirectory(b, out);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));

        for (const GeneratedFile &f : b.files) {
            const QString p = out + QLatin1Char('/') + f.bundlePath();
            QCOMPARE(readAll(p), f.content);
            QCOMPARE(modeOf(p), f.secret ? 0600 : f.mode);
        }
        QCOMPARE(modeOf(out + QStringLiteral("/node2/etc/leaky.conf")), 0600);
        QCOMPARE(modeOf(out), 0755);
        QCOMPARE(modeOf(out + QStringLiteral("/node1/etc/patroni")), 0755);
        QVERIFY(QFileInfo(out + QLatin1Char('/') + bundleMarkerFileName()).isFile());
        // The staging directory is gone.
        QCOMPARE(QDir(tmp.filePath(QStringLiteral("deep"))).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{QStringLiteral("out")});
    }

    void replacesOwnBundleAndEmptyDir_data()
    {
        QTest::addColumn<bool>("withMarker");
        QTest::addColumn<bool>("empty");
        QTest::newRow("empty directory") << false << true;
        QTest::newRow("earlier bundle (marker)") << true << false;
    }

    void replacesOwnBundleAndEmptyDir()
    {
        QFETCH(bool, withMarker);
        QFETCH(bool, empty);
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(out));
        if (withMarker) {
            QVERIFY(writeBundleToDirectory(sampleBundle(), out).ok());
            QFile stale(out + QStringLiteral("/stale-host/old.conf"));
            QVERIFY(QDir().mkpath(out + QStringLiteral("/stale-host")));
            QVERIFY(stale.open(QIODevice::WriteOnly));
            stale.close();
        }
        QCOMPARE(QDir(out).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), empty);
        Bundle b = sampleBundle();
        b.files[0].content = "# Runbook v2\n";
        const Result<void> r = writeBundleToDirectory(b, out);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(readAll(out + QStringLiteral("/README.md")), QByteArray("# Runbook v2\n"));
        // Replaced as a whole: nothing of the old tree survives.
        QVERIFY(!QFileInfo::exists(out + QStringLiteral("/stale-host")));
        QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{QStringLiteral("out")});
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("setup");      // what is at the output path before the write
        QTest::addColumn<QString>("badPath");    // a file path added to the bundle ("" = none)
        QTest::addColumn<QString>("expected");   // part of the error message
        QTest::newRow("foreign non-empty directory") << QStringLiteral("foreign") << QString()
                                                     << QStringLiteral("not empty");
        QTest::newRow("output is a file") << QStringLiteral("file") << QString()
                                          << QStringLiteral("not a directory");
        QTest::newRow("output is a symlink") << QStringLiteral("symlink") << QString()
                                             << QStringLiteral("symbolic link");
        QTest::newRow("dot-dot in a path") << QString() << QStringLiteral("../escape") << QStringLiteral("unsafe");
        QTest::newRow("dot-dot inside") << QString() << QStringLiteral("etc/../../x") << QStringLiteral("unsafe");
        QTest::newRow("empty component") << QString() << QStringLiteral("etc//x") << QStringLiteral("unsafe");
        QTest::newRow("duplicate path") << QString() << QStringLiteral("/etc/patroni/patroni.yml")
                                        << QStringLiteral("same path");
        QTest::newRow("file is also a directory") << QString() << QStringLiteral("/etc/patroni")
                                                  << QStringLiteral("both a file and a directory");
    }

    void refusals()
    {
        QFETCH(QString, setup);
        QFETCH(QString, badPath);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("out"));
        if (setup == QLatin1String("foreign")) {
            QVERIFY(QDir().mkpath(out));
            QFile f(out + QStringLiteral("/precious.txt"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("keep me");
        } else if (setup == QLatin1String("file")) {
            QFile f(out);
            QVERIFY(f.open(QIODevice::WriteOnly));
        } else if (setup == QLatin1String("symlink")) {
            QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("real"))));
            QVERIFY(QFile::link(tmp.filePath(QStringLiteral("real")), out));
        }
        Bundle b = sampleBundle();
        if (!badPath.isEmpty()) {
            GeneratedFile f;
            f.host = QStringLiteral("node1");
            f.path = badPath;
            f.content = "bad";
            b.files << f;
        }
        const QStringList before = QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        const Result<void> r = writeBundleToDirectory(b, out);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().toString()));
        QVERIFY2(r.error().file.endsWith(QStringLiteral("out")), qPrintable(r.error().toString()));
        // Nothing was written or left behind.
        QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), before);
        if (setup == QLatin1String("foreign"))
            QCOMPARE(readAll(out + QStringLiteral("/precious.txt")), QByteArray("keep me"));
        if (!badPath.isEmpty()) {
            // The archive writer refuses the same bundles.
            QVERIFY(!bundleTarGzBytes(b).ok());
        }
    }

    void unwritablePath_data()
    {
        QTest::addColumn<bool>("archive");
        QTest::newRow("directory") << false;
        QTest::newRow("tar.gz") << true;
    }

    void unwritablePath()
    {
        QFETCH(bool, archive);
        // Tests may run as root, who can write anywhere: a path below a regular file fails for everyone.
        QTemporaryDir tmp;
        const QString blocker = tmp.filePath(QStringLiteral("plain-file"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const QString out = blocker + (archive ? QStringLiteral("/sub/b.tar.gz") : QStringLiteral("/sub/dir"));
        const Result<void> r = archive ? writeBundleTarGz(sampleBundle(), out)
                                       : writeBundleToDirectory(sampleBundle(), out);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().file.startsWith(blocker), qPrintable(r.error().toString()));
        QVERIFY2(r.error().toString().contains(blocker), qPrintable(r.error().toString()));
        QVERIFY(QFileInfo(blocker).isFile());
    }

    void rootName_data()
    {
        QTest::addColumn<QString>("cluster");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("cluster_1") << QStringLiteral("cluster_1");
        QTest::newRow("slash") << QStringLiteral("a/b") << QStringLiteral("a_b");
        QTest::newRow("dot-dot") << QStringLiteral("..") << QStringLiteral("bundle");
        QTest::newRow("empty") << QString() << QStringLiteral("bundle");
        QTest::newRow("space and umlaut") << QStringLiteral("prod db\u00fc") << QStringLiteral("prod_db_");
    }

    void rootName()
    {
        QFETCH(QString, cluster);
        QFETCH(QString, expected);
        Bundle b;
        b.clusterName = cluster;
        QCOMPARE(bundleRootName(b), expected);
    }
};

QTEST_GUILESS_MAIN(TestBundleWriter)
#include "test_bundlewriter.moc"
