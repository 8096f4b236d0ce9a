// The monitor's parsers against answers recorded from the real programs (Patroni 3.0.2, etcd 3.4.23, HAProxy
// 2.6.12 on the loopback lab) and Patroni 4.x shapes written from its documentation.
#include "core/parse/EtcdParser.h"
#include "core/parse/HaproxyStatsParser.h"
#include "core/parse/PatroniParser.h"
#include "core/parse/VipHolderParser.h"
#include "core/parse/PgBackRestInfoParser.h"
#include "core/parse/PgArchiverParser.h"
#include "core/parse/PgBouncerParser.h"

#include <QFile>
#include <QJsonValue>
#include <QtTest>

using namespace pgha;

namespace {

QByteArray data(const QString &name)
{
    QFile f(QStringLiteral(PGHA_SOURCE_DIR "/tests/monitor/data/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(name));
    return f.readAll();
}

} // namespace

class TestMonitorParsers : public QObject
{
    Q_OBJECT
private slots:
    // pg_stat_archiver of PostgreSQL 15, recorded with PgArchiverParser::query() through psql -A (archive_command
    // refusing the second WAL file): first archiving fine, then failing.
    void pgStatArchiver()
    {
        const auto ok = PgArchiverParser::parse(
            PgBouncerParser::tableFromPsql(data(QStringLiteral("postgresql-15-stat-archiver-ok.txt"))));
        QVERIFY2(ok.ok(), ok.ok() ? "" : qPrintable(ok.error().message));
        QCOMPARE(ok->archivedCount, Q_INT64_C(1));
        QCOMPARE(ok->lastArchivedWal, QStringLiteral("000000010000000000000001"));
        // Microseconds rounded to milliseconds (.780934 -> .781).
        QCOMPARE(ok->lastArchivedTime, QDateTime(QDate(2026, 12, 1), QTime(20, 16, 21, 781), Qt::UTC));
        QCOMPARE(ok->failedCount, Q_INT64_C(0));
        QVERIFY(ok->lastFailedWal.isEmpty());
        QVERIFY(!ok->lastFailedTime.isValid());
        QVERIFY(!ok->failing());

        const auto bad = PgArchiverParser::parse(
            PgBouncerParser::tableFromPsql(data(QStringLiteral("postgresql-15-stat-archiver-failing.txt"))));
        QVERIFY(bad.ok());
        QCOMPARE(bad->archivedCount, Q_INT64_C(1));
        QCOMPARE(bad->failedCount, Q_INT64_C(3));
        QCOMPARE(bad->lastFailedWal, QStringLiteral("000000010000000000000002"));
        QCOMPARE(bad->lastFailedTime, QDateTime(QDate(2026, 12, 1), QTime(20, 16, 28, 918), Qt::UTC));
        QVERIFY(bad->failing());

        // The query asks for UTC ISO text, the form the parser reads.
        QVERIFY(PgArchiverParser::query().contains(QLatin1String("last_failed_time at time zone 'UTC'")));
        // Not that answer: an error naming the column, never a half-filled status.
        auto table = PgBouncerParser::tableFromPsql("archived_count|last_archived_wal\n1|x\n");
        QVERIFY(!PgArchiverParser::parse(table).ok());
        QCOMPARE(PgArchiverParser::parse(table).error().field, QStringLiteral("last_archived_time"));
        table = PgBouncerParser::tableFromPsql(data(QStringLiteral("postgresql-15-stat-archiver-ok.txt")));
        table.rows[0][3] = QStringLiteral("-1");
        QVERIFY(!PgArchiverParser::parse(table).ok());
        table.rows[0][3] = QStringLiteral("0");
        table.rows[0][1] = QStringLiteral("../etc/passwd");
        QVERIFY(!PgArchiverParser::parse(table).ok());
        table.rows[0][1] = QStringLiteral("000000010000000000000001");
        table.rows[0][2] = QStringLiteral("yesterday");
        QVERIFY(!PgArchiverParser::parse(table).ok());
        table.rows.clear();
        QVERIFY(!PgArchiverParser::parse(table).ok());
    }
    // `pgbackrest info --output=json` of pgBackRest 2.45, recorded on the lab by test_e2e_backup (one full backup).
    void pgbackrestInfo()
    {
        const auto info = PgBackRestInfoParser::parse(data(QStringLiteral("pgbackrest-2.45-info.json")));
        QVERIFY(info.ok());
        QCOMPARE(info->size(), 1);
        const PgBackRestInfoParser::Stanza &s = info->first();
        QCOMPARE(s.name, QStringLiteral("lab"));
        QCOMPARE(s.statusCode, 0);
        QCOMPARE(s.statusMessage, QStringLiteral("ok"));
        QVERIFY(!s.backupLockHeld);
        QCOMPARE(s.archives.size(), 1);
        QCOMPARE(s.archives.first().id, QStringLiteral("15-1"));
        QCOMPARE(s.archives.first().min, QStringLiteral("000000010000000000000001"));
        QCOMPARE(s.archives.first().max, QStringLiteral("000000010000000000000006"));
        QCOMPARE(s.backups.size(), 1);
        const PgBackRestInfoParser::Backup *full = s.latest(QStringLiteral("full"));
        QVERIFY(full);
        QCOMPARE(full->label, QStringLiteral("20261201-191546F"));
        QCOMPARE(full->startEpoch, Q_INT64_C(1796152546));
        QCOMPARE(full->stopEpoch, Q_INT64_C(1796152553));
        QCOMPARE(full->size, Q_INT64_C(23096478));
        QCOMPARE(full->repoSize, Q_INT64_C(3070055));
        QCOMPARE(full->walStart, QStringLiteral("000000010000000000000006"));
        QVERIFY(full->prior.isEmpty());
        QVERIFY(!s.latest(QStringLiteral("diff")));
        // Not that JSON: an error, never a half-filled stanza.
        QVERIFY(!PgBackRestInfoParser::parse("{}").ok());
        QVERIFY(!PgBackRestInfoParser::parse("[{\"name\": \"x\"}]").ok());
        QVERIFY(!PgBackRestInfoParser::parse("not json").ok());
    }
    void cluster_data();
    void cluster();
    void node_data();
    void node();
    void recorded415LagFields();
    void history_data();
    void history();
    void lag_data();
    void lag();
    void role_data();
    void role();
    void badJson_data();
    void badJson();
    void etcd();
    void haproxy();
    void haproxyColumnsByName();
    void haproxyMissingColumn();
    // `ip -o addr show` recorded from iproute2 6.1 in a network namespace holding the VIP, and from one not holding it.
    void vipHolder()
    {
        const QString vip = QStringLiteral("198.51.100.100");
        QCOMPARE(VipHolderParser::interfaceHolding(data(QStringLiteral("iproute2-6.1-addr-holder.txt")), vip), QStringLiteral("eth0"));
        QCOMPARE(VipHolderParser::interfaceHolding(data(QStringLiteral("iproute2-6.1-addr-backup.txt")), vip), QString());
        // The host's own address is not the VIP; a prefix of the VIP's text is not the VIP.
        QCOMPARE(VipHolderParser::interfaceHolding(data(QStringLiteral("iproute2-6.1-addr-holder.txt")), QStringLiteral("198.51.100.10")), QString());
        QCOMPARE(VipHolderParser::interfaceHolding(data(QStringLiteral("iproute2-6.1-addr-holder.txt")), QStringLiteral("fd00::11")), QStringLiteral("eth0"));
        QCOMPARE(VipHolderParser::interfaceHolding("5: eth1@if6    inet 198.51.100.100/32 scope global eth1\\ x\n", vip), QStringLiteral("eth1"));
        QCOMPARE(VipHolderParser::interfaceHolding("garbage\n\n: :\n", vip), QString());
        QCOMPARE(VipHolderParser::interfaceHolding("", QStringLiteral("not an address")), QString());
        QCOMPARE(VipHolderParser::command(QStringLiteral("198.51.100.100")), QStringLiteral("ip -o addr show to 198.51.100.100"));
    }
    void poolKind_data();
    void poolKind();
};

void TestMonitorParsers::cluster_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("members");
    QTest::addColumn<QString>("leader");
    QTest::addColumn<bool>("paused");
    QTest::addColumn<QString>("replica");
    QTest::addColumn<qint64>("replicaLag");
    QTest::addColumn<bool>("replicaStreaming");
    QTest::addColumn<QStringList>("pendingRestart");
    QTest::addColumn<int>("timeline");

    QTest::newRow("3.0.2 healthy") << "patroni-3.0.2-cluster.json" << 3 << "m1" << false << "m2" << qint64(0)
                                   << false << QStringList{} << 1;
    QTest::newRow("3.0.2 after switchover, pending restart")
        << "patroni-3.0.2-cluster-pending-restart.json" << 3 << "m2" << false << "m1" << qint64(0) << false
        << QStringList{QStringLiteral("m2"), QStringLiteral("m3")} << 2;
    QTest::newRow("3.0.2 paused") << "patroni-3.0.2-cluster-paused.json" << 3 << "m2" << true << "m3" << qint64(0)
                                  << false << QStringList{QStringLiteral("m2"), QStringLiteral("m3")} << 2;
    QTest::newRow("4.0 sync standby streaming") << "patroni-4.0-cluster.json" << 4 << "pg1" << true << "pg2"
                                                << qint64(0) << true << QStringList{QStringLiteral("pg2")} << 5;
    QTest::newRow("4.0 lagging replica") << "patroni-4.0-cluster.json" << 4 << "pg1" << true << "pg3"
                                         << qint64(52428800) << true << QStringList{QStringLiteral("pg2")} << 5;
    // Recorded from the real Patroni 4.1.5 (tests/e2e/test_e2e_patroni4 with PGHA_RECORD_PATRONI4) after a switchover.
    QTest::newRow("4.1.5 recorded, sync standby") << "patroni-4.1.5-cluster.json" << 3 << "node2" << false << "node1"
                                                  << qint64(0) << true << QStringList{} << 2;
    QTest::newRow("4.1.5 recorded, replica") << "patroni-4.1.5-cluster.json" << 3 << "node2" << false << "node3"
                                             << qint64(0) << true << QStringList{} << 2;
    QTest::newRow("4.0 stopped, lag unknown") << "patroni-4.0-cluster.json" << 4 << "pg1" << true << "pg4"
                                              << qint64(-1) << false << QStringList{QStringLiteral("pg2")} << 5;
}

void TestMonitorParsers::cluster()
{
    QFETCH(QString, file);
    QFETCH(int, members);
    QFETCH(QString, leader);
    QFETCH(bool, paused);
    QFETCH(QString, replica);
    QFETCH(qint64, replicaLag);
    QFETCH(bool, replicaStreaming);
    QFETCH(QStringList, pendingRestart);
    QFETCH(int, timeline);

    auto r = PatroniParser::parseCluster(data(file));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r->members.size(), members);
    QCOMPARE(r->paused, paused);
    int leaders = 0;
    QStringList pending;
    for (const MemberState &m : r->members) {
        if (m.isLeader()) {
            ++leaders;
            QCOMPARE(m.name, leader);
            QCOMPARE(m.lagBytes, qint64(-1));
            QCOMPARE(m.timeline, timeline);
        }
        if (m.pendingRestart)
            pending << m.name;
        QVERIFY(m.apiUrl.startsWith(QLatin1String("http")));
        QVERIFY(!m.apiUrl.endsWith(QLatin1String("/patroni")));
    }
    QCOMPARE(leaders, 1);
    QCOMPARE(pending, pendingRestart);
    const MemberState *rep = nullptr;
    for (const MemberState &m : r->members) {
        if (m.name == replica)
            rep = &m;
    }
    QVERIFY(rep);
    QVERIFY(!rep->isLeader());
    QCOMPARE(rep->lagBytes, replicaLag);
    QCOMPARE(rep->streaming, replicaStreaming);
}

