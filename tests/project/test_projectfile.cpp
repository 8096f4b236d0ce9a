#include "core/project/ProjectFile.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace pgha;

class TestProjectFile : public QObject
{
    Q_OBJECT

private slots:
    void templatesLoadAndRoundTrip_data()
    {
        QTest::addColumn<QString>("id");
        for (const ProjectFile::TemplateInfo &t : ProjectFile::templates())
            QTest::newRow(qPrintable(t.id)) << t.id;
    }

    void templatesLoadAndRoundTrip()
    {
        QFETCH(QString, id);
        auto loaded = ProjectFile::loadTemplate(id);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QVERIFY2(loaded->warnings.isEmpty(), qPrintable(loaded->warnings.value(0).toString()));
        const QByteArray text = ProjectFile::serialize(loaded->topology);
        auto again = ProjectFile::parse(text, QStringLiteral("roundtrip"));
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
        QVERIFY(again->warnings.isEmpty());
        QCOMPARE(again->topology, loaded->topology);
        // Serialising twice gives the same text (stable output for version control).
        QCOMPARE(ProjectFile::serialize(again->topology), text);
    }

    void referenceMatchesGuide()
    {
        const Topology t = ProjectFile::referenceTopology();
        QCOMPARE(t.cluster.name, QStringLiteral("cluster_1"));
        QCOMPARE(t.cluster.ns, QStringLiteral("percona_lab"));
        QCOMPARE(t.hosts.size(), 4);
        QStringList addresses;
        for (const Host &h : t.hosts)
            addresses << h.name + QLatin1Char('=') + h.address;
        QCOMPARE(addresses, (QStringList{QStringLiteral("node1=10.104.0.1"), QStringLiteral("node2=10.104.0.2"),
                                         QStringLiteral("node3=10.104.0.3"),
                                         QStringLiteral("HAProxy-demo=10.104.0.6")}));
        QCOMPARE(t.count(Role::Postgres), 3);
        QCOMPARE(t.count(Role::Etcd), 3);
        QCOMPARE(t.count(Role::HAProxy), 1);
        QCOMPARE(t.hosts.first().os, QStringLiteral("rhel8"));
        QVERIFY(!t.cluster.postgres.parameters.contains(QStringLiteral("wal_keep_segments")));
    }

    void saveAndLoadFile()
    {
        QTemporaryDir dir;
        Topology t = ProjectFile::referenceTopology();
        t.hosts[1].pos = {120.5, -40};
        t.hosts[1].tags.nofailover = true;
        t.subnets[0].rect = {10, 20, 300, 200};
        t.cluster.extraHba << HbaRule{QStringLiteral("hostssl"), QStringLiteral("app"), QStringLiteral("app"),
                                      QStringLiteral("10.20.0.0/16"), QStringLiteral("scram-sha-256")};
        const QString path = dir.filePath(QStringLiteral("x.pgha.yaml"));
        QVERIFY(ProjectFile::save(t, path).ok());
        auto back = ProjectFile::load(path);
        QVERIFY(back.ok());
        QCOMPARE(back->topology, t);
    }

