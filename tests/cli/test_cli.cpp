// Runs the real `pgha` binary and checks what a user and a script see: exit codes, JSON schema, files written.
#include "core/bundle/BundleWriter.h"
#include "core/generate/Generator.h"
#include "core/model/Secrets.h"
#include "core/project/ProjectFile.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <archive.h>
#include <archive_entry.h>

#include <sys/stat.h>

using pgha::Result;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString describe() const
    {
        return QStringLiteral("exit %1\n--- stdout\n%2\n--- stderr\n%3")
            .arg(exitCode)
            .arg(QString::fromUtf8(out.left(3000)), QString::fromUtf8(err.left(3000)));
    }
};

Run runPgha(const QStringList &args, const QMap<QString, QString> &env = {})
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    // The caller's own PGHA_* passwords must not leak into what is tested.
    for (const QString &k : e.keys()) {
        if (k.startsWith(QLatin1String("PGHA_")))
            e.remove(k);
    }
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(PGHA_BINARY), args);
    Run r;
    // Generous: the machine is shared with other builds.
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString referencePath()
{
    return QStringLiteral(PGHA_SOURCE_DIR "/resources/templates/percona-reference.pgha.yaml");
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString writeFile(const QString &path, const QByteArray &text, int mode = 0644)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text);
    f.close();
    ::chmod(QFile::encodeName(path).constData(), mode_t(mode));
    return path;
}

int modeOf(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

// A design the validator must reject: one PostgreSQL host, no etcd, no HAProxy.
const QByteArray kBrokenDesign = "format: 1\n"
                                 "cluster: {name: broken}\n"
                                 "subnets: [{name: db, cidr: 10.0.0.0/24}]\n"
                                 "hosts:\n"
                                 "  - {name: lonely, address: 10.0.0.1, subnet: db, os: debian12, roles: [postgres]}\n";

// path -> (mode, content) of every regular file under dir, relative paths.
QMap<QString, QPair<int, QByteArray>> treeOf(const QString &dir)
{
    QMap<QString, QPair<int, QByteArray>> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        out.insert(QDir(dir).relativeFilePath(p), {modeOf(p), readAll(p)});
    }
    return out;
}

