// LiveImport (pgha import's mapping) without a network: the REST answers a cluster deployed from
// tests/golden/reference would give, plus that deployment's own files as SSH would read them. The design it builds,
// generated again with the same secrets, must give back the deployed files (comments aside).
#include "core/generate/Generator.h"
#include "core/generate/PatroniConfig.h"
#include "core/importer/LiveImport.h"
#include "core/lint/LintLoader.h"
#include "core/model/Secrets.h"
#include "core/project/ProjectFile.h"
#include "core/validation/Validator.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace pgha;

namespace {

const QString kGolden = QStringLiteral(PGHA_SOURCE_DIR "/tests/golden/reference/");

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

LiveSources referenceAnswers()
{
    LiveSources s;
    s.restUrl = QStringLiteral("https://10.104.0.1:8008");
    s.cluster = "{\"members\": ["
        "        {\"name\": \"node1\", \"role\": \"leader\", \"state\": \"running\", \"api_url\": \"https://10.104.0.1:8008/patroni\","
        "         \"host\": \"10.104.0.1\", \"port\": 5432, \"timeline\": 1},"
        "        {\"name\": \"node2\", \"role\": \"replica\", \"state\": \"streaming\", \"api_url\": \"https://10.104.0.2:8008/patroni\","
        "         \"host\": \"10.104.0.2\", \"port\": 5432, \"timeline\": 1, \"lag\": 0},"
        "        {\"name\": \"node3\", \"role\": \"replica\", \"state\": \"streaming\", \"api_url\": \"https://10.104.0.3:8008/patroni\","
        "         \"host\": \"10.104.0.3\", \"port\": 5432, \"timeline\": 1, \"lag\": 0}]}";
    s.patroni = "{\"state\": \"running\", \"role\": \"primary\", \"server_version\": 160004, \"timeline\": 1,"
        "        \"patroni\": {\"version\": \"3.3.2\", \"scope\": \"cluster_1\", \"name\": \"node1\"}}";
    s.config = "{\"ttl\": 30, \"loop_wait\": 10, \"retry_timeout\": 10, \"maximum_lag_on_failover\": 1048576,"
        "        \"synchronous_mode\": false, \"failsafe_mode\": true, \"check_timeline\": true,"
        "        \"postgresql\": {\"use_pg_rewind\": true, \"use_slots\": true, \"parameters\": {"
        "            \"hot_standby\": \"on\", \"logging_collector\": \"on\", \"max_connections\": 200, \"max_replication_slots\": 10,"
        "            \"max_wal_senders\": 10, \"password_encryption\": \"scram-sha-256\", \"wal_keep_size\": \"160MB\","
        "            \"wal_level\": \"replica\", \"wal_log_hints\": \"on\"}}}";
    return s;
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT
private slots:
    void restOnly()
    {
        const Result<ImportedDesign> d = LiveImport::design(referenceAnswers());
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().toString()));
        const Topology &t = d->topology;
        QCOMPARE(t.cluster.name, QStringLiteral("cluster_1"));
        QCOMPARE(t.hosts.size(), 3);
        QCOMPARE(t.hosts.at(1).address, QStringLiteral("10.104.0.2"));
        QCOMPARE(t.cluster.postgres.version, 16);
        QCOMPARE(t.cluster.patroni.ttl, 30);
        QVERIFY(t.cluster.patroni.failsafeMode);
        // Only what the generator would not write by itself: max_connections, logging_collector, wal_keep_size.
        QCOMPARE(t.cluster.postgres.parameters.value(QStringLiteral("max_connections")), QStringLiteral("200"));
        QCOMPARE(t.cluster.postgres.parameters.value(QStringLiteral("wal_keep_size")), QStringLiteral("160MB"));
        QVERIFY(!t.cluster.postgres.parameters.contains(QStringLiteral("wal_level")));
        // Unmapped settings are listed, never dropped silently.
        QVERIFY2(d->unmapped.contains(QStringLiteral("/config: check_timeline = true")), qPrintable(d->unmapped.join(QLatin1Char('\n'))));
        QVERIFY(!d->notes.isEmpty());  // no files: namespace and the rest are assumptions, said so
        QCOMPARE(t.hosts.at(0).subnet, QStringLiteral("net"));
    }

    void badAnswers()
    {
        LiveSources s = referenceAnswers();
        s.cluster = "{\"members\": []}";
        QVERIFY(!LiveImport::design(s).ok());
        s = referenceAnswers();
        s.config = "[1]";
        QVERIFY(!LiveImport::design(s).ok());
        s = referenceAnswers();
        s.patroni = "not json";
        QVERIFY(!LiveImport::design(s).ok());
    }

    // With the members' files (as SSH reads them) the design regenerates every patroni.yml and etcd.conf byte for
    // byte, comments aside.
    void regeneratesTheDeployedFiles()
    {
        const QString e = kGolden + QStringLiteral("expected/");
        LiveSources s = referenceAnswers();
        const Result<LintInputs> files = LintLoader::load({e + QStringLiteral("node1/etc/patroni/patroni.yml"),
                                                           e + QStringLiteral("node2/etc/patroni/patroni.yml"),
                                                           e + QStringLiteral("node3/etc/patroni/patroni.yml"),
                                                           e + QStringLiteral("node1/etc/etcd/etcd.conf"),
                                                           e + QStringLiteral("HAProxy-demo/etc/haproxy/haproxy.cfg")});
        QVERIFY(files.ok());
        s.files = files.value();
        const Result<ImportedDesign> d = LiveImport::design(s);
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().toString()));

        QTemporaryDir tmp;
        const QString copy = tmp.filePath(QStringLiteral("secrets.yaml"));
        QVERIFY(QFile::copy(kGolden + QStringLiteral("secrets.yaml"), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        const Result<Secrets> secrets = SecretStore::loadFile(copy);
        QVERIFY(secrets.ok());
        int compared = 0;
        for (const Host &h : d->topology.hosts) {
            if (!h.has(Role::Postgres))
                continue;
            for (const GeneratedFile &f : generateHostFiles(d->topology, secrets.value(), h)) {
                if (!f.path.startsWith(QLatin1String("/etc/patroni/")) && !f.path.startsWith(QLatin1String("/etc/etcd/")))
                    continue;
                const QByteArray deployed = readFile(e + h.name + f.path);
                QVERIFY2(!deployed.isEmpty(), qPrintable(h.name + f.path));
                QCOMPARE(QString::fromUtf8(withoutComments(f.content)), QString::fromUtf8(withoutComments(deployed)));
                ++compared;
            }
        }
        QVERIFY(compared >= 6);
    }

    // A deployment whose db subnet was declared members_only (the members' pg_hba lines name 10.104.0.0/24): the
    // imported design marks the subnet again and regenerates the same files, with no extra pg_hba entry.
    void membersOnlySubnetIsImported()
    {
        Result<LoadedProject> loaded = ProjectFile::load(kGolden + QStringLiteral("topology.pgha.yaml"));
        QVERIFY(loaded.ok());
        Topology t = loaded->topology;
        t.hosts.erase(std::remove_if(t.hosts.begin(), t.hosts.end(), [](const Host &h) { return !h.has(Role::Postgres); }),
                      t.hosts.end());
        for (Subnet &sn : t.subnets)
            sn.membersOnly = sn.name == QLatin1String("db");
        t.assignUids();
        QTemporaryDir tmp;
        const QString copy = tmp.filePath(QStringLiteral("secrets.yaml"));
        QVERIFY(QFile::copy(kGolden + QStringLiteral("secrets.yaml"), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        const Result<Secrets> secrets = SecretStore::loadFile(copy);
        QVERIFY(secrets.ok());
        QMap<QString, QByteArray> deployed;  // "<host><path>" -> content
        QStringList paths;
        for (const Host &h : t.hosts) {
            for (const GeneratedFile &f : generateHostFiles(t, secrets.value(), h)) {
                if (!f.path.startsWith(QLatin1String("/etc/patroni/")) && f.path != QLatin1String("/etc/etcd/etcd.conf"))
                    continue;
                const QString file = tmp.filePath(h.name + f.path);
                QVERIFY(QDir().mkpath(QFileInfo(file).path()));
                QFile out(file);
                QVERIFY(out.open(QIODevice::WriteOnly));
                out.write(f.content);
                deployed.insert(h.name + f.path, f.content);
                if (f.path.startsWith(QLatin1String("/etc/patroni/")) || h.name == QLatin1String("node1"))
                    paths << file;
            }
        }
        QVERIFY(deployed.value(QStringLiteral("node1/etc/patroni/patroni.yml")).contains("replicator 10.104.0.0/24"));
        LiveSources s = referenceAnswers();
        const Result<LintInputs> files = LintLoader::load(paths);
        QVERIFY(files.ok());
        s.files = files.value();
        const Result<ImportedDesign> d = LiveImport::design(s);
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().toString()));
        // (QVERIFY2 evaluates its message even when the check holds: never first() of a list that may be empty.)
        QVERIFY2(d->topology.cluster.extraHba.isEmpty(),
                 qPrintable(d->topology.cluster.extraHba.isEmpty() ? QString() : d->topology.cluster.extraHba.first().address));
        bool marked = false;
        for (const Subnet &sn : d->topology.subnets)
            marked = marked || (sn.cidr == QLatin1String("10.104.0.0/24") && sn.membersOnly);
        QVERIFY(marked);
        int compared = 0;
        for (const Host &h : d->topology.hosts) {
            for (const GeneratedFile &f : generateHostFiles(d->topology, secrets.value(), h)) {
                if (!deployed.contains(h.name + f.path))
                    continue;
                QCOMPARE(QString::fromUtf8(withoutComments(f.content)),
                         QString::fromUtf8(withoutComments(deployed.value(h.name + f.path))));
                ++compared;
            }
        }
        QVERIFY(compared >= 3);
    }

    // A cluster deployed with settings the design model has no key for (tests/golden/debian12-extra-settings): the
    // import keeps each as an extra setting, where it was found (the same on every member: the cluster's; one
    // member's own: that host's), lists it, and the design generated again gives every file back. A setting added
    // by hand in another layout is kept as well; one that overrides a generated key, or a secret, is not.
    void keepsWhatItCannotMapAsExtraSettings()
    {
        const QString caseDir = QStringLiteral(PGHA_SOURCE_DIR "/tests/golden/debian12-extra-settings/");
        const QString e = caseDir + QStringLiteral("expected/");
        LiveSources s;
        s.restUrl = QStringLiteral("https://10.60.0.11:8008");
        s.cluster = "{\"members\": ["
            "{\"name\": \"lab1\", \"role\": \"leader\", \"state\": \"running\", \"api_url\": \"https://10.60.0.11:8008/patroni\", \"host\": \"10.60.0.11\", \"port\": 5432, \"tags\": {\"zone\": \"on\", \"rack\": \"r1\"}},"
            "{\"name\": \"lab2\", \"role\": \"replica\", \"state\": \"streaming\", \"api_url\": \"https://10.60.0.12:8008/patroni\", \"host\": \"10.60.0.12\", \"port\": 5432},"
            "{\"name\": \"lab3\", \"role\": \"replica\", \"state\": \"streaming\", \"api_url\": \"https://10.60.0.13:8008/patroni\", \"host\": \"10.60.0.13\", \"port\": 5432}]}";
        s.patroni = "{\"state\": \"running\", \"role\": \"primary\", \"server_version\": 150010, \"patroni\": {\"version\": \"3.0.2\", \"scope\": \"lab\", \"name\": \"lab1\"}}";
        s.config = "{\"ttl\": 10, \"loop_wait\": 2, \"retry_timeout\": 3, \"maximum_lag_on_failover\": 1048576, \"synchronous_mode\": false,"
            " \"failsafe_mode\": true, \"postgresql\": {\"use_pg_rewind\": true, \"use_slots\": true, \"parameters\": {\"max_connections\": 100}}}";
        QMap<QString, QByteArray> deployed;  // "host:path" as SSH names them
        for (const QString &h : {QStringLiteral("lab1"), QStringLiteral("lab2"), QStringLiteral("lab3")}) {
            deployed.insert(h + QStringLiteral(":/etc/patroni/config.yml"), readFile(e + h + QStringLiteral("/etc/patroni/config.yml")));
            deployed.insert(h + QStringLiteral(":/etc/default/etcd"), readFile(e + h + QStringLiteral("/etc/default/etcd")));
        }
        deployed.insert(QStringLiteral("haproxy:/etc/haproxy/haproxy.cfg"), readFile(e + QStringLiteral("lab-lb/etc/haproxy/haproxy.cfg")));
        // Added by hand on lab2, in a layout of its own: a new key, a generated key changed, a password.
        QByteArray &lab2 = deployed[QStringLiteral("lab2:/etc/patroni/config.yml")];
        lab2 += "\nwatchdog_extra:\n    safety_margin:   5\n";
        lab2.replace("    ttl: 10\n", "    ttl: 12\n");
        lab2 += "ctl_secret:\n  password: hunter2\n";
        for (auto it = deployed.cbegin(); it != deployed.cend(); ++it)
            QVERIFY2(!it.value().isEmpty(), qPrintable(it.key()));
        for (auto it = deployed.cbegin(); it != deployed.cend(); ++it)
            QVERIFY(LintLoader::add(it.key(), it.value(), &s.files).ok());
        const Result<ImportedDesign> d = LiveImport::design(s);
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().toString()));
        const Topology &t = d->topology;
        const QString kept = d->kept.join(QLatin1Char('\n'));
        const QString unmapped = d->unmapped.join(QLatin1Char('\n'));

        // Where each was found.
        QVERIFY2(t.cluster.extra.patroni.contains(QStringLiteral("zone: \"on\"")), qPrintable(t.cluster.extra.patroni));
        QVERIFY2(t.cluster.extra.patroni.contains(QStringLiteral("patroni.postmaster: WARNING")), qPrintable(t.cluster.extra.patroni));
        const Host *lab1 = t.hostByName(QStringLiteral("lab1"));
        const Host *lab2h = t.hostByName(QStringLiteral("lab2"));
        QVERIFY(lab1 && lab2h);
        QCOMPARE(lab1->extra.patroni, QStringLiteral("restapi:\n  request_queue_size: 10\ntags:\n  rack: r1\n"));
        QCOMPARE(lab2h->extra.patroni, QStringLiteral("watchdog_extra:\n  safety_margin: 5\n"));
        QCOMPARE(t.cluster.extra.haproxyGlobal, QStringList({QStringLiteral("tune.bufsize 32768"), QStringLiteral("log 127.0.0.1:514 local1 notice")}));
        QCOMPARE(t.cluster.extra.haproxyDefaults, QStringList({QStringLiteral("timeout queue 1m"), QStringLiteral("option redispatch")}));
        QCOMPARE(t.cluster.extra.etcd.keys(), QStringList({QStringLiteral("ETCD_ELECTION_TIMEOUT"), QStringLiteral("ETCD_HEARTBEAT_INTERVAL"), QStringLiteral("ETCD_LOG_LEVEL")}));
        QCOMPARE(lab1->extra.etcd, (QMap<QString, QString>{{QStringLiteral("ETCD_SNAPSHOT_COUNT"), QStringLiteral("5000")}}));
        // Listed: what was kept, what was not and why; a password neither kept nor shown.
        QVERIFY2(kept.contains(QStringLiteral("lab1:/etc/patroni/config.yml: tags.rack")), qPrintable(kept));
        QVERIFY2(kept.contains(QStringLiteral("lab1:/etc/default/etcd:25: ETCD_SNAPSHOT_COUNT")), qPrintable(kept));
        QVERIFY2(kept.contains(QStringLiteral("haproxy:/etc/haproxy/haproxy.cfg: global: tune.bufsize 32768")), qPrintable(kept));
        QVERIFY2(unmapped.contains(QStringLiteral("lab2:/etc/patroni/config.yml: bootstrap.dcs.ttl = 12 (the design generates 10")), qPrintable(unmapped));
        QVERIFY(!kept.contains(QStringLiteral("hunter2")) && !unmapped.contains(QStringLiteral("hunter2")));
        QVERIFY(!t.cluster.extra.patroni.contains(QStringLiteral("hunter2")) && !lab2h->extra.patroni.contains(QStringLiteral("hunter2")));

        // The design round-trips through its file, and generated again gives the deployed files back (lab2's hand
        // edits aside: its new key comes back in the emitter's layout, the changed ttl as the design's).
        const Result<LoadedProject> back = ProjectFile::parse(ProjectFile::serialize(t), QStringLiteral("imported.pgha.yaml"));
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        QTemporaryDir tmp;
        const QString copy = tmp.filePath(QStringLiteral("secrets.yaml"));
        QVERIFY(QFile::copy(caseDir + QStringLiteral("secrets.yaml"), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        const Result<Secrets> secrets = SecretStore::loadFile(copy);
        QVERIFY(secrets.ok());
        int compared = 0;
        for (const Host &h : back->topology.hosts) {
            for (const GeneratedFile &f : generateHostFiles(back->topology, secrets.value(), h)) {
                const QString name = (h.has(Role::HAProxy) ? QStringLiteral("haproxy") : h.name) + QLatin1Char(':') + f.path;
                if (!deployed.contains(name) || name.startsWith(QLatin1String("lab2:/etc/patroni")))
                    continue;
                QCOMPARE(QString::fromUtf8(withoutComments(f.content)), QString::fromUtf8(withoutComments(deployed.value(name))));
                ++compared;
            }
        }
        QCOMPARE(compared, 6);
        const Host *lab2back = back->topology.hostByName(QStringLiteral("lab2"));
        const QByteArray lab2gen = PatroniConfig::yaml(back->topology, secrets.value(), *lab2back);
        QVERIFY2(lab2gen.endsWith("\nwatchdog_extra:\n  safety_margin: 5\n"), lab2gen.constData());
        for (const Finding &f : validate(back->topology, &secrets.value()))
            QVERIFY2(!f.ruleId.startsWith(QLatin1String("extra-")), qPrintable(f.message));
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "test_import.moc"
