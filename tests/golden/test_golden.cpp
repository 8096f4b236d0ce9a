// Golden-file tests of the generators: every case folder under tests/golden holds a topology, fixed test
// secrets and the expected bundle tree; the test compares file list, bytes and modes.
// PGHA_UPDATE_GOLDEN=1 rewrites expected/ and manifest.txt from the current generators instead.
#include "core/generate/GenUtil.h"
#include "core/generate/Generator.h"
#include "core/generate/LoopbackVariant.h"
#include "core/generate/PatroniConfig.h"
#include "core/model/Platform.h"
#include "core/model/Secrets.h"
#include "core/project/ProjectFile.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <yaml-cpp/yaml.h>

#include <thread>

using namespace pgha;

namespace {

QString goldenRoot()
{
    return QStringLiteral(PGHA_SOURCE_DIR "/tests/golden");
}

bool updating()
{
    return qEnvironmentVariable("PGHA_UPDATE_GOLDEN") == QLatin1String("1");
}

Result<Secrets> loadCaseSecrets(const QString &caseDir)
{
    // The file in git is 0644; SecretStore refuses that, so hand it a private copy.
    QTemporaryDir tmp;
    const QString copy = tmp.filePath(QStringLiteral("secrets.yaml"));
    if (!QFile::copy(caseDir + QStringLiteral("/secrets.yaml"), copy))
        return Error(QStringLiteral("cannot copy secrets.yaml"));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    return SecretStore::loadFile(copy);
}

QByteArray manifest(const Bundle &b)
{
    QByteArray m;
    for (const GeneratedFile &f : b.files) {
        m += QStringLiteral("%1 %2 %3 %4\n")
                 .arg(QString::number(f.mode, 8).rightJustified(4, QLatin1Char('0')),
                      f.secret ? QStringLiteral("secret") : QStringLiteral("public"), fileSyntaxKey(f.syntax),
                      f.bundlePath())
                 .toUtf8();
    }
    return m;
}

QStringList filesUnder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(data) == data.size();
}

} // namespace