void TestMonitorParsers::node_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QStringList>("streaming");
    QTest::addColumn<QString>("replicationState");
    QTest::addColumn<bool>("pendingRestart");
    QTest::addColumn<QString>("nofailover");

    QTest::newRow("3.0.2 leader says master") << "patroni-3.0.2-patroni-leader.json" << "leader" << "3.0.2"
                                              << QStringList{QStringLiteral("m2"), QStringLiteral("m3")} << ""
                                              << false << "";
    QTest::newRow("3.0.2 replica") << "patroni-3.0.2-patroni-replica.json" << "replica" << "3.0.2" << QStringList{}
                                   << "" << false << "";
    QTest::newRow("4.0 primary") << "patroni-4.0-patroni-primary.json" << "leader" << "4.0.4"
                                 << QStringList{QStringLiteral("pg2"), QStringLiteral("pg3")} << "" << true << "";
    QTest::newRow("4.1.5 recorded primary says primary")
        << "patroni-4.1.5-patroni-primary.json" << "leader" << "4.1.5"
        << QStringList{QStringLiteral("node3"), QStringLiteral("node1")} << "" << false << "";
    QTest::newRow("4.1.5 recorded replica") << "patroni-4.1.5-patroni-replica.json" << "replica" << "4.1.5"
                                            << QStringList{} << "streaming" << false << "";
    QTest::newRow("4.0 replica streaming") << "patroni-4.0-patroni-replica.json" << "replica" << "4.0.4"
                                           << QStringList{} << "streaming" << false << "true";
}