    void patroniInstallRoundTrips()
    {
        QTemporaryDir dir;
        Topology t = ProjectFile::referenceTopology();
        QCOMPARE(t.cluster.patroni.install, PatroniInstall::Package);
        QVERIFY(t.cluster.patroni.version.isEmpty());
        t.cluster.patroni.install = PatroniInstall::Pip;
        t.cluster.patroni.version = QStringLiteral("4.1.5");
        const QString path = dir.filePath(QStringLiteral("pip.pgha.yaml"));
        QVERIFY(ProjectFile::save(t, path).ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY2(text.contains("install: pip") && text.contains("version: \"4.1.5\""), text.constData());
        auto back = ProjectFile::load(path);
        QVERIFY(back.ok());
        QVERIFY(back->warnings.isEmpty());
        QCOMPARE(back->topology, t);
        // The default (package, no version) writes neither key: files saved before stay byte for byte the same.
        QVERIFY(ProjectFile::save(ProjectFile::referenceTopology(), path).ok());
        QFile g(path);
        QVERIFY(g.open(QIODevice::ReadOnly));
        const QByteArray plain = g.readAll();
        QVERIFY(!plain.contains("install:"));
    }

    // subnets[].members_only is kept by the writer and the reader, written only when true.
    void membersOnlyRoundTrips()
    {
        QTemporaryDir dir;
        Topology t = ProjectFile::referenceTopology();
        QVERIFY(!t.subnets.isEmpty());
        QVERIFY(!t.subnets.first().membersOnly);
        const QString path = dir.filePath(QStringLiteral("members.pgha.yaml"));
        QVERIFY(ProjectFile::save(t, path).ok());
        QFile plain(path);
        QVERIFY(plain.open(QIODevice::ReadOnly));
        QVERIFY(!plain.readAll().contains("members_only"));
        t.subnets.first().membersOnly = true;
        QVERIFY(ProjectFile::save(t, path).ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("members_only: true"));
        auto back = ProjectFile::load(path);
        QVERIFY(back.ok());
        QVERIFY(back->warnings.isEmpty());
        QVERIFY(back->topology.subnets.first().membersOnly);
        QCOMPARE(back->topology, t);
    }

    void poolerRoundTrips()
    {
        QTemporaryDir dir;
        Topology t = ProjectFile::referenceTopology();
        QCOMPARE(t.cluster.pooler, PoolerSettings());
        t.cluster.pooler.enabled = true;
        t.cluster.pooler.placement = PoolerPlacement::HAProxy;
        t.cluster.pooler.port = 6543;
        t.cluster.pooler.poolMode = QStringLiteral("session");
        t.cluster.pooler.defaultPoolSize = 35;
        t.cluster.pooler.maxClientConn = 700;
        t.cluster.pooler.authUser = QStringLiteral("pool_lookup");
        const QString path = dir.filePath(QStringLiteral("pooler.pgha.yaml"));
        QVERIFY(ProjectFile::save(t, path).ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY2(text.contains("pooler: {enabled: true, placement: haproxy, port: 6543, pool_mode: session, "
                               "default_pool_size: 35, max_client_conn: 700, auth_user: \"pool_lookup\"}"),
                 text.constData());
        auto back = ProjectFile::load(path);
        QVERIFY(back.ok());
        QVERIFY(back->warnings.isEmpty());
        QCOMPARE(back->topology, t);
        // Absent = off, with the agreed defaults; designs without a pooler write no key.
        QVERIFY(ProjectFile::save(ProjectFile::referenceTopology(), path).ok());
        QFile g(path);
        QVERIFY(g.open(QIODevice::ReadOnly));
        QVERIFY(!g.readAll().contains("pooler"));
        auto only = ProjectFile::parse("format: 1\ncluster:\n  pooler: {enabled: true}\n", QStringLiteral("p.yaml"));
        QVERIFY(only.ok());
        PoolerSettings defaults;
        defaults.enabled = true;
        QCOMPARE(only->topology.cluster.pooler, defaults);
        QCOMPARE(defaults.port, 6432);
        QCOMPARE(defaults.poolMode, QStringLiteral("transaction"));
        QCOMPARE(defaults.defaultPoolSize, 20);
        QCOMPARE(defaults.maxClientConn, 1000);
        QCOMPARE(defaults.authUser, QStringLiteral("pgbouncer_auth"));
    }

    void vipRoundTrips()
    {
        Topology t = ProjectFile::referenceTopology();
        QVERIFY(!t.cluster.vip.enabled());
        QVERIFY(!ProjectFile::serialize(t).contains("vip"));  // absent stays absent: older files unchanged
        t.cluster.vip.address = QStringLiteral("10.104.0.100");
        t.cluster.vip.virtualRouterId = 77;
        t.cluster.vip.interface = QStringLiteral("eth1");
        t.hosts.last().vipPriority = 120;
        const QByteArray text = ProjectFile::serialize(t);
        QVERIFY2(text.contains("vip: {address: \"10.104.0.100\", virtual_router_id: 77, interface: \"eth1\"}"), text.constData());
        QVERIFY2(text.contains("vip_priority: 120"), text.constData());
        auto back = ProjectFile::parse(text, QStringLiteral("vip.pgha.yaml"));
        QVERIFY(back.ok());
        QVERIFY(back->warnings.isEmpty());
        QCOMPARE(back->topology, t);
        QCOMPARE(back->topology.cluster.vip.virtualRouterId, 77);
        // Defaults: router id 51, interface empty.
        auto d = ProjectFile::parse("format: 1\ncluster:\n  vip: {address: 10.0.0.5}\n", QStringLiteral("d.pgha.yaml"));
        QVERIFY(d.ok());
        QCOMPARE(d->topology.cluster.vip.virtualRouterId, 51);
        QVERIFY(d->topology.cluster.vip.interface.isEmpty());
        // Errors name the field.
        auto e = ProjectFile::parse("format: 1\ncluster:\n  vip: {virtual_router_id: 5}\n", QStringLiteral("e.pgha.yaml"));
        QVERIFY(!e.ok());
        QCOMPARE(e.error().field, QStringLiteral("cluster.vip.address"));
        QCOMPARE(e.error().line, 3);
    }

    void backupRoundTrips()
    {
        Topology t = ProjectFile::referenceTopology();
        QVERIFY(!t.cluster.backup.enabled);
        // Without backups nothing is written: files saved before stay byte for byte the same.
        QVERIFY(!ProjectFile::serialize(t).contains("backup"));
        Host repo;
        repo.name = QStringLiteral("repo1");
        repo.address = QStringLiteral("10.104.0.9");
        repo.subnet = QStringLiteral("db");
        repo.roles = Role::Backup;
        t.hosts << repo;
        t.cluster.backup.enabled = true;
        t.cluster.backup.repository = QStringLiteral("repo1");
        t.cluster.backup.transport = QStringLiteral("ssh");
        t.cluster.backup.path = QStringLiteral("/srv/backrest");
        t.cluster.backup.retentionFull = 4;
        t.cluster.backup.full = QStringLiteral("Sat *-*-* 02:30:00");
        t.cluster.backup.diff = QString();
        t.cluster.backup.archiveTimeout = 120;
        t.cluster.backup.tlsPort = 8443;
        QVERIFY(!ProjectFile::serialize(t).contains("initial_full"));  // written only when true
        t.cluster.backup.initialFull = true;
        const QByteArray text = ProjectFile::serialize(t);
        QVERIFY2(text.contains("roles: [backup]") && text.contains("retention_full: 4"), text.constData());
        QVERIFY2(text.contains("initial_full: true"), text.constData());
        auto back = ProjectFile::parse(text, QStringLiteral("b.pgha.yaml"));
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        QVERIFY(back->warnings.isEmpty());
        QCOMPARE(back->topology, t);
        // An empty block means backups with the defaults.
        auto empty = ProjectFile::parse("format: 1\ncluster:\n  backup: {}\n", QStringLiteral("e.pgha.yaml"));
        QVERIFY(empty.ok());
        QVERIFY(empty->topology.cluster.backup.enabled);
        QCOMPARE(empty->topology.cluster.backup.transport, QStringLiteral("tls"));
        QCOMPARE(empty->topology.cluster.backup.retentionFull, 2);
    }

    void errorsNameFileLineAndField_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("bad indentation (the guide's patroni.yml mistake)")
            << QByteArray("format: 1\ncluster:\n  name: a\n    namespace: b\n") << 4 << 14 << QString()
            << QStringLiteral("YAML syntax error");
        QTest::newRow("missing format") << QByteArray("cluster: {name: a}\n") << 1 << 1 << QStringLiteral("format")
                                        << QStringLiteral("format");
        QTest::newRow("future format") << QByteArray("format: 2\n") << 1 << 9 << QStringLiteral("format")
                                       << QStringLiteral("not supported");
        QTest::newRow("ttl not a number")
            << QByteArray("format: 1\ncluster:\n  patroni:\n    ttl: thirty\n") << 4 << 10
            << QStringLiteral("cluster.patroni.ttl") << QStringLiteral("whole number");
        QTest::newRow("port out of range")
            << QByteArray("format: 1\ncluster:\n  etcd: {client_port: 70000}\n") << 3 << 23
            << QStringLiteral("cluster.etcd.client_port") << QStringLiteral("out of range");
        QTest::newRow("unknown distribution")
            << QByteArray("format: 1\ncluster:\n  postgres: {distribution: ubuntu}\n") << 3 << 28
            << QStringLiteral("cluster.postgres.distribution") << QStringLiteral("percona, pgdg, os");
        QTest::newRow("unknown role")
            << QByteArray("format: 1\nhosts:\n  - name: a\n    roles: [postgres, pgbouncer]\n") << 4 << 23
            << QStringLiteral("hosts[0].roles") << QStringLiteral("pgbouncer");
        QTest::newRow("host without name")
            << QByteArray("format: 1\nhosts:\n  - address: 10.0.0.1\n") << 3 << 5 << QStringLiteral("hosts[0].name")
            << QStringLiteral("needs a name");
        QTest::newRow("hosts not a list") << QByteArray("format: 1\nhosts: {a: 1}\n") << 2 << 8
                                          << QStringLiteral("hosts") << QStringLiteral("list");
        QTest::newRow("boolean expected")
            << QByteArray("format: 1\nsubnets:\n  - {name: a, cidr: 10.0.0.0/8, clients: maybe}\n") << 3 << 42
            << QStringLiteral("subnets[0].clients") << QStringLiteral("true or false");
        QTest::newRow("password refused")
            << QByteArray("format: 1\ncluster:\n  users: {superuser: postgres, superuser_password: qaz123}\n") << 3
            << 32 << QStringLiteral("cluster.users.superuser_password") << QStringLiteral("never stored");
        QTest::newRow("pip without a version")
            << QByteArray("format: 1\ncluster:\n  patroni:\n    install: pip\n") << 4 << 14
            << QStringLiteral("cluster.patroni.version") << QStringLiteral("exact release");
        QTest::newRow("version not an exact release")
            << QByteArray("format: 1\ncluster:\n  patroni: {install: pip, version: \">=4.0\"}\n") << 3 << 36
            << QStringLiteral("cluster.patroni.version") << QStringLiteral("not an exact Patroni release");
        QTest::newRow("version with a shell word")
            << QByteArray("format: 1\ncluster:\n  patroni: {version: \"4.1.5; rm -rf /\"}\n") << 3 << 22
            << QStringLiteral("cluster.patroni.version") << QStringLiteral("not an exact Patroni release");
        QTest::newRow("unknown install kind")
            << QByteArray("format: 1\ncluster:\n  patroni: {install: conda}\n") << 3 << 22
            << QStringLiteral("cluster.patroni.install") << QStringLiteral("package, pip");
        QTest::newRow("pool mode unknown")
            << QByteArray("format: 1\ncluster:\n  pooler: {enabled: true, pool_mode: always}\n") << 3 << 38
            << QStringLiteral("cluster.pooler.pool_mode") << QStringLiteral("session, transaction, statement");
        QTest::newRow("pooler placement unknown")
            << QByteArray("format: 1\ncluster:\n  pooler: {placement: everywhere}\n") << 3 << 23
            << QStringLiteral("cluster.pooler.placement") << QStringLiteral("database, haproxy");
        QTest::newRow("pooler password refused")
            << QByteArray("format: 1\ncluster:\n  pooler: {enabled: true, auth_password: x}\n") << 3 << 27
            << QStringLiteral("cluster.pooler.auth_password") << QStringLiteral("never stored");
        QTest::newRow("backup transport unknown")
            << QByteArray("format: 1\ncluster:\n  backup: {transport: ftp}\n") << 3 << 23
            << QStringLiteral("cluster.backup.transport") << QStringLiteral("tls, ssh");
        QTest::newRow("backup retention not a number")
            << QByteArray("format: 1\ncluster:\n  backup: {retention_full: many}\n") << 3 << 28
            << QStringLiteral("cluster.backup.retention_full") << QStringLiteral("whole number");
        QTest::newRow("not a mapping") << QByteArray("- a\n- b\n") << 1 << 1 << QString()
                                       << QStringLiteral("YAML mapping");
    }

    void errorsNameFileLineAndField()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, field);
        QFETCH(QString, messagePart);
        auto r = ProjectFile::parse(yaml, QStringLiteral("in.pgha.yaml"));
        QVERIFY(!r.ok());
        const Error &e = r.error();
        QCOMPARE(e.file, QStringLiteral("in.pgha.yaml"));
        QCOMPARE(e.line, line);
        QCOMPARE(e.column, column);
        QCOMPARE(e.field, field);
        QVERIFY2(e.message.contains(messagePart), qPrintable(e.toString()));
        QVERIFY(e.toString().startsWith(QStringLiteral("in.pgha.yaml:%1:%2: ").arg(line).arg(column)));
    }

    // Issue 8, item 10: duplicate keys, a second document, aliases and unbounded input are errors.
    void hostileYamlIsRefused_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("duplicate key") << QByteArray("format: 1\ncluster:\n  name: a\n  name: b\n") << 4
                                       << QStringLiteral("given twice");
        QTest::newRow("duplicate key in a flow mapping")
            << QByteArray("format: 1\nhosts:\n  - {name: a, address: 10.0.0.1, name: b}\n") << 3
            << QStringLiteral("given twice");
        QTest::newRow("duplicate top-level key") << QByteArray("format: 1\nformat: 1\n") << 2
                                                 << QStringLiteral("given twice");
        QTest::newRow("second document") << QByteArray("format: 1\n---\nformat: 1\n") << 2
                                         << QStringLiteral("second YAML document");
        QTest::newRow("alias") << QByteArray("format: 1\ncluster: &c {name: x}\nsubnets: *c\n") << 3
                               << QStringLiteral("aliases");
        QByteArray bomb("format: 1\nx: &h [a, a, a, a, a, a, a, a, a, a]\ny: [");
        for (int i = 0; i < 2000000; ++i)
            bomb += "*h,";
        bomb += "*h]\n";
        QTest::newRow("6 MB of aliases") << bomb << 3 << QStringLiteral("aliases");
        QTest::newRow("list as a key") << QByteArray("format: 1\n? [a, b]\n: c\n") << 2 << QStringLiteral("must be text");
        QTest::newRow("deep nesting") << (QByteArray("format: 1\nx: ") + QByteArray(200, '[') + QByteArray(200, ']') + "\n")
                                      << 2 << QStringLiteral("nested deeper");
        QByteArray many("format: 1\nx: [");
        for (int i = 0; i < 300000; ++i)
            many += "1,";
        many += "1]\n";
        QTest::newRow("too many nodes") << many << 2 << QStringLiteral("nodes");
        QTest::newRow("over 8 MiB") << (QByteArray("format: 1\nx: \"") + QByteArray(9 * 1024 * 1024, 'a') + "\"\n") << 0
                                    << QStringLiteral("MiB");
    }

    void hostileYamlIsRefused()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        QFETCH(QString, messagePart);
        QElapsedTimer clock;
        clock.start();
        auto r = ProjectFile::parse(yaml, QStringLiteral("h.pgha.yaml"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(messagePart), qPrintable(r.error().toString()));
        QCOMPARE(r.error().file, QStringLiteral("h.pgha.yaml"));
        QCOMPARE(r.error().line, line);
        QVERIFY2(clock.elapsed() < 20000, "the loader took too long");
    }

    void sizeCapHoldsForDevicesAndPipes()
    {
        // /dev/zero reports size 0 and never ends: the loader reads at most the cap and says so.
        QElapsedTimer clock;
        clock.start();
        auto zero = ProjectFile::load(QStringLiteral("/dev/zero"));
        QVERIFY(!zero.ok());
        QVERIFY2(zero.error().message.contains(QStringLiteral("MiB")), qPrintable(zero.error().toString()));
        QCOMPARE(zero.error().file, QStringLiteral("/dev/zero"));
        QVERIFY(clock.elapsed() < 10000);

        // A pipe (size 0 too) is read to its end: a project arriving through a FIFO loads.
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("p.pgha.yaml"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QProcess writer;
        writer.start(QStringLiteral("sh"), {QStringLiteral("-c"),
                                            QStringLiteral("printf 'format: 1\\ncluster: {name: fifo}\\n' >\"$1\""),
                                            QStringLiteral("_"), fifo});
        QVERIFY(writer.waitForStarted());
        auto viaFifo = ProjectFile::load(fifo);
        QVERIFY(writer.waitForFinished());
        QVERIFY2(viaFifo.ok(), qPrintable(viaFifo.ok() ? QString() : viaFifo.error().toString()));
        QCOMPARE(viaFifo->topology.cluster.name, QStringLiteral("fifo"));
    }

    void positionsOfFieldsAreKept()
    {
        auto r = ProjectFile::parse("format: 1\ncluster:\n  postgres:\n    data_dir: /x\n    parameters: {work_mem: 4MB}\n"
                                    "hosts:\n  - {name: n, ssh: {user: root}}\n",
                                    QStringLiteral("p.pgha.yaml"));
        QVERIFY(r.ok());
        QCOMPARE(r->positions.value(QStringLiteral("cluster.postgres.data_dir")).line, 4);
        QCOMPARE(r->positions.value(QStringLiteral("cluster.postgres.data_dir")).column, 15);
        QCOMPARE(r->positions.value(QStringLiteral("cluster.postgres.parameters.work_mem")).column, 18);
        QCOMPARE(r->positions.value(QStringLiteral("hosts[0].ssh.user")).line, 7);
    }

    void unknownKeysWarnWithLocation()
    {
        auto r = ProjectFile::parse("format: 1\ncluster:\n  name: a\n  colour: blue\nhosts:\n  - {name: n, adress: x}\n",
                                    QStringLiteral("w.pgha.yaml"));
        QVERIFY(r.ok());
        QCOMPARE(r->warnings.size(), 2);
        QCOMPARE(r->warnings[0].field, QStringLiteral("cluster.colour"));
        QCOMPARE(r->warnings[0].line, 4);
        QCOMPARE(r->warnings[0].column, 3);
        QCOMPARE(r->warnings[1].field, QStringLiteral("hosts[0].adress"));
        QCOMPARE(r->warnings[1].line, 6);
        QVERIFY(r->warnings[1].toString().contains(QStringLiteral("unknown key")));
    }

    void missingFileIsAnError()
    {
        auto r = ProjectFile::load(QStringLiteral("/nonexistent/x.pgha.yaml"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().file, QStringLiteral("/nonexistent/x.pgha.yaml"));
    }

    void saveDoesNotTouchOldFileOnFailure()
    {
        // A directory in place of the file: the save fails and reports the path.
        QTemporaryDir dir;
        auto r = ProjectFile::save(ProjectFile::referenceTopology(), dir.path());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().file, dir.path());
    }
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "test_projectfile.moc"
