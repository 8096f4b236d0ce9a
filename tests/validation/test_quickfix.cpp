#include "core/project/ProjectFile.h"
#include "core/validation/QuickFix.h"
#include "core/validation/Validator.h"

#include <QtTest>

#include <functional>

using namespace pgha;

Q_DECLARE_METATYPE(pgha::Topology)
Q_DECLARE_METATYPE(std::function<bool(const pgha::Topology &)>)

namespace {

using Check = std::function<bool(const Topology &)>;

Host *host(Topology &t, const char *name)
{
    for (Host &h : t.hosts) {
        if (h.name == QLatin1String(name))
            return &h;
    }
    return nullptr;
}

const Host *host(const Topology &t, const char *name)
{
    return t.hostByName(QString::fromLatin1(name));
}

Topology mutate(Topology t, const std::function<void(Topology &)> &f)
{
    f(t);
    return t;
}

const Finding *withQuickFix(const Findings &findings, const QString &rule, const QString &fix)
{
    for (const Finding &f : findings) {
        if (f.ruleId == rule && f.quickFix == fix)
            return &f;
    }
    return nullptr;
}

} // namespace

class TestQuickFix : public QObject
{
    Q_OBJECT

private slots:
    // Each row: a broken design, the rule that must offer the fix, and what the fixed design must look like.
    // After the fix the rule must no longer report the same subject.
    void fix_data()
    {
        QTest::addColumn<Topology>("topology");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("quickFix");
        QTest::addColumn<Check>("check");
        const Topology ref = ProjectFile::referenceTopology();

        QTest::newRow("add-etcd-member: single etcd -> the postgres hosts join")
            << mutate(ref, [](Topology &t) {
                   host(t, "node2")->roles &= ~Roles(Role::Etcd);
                   host(t, "node3")->roles &= ~Roles(Role::Etcd);
               })
            << "etcd-quorum" << "add-etcd-member"
            << Check([](const Topology &t) { return t.count(Role::Etcd) == 3 && t.hosts.size() == 4; });
        QTest::newRow("add-etcd-member: even count, all postgres hosts have etcd -> new host")
            << mutate(ref, [](Topology &t) { t.hosts.removeAt(2); })  // node3 gone: node1, node2 with etcd
            << "etcd-quorum" << "add-etcd-member" << Check([](const Topology &t) {
                   const Host *h = t.hostByName(QStringLiteral("etcd1"));
                   return t.count(Role::Etcd) == 3 && h && h->address == QLatin1String("10.104.0.7")
                       && h->subnet == QLatin1String("db") && h->roles == Roles(Role::Etcd) && h->os == QLatin1String("rhel8")
                       && h->uid != 0;
               });
        QTest::newRow("add-etcd-member: no etcd at all -> three")
            << mutate(ref, [](Topology &t) {
                   for (Host &h : t.hosts)
                       h.roles &= ~Roles(Role::Etcd);
               })
            << "etcd-quorum" << "add-etcd-member" << Check([](const Topology &t) { return t.count(Role::Etcd) == 3 && t.hosts.size() == 4; });
        QTest::newRow("fix-patroni-timing: ttl 20 for 10 + 2 x 10")
            << mutate(ref, [](Topology &t) { t.cluster.patroni.ttl = 20; }) << "patroni-timing" << "fix-patroni-timing"
            << Check([](const Topology &t) { return t.cluster.patroni.ttl == 30; });
        QTest::newRow("fix-patroni-timing: lab timers raise ttl to 20")
            << mutate(ref, [](Topology &t) {
                   t.cluster.patroni.ttl = 10;
                   t.cluster.patroni.loopWait = 2;
                   t.cluster.patroni.retryTimeout = 3;
               })
            << "patroni-timing" << "fix-patroni-timing" << Check([](const Topology &t) {
                   return t.cluster.patroni.ttl == 20 && t.cluster.patroni.loopWait == 2 && t.cluster.patroni.retryTimeout == 3;
               });
        QTest::newRow("fix-patroni-timing: loop_wait 0 and retry 1")
            << mutate(ref, [](Topology &t) {
                   t.cluster.patroni.loopWait = 0;
                   t.cluster.patroni.retryTimeout = 1;
               })
            << "patroni-timing" << "fix-patroni-timing" << Check([](const Topology &t) {
                   return t.cluster.patroni.loopWait == 1 && t.cluster.patroni.retryTimeout == 3 && t.cluster.patroni.ttl == 30;
               });
        QTest::newRow("replace-wal-keep-segments: 10 -> 160MB")
            << mutate(ref, [](Topology &t) {
                   t.cluster.postgres.parameters.remove(QStringLiteral("wal_keep_size"));
                   t.cluster.postgres.parameters.insert(QStringLiteral("wal_keep_segments"), QStringLiteral("10"));
               })
            << "pg-param-unsupported" << "replace-wal-keep-segments" << Check([](const Topology &t) {
                   return !t.cluster.postgres.parameters.contains(QStringLiteral("wal_keep_segments"))
                       && t.cluster.postgres.parameters.value(QStringLiteral("wal_keep_size")) == QLatin1String("160MB");
               });
        QTest::newRow("remove-pg-param: stats_temp_directory")
            << mutate(ref, [](Topology &t) {
                   t.cluster.postgres.parameters.insert(QStringLiteral("stats_temp_directory"), QStringLiteral("/run/x"));
               })
            << "pg-param-unsupported" << "remove-pg-param" << Check([](const Topology &t) {
                   return !t.cluster.postgres.parameters.contains(QStringLiteral("stats_temp_directory"))
                       && t.cluster.postgres.parameters.contains(QStringLiteral("max_connections"));
               });
        QTest::newRow("rename-pg-param: force_parallel_mode")
            << mutate(ref, [](Topology &t) {
                   t.cluster.postgres.parameters.insert(QStringLiteral("force_parallel_mode"), QStringLiteral("regress"));
               })
            << "pg-param-unsupported" << "rename-pg-param" << Check([](const Topology &t) {
                   return !t.cluster.postgres.parameters.contains(QStringLiteral("force_parallel_mode"))
                       && t.cluster.postgres.parameters.value(QStringLiteral("debug_parallel_query")) == QLatin1String("regress");
               });
        QTest::newRow("assign-subnet: host without subnet")
            << mutate(ref, [](Topology &t) { host(t, "node2")->subnet.clear(); }) << "unknown-subnet" << "assign-subnet"
            << Check([](const Topology &t) { return host(t, "node2")->subnet == QLatin1String("db"); });
        QTest::newRow("assign-subnet: address outside chosen subnet")
            << mutate(ref, [](Topology &t) { host(t, "node2")->subnet = QStringLiteral("clients"); })
            << "address-outside-subnet" << "assign-subnet"
            << Check([](const Topology &t) { return host(t, "node2")->subnet == QLatin1String("db"); });
        QTest::newRow("assign-subnet: most specific subnet wins")
            << mutate(ref, [](Topology &t) {
                   t.subnets.append(Subnet{0, QStringLiteral("wide"), QStringLiteral("10.0.0.0/8"), false, {}});
                   host(t, "node2")->subnet = QStringLiteral("nope");
               })
            << "unknown-subnet" << "assign-subnet"
            << Check([](const Topology &t) { return host(t, "node2")->subnet == QLatin1String("db"); });
        QTest::newRow("fix-haproxy-checks: guide's inter 3s fall 3")
            << mutate(ref, [](Topology &t) { t.cluster.haproxy.checkIntervalMs = 3000; }) << "haproxy-slow-checks"
            << "fix-haproxy-checks" << Check([](const Topology &t) {
                   return t.cluster.haproxy.checkIntervalMs == 1000 && t.cluster.haproxy.fall == 3;
               });
        QTest::newRow("fix-haproxy-checks: fall 6")
            << mutate(ref, [](Topology &t) { t.cluster.haproxy.fall = 6; }) << "haproxy-slow-checks"
            << "fix-haproxy-checks" << Check([](const Topology &t) { return t.cluster.haproxy.fall == 3; });
        QTest::newRow("fix-haproxy-maxconn: guide's maxconn 100")
            << mutate(ref, [](Topology &t) { t.cluster.haproxy.maxconn = 100; }) << "haproxy-maxconn"
            << "fix-haproxy-maxconn" << Check([](const Topology &t) { return t.cluster.haproxy.maxconn == 540; });
    }