void TestMonitorParsers::node()
{
    QFETCH(QString, file);
    QFETCH(QString, role);
    QFETCH(QString, version);
    QFETCH(QStringList, streaming);
    QFETCH(QString, replicationState);
    QFETCH(bool, pendingRestart);
    QFETCH(QString, nofailover);
    auto r = PatroniParser::parseNode(data(file));
    QVERIFY(r.ok());
    QCOMPARE(r->role, role);
    QCOMPARE(r->version, version);
    QCOMPARE(r->streamingReplicas, streaming);
    QCOMPARE(r->replicationState, replicationState);
    QCOMPARE(r->pendingRestart, pendingRestart);
    QCOMPARE(r->tags.value(QStringLiteral("nofailover")), nofailover);
    QVERIFY(r->walPosition > 0);
}

// Patroni 4.1 reports receive and replay lag apart (and their LSNs) next to "lag"; the leader has none.
void TestMonitorParsers::recorded415LagFields()
{
    auto r = PatroniParser::parseCluster(data(QStringLiteral("patroni-4.1.5-cluster.json")));
    QVERIFY(r.ok());
    int replicas = 0;
    for (const MemberState &m : r->members) {
        QCOMPARE(m.timeline, 2);
        if (m.isLeader()) {
            QCOMPARE(m.name, QStringLiteral("node2"));
            QCOMPARE(m.receiveLagBytes, qint64(-1));
            QCOMPARE(m.replayLagBytes, qint64(-1));
            continue;
        }
        ++replicas;
        QCOMPARE(m.receiveLagBytes, qint64(0));
        QCOMPARE(m.replayLagBytes, qint64(0));
        QVERIFY(m.streaming);
    }
    QCOMPARE(replicas, 2);
    QCOMPARE(r->members.at(0).role, QStringLiteral("sync_standby"));
    // /config as the real 4.1.5 answers it: the design's timers and synchronous mode.
    auto cfg = PatroniParser::parseConfig(data(QStringLiteral("patroni-4.1.5-config.json")));
    QVERIFY(cfg.ok());
    QCOMPARE(cfg->value(QStringLiteral("ttl")).toInt(), 20);
    QCOMPARE(cfg->value(QStringLiteral("synchronous_mode")).toBool(), true);
}