QMap<QString, QPair<int, QByteArray>> tarOf(const QString &archivePath, QString *error)
{
    QMap<QString, QPair<int, QByteArray>> out;
    struct archive *a = archive_read_new();
    archive_read_support_filter_all(a);
    archive_read_support_format_all(a);
    if (archive_read_open_filename(a, QFile::encodeName(archivePath).constData(), 16384) != ARCHIVE_OK) {
        *error = QString::fromLocal8Bit(archive_error_string(a));
        archive_read_free(a);
        return out;
    }
    struct archive_entry *e = nullptr;
    while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
        if (archive_entry_filetype(e) != AE_IFREG)
            continue;
        QByteArray content;
        char buf[8192];
        la_ssize_t n;
        while ((n = archive_read_data(a, buf, sizeof buf)) > 0)
            content.append(buf, qsizetype(n));
        out.insert(QString::fromUtf8(archive_entry_pathname_utf8(e)), {int(archive_entry_perm(e)), content});
    }
    archive_read_free(a);
    return out;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(QStringLiteral(PGHA_BINARY)).isExecutable(), PGHA_BINARY);
        QVERIFY(m_dir.isValid());
        writeFile(m_dir.filePath(QStringLiteral("broken.pgha.yaml")), kBrokenDesign);
        writeFile(m_dir.filePath(QStringLiteral("syntax.pgha.yaml")), "format: 1\ncluster: {name: x\n");
        writeFile(m_dir.filePath(QStringLiteral("badtype.pgha.yaml")),
                  "format: 1\ncluster:\n  patroni: {ttl: thirty}\n");
        writeFile(m_dir.filePath(QStringLiteral("secret-inside.pgha.yaml")),
                  "format: 1\ncluster:\n  users: {superuser: postgres, password: qaz123}\n");
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("expected");
        QTest::newRow("reference template") << QStringList{QStringLiteral("validate"), QStringLiteral("template:reference")} << 0;
        QTest::newRow("reference file") << QStringList{QStringLiteral("validate"), referencePath()} << 0;
        QTest::newRow("reference, json") << QStringList{QStringLiteral("validate"), referencePath(), QStringLiteral("--format"), QStringLiteral("json")} << 0;
        QTest::newRow("design with errors") << QStringList{QStringLiteral("validate"), QStringLiteral("broken.pgha.yaml")} << 1;
        QTest::newRow("missing file") << QStringList{QStringLiteral("validate"), QStringLiteral("no-such.pgha.yaml")} << 2;
        QTest::newRow("YAML syntax error") << QStringList{QStringLiteral("validate"), QStringLiteral("syntax.pgha.yaml")} << 2;
        QTest::newRow("wrong type") << QStringList{QStringLiteral("validate"), QStringLiteral("badtype.pgha.yaml")} << 2;
        QTest::newRow("password in project") << QStringList{QStringLiteral("validate"), QStringLiteral("secret-inside.pgha.yaml")} << 2;
        QTest::newRow("unknown template") << QStringList{QStringLiteral("validate"), QStringLiteral("template:nope")} << 2;
        QTest::newRow("bad option") << QStringList{QStringLiteral("validate"), QStringLiteral("--bogus"), referencePath()} << 2;
        QTest::newRow("bad format") << QStringList{QStringLiteral("validate"), referencePath(), QStringLiteral("--format"), QStringLiteral("xml")} << 2;
        QTest::newRow("no file") << QStringList{QStringLiteral("validate")} << 2;
        QTest::newRow("two files") << QStringList{QStringLiteral("validate"), referencePath(), referencePath()} << 2;
        QTest::newRow("validate --help") << QStringList{QStringLiteral("validate"), QStringLiteral("--help")} << 0;
        QTest::newRow("no command") << QStringList{} << 2;
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2;
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << 0;
        QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << 0;
        QTest::newRow("generate without -o") << QStringList{QStringLiteral("generate"), referencePath()} << 2;
        QTest::newRow("export without -o") << QStringList{QStringLiteral("export"), referencePath()} << 2;
        QTest::newRow("generate, design with errors") << QStringList{QStringLiteral("generate"), QStringLiteral("broken.pgha.yaml"), QStringLiteral("-o"), QStringLiteral("never")} << 1;
        QTest::newRow("secrets without -o") << QStringList{QStringLiteral("secrets")} << 2;
    }

    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, expected);
        // Relative names resolve against the test's scratch directory.
        for (QString &a : args) {
            if (a.endsWith(QLatin1String(".pgha.yaml")) && !a.startsWith(QLatin1Char('/')))
                a = m_dir.filePath(a);
        }
        const Run r = runPgha(args);
        QVERIFY2(r.exitCode == expected, qPrintable(r.describe()));
        if (expected == 2 && !args.isEmpty() && args.first() == QLatin1String("validate"))
            QVERIFY2(!r.err.isEmpty(), "a usage or input error says why on stderr");
        if (qstrcmp(QTest::currentDataTag(), "validate --help") == 0)
            QVERIFY2(r.out.startsWith("Usage: pgha validate [options] FILE"), qPrintable(r.describe()));
        if (qstrcmp(QTest::currentDataTag(), "generate, design with errors") == 0)
            QVERIFY(!QFileInfo::exists(QStringLiteral("never")) && !QFileInfo::exists(m_dir.filePath(QStringLiteral("never"))));
    }

    void errorsNameTheLocation_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << QStringLiteral("syntax.pgha.yaml") << QStringLiteral("syntax.pgha.yaml:3:1: ");
        QTest::newRow("type") << QStringLiteral("badtype.pgha.yaml") << QStringLiteral("badtype.pgha.yaml:3:18: cluster.patroni.ttl: ");
    }

    void errorsNameTheLocation()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const Run r = runPgha({QStringLiteral("validate"), m_dir.filePath(file)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(expected), qPrintable(r.describe()));
    }

    void jsonSchema_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("expectErrors");
        QTest::newRow("reference") << referencePath() << false;
        QTest::newRow("broken") << QStringLiteral("broken.pgha.yaml") << true;
    }

    void jsonSchema()
    {
        QFETCH(QString, file);
        QFETCH(bool, expectErrors);
        if (!file.startsWith(QLatin1Char('/')))
            file = m_dir.filePath(file);
        const Run r = runPgha({QStringLiteral("validate"), file, QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == (expectErrors ? 1 : 0), qPrintable(r.describe()));
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString() + QLatin1Char('\n') + r.describe()));
        QVERIFY(doc.isObject());
        const QJsonObject o = doc.object();
        // The documented schema (docs/cli.md): exactly these top-level keys and types.
        QCOMPARE(o.keys(), (QStringList{QStringLiteral("file"), QStringLiteral("findings"), QStringLiteral("schema"),
                                        QStringLiteral("summary")}));
        QCOMPARE(o.value(QStringLiteral("schema")).toString(), QStringLiteral("pgha-findings/1"));
        QCOMPARE(o.value(QStringLiteral("file")).toString(), file);
        const QJsonObject summary = o.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.keys(), (QStringList{QStringLiteral("errors"), QStringLiteral("info"), QStringLiteral("warnings")}));
        for (const QString &k : summary.keys())
            QVERIFY2(summary.value(k).isDouble(), qPrintable(k));
        QVERIFY(o.value(QStringLiteral("findings")).isArray());
        QMap<QString, int> counted;
        const QStringList findingKeys = {QStringLiteral("fix"), QStringLiteral("message"), QStringLiteral("quick_fix"),
                                         QStringLiteral("rule"), QStringLiteral("severity"), QStringLiteral("subject")};
        for (const QJsonValue &v : o.value(QStringLiteral("findings")).toArray()) {
            QVERIFY(v.isObject());
            const QJsonObject f = v.toObject();
            QCOMPARE(f.keys(), findingKeys);
            for (const QString &k : findingKeys)
                QVERIFY2(f.value(k).isString(), qPrintable(k));
            QVERIFY(!f.value(QStringLiteral("rule")).toString().isEmpty());
            QVERIFY(!f.value(QStringLiteral("message")).toString().isEmpty());
            const QString sev = f.value(QStringLiteral("severity")).toString();
            QVERIFY2(sev == QLatin1String("error") || sev == QLatin1String("warning") || sev == QLatin1String("info"),
                     qPrintable(sev));
            counted[sev == QLatin1String("info") ? sev : sev + QLatin1Char('s')]++;
        }
        QCOMPARE(summary.value(QStringLiteral("errors")).toInt(), counted.value(QStringLiteral("errors")));
        QCOMPARE(summary.value(QStringLiteral("warnings")).toInt(), counted.value(QStringLiteral("warnings")));
        QCOMPARE(summary.value(QStringLiteral("info")).toInt(), counted.value(QStringLiteral("info")));
        QCOMPARE(summary.value(QStringLiteral("errors")).toInt() > 0, expectErrors);
    }

    void unknownKeyWarning()
    {
        // One unknown key in the reference design: a warning with file:line:col, and still exit 0.
        QByteArray text = readAll(referencePath());
        const int at = text.indexOf("\n  namespace:");
        QVERIFY(at > 0);
        text.insert(at + 1, "  colour: blue\n");
        const int line = text.left(text.indexOf("  colour:")).count('\n') + 1;
        const QString path = writeFile(m_dir.filePath(QStringLiteral("unknown-key.pgha.yaml")), text);
        const Run r = runPgha({QStringLiteral("validate"), path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QString expected = QStringLiteral("warning: %1:%2:3: cluster.colour: unknown key").arg(path).arg(line);
        QVERIFY2(QString::fromUtf8(r.err).contains(expected), qPrintable(expected + QLatin1Char('\n') + r.describe()));
    }

    void secretsFileModes_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("expected");
        QTest::newRow("validate, 0600") << QStringLiteral("validate") << 0600 << 0;
        QTest::newRow("validate, 0644 refused") << QStringLiteral("validate") << 0644 << 2;
        QTest::newRow("generate, 0644 refused") << QStringLiteral("generate") << 0644 << 2;
        QTest::newRow("export, 0640 refused") << QStringLiteral("export") << 0640 << 2;
    }

    void secretsFileModes()
    {
        QFETCH(QString, command);
        QFETCH(int, mode);
        QFETCH(int, expected);
        QTemporaryDir dir;
        const QString secrets = dir.filePath(QStringLiteral("secrets.yaml"));
        const Run made = runPgha({QStringLiteral("secrets"), QStringLiteral("-o"), secrets});
        QVERIFY2(made.exitCode == 0, qPrintable(made.describe()));
        QCOMPARE(modeOf(secrets), 0600);
        QVERIFY(::chmod(QFile::encodeName(secrets).constData(), mode_t(mode)) == 0);
        QStringList args{command, referencePath(), QStringLiteral("--secrets"), secrets};
        if (command == QLatin1String("generate"))
            args << QStringLiteral("-o") << dir.filePath(QStringLiteral("out"));
        if (command == QLatin1String("export"))
            args << QStringLiteral("-o") << dir.filePath(QStringLiteral("out.tar.gz"));
        const Run r = runPgha(args);
        QVERIFY2(r.exitCode == expected, qPrintable(r.describe()));
        if (expected == 2) {
            QVERIFY2(QString::fromUtf8(r.err).contains(secrets), qPrintable(r.describe()));
            QVERIFY2(r.err.contains("chmod 600"), qPrintable(r.describe()));
            QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("out"))));
            QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("out.tar.gz"))));
        }
    }

    // Issue 8, item 8: the passwords of a deployed cluster may be the only copy.
    void secretsRefuseToOverwrite()
    {
        QTemporaryDir dir;
        const QString secrets = dir.filePath(QStringLiteral("secrets.yaml"));
        QCOMPARE(runPgha({QStringLiteral("secrets"), QStringLiteral("-o"), secrets}).exitCode, 0);
        const QByteArray first = readAll(secrets);
        const Run again = runPgha({QStringLiteral("secrets"), QStringLiteral("-o"), secrets});
        QVERIFY2(again.exitCode == 2, qPrintable(again.describe()));
        QVERIFY2(again.err.contains("--force") && QString::fromUtf8(again.err).contains(secrets), qPrintable(again.describe()));
        QCOMPARE(readAll(secrets), first);
        const Run forced = runPgha({QStringLiteral("secrets"), QStringLiteral("-o"), secrets, QStringLiteral("--force")});
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.describe()));
        QVERIFY(readAll(secrets) != first);
        QCOMPARE(modeOf(secrets), 0600);
    }

    // Issue 8: a grammar finding names the file, line, column and field.
    void findingsNameTheFieldsPlace()
    {
        const QString file = m_dir.filePath(QStringLiteral("datadir.pgha.yaml"));
        QByteArray text = readAll(referencePath());
        text.replace("    port: 5432\n", "    port: 5432\n    data_dir: \"/var/lib/pg$(touch /tmp/x)\"\n");
        writeFile(file, text);
        const Run r = runPgha({QStringLiteral("validate"), file});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY2(r.out.contains("error [data-dir-invalid] cluster.postgres.data_dir:"), qPrintable(r.describe()));
        const int line = int(text.left(text.indexOf("data_dir:")).count('\n')) + 1;
        QVERIFY2(QString::fromUtf8(r.out).contains(
                     QStringLiteral("    at: %1:%2:15: cluster.postgres.data_dir\n").arg(file).arg(line)),
                 qPrintable(r.describe()));
        // generate prints the same place with its errors.
        const Run g = runPgha({QStringLiteral("generate"), file, QStringLiteral("-o"), m_dir.filePath(QStringLiteral("dd-out"))});
        QVERIFY2(g.exitCode == 1, qPrintable(g.describe()));
        QVERIFY2(QString::fromUtf8(g.err).contains(QStringLiteral("    at: %1:%2:15:").arg(file).arg(line)), qPrintable(g.describe()));
    }

    // Issue 8, item 9: nothing is written (journal, kept secrets) before validation passes and the run is confirmed.
    void deployWritesNothingBeforeConfirmation_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("cluster name leaving the journal directory")
            << QByteArray("  name: cluster_1\n") << QByteArray("  name: \"../../escaped\"\n") << QStringList{} << 2;
        QTest::newRow("design with errors") << QByteArray("  name: cluster_1\n") << QByteArray("  name: \"a b\"\n")
                                            << QStringList{QStringLiteral("--yes")} << 2;
        QTest::newRow("dry run") << QByteArray() << QByteArray() << QStringList{QStringLiteral("--dry-run")} << 0;
        QTest::newRow("no terminal to confirm on") << QByteArray() << QByteArray() << QStringList{} << 2;
    }

    void deployWritesNothingBeforeConfirmation()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QStringList, extra);
        QFETCH(int, exitCode);
        QTemporaryDir box;
        QDir().mkpath(box.filePath(QStringLiteral("home")));
        QDir().mkpath(box.filePath(QStringLiteral("project")));
        QByteArray text = readAll(referencePath());
        if (!from.isEmpty())
            text.replace(from, to);
        const QString file = box.filePath(QStringLiteral("project/c.pgha.yaml"));
        writeFile(file, text);
        const Run r = runPgha(QStringList{QStringLiteral("deploy"), file} + extra,
                              {{QStringLiteral("HOME"), box.filePath(QStringLiteral("home"))},
                               {QStringLiteral("XDG_DATA_HOME"), box.filePath(QStringLiteral("home/.local/share"))}});
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.describe()));
        QDirIterator it(box.path(), QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        QStringList all;
        while (it.hasNext())
            all << QDir(box.path()).relativeFilePath(it.next());
        all.sort();
        QCOMPARE(all, (QStringList{QStringLiteral("home"), QStringLiteral("project"), QStringLiteral("project/c.pgha.yaml")}));
        if (exitCode == 0)
            QVERIFY2(!r.out.contains("sha256 ") || !QString::fromUtf8(r.out).contains(QRegularExpression(
                         QStringLiteral("patroni.yml mode 0600 owner postgres size [0-9]+ sha256"))),
                     qPrintable(r.describe()));
    }

    // Issue 8, item 11: declining an action's prompt exits 2, as docs/cli.md says ("2 bad input or not confirmed").
    void declinedActionExits2()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
            QSKIP("util-linux script(1) is needed for a terminal");
        QProcess p;
        p.start(QStringLiteral("script"),
                {QStringLiteral("-qec"),
                 QStringLiteral("%1 switchover template:reference --to node2").arg(QStringLiteral(PGHA_BINARY)),
                 QStringLiteral("/dev/null")});
        QVERIFY(p.waitForStarted());
        p.write("n\n");
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(out.contains("Proceed? [y/N]") && out.contains("not confirmed"), out.constData());
        QCOMPARE(p.exitCode(), 2);
    }

    void generateAndExportAgree()
    {
        QTemporaryDir dir;
        const QString secrets = dir.filePath(QStringLiteral("secrets.yaml"));
        QCOMPARE(runPgha({QStringLiteral("secrets"), QStringLiteral("-o"), secrets}).exitCode, 0);
        const QString out = dir.filePath(QStringLiteral("bundle"));
        const Run g = runPgha({QStringLiteral("generate"), referencePath(), QStringLiteral("-o"), out, QStringLiteral("--secrets"), secrets});
        QVERIFY2(g.exitCode == 0, qPrintable(g.describe()));
        // The runbook and node1's Patroni config (secret: 0600) are where docs/cli.md says.
        QVERIFY2(QFileInfo(out + QStringLiteral("/README.md")).isFile(), qPrintable(g.describe()));
        QCOMPARE(modeOf(out + QStringLiteral("/node1/etc/patroni/patroni.yml")), 0600);

        const QString tgz = dir.filePath(QStringLiteral("b.tar.gz"));
        const Run e = runPgha({QStringLiteral("export"), referencePath(), QStringLiteral("-o"), tgz, QStringLiteral("--secrets"), secrets});
        QVERIFY2(e.exitCode == 0, qPrintable(e.describe()));
        QCOMPARE(modeOf(tgz), 0600);
        QString error;
        const auto tar = tarOf(tgz, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto tree = treeOf(out);
        tree.remove(QStringLiteral(".pgha-bundle"));  // the directory's marker is not part of the bundle
        QVERIFY(!tree.isEmpty());
        QMap<QString, QPair<int, QByteArray>> tarRelative;
        for (auto it = tar.cbegin(); it != tar.cend(); ++it) {
            QVERIFY2(it.key().startsWith(QLatin1String("cluster_1/")), qPrintable(it.key()));
            tarRelative.insert(it.key().mid(10), it.value());
        }
        QCOMPARE(tarRelative.keys(), tree.keys());
        for (auto it = tree.cbegin(); it != tree.cend(); ++it) {
            QCOMPARE(tarRelative.value(it.key()).first, it.value().first);
            QVERIFY2(tarRelative.value(it.key()).second == it.value().second, qPrintable(it.key()));
        }

        // Same design, same secrets: the same bytes.
        const QString tgz2 = dir.filePath(QStringLiteral("b2.tar.gz"));
        QCOMPARE(runPgha({QStringLiteral("export"), referencePath(), QStringLiteral("-o"), tgz2, QStringLiteral("--secrets"), secrets}).exitCode, 0);
        QVERIFY(readAll(tgz) == readAll(tgz2));

        // The designer exports through the same library calls: in-process bytes equal the CLI's file.
        const Result<pgha::Secrets> loadedSecrets = pgha::SecretStore::loadFile(secrets);
        QVERIFY(loadedSecrets.ok());
        const Result<pgha::LoadedProject> project = pgha::ProjectFile::load(referencePath());
        QVERIFY(project.ok());
        const Result<QByteArray> inProcess =
            pgha::bundleTarGzBytes(pgha::generateBundle(project->topology, loadedSecrets.value()));
        QVERIFY(inProcess.ok());
        QVERIFY(inProcess.value() == readAll(tgz));

        // Generating again over our own bundle is allowed; over someone else's directory it is not.
        QCOMPARE(runPgha({QStringLiteral("generate"), referencePath(), QStringLiteral("-o"), out, QStringLiteral("--secrets"), secrets}).exitCode, 0);
        const QString foreign = dir.filePath(QStringLiteral("foreign"));
        QVERIFY(QDir().mkpath(foreign));
        writeFile(foreign + QStringLiteral("/keep.txt"), "mine");
        const Run refused = runPgha({QStringLiteral("generate"), referencePath(), QStringLiteral("-o"), foreign, QStringLiteral("--secrets"), secrets});
        QVERIFY2(refused.exitCode == 2, qPrintable(refused.describe()));
        QVERIFY2(QString::fromUtf8(refused.err).contains(foreign), qPrintable(refused.describe()));
        QCOMPARE(readAll(foreign + QStringLiteral("/keep.txt")), QByteArray("mine"));
    }

    void environmentPasswordsReachTheFiles()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("bundle"));
        const QString pw = QStringLiteral("EnvGivenSuperuserPassword42xyz");
        const Run g = runPgha({QStringLiteral("generate"), referencePath(), QStringLiteral("-o"), out},
                           {{QStringLiteral("PGHA_SUPERUSER_PASSWORD"), pw}});
        QVERIFY2(g.exitCode == 0, qPrintable(g.describe()));
        QVERIFY2(readAll(out + QStringLiteral("/node1/etc/patroni/patroni.yml")).contains(pw.toUtf8()),
                 "the superuser password from the environment is in patroni.yml");
        // Nothing secret outside 0600 files.
        for (auto [path, file] : treeOf(out).toStdMap()) {
            if (file.second.contains(pw.toUtf8()))
                QVERIFY2(file.first == 0600, qPrintable(path));
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