    void fix()
    {
        QFETCH(Topology, topology);
        QFETCH(QString, rule);
        QFETCH(QString, quickFix);
        QFETCH(Check, check);
        QVERIFY(quickFixIds().contains(quickFix));
        const Findings before = validate(topology);
        const Finding *f = withQuickFix(before, rule, quickFix);
        QVERIFY2(f, qPrintable(QStringLiteral("no [%1] finding offers %2").arg(rule, quickFix)));
        const Finding finding = *f;
        auto fixed = applyQuickFix(topology, finding);
        QVERIFY2(fixed.ok(), qPrintable(fixed.ok() ? QString() : fixed.error().toString()));
        QVERIFY(check(fixed.value()));
        for (const Finding &after : validate(fixed.value())) {
            QVERIFY2(!(after.ruleId == rule && after.subject == finding.subject && after.quickFix == quickFix),
                     qPrintable(QStringLiteral("still reported: ") + after.message));
        }
    }

    void refused_data()
    {
        QTest::addColumn<QString>("quickFix");
        QTest::addColumn<QString>("subject");
        QTest::newRow("unknown fix") << "make-it-fast" << "cluster";
        QTest::newRow("no fix offered") << "" << "cluster";
        QTest::newRow("assign-subnet to a missing host") << "assign-subnet" << "hosts/ghost";
        QTest::newRow("remove a parameter that is not set") << "remove-pg-param" << "cluster.postgres.parameters.ghost";
        QTest::newRow("rename a parameter without a new name") << "rename-pg-param"
                                                             << "cluster.postgres.parameters.max_connections";
    }

