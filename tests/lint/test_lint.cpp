// pgha lint on real files: the Percona guide's own patroni.yml (as printed: a YAML error; repaired: the findings
// issue 9 names, each at its file:line), haproxy.cfg and etcd.conf, bad input, the JSON form, and the generator's
// own output for tests/golden/reference, which must lint with nothing the design's own validation does not say.
#include "core/lint/FileRules.h"
#include "core/lint/Linter.h"
#include "core/parse/EnvFileParser.h"
#include "core/parse/HaproxyCfgParser.h"
#include "core/project/ProjectFile.h"
#include "core/validation/Validator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace pgha;

namespace {

const QString kGuide = QStringLiteral(PGHA_SOURCE_DIR "/tests/lint/guide/");
const QString kGolden = QStringLiteral(PGHA_SOURCE_DIR "/tests/golden/reference/");

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run runPgha(const QStringList &args, const QString &workDir = kGuide)
{
    QProcess p;
    p.setWorkingDirectory(workDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PGHA_BINARY), args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QStringList guideFiles()
{
    return {QStringLiteral("patroni-fixed.yml"), QStringLiteral("haproxy.cfg"), QStringLiteral("etcd-node1.conf"),
            QStringLiteral("etcd-node2.conf"), QStringLiteral("etcd-node3.conf")};
}

// "rule@file:line" for each finding of a JSON report, and the findings themselves.
QJsonArray findingsOf(const Run &r, QStringList *keys)
{
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8());
    const QJsonArray list = doc.object().value(QStringLiteral("findings")).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        *keys << QStringLiteral("%1@%2:%3").arg(o.value(QStringLiteral("rule")).toString(),
                                                o.value(QStringLiteral("file")).toString())
                     .arg(o.value(QStringLiteral("line")).toInt());
    }
    return list;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        return {};
    return f.fileName();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestLint : public QObject
{
    Q_OBJECT

private slots:
    // The guide's patroni.yml as printed: initdb, pg_hba and users one column left of dcs.
    void guidePatroniStopsAtYamlError()
    {
        for (const QStringList &extra : {QStringList(), QStringList{QStringLiteral("--format"), QStringLiteral("json")}}) {
            const Run r = runPgha(QStringList{QStringLiteral("lint"), QStringLiteral("patroni.yml")} + extra);
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains(QStringLiteral("patroni.yml:34:2:")), qPrintable(r.err));
            QVERIFY2(r.err.contains(QStringLiteral("YAML")), qPrintable(r.err));
            QVERIFY2(r.out.isEmpty(), qPrintable(r.out));  // nothing half-reported
        }
        // Together with good files the bad one still stops everything.
        const Run all = runPgha({QStringLiteral("lint"), QStringLiteral("haproxy.cfg"), QStringLiteral("patroni.yml")});
        QCOMPARE(all.code, 2);
        QVERIFY2(all.err.contains(QStringLiteral("patroni.yml:34:2:")), qPrintable(all.err));
    }