class TestGolden : public QObject
{
    Q_OBJECT

private slots:
    void cases_data()
    {
        QTest::addColumn<QString>("caseDir");
        const QDir root(goldenRoot());
        const QStringList names = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &n : names) {
            if (QFile::exists(root.filePath(n + QStringLiteral("/topology.pgha.yaml"))))
                QTest::newRow(qPrintable(n)) << root.filePath(n);
        }
    }

    void cases()
    {
        QFETCH(QString, caseDir);
        auto loaded = ProjectFile::load(caseDir + QStringLiteral("/topology.pgha.yaml"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QVERIFY2(loaded->warnings.isEmpty(), qPrintable(loaded->warnings.value(0).toString()));
        auto secrets = loadCaseSecrets(caseDir);
        QVERIFY2(secrets.ok(), qPrintable(secrets.ok() ? QString() : secrets.error().toString()));

        const Bundle bundle = generateBundle(loaded->topology, secrets.value());
        QVERIFY(!bundle.files.isEmpty());
        const QString expectedDir = caseDir + QStringLiteral("/expected");

        if (updating()) {
            QDir(expectedDir).removeRecursively();
            for (const GeneratedFile &f : bundle.files)
                QVERIFY(writeFile(expectedDir + QLatin1Char('/') + f.bundlePath(), f.content));
            QVERIFY(writeFile(caseDir + QStringLiteral("/manifest.txt"), manifest(bundle)));
            qInfo("rewrote %s", qPrintable(expectedDir));
        }

        QStringList generated;
        for (const GeneratedFile &f : bundle.files)
            generated << f.bundlePath();
        QStringList sortedGenerated = generated;
        sortedGenerated.sort();
        QCOMPARE(generated, sortedGenerated);  // the bundle is sorted by bundle path
        QCOMPARE(generated, filesUnder(expectedDir));

        for (const GeneratedFile &f : bundle.files) {
            QFile e(expectedDir + QLatin1Char('/') + f.bundlePath());
            QVERIFY2(e.open(QIODevice::ReadOnly), qPrintable(e.fileName()));
            const QByteArray want = e.readAll();
            if (want != f.content) {
                // Point at the first differing line rather than dumping two whole files.
                const QList<QByteArray> a = f.content.split('\n');
                const QList<QByteArray> b = want.split('\n');
                int i = 0;
                while (i < a.size() && i < b.size() && a[i] == b[i])
                    ++i;
                QFAIL(qPrintable(QStringLiteral("%1 differs at line %2:\n  generated: %3\n  expected:  %4")
                                     .arg(f.bundlePath())
                                     .arg(i + 1)
                                     .arg(QString::fromUtf8(a.value(i)), QString::fromUtf8(b.value(i)))));
            }
        }

        QFile m(caseDir + QStringLiteral("/manifest.txt"));
        QVERIFY(m.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(manifest(bundle)), QString::fromUtf8(m.readAll()));
    }

    // Properties every case must have, whatever the golden bytes say.
    void invariants_data() { cases_data(); }
    void invariants()
    {
        QFETCH(QString, caseDir);
        auto loaded = ProjectFile::load(caseDir + QStringLiteral("/topology.pgha.yaml"));
        QVERIFY(loaded.ok());
        auto secrets = loadCaseSecrets(caseDir);
        QVERIFY(secrets.ok());
        const Topology &t = loaded->topology;
        const Bundle bundle = generateBundle(t, secrets.value());

        // Deterministic, and the same from several threads at once.
        const Bundle again = generateBundle(t, secrets.value());
        QCOMPARE(manifest(again), manifest(bundle));
        for (int i = 0; i < bundle.files.size(); ++i)
            QCOMPARE(again.files[i].content, bundle.files[i].content);
        QList<Bundle> parallel(4);
        {
            std::vector<std::thread> threads;
            for (int i = 0; i < parallel.size(); ++i)
                threads.emplace_back([&, i] { parallel[i] = generateBundle(t, secrets.value()); });
            for (std::thread &th : threads)
                th.join();
        }
        for (const Bundle &p : parallel) {
            QCOMPARE(p.files.size(), bundle.files.size());
            for (int i = 0; i < bundle.files.size(); ++i)
                QCOMPARE(p.files[i].content, bundle.files[i].content);
        }

        QVERIFY(bundle.find(QString(), QStringLiteral("README.md")));
        QList<QByteArray> passwords = {
            secrets->superuserPassword.toUtf8(), secrets->replicationPassword.toUtf8(),
            secrets->rewindPassword.toUtf8(), secrets->restApiPassword.toUtf8(),
            secrets->haproxyStatsPassword.toUtf8()};
        if (!secrets->poolerAuthPassword.isEmpty())  // the cases without a pooler have none
            passwords << secrets->poolerAuthPassword.toUtf8();
        QList<QByteArray> optional = {secrets->vipPassword.toUtf8()};  // may be empty: no VRRP authentication
        for (const QByteArray &p : optional) {
            if (!p.isEmpty())
                passwords << p;
        }
        // Private keys are secrets too; certificates are not.
        QList<QByteArray> keys = {secrets->tls.ca.keyPem, secrets->tls.admin.keyPem};
        for (const PemPair &p : secrets->tls.hosts)
            keys << p.keyPem;
        for (const GeneratedFile &f : bundle.files) {
            bool holdsSecret = false;
            for (const QByteArray &p : passwords)
                holdsSecret = holdsSecret || f.content.contains(p);
            for (const QByteArray &k : keys)
                holdsSecret = holdsSecret || (!k.isEmpty() && f.content.contains(k));
            QVERIFY2(holdsSecret == f.secret, qPrintable(f.bundlePath()));
            // The CA's and the admin's keys never leave the controlling machine.
            QVERIFY2(!f.content.contains(secrets->tls.ca.keyPem) || secrets->tls.ca.keyPem.isEmpty(),
                     qPrintable(f.bundlePath()));
            QVERIFY2(!f.content.contains(secrets->tls.admin.keyPem) || secrets->tls.admin.keyPem.isEmpty(),
                     qPrintable(f.bundlePath()));
            if (holdsSecret)
                QCOMPARE(f.mode, 0600);
            if (f.syntax == FileSyntax::Shell)
                QCOMPARE(f.mode, 0755);
            QVERIFY2(!f.content.contains("/tmp/.pgpass"), qPrintable(f.bundlePath()));
            if (f.syntax == FileSyntax::Yaml) {
                try {
                    const YAML::Node n = YAML::Load(f.content.toStdString());
                    QVERIFY2(n.IsMap(), qPrintable(f.bundlePath()));
                } catch (const YAML::Exception &e) {
                    QFAIL(qPrintable(f.bundlePath() + QStringLiteral(": ") + QString::fromStdString(e.what())));
                }
            }
        }

        for (const Host &h : t.hosts) {
            QVERIFY(bundle.find(h.name, QStringLiteral("/etc/hosts.pgha")));
            QVERIFY(bundle.find(h.name, QStringLiteral("/root/pgha-install.sh")));
            if (!h.has(Role::Postgres))
                continue;
            const GeneratedFile *p = bundle.find(h.name, Platform::patroniConfigPath(h.os));
            QVERIFY(p);
            const YAML::Node y = YAML::Load(p->content.toStdString());
            // Every etcd member listed, no bootstrap users, 'off' survives as a string.
            QCOMPARE(int(y["etcd3"]["hosts"].size()), t.count(Role::Etcd));
            QVERIFY(!y["bootstrap"]["users"]);
            QCOMPARE(y["watchdog"]["mode"].as<std::string>(), std::string("off"));
            QCOMPARE(y["bootstrap"]["dcs"]["postgresql"]["parameters"]["hot_standby"].as<std::string>(),
                     std::string("on"));
            if (t.cluster.postgres.version >= 13)
                QVERIFY(!y["bootstrap"]["dcs"]["postgresql"]["parameters"]["wal_keep_segments"]);
            // bootstrap.pg_hba only satisfies Patroni 3.0.2's validator (postgresql.pg_hba is what is used): one
            // line, the first of the real list, never the list twice.
            QCOMPARE(int(y["bootstrap"]["pg_hba"].size()), 1);
            QCOMPARE(y["bootstrap"]["pg_hba"][0].as<std::string>(), y["postgresql"]["pg_hba"][0].as<std::string>());
            // 0.0.0.0/0 and ::/0 only ever reject; with TLS every network line is hostssl, plain text refused first.
            bool sawNoSsl = false;
            for (const YAML::Node &l : y["postgresql"]["pg_hba"]) {
                const QString line = QString::fromStdString(l.as<std::string>());
                const bool any = line.contains(QLatin1String("0.0.0.0/0")) || line.contains(QLatin1String(" ::/0"));
                QVERIFY2(!line.endsWith(QLatin1String(" trust")), qPrintable(line));
                QVERIFY2(!any || line.endsWith(QLatin1String(" reject")), qPrintable(line));
                if (t.cluster.security.tls && !line.startsWith(QLatin1String("local")) && !any) {
                    QVERIFY2(line.startsWith(QLatin1String("hostssl ")), qPrintable(line));
                    QVERIFY2(sawNoSsl, qPrintable(line));
                }
                sawNoSsl = sawNoSsl || line.startsWith(QLatin1String("hostnossl all all ::/0 reject"));
            }
            QCOMPARE(sawNoSsl, t.cluster.security.tls);
        }
    }

    void yamlString_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain word") << QStringLiteral("cluster_1") << QStringLiteral("cluster_1");
        QTest::newRow("off is a bool") << QStringLiteral("off") << QStringLiteral("'off'");
        QTest::newRow("On any case") << QStringLiteral("On") << QStringLiteral("'On'");
        QTest::newRow("exponent") << QStringLiteral("1e3") << QStringLiteral("'1e3'");
        QTest::newRow("size with unit") << QStringLiteral("160MB") << QStringLiteral("'160MB'");
        QTest::newRow("octal-looking") << QStringLiteral("010") << QStringLiteral("'010'");
        QTest::newRow("empty") << QString() << QStringLiteral("''");
        QTest::newRow("colon") << QStringLiteral("10.0.0.1:8008") << QStringLiteral("'10.0.0.1:8008'");
        QTest::newRow("quote inside") << QStringLiteral("it's") << QStringLiteral("'it''s'");
        QTest::newRow("null") << QStringLiteral("null") << QStringLiteral("'null'");
        QTest::newRow("path") << QStringLiteral("/var/lib/pgsql/16/data") << QStringLiteral("/var/lib/pgsql/16/data");
    }
    void yamlString()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(GenUtil::yamlString(in), out);
        // And YAML reads it back as the same string.
        const YAML::Node n = YAML::Load(QString(QStringLiteral("k: ") + out).toStdString());
        QCOMPARE(QString::fromStdString(n["k"].as<std::string>()), in);
    }

    void yamlParamValue_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("integer") << QStringLiteral("200") << QStringLiteral("200");
        QTest::newRow("zero") << QStringLiteral("0") << QStringLiteral("0");
        QTest::newRow("negative") << QStringLiteral("-1") << QStringLiteral("-1");
        QTest::newRow("leading zero") << QStringLiteral("010") << QStringLiteral("'010'");
        QTest::newRow("exponent") << QStringLiteral("1e3") << QStringLiteral("'1e3'");
        QTest::newRow("unit") << QStringLiteral("1s") << QStringLiteral("'1s'");
        QTest::newRow("on") << QStringLiteral("on") << QStringLiteral("'on'");
        QTest::newRow("minus alone") << QStringLiteral("-") << QStringLiteral("'-'");
        QTest::newRow("word") << QStringLiteral("replica") << QStringLiteral("replica");
    }
    void yamlParamValue()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(GenUtil::yamlParamValue(in), out);
    }

    void walKeepAcrossVersions_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("param");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("wantKey");
        QTest::addColumn<QString>("wantValue");
        QTest::newRow("segments on 16 become size") << 16 << "wal_keep_segments" << "10" << "wal_keep_size" << "160MB";
        QTest::newRow("size on 12 becomes segments") << 12 << "wal_keep_size" << "1GB" << "wal_keep_segments" << "64";
        QTest::newRow("size on 15 stays") << 15 << "wal_keep_size" << "256MB" << "wal_keep_size" << "256MB";
        QTest::newRow("default on 13") << 13 << "" << "" << "wal_keep_size" << "128MB";
    }
    void walKeepAcrossVersions()
    {
        QFETCH(int, version);
        QFETCH(QString, param);
        QFETCH(QString, value);
        QFETCH(QString, wantKey);
        QFETCH(QString, wantValue);
        Topology t = ProjectFile::referenceTopology();
        t.cluster.postgres.version = version;
        t.cluster.postgres.parameters.clear();
        if (!param.isEmpty())
            t.cluster.postgres.parameters.insert(param, value);
        const QMap<QString, QString> p = PatroniConfig::postgresParameters(t);
        QCOMPARE(p.value(wantKey), wantValue);
        const QString other = wantKey == QLatin1String("wal_keep_size") ? QStringLiteral("wal_keep_segments")
                                                                         : QStringLiteral("wal_keep_size");
        QVERIFY(!p.contains(other));
    }

    void loopbackVariant()
    {
        const Topology t = mapToLoopback(ProjectFile::referenceTopology(), QStringLiteral("127.0.1"), 10);
        QCOMPARE(t.hosts[0].address, QStringLiteral("127.0.1.10"));
        QCOMPARE(t.hosts[3].address, QStringLiteral("127.0.1.13"));
        for (const Subnet &s : t.subnets)
            QCOMPARE(s.cidr, QStringLiteral("127.0.1.0/24"));
        QCOMPARE(t.hosts[0].name, ProjectFile::referenceTopology().hosts[0].name);
    }

    // Not a benchmark (that lives in bench/): a coarse guard against accidental quadratic cost.
    void twoHundredHosts()
    {
        Topology t = ProjectFile::referenceTopology();
        const Host proto = t.hosts.first();
        t.hosts.clear();
        for (int i = 0; i < 200; ++i) {
            Host h = proto;
            h.name = QStringLiteral("n%1").arg(i);
            h.address = QStringLiteral("10.104.%1.%2").arg(i / 250).arg(i % 250 + 1);
            h.roles = i < 5 ? Roles(Role::Postgres | Role::Etcd) : (i < 195 ? Roles(Role::Postgres) : Roles(Role::HAProxy));
            t.hosts << h;
        }
        Secrets s;
        SecretStore::fillMissing(&s);
        QElapsedTimer timer;
        timer.start();
        const Bundle b = generateBundle(t, s);
        const qint64 ms = timer.elapsed();
        qInfo("200 hosts: %d files in %lld ms", int(b.files.size()), ms);
        QVERIFY(b.files.size() > 600);
        QVERIFY2(ms < 2000, qPrintable(QString::number(ms)));  // generous: loaded CI machine, debug builds
    }
};

QTEST_GUILESS_MAIN(TestGolden)
#include "test_golden.moc"
