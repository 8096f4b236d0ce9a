// cluster.extra / hosts[].extra (docs/project-file.md, "Extra settings"): the reader's grammar and secret refusals
// with file, line and field, the writer's round trip, and the generators' merge (patroni.yml deep merge, haproxy.cfg
// lines, etcd names), which never overrides a generated key (rule extra-overrides-generated).
#include "core/generate/EtcdConfig.h"
#include "core/generate/ExtraMerge.h"
#include "core/generate/HAProxyConfig.h"
#include "core/generate/PatroniConfig.h"
#include "core/model/ExtraYaml.h"
#include "core/model/Secrets.h"
#include "core/project/ProjectFile.h"
#include "core/validation/Validator.h"

#include <QtTest>

#include <yaml-cpp/yaml.h>

using namespace pgha;

namespace {

Secrets secrets()
{
    Secrets s;
    s.superuserPassword = QStringLiteral("Sup3r-long-secret-1");
    s.replicationPassword = QStringLiteral("Repl-long-secret-22");
    s.rewindPassword = QStringLiteral("Rew1nd-long-secret-3");
    s.restApiPassword = QStringLiteral("Rest-long-secret-444");
    s.haproxyStatsPassword = QStringLiteral("Stats-long-secret-55");
    return s;
}

const Host &firstWith(const Topology &t, Role r)
{
    return *t.hostsWith(r).first();
}

int indexOf(const Topology &t, const Host &h)
{
    for (int i = 0; i < t.hosts.size(); ++i) {
        if (t.hosts[i].name == h.name)
            return i;
    }
    return -1;
}

Topology withExtra()
{
    Topology t = ProjectFile::referenceTopology();
    auto r = ProjectFile::parse(ProjectFile::serialize(t).replace(
                                    "\nsubnets:\n",
                                    "\n  extra:\n"
                                    "    patroni:\n"
                                    "      log: {level: INFO, dir: /var/log/patroni, file_num: 4}\n"
                                    "      tags: {zone: \"on\"}\n"
                                    "      restapi: {request_queue_size: 10}\n"
                                    "    haproxy:\n"
                                    "      global: [\"tune.bufsize   32768\", \"log 127.0.0.1 local1\"]\n"
                                    "      defaults: [\"timeout queue 1m\"]\n"
                                    "    etcd: {ETCD_HEARTBEAT_INTERVAL: \"100\", ETCD_LOG_LEVEL: info}\n"
                                    "subnets:\n"),
                                QStringLiteral("extra.pgha.yaml"));
    if (!r.ok())
        qFatal("%s", qPrintable(r.error().toString()));
    return r->topology;
}

} // namespace