void TestMonitorParsers::history_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("entries");
    QTest::addColumn<int>("lastTimeline");
    QTest::addColumn<QString>("lastLeader");
    QTest::newRow("3.0.2 one switchover") << "patroni-3.0.2-history.json" << 1 << 1 << "m2";
    QTest::newRow("4.1.5 recorded switchover") << "patroni-4.1.5-history.json" << 1 << 1 << "node2";
    QTest::newRow("4.x four switches") << "patroni-4.0-history.json" << 4 << 4 << "pg1";
}

void TestMonitorParsers::history()
{
    QFETCH(QString, file);
    QFETCH(int, entries);
    QFETCH(int, lastTimeline);
    QFETCH(QString, lastLeader);
    auto r = PatroniParser::parseHistory(data(file));
    QVERIFY(r.ok());
    QCOMPARE(r->size(), entries);
    QCOMPARE(r->last().timeline, lastTimeline);
    QCOMPARE(r->last().newLeader, lastLeader);
    QVERIFY(r->last().time.isValid());
}

void TestMonitorParsers::lag_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("number") << QJsonValue(1048576.0) << qint64(1048576);
    QTest::newRow("zero") << QJsonValue(0.0) << qint64(0);
    QTest::newRow("numeric text") << QJsonValue(QStringLiteral("2048")) << qint64(2048);
    QTest::newRow("4.x unknown") << QJsonValue(QStringLiteral("unknown")) << qint64(-1);
    QTest::newRow("null") << QJsonValue() << qint64(-1);
}