    void refused()
    {
        QFETCH(QString, quickFix);
        QFETCH(QString, subject);
        Finding f;
        f.ruleId = QStringLiteral("test");
        f.quickFix = quickFix;
        f.subject = subject;
        auto r = applyQuickFix(ProjectFile::referenceTopology(), f);
        QVERIFY(!r.ok());
        QVERIFY(!r.error().message.isEmpty());
    }

    void assignSubnetWithoutContainingSubnet()
    {
        Topology t = ProjectFile::referenceTopology();
        host(t, "node2")->address = QStringLiteral("192.0.2.2");
        host(t, "node2")->subnet.clear();
        Finding f;
        f.ruleId = QStringLiteral("unknown-subnet");
        f.quickFix = QStringLiteral("assign-subnet");
        f.subject = QStringLiteral("hosts/node2");
        QVERIFY(!applyQuickFix(t, f).ok());
        // And the rule does not offer the fix in that case.
        for (const Finding &x : validate(t))
            QVERIFY(!(x.ruleId == QLatin1String("unknown-subnet") && !x.quickFix.isEmpty()));
    }

    void addEtcdMemberSkipsUsedAndBroadcast()
    {
        Topology t = ProjectFile::referenceTopology();
        t.hosts.removeAt(2);
        host(t, "HAProxy-demo")->address = QStringLiteral("10.104.0.254");
        Finding f;
        f.quickFix = QStringLiteral("add-etcd-member");
        // .255 is the broadcast address of 10.104.0.0/24: no room after .254.
        QVERIFY(!applyQuickFix(t, f).ok());
        host(t, "HAProxy-demo")->address = QStringLiteral("10.104.0.6");
        const Host copy = t.hosts.last();
        t.hosts.append(copy);
        t.hosts.last().name = QStringLiteral("etcd1");
        t.hosts.last().address = QStringLiteral("10.104.0.7");
        auto r = applyQuickFix(t, f);
        QVERIFY(r.ok());
        const Host *added = r->hostByName(QStringLiteral("etcd2"));
        QVERIFY(added);
        QCOMPARE(added->address, QStringLiteral("10.104.0.8"));
    }
};

QTEST_GUILESS_MAIN(TestQuickFix)
#include "test_quickfix.moc"