    // The repaired copy with its haproxy.cfg and etcd files, for a current PostgreSQL (percona-release today): the
    // guide's mistakes, each at its line.
    void guideFindingsAtTheirLines()
    {
        const Run r = runPgha(QStringList{QStringLiteral("lint"), QStringLiteral("--format"), QStringLiteral("json"),
                                       QStringLiteral("--postgres-version"), QStringLiteral("16")}
                           + guideFiles());
        QCOMPARE(r.code, 1);  // errors among them
        QStringList keys;
        const QJsonArray list = findingsOf(r, &keys);
        const QStringList expected = {
            QStringLiteral("patroni-restapi-open@patroni-fixed.yml:6"),     // listen 0.0.0.0:8008, no authentication
            QStringLiteral("patroni-etcd-v2@patroni-fixed.yml:9"),          // etcd: (v2 API)
            QStringLiteral("patroni-single-etcd@patroni-fixed.yml:10"),     // host: 10.104.0.1:2379 only
            QStringLiteral("pg-param-unsupported@patroni-fixed.yml:28"),    // wal_keep_segments on 16
            QStringLiteral("hba-too-open@patroni-fixed.yml:38"),            // replication ... trust
            QStringLiteral("hba-too-open@patroni-fixed.yml:39"),            // replication 0.0.0.0/0
            QStringLiteral("hba-too-open@patroni-fixed.yml:40"),            // all all 0.0.0.0/0
            QStringLiteral("patroni-default-password@patroni-fixed.yml:45"),// admin qaz123
            QStringLiteral("patroni-default-password@patroni-fixed.yml:50"),// percona qaz123
            QStringLiteral("patroni-pgpass-volatile@patroni-fixed.yml:61"), // /tmp/pgpass
            QStringLiteral("weak-secret@patroni-fixed.yml:65"),             // replPasswd
            QStringLiteral("weak-secret@patroni-fixed.yml:68"),             // qaz123
            QStringLiteral("haproxy-slow-checks@haproxy.cfg:23"),           // inter 3s fall 3
            QStringLiteral("haproxy-server-by-name@haproxy.cfg:24"),        // server node1 node1:5432
            QStringLiteral("haproxy-server-by-name@haproxy.cfg:25"),
            QStringLiteral("haproxy-server-by-name@haproxy.cfg:26"),
            QStringLiteral("haproxy-server-by-name@haproxy.cfg:36"),
            QStringLiteral("haproxy-stats-open@haproxy.cfg:15"),
            QStringLiteral("etcd-env-invalid-line@etcd-node3.conf:11"),     // the guide's "…"
            QStringLiteral("tls-off@patroni-fixed.yml:5"),                  // restapi without certfile
        };
        for (const QString &e : expected)
            QVERIFY2(keys.contains(e), qPrintable(e + QStringLiteral(" missing from ") + keys.join(QLatin1Char(' '))));

        // Severity, message and key of the ones issue 9 names.
        int trust = 0, wideOpen = 0;
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            const QString rule = o.value(QStringLiteral("rule")).toString();
            const QString msg = o.value(QStringLiteral("message")).toString();
            const int line = o.value(QStringLiteral("line")).toInt();
            QVERIFY(o.value(QStringLiteral("column")).toInt() >= 1);
            if (rule == QLatin1String("hba-too-open") && msg.contains(QStringLiteral("trust")) && line == 38)
                ++trust;
            if (rule == QLatin1String("hba-too-open") && msg.contains(QStringLiteral("0.0.0.0/0")))
                ++wideOpen;
            if (rule == QLatin1String("pg-param-unsupported")) {
                QCOMPARE(o.value(QStringLiteral("key")).toString(),
                         QStringLiteral("bootstrap.dcs.postgresql.parameters.wal_keep_segments"));
                QCOMPARE(o.value(QStringLiteral("quick_fix")).toString(), QStringLiteral("replace-wal-keep-segments"));
            }
            if (rule == QLatin1String("patroni-restapi-open") || rule == QLatin1String("patroni-etcd-v2")
                || rule == QLatin1String("patroni-default-password") || rule == QLatin1String("weak-secret")) {
                QCOMPARE(o.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
            }
            if (rule == QLatin1String("haproxy-slow-checks"))
                QVERIFY2(msg.contains(QStringLiteral("9.0 s")), qPrintable(msg));
            if (rule == QLatin1String("weak-secret") && line == 68)
                QCOMPARE(o.value(QStringLiteral("key")).toString(), QStringLiteral("postgresql.authentication.superuser.password"));
        }
        QCOMPARE(trust, 1);
        QCOMPARE(wideOpen, 2);

        // pgha-findings/1 as validate writes it, plus the files and the positions.
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(doc.value(QStringLiteral("schema")).toString(), QStringLiteral("pgha-findings/1"));
        QCOMPARE(doc.value(QStringLiteral("files")).toArray().size(), 5);
        const QJsonObject summary = doc.value(QStringLiteral("summary")).toObject();
        int errors = 0, warnings = 0, info = 0;
        for (const QJsonValue &v : list) {
            const QString sev = v.toObject().value(QStringLiteral("severity")).toString();
            errors += sev == QLatin1String("error");
            warnings += sev == QLatin1String("warning");
            info += sev == QLatin1String("info");
            for (const char *k : {"rule", "severity", "subject", "message", "fix", "quick_fix", "file", "line", "column", "key"})
                QVERIFY2(v.toObject().contains(QLatin1String(k)), k);
        }
        QCOMPARE(summary.value(QStringLiteral("errors")).toInt(), errors);
        QCOMPARE(summary.value(QStringLiteral("warnings")).toInt(), warnings);
        QCOMPARE(summary.value(QStringLiteral("info")).toInt(), info);
        QVERIFY(errors >= 6);
        // The designer rules that judge what files do not say stay quiet.
        for (const QString &skipped : Linter::skippedRules())
            QVERIFY2(!r.out.contains(QStringLiteral("\"") + skipped + QStringLiteral("\"")), qPrintable(skipped));

        // The text form: file:line:column: key, then the finding.
        const Run text = runPgha(QStringList{QStringLiteral("lint"), QStringLiteral("--postgres-version"), QStringLiteral("16")}
                              + guideFiles());
        QCOMPARE(text.code, 1);
        QVERIFY2(text.out.contains(QStringLiteral("patroni-fixed.yml:10:5: etcd.host: warning [patroni-single-etcd]")),
                 qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("patroni-fixed.yml:61:3: postgresql.pgpass: warning [patroni-pgpass-volatile]")),
                 qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("haproxy.cfg:24:1: server node1 node1:5432 maxconn 100 check port 8008: "
                                                  "warning [haproxy-server-by-name]")),
                 qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("%1 error(s), %2 warning(s), %3 info").arg(errors).arg(warnings).arg(info)));
    }

    // Without --postgres-version the version is read from bin_dir (/usr/pgsql-12/bin): 12 still has
    // wal_keep_segments, and nobody ships 12 any more.
    void guideVersionFromBinDir()
    {
        const Run r = runPgha({QStringLiteral("lint"), QStringLiteral("--format"), QStringLiteral("json"),
                            QStringLiteral("patroni-fixed.yml")});
        QCOMPARE(r.code, 1);
        QStringList keys;
        findingsOf(r, &keys);
        QVERIFY2(keys.contains(QStringLiteral("pg-version-unsupported@patroni-fixed.yml:60")), qPrintable(keys.join(QLatin1Char(' '))));
        QVERIFY(!keys.contains(QStringLiteral("pg-param-unsupported@patroni-fixed.yml:28")));
        // One patroni.yml alone does not say how many members there are, nor who runs etcd or HAProxy.
        for (const char *rule : {"too-few-postgres", "etcd-quorum", "haproxy-missing", "max-wal-senders"})
            QVERIFY2(!r.out.contains(QLatin1String(rule)), rule);
    }

    // haproxy.cfg alone: warnings only, exit 0 as validate.
    void guideHaproxyAlone()
    {
        const Run r = runPgha({QStringLiteral("lint"), QStringLiteral("haproxy.cfg")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("[haproxy-slow-checks]")), qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral("[haproxy-no-shutdown-sessions]")));  // the guide has it
        QVERIFY2(r.out.contains(QStringLiteral("0 error(s), 9 warning(s), 0 info")), qPrintable(r.out));
    }

    // The check settings that keep writes on a demoted primary, and a listener without Patroni's health check.
    void haproxyChecksVariants()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray guide = readFile(kGuide + QStringLiteral("haproxy.cfg"));
        QVERIFY(guide.contains("on-marked-down shutdown-sessions"));
        QByteArray noShutdown = guide;
        noShutdown.replace(" on-marked-down shutdown-sessions", "");
        const QString a = writeFile(dir, QStringLiteral("no-shutdown.cfg"), noShutdown);
        Run r = runPgha({QStringLiteral("lint"), QStringLiteral("--format"), QStringLiteral("json"), a});
        QCOMPARE(r.code, 0);
        QStringList keys;
        findingsOf(r, &keys);
        for (int line : {24, 25, 26})  // the primary listener's servers; the replicas' listener is not about writes
            QVERIFY2(keys.contains(QStringLiteral("haproxy-no-shutdown-sessions@%1:%2").arg(a).arg(line)), qPrintable(keys.join(QLatin1Char(' '))));
        QCOMPARE(keys.filter(QStringLiteral("haproxy-no-shutdown-sessions@")).size(), 3);

        QByteArray tcp = guide;
        tcp.replace("    option httpchk /primary \n", "");
        QVERIFY(tcp != guide);
        const QString b = writeFile(dir, QStringLiteral("tcp.cfg"), tcp);
        r = runPgha({QStringLiteral("lint"), QStringLiteral("--format"), QStringLiteral("json"), b});
        QCOMPARE(r.code, 1);
        keys.clear();
        findingsOf(r, &keys);
        QVERIFY2(keys.contains(QStringLiteral("haproxy-tcp-check@%1:19").arg(b)), qPrintable(keys.join(QLatin1Char(' '))));
    }

    // The guide's "create the configuration files for node2 and node3": a copy that changed a cluster setting.
    void copiesThatDiffer()
    {
        QTemporaryDir dir;
        QByteArray node2 = readFile(kGuide + QStringLiteral("patroni-fixed.yml"));
        node2.replace("name: node1", "name: node2").replace("10.104.0.1:5432", "10.104.0.2:5432").replace("ttl: 30", "ttl: 20");
        const QString b = writeFile(dir, QStringLiteral("node2.yml"), node2);
        const Run r = runPgha({QStringLiteral("lint"), QStringLiteral("--format"), QStringLiteral("json"),
                               kGuide + QStringLiteral("patroni-fixed.yml"), b});
        QCOMPARE(r.code, 1);
        QStringList keys;
        findingsOf(r, &keys);
        QVERIFY2(keys.contains(QStringLiteral("patroni-files-differ@%1:15").arg(b)), qPrintable(keys.join(QLatin1Char(' '))));
        QCOMPARE(keys.filter(QStringLiteral("patroni-files-differ@")).size(), 1);
        // Two members with their own names and addresses: no duplicate; a copy that kept node1's name is one.
        QVERIFY(keys.filter(QStringLiteral("duplicate-host-name@")).isEmpty());
        QByteArray same = node2;
        same.replace("name: node2", "name: node1");
        const QString c = writeFile(dir, QStringLiteral("node1-again.yml"), same);
        const Run dup = runPgha({QStringLiteral("lint"), QStringLiteral("--format"), QStringLiteral("json"),
                                 kGuide + QStringLiteral("patroni-fixed.yml"), c});
        QStringList dupKeys;
        findingsOf(dup, &dupKeys);
        QVERIFY2(!dupKeys.filter(QStringLiteral("duplicate-host-name@")).isEmpty(), qPrintable(dupKeys.join(QLatin1Char(' '))));
    }

    void badInput()
    {
        QTemporaryDir dir;
        QCOMPARE(runPgha({QStringLiteral("lint")}).code, 2);
        Run r = runPgha({QStringLiteral("lint"), QStringLiteral("no-such-file.yml")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no-such-file.yml")), qPrintable(r.err));
        const QString odd = writeFile(dir, QStringLiteral("odd.yml"), "colour: blue\n");
        r = runPgha({QStringLiteral("lint"), odd});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(odd) && r.err.contains(QStringLiteral("not a Patroni, etcd or HAProxy")), qPrintable(r.err));
        const QString early = writeFile(dir, QStringLiteral("early.cfg"), "maxconn 10\nglobal\n");
        r = runPgha({QStringLiteral("lint"), early});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(early + QStringLiteral(":1:1:")), qPrintable(r.err));
        QCOMPARE(runPgha({QStringLiteral("lint"), writeFile(dir, QStringLiteral("nul.conf"), QByteArray("ETCD_NAME=a\0b\n", 14))}).code, 2);
        // An etcd file without initial-cluster does not say who the members are: no verdict on the quorum.
        r = runPgha({QStringLiteral("lint"), writeFile(dir, QStringLiteral("name.conf"), "ETCD_NAME=\"node1\"\n")});
        QCOMPARE(r.code, 0);
        QVERIFY2(!r.out.contains(QStringLiteral("etcd-quorum")), qPrintable(r.out));
        QCOMPARE(runPgha({QStringLiteral("lint"), QStringLiteral("--format"), QStringLiteral("xml"), QStringLiteral("haproxy.cfg")}).code, 2);
        QCOMPARE(runPgha({QStringLiteral("lint"), QStringLiteral("--postgres-version"), QStringLiteral("x"), QStringLiteral("haproxy.cfg")}).code, 2);
        QCOMPARE(runPgha({QStringLiteral("lint"), QStringLiteral("--os"), QStringLiteral("plan9"), QStringLiteral("haproxy.cfg")}).code, 2);
    }

    // The generator's own files for the reference design lint with no error or warning, and with nothing the
    // design's own validation does not report: a round trip through real files.
    void generatedFilesRoundTrip()
    {
        const QString e = kGolden + QStringLiteral("expected/");
        const QStringList files = {e + QStringLiteral("node1/etc/patroni/patroni.yml"),
                                   e + QStringLiteral("node2/etc/patroni/patroni.yml"),
                                   e + QStringLiteral("node3/etc/patroni/patroni.yml"),
                                   e + QStringLiteral("node1/etc/etcd/etcd.conf"),
                                   e + QStringLiteral("node2/etc/etcd/etcd.conf.yaml"),
                                   e + QStringLiteral("node3/etc/etcd/etcd.conf"),
                                   e + QStringLiteral("HAProxy-demo/etc/haproxy/haproxy.cfg")};
        const Result<LintReport> report = Linter::lintFiles(files);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
        QStringList seen;
        for (const LintFinding &f : report->findings) {
            QVERIFY2(f.finding.severity == Severity::Info,
                     qPrintable(f.at.toString() + QStringLiteral(" ") + f.finding.ruleId + QStringLiteral(": ") + f.finding.message));
            QVERIFY2(f.at.line > 0, qPrintable(f.finding.ruleId));
            seen << f.finding.ruleId;
        }
        const Result<LoadedProject> design = ProjectFile::load(kGolden + QStringLiteral("topology.pgha.yaml"));
        QVERIFY(design.ok());
        QSet<QString> fromDesign;
        for (const Finding &f : validate(design->topology))
            fromDesign.insert(f.ruleId);
        for (const QString &id : seen)
            QVERIFY2(fromDesign.contains(id), qPrintable(id + QStringLiteral(" only from the files")));
        // The design's failover estimate comes back from the files' timers unchanged.
        QVERIFY(seen.contains(QStringLiteral("failover-estimate")));
        QVERIFY(seen.contains(QStringLiteral("etcd-colocated")));

        // Each file alone lints clean as well.
        for (const QString &f : files) {
            const Run r = runPgha({QStringLiteral("lint"), f});
            QVERIFY2(r.code == 0 && r.out.contains(QStringLiteral("0 error(s), 0 warning(s)")), qPrintable(f + r.out + r.err));
        }
    }

    void parsers()
    {
        const Result<ConfigFile> env = EnvFileParser::parse(
            "# c\nETCD_NAME=\"node1\"\n  ETCD_DATA_DIR='/var/lib/etcd'\nETCD_X=plain value  \n[Member]\nETCD_Y=\"open\n", QStringLiteral("e"));
        QVERIFY(env.ok());
        QCOMPARE(env->value(QStringLiteral("ETCD_NAME")), QStringLiteral("node1"));
        QCOMPARE(env->value(QStringLiteral("ETCD_DATA_DIR")), QStringLiteral("/var/lib/etcd"));
        QCOMPARE(env->find(QStringLiteral("ETCD_DATA_DIR"))->column, 3);
        QCOMPARE(env->value(QStringLiteral("ETCD_X")), QStringLiteral("plain value"));
        QCOMPARE(env->invalidLines.size(), 2);
        QCOMPARE(env->invalidLines.at(1).line, 6);
        QCOMPARE(HaproxyCfgParser::timeMs(QStringLiteral("3s")), 3000);
        QCOMPARE(HaproxyCfgParser::timeMs(QStringLiteral("1000ms")), 1000);
        QCOMPARE(HaproxyCfgParser::timeMs(QStringLiteral("1500")), 1500);
        QCOMPARE(HaproxyCfgParser::timeMs(QStringLiteral("fast")), -1);
        const Result<HaproxyCfg> cfg = HaproxyCfgParser::parse("global # x\n  maxconn \"10\"\nlisten a\n bind *:1 # c\n", QStringLiteral("h"));
        QVERIFY(cfg.ok());
        QCOMPARE(cfg->sections.size(), 2);
        QCOMPARE(cfg->sections.at(0).first(QStringLiteral("maxconn"))->args, QStringList{QStringLiteral("10")});
        QCOMPARE(cfg->sections.at(1).first(QStringLiteral("bind"))->line, 4);
    }

    // docs/validation-rules.md documents every file rule under its own heading, in table order.
    void fileRulesDocumented()
    {
        QFile doc(QStringLiteral(PGHA_SOURCE_DIR "/docs/validation-rules.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        const qsizetype section = text.indexOf(QStringLiteral("## Rules of `pgha lint`"));
        QVERIFY(section >= 0);
        qsizetype last = section;
        for (const QString &id : FileRules::ids()) {
            const qsizetype at = text.indexOf(QStringLiteral("### `") + id + QStringLiteral("`"));
            QVERIFY2(at > last, qPrintable(id));
            last = at;
            QVERIFY2(!ruleIds().contains(id), qPrintable(id + QStringLiteral(" is a designer rule id too")));
        }
    }
};

QTEST_GUILESS_MAIN(TestLint)
#include "test_lint.moc"