void TestMonitorParsers::lag()
{
    QFETCH(QJsonValue, value);
    QFETCH(qint64, bytes);
    QCOMPARE(PatroniParser::lagBytes(value), bytes);
}

void TestMonitorParsers::role_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("3.x master") << "master" << "leader";
    QTest::newRow("4.x primary") << "primary" << "leader";
    QTest::newRow("cluster leader") << "leader" << "leader";
    QTest::newRow("replica") << "replica" << "replica";
    QTest::newRow("sync standby") << "sync_standby" << "sync_standby";
    QTest::newRow("standby leader") << "standby_leader" << "standby_leader";
}

void TestMonitorParsers::role()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(PatroniParser::normaliseRole(in), out);
}

void TestMonitorParsers::badJson_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("html error page") << QByteArray("<html>502 Bad Gateway</html>");
    QTest::newRow("truncated") << QByteArray("{\"members\": [");
    QTest::newRow("no members") << QByteArray("{\"scope\": \"x\"}");
}

void TestMonitorParsers::badJson()
{
    QFETCH(QByteArray, text);
    QVERIFY(!PatroniParser::parseCluster(text).ok());
    QVERIFY(!EtcdParser::parseMemberList(text).ok());
    QVERIFY(!EtcdParser::parseStatus(text).ok());
}

void TestMonitorParsers::etcd()
{
    auto health = EtcdParser::parseHealth(data(QStringLiteral("etcd-3.4-health.json")));
    QVERIFY(health.ok());
    QVERIFY(health.value());
    auto unhealthy = EtcdParser::parseHealth(QByteArray("{\"health\":\"false\",\"reason\":\"RAFT NO LEADER\"}"));
    QVERIFY(unhealthy.ok());
    QVERIFY(!unhealthy.value());
    auto version = EtcdParser::parseVersion(data(QStringLiteral("etcd-3.4-version.json")));
    QVERIFY(version.ok());
    QCOMPARE(version.value(), QStringLiteral("3.4.23"));
    auto members = EtcdParser::parseMemberList(data(QStringLiteral("etcd-3.4-member-list.json")));
    QVERIFY(members.ok());
    QCOMPARE(members->size(), 3);
    QStringList names;
    for (const auto &m : members.value())
        names << m.name;
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("e1"), QStringLiteral("e2"), QStringLiteral("e3")}));
    QCOMPARE(members->at(0).clientUrls, QStringList{QStringLiteral("http://127.0.3.12:2379")});
    auto status = EtcdParser::parseStatus(data(QStringLiteral("etcd-3.4-status.json")));
    QVERIFY(status.ok());
    // Ids beyond 2^53 must survive: they come as strings and stay strings.
    QCOMPARE(status->memberId, QStringLiteral("7827794829379075592"));
    QCOMPARE(status->leaderId, status->memberId);
    QCOMPARE(status->raftTerm, qint64(2));
    QCOMPARE(status->dbSize, qint64(36864));
    QCOMPARE(status->version, QStringLiteral("3.4.23"));
}