class TestExtraSettings : public QObject
{
    Q_OBJECT

private slots:
    void roundTrips()
    {
        Topology t = withExtra();
        QVERIFY(!t.cluster.extra.isEmpty());
        QCOMPARE(t.cluster.extra.haproxyGlobal,
                 QStringList({QStringLiteral("tune.bufsize 32768"), QStringLiteral("log 127.0.0.1 local1")}));
        QCOMPARE(t.cluster.extra.etcd.value(QStringLiteral("ETCD_LOG_LEVEL")), QStringLiteral("info"));
        t.hosts[1].extra.patroni = QStringLiteral("tags:\n  rack: \"r2\"\nlog:\n  level: DEBUG\n");
        t.hosts[1].extra.etcd.insert(QStringLiteral("ETCD_SNAPSHOT_COUNT"), QStringLiteral("5000"));
        const QByteArray text = ProjectFile::serialize(t);
        auto back = ProjectFile::parse(text, QStringLiteral("rt.pgha.yaml"));
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        QVERIFY(back->warnings.isEmpty());
        QCOMPARE(back->topology, t);
        // Quoted stays quoted: "on" is text, not YAML's boolean.
        QVERIFY2(back->topology.cluster.extra.patroni.contains(QStringLiteral("zone: \"on\"")),
                 qPrintable(back->topology.cluster.extra.patroni));
        QCOMPARE(ProjectFile::serialize(back->topology), text);
        // Positions of extra keys are kept for findings.
        QVERIFY(back->positions.contains(QStringLiteral("cluster.extra.patroni.log.level")));
        QVERIFY(back->positions.contains(QStringLiteral("cluster.extra.haproxy.global[0]")));
        QVERIFY(back->positions.contains(QStringLiteral("hosts[1].extra.etcd.ETCD_SNAPSHOT_COUNT")));
        // Designs without extra write no key.
        QVERIFY(!ProjectFile::serialize(ProjectFile::referenceTopology()).contains("extra"));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("patroni password") << QByteArray("patroni: {restapi: {authentication: {username: a}}}")
                                          << QStringLiteral("cluster.extra.patroni.restapi.authentication")
                                          << QStringLiteral("names a secret");
        QTest::newRow("patroni nested password") << QByteArray("patroni: {postgresql: {pgpass_password: x}}")
                                                 << QStringLiteral("cluster.extra.patroni.postgresql.pgpass_password")
                                                 << QStringLiteral("names a secret");
        QTest::newRow("patroni key file") << QByteArray("patroni: {restapi: {keyfile: /k.pem}}")
                                          << QStringLiteral("cluster.extra.patroni.restapi.keyfile")
                                          << QStringLiteral("key material");
        QTest::newRow("patroni PEM value") << QByteArray("patroni: {x: \"-----BEGIN PRIVATE KEY-----\"}")
                                           << QStringLiteral("cluster.extra.patroni.x") << QStringLiteral("PEM");
        QTest::newRow("patroni line break") << QByteArray("patroni: {log: {format: \"a\\nb\"}}")
                                            << QStringLiteral("cluster.extra.patroni.log.format")
                                            << QStringLiteral("line break");
        QTest::newRow("patroni bad key") << QByteArray("patroni: {\"a b\": 1}") << QStringLiteral("cluster.extra.patroni.a b")
                                         << QStringLiteral("not a usable key");
        QTest::newRow("patroni tag") << QByteArray("patroni: {x: !!python/object foo}") << QStringLiteral("cluster.extra.patroni.x")
                                     << QStringLiteral("tags");
        QTest::newRow("patroni not a mapping") << QByteArray("patroni: [a]") << QStringLiteral("cluster.extra.patroni")
                                               << QStringLiteral("mapping");
        QTest::newRow("haproxy section keyword") << QByteArray("haproxy: {global: [\"listen evil\"]}")
                                                 << QStringLiteral("cluster.extra.haproxy.global[0]")
                                                 << QStringLiteral("opens a section");
        QTest::newRow("haproxy newline") << QByteArray("haproxy: {global: [\"nbthread 2\\nlisten x\"]}")
                                         << QStringLiteral("cluster.extra.haproxy.global[0]")
                                         << QStringLiteral("printable ASCII");
        QTest::newRow("haproxy quote") << QByteArray("haproxy: {defaults: [\"timeout queue '1m'\"]}")
                                       << QStringLiteral("cluster.extra.haproxy.defaults[0]") << QStringLiteral("quotes");
        QTest::newRow("haproxy env expansion") << QByteArray("haproxy: {global: [\"setenv X ${HOME}\"]}")
                                               << QStringLiteral("cluster.extra.haproxy.global[0]") << QStringLiteral("'$'");
        QTest::newRow("haproxy comment cut") << QByteArray("haproxy: {global: [\"maxconn 5 # x\"]}")
                                             << QStringLiteral("cluster.extra.haproxy.global[0]") << QStringLiteral("'#'");
        QTest::newRow("haproxy credentials") << QByteArray("haproxy: {global: [\"stats auth admin:x\"]}")
                                             << QStringLiteral("cluster.extra.haproxy.global[0]") << QStringLiteral("credentials");
        QTest::newRow("haproxy other section") << QByteArray("haproxy: {listen: [\"x\"]}")
                                               << QStringLiteral("cluster.extra.haproxy.listen")
                                               << QStringLiteral("only global and defaults");
        QTest::newRow("etcd name") << QByteArray("etcd: {etcd_name: x}") << QStringLiteral("cluster.extra.etcd.etcd_name")
                                   << QStringLiteral("not an etcd setting name");
        QTest::newRow("etcd shell") << QByteArray("etcd: {ETCD_LOG_LEVEL: \"info\\\"; rm -rf /\"}")
                                    << QStringLiteral("cluster.extra.etcd.ETCD_LOG_LEVEL") << QStringLiteral("allowed");
        QTest::newRow("etcd backtick") << QByteArray("etcd: {ETCD_LOG_LEVEL: \"`id`\"}")
                                       << QStringLiteral("cluster.extra.etcd.ETCD_LOG_LEVEL") << QStringLiteral("allowed");
        QTest::newRow("etcd secret") << QByteArray("etcd: {ETCD_PEER_KEY_FILE: /x}")
                                     << QStringLiteral("cluster.extra.etcd.ETCD_PEER_KEY_FILE") << QStringLiteral("key material");
        QTest::newRow("etcd token") << QByteArray("etcd: {ETCD_AUTH_TOKEN: simple}")
                                    << QStringLiteral("cluster.extra.etcd.ETCD_AUTH_TOKEN") << QStringLiteral("secret");
    }

