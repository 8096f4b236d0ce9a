// Issue 8: every file of tests/hostile/corpus (MANIFEST: file -> expected rule id or loader error) through the
// real pgha binary: validate, generate, generate --force, export --force and deploy --dry-run. Each run is
// bounded (address space and CPU limits, a wall-clock timeout), runs with HOME, XDG dirs and the working
// directory in a sandbox that must hold nothing but the requested output afterwards, and no hostile command
// may ever run (the marker file). Where generation is allowed (--force), the generated files must parse with
// the reference structure. Prints FIGURE: corpus count and the longest validate time (figures-hostile.txt).
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <yaml-cpp/yaml.h>

namespace {

const QString kMarker = QStringLiteral("/tmp/pgha-hostile-pwned");  // make_corpus.py's MARK
constexpr int kTimeoutMs = 20000;
constexpr int kAddressSpaceKiB = 2 * 1024 * 1024;  // ulimit -v for every pgha run

void figure(const QString &line)
{
    qInfo().noquote() << line;
    QFile f(QStringLiteral(PGHA_BINARY_DIR "/figures-hostile.txt"));
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(line.toUtf8() + '\n');
}

struct Run
{
    int exitCode = -1;
    bool timedOut = false;
    bool crashed = false;
    qint64 ms = 0;
    QString out, err;
    QString describe() const
    {
        return QStringLiteral("exit %1%2%3 after %4 ms\nstdout: %5\nstderr: %6")
            .arg(exitCode)
            .arg(timedOut ? QStringLiteral(" (timed out)") : QString())
            .arg(crashed ? QStringLiteral(" (crashed)") : QString())
            .arg(ms)
            .arg(out.left(2000), err.left(2000));
    }
};

struct Sandbox
{
    QTemporaryDir dir;
    QString home() const { return dir.filePath(QStringLiteral("home")); }
    QString cwd() const { return dir.filePath(QStringLiteral("cwd")); }
    void reset() const
    {
        for (const QString &d : {home(), cwd()}) {
            QDir(d).removeRecursively();
            QDir().mkpath(d);
        }
    }
    // Every file and directory below the sandbox, relative to it.
    QStringList contents() const
    {
        QStringList all;
        QDirIterator it(dir.path(), QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            all << QDir(dir.path()).relativeFilePath(it.next());
        all.sort();
        return all;
    }
};

Run pgha(const Sandbox &box, const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    env.insert(QStringLiteral("HOME"), box.home());
    env.insert(QStringLiteral("XDG_DATA_HOME"), box.home() + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), box.home() + QStringLiteral("/.config"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), box.home() + QStringLiteral("/.cache"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), box.home() + QStringLiteral("/run"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(box.cwd());
    p.setStandardInputFile(QProcess::nullDevice());
    // Bounded memory and CPU: the limits apply to pgha itself (exec replaces the shell).
    p.start(QStringLiteral("/bin/bash"),
            QStringList{QStringLiteral("-c"),
                        QStringLiteral("ulimit -v %1 -t 30 && exec \"$0\" \"$@\"").arg(kAddressSpaceKiB),
                        QStringLiteral(PGHA_BINARY)}
                + args);
    QElapsedTimer clock;
    clock.start();
    Run r;
    if (!p.waitForFinished(kTimeoutMs)) {
        r.timedOut = true;
        p.kill();
        p.waitForFinished(5000);
    }
    r.ms = clock.elapsed();
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.exitCode = r.crashed ? -1 : p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QStringList topKeys(const QString &path)
{
    QStringList keys;
    const YAML::Node y = YAML::LoadFile(path.toStdString());
    for (auto it = y.begin(); it != y.end(); ++it)
        keys << QString::fromStdString(it->first.Scalar());
    keys.sort();
    return keys;
}

QStringList envNames(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("env"), {QStringLiteral("-i"), QStringLiteral("/bin/bash"), QStringLiteral("-c"),
                                    QStringLiteral("set -a; . \"$1\"; compgen -e | grep '^ETCD_' | sort"),
                                    QStringLiteral("_"), path});
    p.waitForFinished(10000);
    return QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// The first word of every directive line of haproxy.cfg (blank and comment lines left out).
QStringList haproxyKeywords(const QString &path)
{
    QFile f(path);
    QStringList out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QString &l : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
        const QString t = l.trimmed();
        if (!t.isEmpty() && !t.startsWith(QLatin1Char('#')))
            out << t.section(QLatin1Char(' '), 0, 0);
    }
    return out;
}

// A floating address (cluster.vip) adds one bind after each listener's own: the same structure otherwise.
QStringList withoutVipBinds(QStringList keywords)
{
    for (int i = keywords.size() - 1; i > 0; --i) {
        if (keywords.at(i) == QLatin1String("bind") && keywords.at(i - 1) == QLatin1String("bind"))
            keywords.removeAt(i);
    }
    return keywords;
}

// keepalived.conf: outside comments and the track script's quoted command, no value starts a comment ('#', '!'),
// a substitution ('$', but the interface include's own variable) or a quote.
QString keepalivedProblem(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return path + QStringLiteral(": unreadable");
    for (const QString &l : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
        const QString t = l.trimmed();
        if (t.startsWith(QLatin1Char('#')) || t.startsWith(QLatin1String("script \"")))
            continue;
        QString rest = t;
        rest.remove(QLatin1String("$PGHA_VIP_INTERFACE"));
        if (rest.contains(QLatin1Char('#')) || rest.contains(QLatin1Char('!')) || rest.contains(QLatin1Char('$'))
            || rest.contains(QLatin1Char('"')))
            return path + QStringLiteral(": line \"") + t + QLatin1Char('"');
    }
    return {};
}

// What every generated tree must look like: the structure of the corpus's benign base, by file name.
struct Shape
{
    QStringList patroni, etcdYaml, etcdEnv, haproxy;
};

QString check(const QString &dir, const Shape &want)
{
    int patroni = 0, etcd = 0, env = 0, haproxy = 0, scripts = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        try {
            if (path.endsWith(QLatin1String("/patroni.yml"))) {
                if (topKeys(path) != want.patroni)
                    return path + QStringLiteral(": keys ") + topKeys(path).join(QLatin1Char(','));
                ++patroni;
            } else if (path.endsWith(QLatin1String("/etcd.conf.yaml"))) {
                if (topKeys(path) != want.etcdYaml)
                    return path + QStringLiteral(": keys ") + topKeys(path).join(QLatin1Char(','));
                ++etcd;
            }
        } catch (const YAML::Exception &e) {
            return path + QStringLiteral(": does not parse: ") + QString::fromStdString(e.what());
        }
        if (path.endsWith(QLatin1String("/etc/etcd/etcd.conf")) || path.endsWith(QLatin1String("/etc/default/etcd"))) {
            if (envNames(path) != want.etcdEnv)
                return path + QStringLiteral(": variables ") + envNames(path).join(QLatin1Char(','));
            ++env;
        } else if (path.endsWith(QLatin1String("/haproxy.cfg"))) {
            if (withoutVipBinds(haproxyKeywords(path)) != want.haproxy)
                return path + QStringLiteral(": directives ") + haproxyKeywords(path).join(QLatin1Char(','));
            ++haproxy;
        } else if (path.endsWith(QLatin1String("/keepalived.conf"))) {
            if (const QString problem = keepalivedProblem(path); !problem.isEmpty())
                return problem;
        } else if (path.endsWith(QLatin1String(".sh"))) {
            QProcess b;
            b.start(QStringLiteral("bash"), {QStringLiteral("-n"), path});
            b.waitForFinished(10000);
            if (b.exitCode() != 0)
                return path + QStringLiteral(": bash -n: ") + QString::fromUtf8(b.readAllStandardError());
            ++scripts;
        }
    }
    if (patroni == 0 || etcd == 0 || env == 0 || haproxy == 0 || scripts == 0)
        return QStringLiteral("missing files: patroni %1 etcd %2 env %3 haproxy %4 scripts %5")
            .arg(patroni).arg(etcd).arg(env).arg(haproxy).arg(scripts);
    return {};
}

struct Entry
{
    QString file;
    QString expect;  // rule:<id>, load:<text>, ok
};

QList<Entry> manifest()
{
    QList<Entry> out;
    QFile f(QStringLiteral(PGHA_SOURCE_DIR "/tests/hostile/corpus/MANIFEST"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QString &l : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (l.startsWith(QLatin1Char('#')))
            continue;
        const QStringList p = l.split(QLatin1Char('\t'));
        QString file = p.value(0);
        if (!file.startsWith(QLatin1Char('/')))
            file = QStringLiteral(PGHA_SOURCE_DIR "/tests/hostile/corpus/") + file;
        out << Entry{file, p.value(1)};
    }
    return out;
}

} // namespace

class TestHostileCorpus : public QObject
{
    Q_OBJECT

private:
    Sandbox m_box;
    Shape m_shape;
    qint64 m_longestValidateMs = 0;
    QString m_longestValidateFile;
    int m_count = 0;

private slots:
    void initTestCase()
    {
        QVERIFY(m_box.dir.isValid());
        QFile::remove(kMarker);
        QVERIFY2(!QFile::exists(kMarker), "cannot remove the marker file");
        // The reference structure: the benign base of the corpus, generated.
        m_box.reset();
        const Run r = pgha(m_box, {QStringLiteral("generate"), QStringLiteral("template:reference"), QStringLiteral("-o"),
                                   m_box.cwd() + QStringLiteral("/out")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QString out = m_box.cwd() + QStringLiteral("/out/node1");
        m_shape.patroni = topKeys(out + QStringLiteral("/etc/patroni/patroni.yml"));
        QDirIterator it(m_box.cwd() + QStringLiteral("/out"), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString p = it.next();
            if (p.endsWith(QLatin1String("/etcd.conf.yaml")))
                m_shape.etcdYaml = topKeys(p);
            else if (p.endsWith(QLatin1String("/etc/etcd/etcd.conf")) || p.endsWith(QLatin1String("/etc/default/etcd")))
                m_shape.etcdEnv = envNames(p);
            else if (p.endsWith(QLatin1String("/haproxy.cfg")))
                m_shape.haproxy = haproxyKeywords(p);
        }
        QVERIFY(m_shape.patroni.contains(QStringLiteral("postgresql")));
        QVERIFY(!m_shape.etcdYaml.isEmpty());
        QVERIFY(m_shape.etcdEnv.size() >= 10);
        QVERIFY(m_shape.haproxy.contains(QStringLiteral("listen")));
    }

    void corpusIsLargeEnough()
    {
        QVERIFY2(manifest().size() >= 60, qPrintable(QString::number(manifest().size())));
        // Every corpus file is in the manifest, and every manifest entry exists.
        QSet<QString> listed;
        for (const Entry &e : manifest()) {
            QVERIFY2(QFileInfo::exists(e.file), qPrintable(e.file));
            listed.insert(QFileInfo(e.file).fileName());
        }
        const QStringList files = QDir(QStringLiteral(PGHA_SOURCE_DIR "/tests/hostile/corpus"))
                                      .entryList({QStringLiteral("*.pgha.yaml")}, QDir::Files);
        for (const QString &f : files)
            QVERIFY2(listed.contains(f), qPrintable(f + QStringLiteral(" is not in MANIFEST")));
    }

    void corpus_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expect");
        for (const Entry &e : manifest())
            QTest::newRow(qPrintable(QFileInfo(e.file).fileName())) << e.file << e.expect;
    }

    void corpus()
    {
        QFETCH(QString, file);
        QFETCH(QString, expect);
        const bool loadError = expect.startsWith(QLatin1String("load:"));
        const bool ok = expect == QLatin1String("ok");
        const QString rule = expect.startsWith(QLatin1String("rule:")) ? expect.mid(5) : QString();
        QVERIFY2(loadError || ok || !rule.isEmpty(), qPrintable(expect));
        ++m_count;

        // validate
        m_box.reset();
        Run r = pgha(m_box, {QStringLiteral("validate"), file});
        QVERIFY2(!r.timedOut && !r.crashed, qPrintable(r.describe()));
        if (r.ms > m_longestValidateMs) {
            m_longestValidateMs = r.ms;
            m_longestValidateFile = file.startsWith(QLatin1String("/dev/")) ? file : QFileInfo(file).fileName();
        }
        if (loadError) {
            QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
            QVERIFY2(r.err.startsWith(QStringLiteral("error: ")) && r.err.contains(expect.mid(5)), qPrintable(r.describe()));
            QVERIFY2(r.err.contains(file), qPrintable(r.describe()));  // the message names the file
        } else if (ok) {
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        } else {
            QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
            QVERIFY2(r.out.contains(QStringLiteral("error [") + rule + QLatin1Char(']')), qPrintable(r.describe()));
        }
        QVERIFY2(m_box.contents() == (QStringList{QStringLiteral("cwd"), QStringLiteral("home")}),
                 qPrintable(m_box.contents().join(QLatin1Char(' '))));

        // lint reads the same bytes as a configuration file: it never hangs, crashes or writes; a design is no
        // Patroni, etcd or HAProxy file, so it names the file and stops (2), or judges what it recognised (0, 1).
        r = pgha(m_box, {QStringLiteral("lint"), file});
        QVERIFY2(!r.timedOut && !r.crashed && r.exitCode >= 0 && r.exitCode <= 2, qPrintable(r.describe()));
        if (r.exitCode == 2)
            QVERIFY2(r.err.contains(file), qPrintable(r.describe()));
        QVERIFY2(m_box.contents() == (QStringList{QStringLiteral("cwd"), QStringLiteral("home")}),
                 qPrintable(m_box.contents().join(QLatin1Char(' '))));

        // generate without --force: a design with errors writes nothing.
        const QString out = m_box.cwd() + QStringLiteral("/out");
        r = pgha(m_box, {QStringLiteral("generate"), file, QStringLiteral("-o"), out});
        QVERIFY2(!r.timedOut && !r.crashed, qPrintable(r.describe()));
        QCOMPARE(r.exitCode, loadError ? 2 : ok ? 0 : 1);
        if (!ok)
            QVERIFY2(!QFileInfo::exists(out), "generate wrote files for a design with errors");
        m_box.reset();

        // deploy --dry-run: connects to nothing and writes nothing, not even a journal or a secrets file.
        r = pgha(m_box, {QStringLiteral("deploy"), file, QStringLiteral("--dry-run")});
        QVERIFY2(!r.timedOut && !r.crashed, qPrintable(r.describe()));
        QVERIFY2(r.exitCode == (ok ? 0 : 2), qPrintable(r.describe()));
        QVERIFY2(m_box.contents() == (QStringList{QStringLiteral("cwd"), QStringLiteral("home")}),
                 qPrintable(m_box.contents().join(QLatin1Char(' '))));
        if (ok)
            QVERIFY(!r.out.contains(QRegularExpression(QStringLiteral("holds secrets.*sha256 [0-9a-f]{64}"))));

        if (loadError)
            return;
        // Where generation is allowed (--force): the files keep their structure, and stay in the output.
        r = pgha(m_box, {QStringLiteral("generate"), file, QStringLiteral("-o"), out, QStringLiteral("--force")});
        QVERIFY2(!r.timedOut && !r.crashed, qPrintable(r.describe()));
        if (r.exitCode == 2) {
            // Refused as a whole with a message: a host name that cannot be a folder (../../etc, the bundle
            // writer), a cluster name too long for the CA's common name (the certificate issuer).
            QVERIFY2(r.err.contains(QStringLiteral("\nerror: ")), qPrintable(r.describe()));
            QVERIFY2(m_box.contents() == (QStringList{QStringLiteral("cwd"), QStringLiteral("home")}),
                     qPrintable(m_box.contents().join(QLatin1Char(' '))));
            return;
        }
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QString problem = check(out, m_shape);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const QString &p : m_box.contents())
            QVERIFY2(p == QLatin1String("cwd") || p == QLatin1String("home") || p.startsWith(QLatin1String("cwd/out")),
                     qPrintable(QStringLiteral("written outside the output: ") + p));
        m_box.reset();

        const QString tgz = m_box.cwd() + QStringLiteral("/b.tar.gz");
        r = pgha(m_box, {QStringLiteral("export"), file, QStringLiteral("-o"), tgz, QStringLiteral("--force")});
        QVERIFY2(!r.timedOut && !r.crashed && r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(m_box.contents(), (QStringList{QStringLiteral("cwd"), QStringLiteral("cwd/b.tar.gz"), QStringLiteral("home")}));
        QCOMPARE(QFileInfo(tgz).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        QProcess tar;
        tar.start(QStringLiteral("tar"), {QStringLiteral("-tzf"), tgz});
        QVERIFY(tar.waitForFinished(10000));
        const QStringList entries = QString::fromUtf8(tar.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(entries.size() > 10);
        const QString top = entries.first().section(QLatin1Char('/'), 0, 0);
        for (const QString &e : entries) {
            QVERIFY2(e.section(QLatin1Char('/'), 0, 0) == top && !e.startsWith(QLatin1Char('/'))
                         && !e.split(QLatin1Char('/')).contains(QStringLiteral("..")),
                     qPrintable(e));
        }
    }

    void cleanupTestCase()
    {
        QVERIFY2(!QFile::exists(kMarker), "a hostile value was executed: the marker file exists");
        figure(QStringLiteral("FIGURE: hostile corpus: %1 files through validate, generate, generate --force, export "
                              "--force and deploy --dry-run; longest validate %2 ms (%3); limits: ulimit -v %4 KiB, "
                              "%5 s per run")
                   .arg(m_count)
                   .arg(m_longestValidateMs)
                   .arg(m_longestValidateFile)
                   .arg(kAddressSpaceKiB)
                   .arg(kTimeoutMs / 1000));
    }
};

QTEST_GUILESS_MAIN(TestHostileCorpus)
#include "test_hostile_corpus.moc"