void TestMonitorParsers::haproxy()
{
    auto pools = HaproxyStatsParser::parse(data(QStringLiteral("haproxy-2.6-stats.csv")));
    QVERIFY2(pools.ok(), qPrintable(pools.ok() ? QString() : pools.error().message));
    QCOMPARE(pools->size(), 2);  // stats and frontends left out
    QCOMPARE(pools->at(0).name, QStringLiteral("primary"));
    QCOMPARE(pools->at(0).kind, QStringLiteral("primary"));
    QCOMPARE(pools->at(0).upServers(), QStringList{QStringLiteral("m1")});
    QCOMPARE(pools->at(0).servers.size(), 3);
    QCOMPARE(pools->at(0).servers.at(1).checkStatus, QStringLiteral("L7STS"));
    QCOMPARE(pools->at(1).kind, QStringLiteral("replica"));
    QCOMPARE(pools->at(1).upServers(), (QStringList{QStringLiteral("m2"), QStringLiteral("m3")}));
}

void TestMonitorParsers::haproxyColumnsByName()
{
    // The same facts with the columns in another order and extra columns: the parser must not care.
    const QByteArray csv = "# status,extra,svname,scur,pxname,check_status\n"
                           "OPEN,x,FRONTEND,4,pg_write,\n"
                           "UP,x,db2,3,pg_write,L7OK\n"
                           "DOWN,x,db1,0,pg_write,L7STS\n"
                           "UP,x,BACKEND,3,pg_write,\n"
                           "UP 1/2,x,db1,1,pg_read,L7OK\n"
                           "MAINT,x,db2,0,pg_read,\n"
                           "UP,x,BACKEND,1,pg_read,\n";
    auto pools = HaproxyStatsParser::parse(csv);
    QVERIFY(pools.ok());
    QCOMPARE(pools->size(), 2);
    QCOMPARE(pools->at(0).kind, QStringLiteral("primary"));
    QCOMPARE(pools->at(0).sessions, 3);
    QCOMPARE(pools->at(0).upServers(), QStringList{QStringLiteral("db2")});
    QCOMPARE(pools->at(1).kind, QStringLiteral("replica"));
    QCOMPARE(pools->at(1).upServers(), QStringList{QStringLiteral("db1")});
    QCOMPARE(pools->at(1).servers.at(0).status, QStringLiteral("UP 1/2"));
}

void TestMonitorParsers::haproxyMissingColumn()
{
    QVERIFY(!HaproxyStatsParser::parse("# pxname,svname,scur\nprimary,m1,0\n").ok());
    QVERIFY(!HaproxyStatsParser::parse("<html>401 Unauthorized</html>").ok());
}

void TestMonitorParsers::poolKind_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("kind");
    QTest::newRow("primary") << "primary" << "primary";
    QTest::newRow("guide's master") << "master" << "primary";
    QTest::newRow("postgres_write") << "postgres_write" << "primary";
    QTest::newRow("replicas") << "replicas" << "replica";
    QTest::newRow("standby") << "standbys" << "replica";
    QTest::newRow("pg_read") << "pg_read" << "replica";
    QTest::newRow("ro suffix") << "cluster_1-ro" << "replica";
    QTest::newRow("unrelated") << "web" << "other";
    QTest::newRow("not a word inside") << "programs" << "other";
}

void TestMonitorParsers::poolKind()
{
    QFETCH(QString, name);
    QFETCH(QString, kind);
    QCOMPARE(HaproxyStatsParser::poolKind(name), kind);
}

QTEST_GUILESS_MAIN(TestMonitorParsers)
#include "test_monitor_parsers.moc"
