// The editing rules of core/edit/EditRules: what happens to a host that moves to another subnet, to the
// hosts of a renamed or deleted subnet, which CIDR a new subnet gets, how pasted items are renamed.
#include "core/edit/EditRules.h"

#include <QTest>

using namespace pgha;

namespace {

Subnet subnet(quint32 uid, const QString &name, const QString &cidr)
{
    Subnet s;
    s.uid = uid;
    s.name = name;
    s.cidr = cidr;
    return s;
}

Host host(quint32 uid, const QString &name, const QString &subnetName, const QString &address)
{
    Host h;
    h.uid = uid;
    h.name = name;
    h.subnet = subnetName;
    h.address = address;
    return h;
}

Topology twoSubnets()
{
    Topology t;
    t.subnets << subnet(1, QStringLiteral("db"), QStringLiteral("10.104.0.0/24"))
              << subnet(2, QStringLiteral("clients"), QStringLiteral("10.20.0.0/24"));
    t.hosts << host(10, QStringLiteral("node1"), QStringLiteral("db"), QStringLiteral("10.104.0.1"))
            << host(11, QStringLiteral("node2"), QStringLiteral("db"), QStringLiteral("10.104.0.2"))
            << host(12, QStringLiteral("app1"), QStringLiteral("clients"), QStringLiteral("10.20.0.1"));
    return t;
}

} // namespace

class TestEditRules : public QObject
{
    Q_OBJECT
private slots:
    void moveTakesNextFreeWhenAddressDoesNotFit()
    {
        const Host moved = EditRules::moveHostToSubnet(twoSubnets(), 10, QStringLiteral("clients"));
        QCOMPARE(moved.subnet, QStringLiteral("clients"));
        QCOMPARE(moved.address, QStringLiteral("10.20.0.2"));
        QCOMPARE(moved.name, QStringLiteral("node1"));
    }

    void moveKeepsAnAddressThatFits()
    {
        // Typed into the inspector before the subnet was chosen: it fits and nobody else has it.
        Topology t = twoSubnets();
        t.hostByUid(10)->address = QStringLiteral("10.20.0.77");
        const Host moved = EditRules::moveHostToSubnet(t, 10, QStringLiteral("clients"));
        QCOMPARE(moved.address, QStringLiteral("10.20.0.77"));
    }

    void moveDoesNotKeepAnAddressAnotherHostUses()
    {
        Topology t = twoSubnets();
        t.hostByUid(10)->address = QStringLiteral("10.20.0.1");  // app1's
        const Host moved = EditRules::moveHostToSubnet(t, 10, QStringLiteral("clients"));
        QCOMPARE(moved.address, QStringLiteral("10.20.0.2"));
    }

    void moveIntoFullOrIpv6SubnetKeepsAddress()
    {
        Topology t = twoSubnets();
        t.subnets << subnet(3, QStringLiteral("tiny"), QStringLiteral("10.30.0.0/30"))
                  << subnet(4, QStringLiteral("v6"), QStringLiteral("fd00::/64"));
        t.hosts << host(20, QStringLiteral("a"), QStringLiteral("tiny"), QStringLiteral("10.30.0.1"))
                << host(21, QStringLiteral("b"), QStringLiteral("tiny"), QStringLiteral("10.30.0.2"));
        QCOMPARE(EditRules::moveHostToSubnet(t, 10, QStringLiteral("tiny")).address, QStringLiteral("10.104.0.1"));
        QCOMPARE(EditRules::moveHostToSubnet(t, 10, QStringLiteral("v6")).address, QStringLiteral("10.104.0.1"));
        const Host none = EditRules::moveHostToSubnet(t, 10, QString());
        QVERIFY(none.subnet.isEmpty());
        QCOMPARE(none.address, QStringLiteral("10.104.0.1"));
    }

    void renameCarriesHosts()
    {
        const QList<Host> changed = EditRules::hostsFollowingRename(twoSubnets(), QStringLiteral("db"), QStringLiteral("data"));
        QCOMPARE(changed.size(), 2);
        for (const Host &h : changed)
            QCOMPARE(h.subnet, QStringLiteral("data"));
        QCOMPARE(changed.at(0).uid, 10u);
        QCOMPARE(changed.at(1).uid, 11u);
        QVERIFY(EditRules::hostsFollowingRename(twoSubnets(), QStringLiteral("db"), QStringLiteral("db")).isEmpty());
    }