    void refusals()
    {
        QFETCH(QByteArray, extra);
        QFETCH(QString, field);
        QFETCH(QString, messagePart);
        const QByteArray yaml = "format: 1\ncluster:\n  name: c\n  extra: {" + extra.mid(0) + "}\n";
        auto r = ProjectFile::parse(yaml, QStringLiteral("in.pgha.yaml"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().file, QStringLiteral("in.pgha.yaml"));
        QCOMPARE(r.error().line, 4);
        QVERIFY(r.error().column > 10);
        QCOMPARE(r.error().field, field);
        QVERIFY2(r.error().message.contains(messagePart), qPrintable(r.error().toString()));
        // The same under a host.
        const QByteArray hostYaml = "format: 1\nhosts:\n  - name: a\n    extra: {" + extra + "}\n";
        auto h = ProjectFile::parse(hostYaml, QStringLiteral("in.pgha.yaml"));
        QVERIFY(!h.ok());
        QCOMPARE(h.error().field, QString(field).replace(QStringLiteral("cluster.extra"), QStringLiteral("hosts[0].extra")));
    }

    void patroniMergeKeepsGeneratedLines()
    {
        const Topology t = withExtra();
        const Host &db = firstWith(t, Role::Postgres);
        Topology plain = t;
        plain.cluster.extra = ExtraSettings();
        const QByteArray base = PatroniConfig::yaml(plain, secrets(), db);
        const QByteArray merged = PatroniConfig::yaml(t, secrets(), db);
        // Every generated line is still there, in order; the extra lines are added.
        QStringList rest = QString::fromUtf8(merged).split(QLatin1Char('\n'));
        for (const QString &line : QString::fromUtf8(base).split(QLatin1Char('\n'))) {
            const int at = rest.indexOf(line);
            QVERIFY2(at >= 0, qPrintable(line));
            rest = rest.mid(at + 1);
        }
        const YAML::Node n = YAML::Load(merged.toStdString());
        QCOMPARE(QString::fromStdString(n["log"]["level"].Scalar()), QStringLiteral("INFO"));
        QCOMPARE(n["log"]["file_num"].as<int>(), 4);
        QCOMPARE(QString::fromStdString(n["tags"]["zone"].Scalar()), QStringLiteral("on"));
        QCOMPARE(QString::fromStdString(n["tags"]["zone"].Tag()), QStringLiteral("!"));  // stays text
        QCOMPARE(n["tags"]["nofailover"].as<bool>(), false);
        QCOMPARE(n["restapi"]["request_queue_size"].as<int>(), 10);
        QCOMPARE(QString::fromStdString(n["restapi"]["listen"].Scalar()), db.address + QStringLiteral(":8008"));
        // A host's own extra adds to the cluster's and wins over it.
        Topology h = t;
        h.hosts[indexOf(h, db)].extra.patroni = QStringLiteral("log:\n  level: DEBUG\ntags:\n  rack: r1\n");
        const YAML::Node hn = YAML::Load(PatroniConfig::yaml(h, secrets(), h.hosts[indexOf(h, db)]).toStdString());
        QCOMPARE(QString::fromStdString(hn["log"]["level"].Scalar()), QStringLiteral("DEBUG"));
        QCOMPARE(QString::fromStdString(hn["log"]["dir"].Scalar()), QStringLiteral("/var/log/patroni"));
        QCOMPARE(QString::fromStdString(hn["tags"]["rack"].Scalar()), QStringLiteral("r1"));
        QCOMPARE(QString::fromStdString(hn["tags"]["zone"].Scalar()), QStringLiteral("on"));
    }

    void generatedKeysAreNeverOverridden()
    {
        Topology t = withExtra();
        const Host &db = firstWith(t, Role::Postgres);
        const int i = indexOf(t, db);
        t.hosts[i].extra.patroni = QStringLiteral("tags:\n  nofailover: true\nbootstrap:\n  dcs:\n    ttl: 99\n");
        const QByteArray yaml = PatroniConfig::yaml(t, secrets(), t.hosts[i]);
        const YAML::Node n = YAML::Load(yaml.toStdString());
        QCOMPARE(n["tags"]["nofailover"].as<bool>(), false);
        QCOMPARE(n["bootstrap"]["dcs"]["ttl"].as<int>(), 30);
        QVERIFY(!yaml.contains("99"));
        const QList<ExtraMerge::Collision> c = ExtraMerge::collisions(t, i);
        QStringList fields;
        for (const ExtraMerge::Collision &x : c)
            fields << x.field;
        QCOMPARE(fields, QStringList({QStringLiteral("hosts[%1].extra.patroni.tags.nofailover").arg(i),
                                      QStringLiteral("hosts[%1].extra.patroni.bootstrap.dcs.ttl").arg(i)}));
        // The rule reports each, naming the key; with positions the CLI names the file line.
        const QByteArray text = ProjectFile::serialize(t);
        auto loaded = ProjectFile::parse(text, QStringLiteral("o.pgha.yaml"));
        QVERIFY(loaded.ok());
        const Secrets s = secrets();
        int found = 0;
        for (const Finding &f : validate(loaded->topology, &s)) {
            if (f.ruleId != QLatin1String("extra-overrides-generated"))
                continue;
            ++found;
            QCOMPARE(f.severity, Severity::Error);
            QVERIFY2(loaded->positions.contains(f.field), qPrintable(f.field));
            QVERIFY(loaded->positions.value(f.field).line > 0);
            QVERIFY2(f.message.contains(QStringLiteral("tags.nofailover")) || f.message.contains(QStringLiteral("bootstrap.dcs.ttl")),
                     qPrintable(f.message));
        }
        QCOMPARE(found, 2);
        // The same for haproxy directives and etcd names the design writes.
        Topology o = withExtra();
        o.cluster.extra.haproxyGlobal << QStringLiteral("maxconn 5000");
        o.cluster.extra.haproxyDefaults << QStringLiteral("timeout client 1h");
        o.cluster.extra.etcd.insert(QStringLiteral("ETCD_NAME"), QStringLiteral("other"));
        QStringList rules;
        for (const Finding &f : validate(o, &s)) {
            if (f.ruleId == QLatin1String("extra-overrides-generated"))
                rules << f.field;
        }
        QVERIFY2(rules.contains(QStringLiteral("cluster.extra.haproxy.global[2]")), qPrintable(rules.join(QLatin1Char(' '))));
        QVERIFY2(rules.contains(QStringLiteral("cluster.extra.haproxy.defaults[1]")), qPrintable(rules.join(QLatin1Char(' '))));
        QVERIFY2(rules.contains(QStringLiteral("cluster.extra.etcd.ETCD_NAME")), qPrintable(rules.join(QLatin1Char(' '))));
        QCOMPARE(rules.size(), 3);
        const Host &lb = firstWith(o, Role::HAProxy);
        const QString cfg = QString::fromUtf8(HAProxyConfig::config(o, s, lb));
        QCOMPARE(cfg.count(QStringLiteral("maxconn 5000")), 0);
        QCOMPARE(cfg.count(QStringLiteral("timeout client 1h")), 0);
        const Host &etcd = firstWith(o, Role::Etcd);
        QVERIFY(!EtcdConfig::envFile(o, etcd).contains("other"));
        // The design without overrides: no finding of either rule.
        for (const Finding &f : validate(withExtra(), &s))
            QVERIFY2(!f.ruleId.startsWith(QLatin1String("extra-")), qPrintable(f.message));
    }

    void haproxyAndEtcdLines()
    {
        const Topology t = withExtra();
        const Secrets s = secrets();
        const Host &lb = firstWith(t, Role::HAProxy);
        const QString cfg = QString::fromUtf8(HAProxyConfig::config(t, s, lb));
        QVERIFY2(cfg.contains(QStringLiteral("    server-state-file /run/haproxy/server-state\n"
                                             "    tune.bufsize 32768\n"
                                             "    log 127.0.0.1 local1\n\ndefaults\n")),
                 qPrintable(cfg));
        QVERIFY2(cfg.contains(QStringLiteral("    timeout check 5s\n    timeout queue 1m\n\nlisten stats\n")), qPrintable(cfg));
        const Host &etcd = firstWith(t, Role::Etcd);
        const QByteArray env = EtcdConfig::envFile(t, etcd);
        QVERIFY2(env.contains("\nETCD_HEARTBEAT_INTERVAL=\"100\"\nETCD_LOG_LEVEL=\"info\"\n"), env.constData());
        const QByteArray yaml = EtcdConfig::yaml(t, etcd);
        const YAML::Node n = YAML::Load(yaml.toStdString());
        QCOMPARE(n["heartbeat-interval"].as<int>(), 100);
        QCOMPARE(QString::fromStdString(n["log-level"].Scalar()), QStringLiteral("info"));
        // A value that got past the reader (a design built in code) is still never written unchecked.
        Topology bad = t;
        bad.cluster.extra.etcd.insert(QStringLiteral("ETCD_X"), QStringLiteral("a\"\nETCD_NAME=evil"));
        bad.cluster.extra.haproxyGlobal << QStringLiteral("nbthread 2\nlisten evil");
        bad.cluster.extra.patroni += QStringLiteral("x: \"a\\nb\"\n");
        QVERIFY(!EtcdConfig::envFile(bad, etcd).contains("evil"));
        QVERIFY(!HAProxyConfig::config(bad, s, lb).contains("evil"));
        const QByteArray p = PatroniConfig::yaml(bad, s, firstWith(bad, Role::Postgres));
        QVERIFY(!p.contains("log:"));  // a mapping with a bad value is not merged at all
        QStringList fields;
        for (const Finding &f : validate(bad, &s)) {
            if (f.ruleId == QLatin1String("extra-invalid"))
                fields << f.field;
        }
        QCOMPARE(fields, QStringList({QStringLiteral("cluster.extra.patroni.x"), QStringLiteral("cluster.extra.haproxy.global[2]"),
                                      QStringLiteral("cluster.extra.etcd.ETCD_X")}));
    }
};

QTEST_GUILESS_MAIN(TestExtraSettings)
#include "test_extra_settings.moc"