    void deletedSubnetClearsItsRemainingHosts()
    {
        // node2 is deleted with the subnet; node1 stays, without a subnet, its address kept.
        const QList<Host> left = EditRules::hostsLeftBySubnetRemoval(twoSubnets(), {1}, {11});
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().uid, 10u);
        QVERIFY(left.first().subnet.isEmpty());
        QCOMPARE(left.first().address, QStringLiteral("10.104.0.1"));
        QVERIFY(EditRules::hostsLeftBySubnetRemoval(twoSubnets(), {}, {10}).isEmpty());
    }

    void overlap_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("overlap");
        QTest::newRow("same") << QStringLiteral("10.104.0.0/24") << QStringLiteral("10.104.0.0/24") << true;
        QTest::newRow("upper half inside") << QStringLiteral("10.104.0.128/25") << QStringLiteral("10.104.0.0/24") << true;
        QTest::newRow("/8 holds all") << QStringLiteral("10.0.0.0/8") << QStringLiteral("10.200.0.0/24") << true;
        QTest::newRow("neighbours") << QStringLiteral("10.104.0.0/24") << QStringLiteral("10.104.1.0/24") << false;
        QTest::newRow("ipv6 never") << QStringLiteral("fd00::/64") << QStringLiteral("10.104.0.0/24") << false;
    }
    void overlap()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, overlap);
        QCOMPARE(EditRules::cidrsOverlap(a, b), overlap);
        QCOMPARE(EditRules::cidrsOverlap(b, a), overlap);
    }

    void freeCidr_data()
    {
        QTest::addColumn<QStringList>("existing");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty design") << QStringList() << QStringLiteral("10.104.0.0/24");
        QTest::newRow("first taken") << QStringList{QStringLiteral("10.104.0.0/24")} << QStringLiteral("10.105.0.0/24");
        QTest::newRow("a /25 blocks the /24") << QStringList{QStringLiteral("10.104.0.128/25")} << QStringLiteral("10.105.0.0/24");
        QTest::newRow("a /16 blocks its /24s") << QStringList{QStringLiteral("10.104.0.0/16"), QStringLiteral("10.105.0.0/16")} << QStringLiteral("10.106.0.0/24");
        QTest::newRow("10/8 taken: 172.16") << QStringList{QStringLiteral("10.0.0.0/8")} << QStringLiteral("172.16.0.0/24");
        QTest::newRow("10/8 and 172.16/12 taken") << QStringList{QStringLiteral("10.0.0.0/8"), QStringLiteral("172.16.0.0/12")} << QStringLiteral("192.168.0.0/24");
        QTest::newRow("everything private taken") << QStringList{QStringLiteral("10.0.0.0/8"), QStringLiteral("172.16.0.0/12"), QStringLiteral("192.168.0.0/16")} << QString();
        QTest::newRow("ipv6 ignored") << QStringList{QStringLiteral("fd00::/64")} << QStringLiteral("10.104.0.0/24");
    }
    void freeCidr()
    {
        QFETCH(QStringList, existing);
        QFETCH(QString, expected);
        Topology t;
        quint32 uid = 1;
        for (const QString &c : existing)
            t.subnets << subnet(uid++, QStringLiteral("s%1").arg(uid), c);
        const QString got = EditRules::freeSubnetCidr(t);
        QCOMPARE(got, expected);
        for (const QString &c : existing)
            QVERIFY2(got.isEmpty() || !EditRules::cidrsOverlap(got, c), qPrintable(got + QStringLiteral(" overlaps ") + c));
    }

    void pasteRenamesAndReaddresses()
    {
        const Topology into = twoSubnets();
        Topology clip;
        Subnet copied = into.subnets.first();
        copied.rect = {100, 50, 300, 200};
        clip.subnets << copied;
        clip.hosts << into.hosts.at(0) << into.hosts.at(1) << into.hosts.at(2);
        quint32 next = 100;
        const EditRules::PasteItems p = EditRules::preparePaste(into, clip, 36, [&] { return next++; });
        QCOMPARE(p.subnets.size(), 1);
        QCOMPARE(p.subnets.first().name, QStringLiteral("db2"));
        QCOMPARE(p.subnets.first().uid, 100u);
        QCOMPARE(p.subnets.first().rect.x, 136.0);
        QCOMPARE(p.hosts.size(), 3);
        QCOMPARE(p.hosts.at(0).name, QStringLiteral("node3"));
        QCOMPARE(p.hosts.at(1).name, QStringLiteral("node4"));
        QCOMPARE(p.hosts.at(2).name, QStringLiteral("app2"));
        // The copies of db's hosts live in the copy of db: same CIDR, the next free addresses after the originals.
        QCOMPARE(p.hosts.at(0).subnet, QStringLiteral("db2"));
        QCOMPARE(p.hosts.at(0).address, QStringLiteral("10.104.0.3"));
        QCOMPARE(p.hosts.at(1).address, QStringLiteral("10.104.0.4"));
        QCOMPARE(p.hosts.at(2).subnet, QStringLiteral("clients"));
        QCOMPARE(p.hosts.at(2).address, QStringLiteral("10.20.0.2"));
        QCOMPARE(p.hosts.at(2).uid, 103u);
    }
};

QTEST_GUILESS_MAIN(TestEditRules)
#include "tst_editrules.moc"
