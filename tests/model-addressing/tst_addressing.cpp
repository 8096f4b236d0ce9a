// Address arithmetic used when the designer places a host into a subnet.
#include "core/model/Addressing.h"
#include "core/model/Topology.h"

#include <QTest>

using namespace pgha;

namespace {

Topology makeTopology(const QString &cidr, const QStringList &addresses)
{
    Topology t;
    Subnet s;
    s.name = QStringLiteral("db");
    s.cidr = cidr;
    t.subnets << s;
    int i = 1;
    for (const QString &a : addresses) {
        Host h;
        h.name = QStringLiteral("node%1").arg(i++);
        h.address = a;
        h.subnet = QStringLiteral("db");
        t.hosts << h;
    }
    return t;
}

} // namespace

class TestAddressing : public QObject
{
    Q_OBJECT
private slots:
    void nextFree_data()
    {
        QTest::addColumn<QString>("cidr");
        QTest::addColumn<QStringList>("used");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty /24 starts at .1") << QStringLiteral("10.104.0.0/24") << QStringList() << QStringLiteral("10.104.0.1");
        QTest::newRow("reference: gap after .3")
            << QStringLiteral("10.104.0.0/24")
            << QStringList{QStringLiteral("10.104.0.1"), QStringLiteral("10.104.0.2"), QStringLiteral("10.104.0.3"),
                           QStringLiteral("10.104.0.6")}
            << QStringLiteral("10.104.0.4");
        QTest::newRow("fills a hole") << QStringLiteral("10.0.0.0/24")
                                      << QStringList{QStringLiteral("10.0.0.2"), QStringLiteral("10.0.0.3")}
                                      << QStringLiteral("10.0.0.1");
        QTest::newRow("cidr with host bits set") << QStringLiteral("192.168.1.77/24") << QStringList()
                                                 << QStringLiteral("192.168.1.1");
        QTest::newRow("/30 full") << QStringLiteral("10.0.0.0/30")
                                  << QStringList{QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.2")} << QString();
        QTest::newRow("/31 uses both") << QStringLiteral("10.0.0.0/31") << QStringList{QStringLiteral("10.0.0.0")}
                                       << QStringLiteral("10.0.0.1");
        QTest::newRow("/32 single") << QStringLiteral("10.9.9.9/32") << QStringList() << QStringLiteral("10.9.9.9");
        QTest::newRow("crosses an octet") << QStringLiteral("10.1.0.0/16")
                                          << QStringList{QStringLiteral("10.1.0.1")} << QStringLiteral("10.1.0.2");
        QTest::newRow("ipv6 unsupported") << QStringLiteral("fd00::/64") << QStringList() << QString();
        QTest::newRow("garbage cidr") << QStringLiteral("10.0.0/24") << QStringList() << QString();
    }
    void nextFree()
    {
        QFETCH(QString, cidr);
        QFETCH(QStringList, used);
        QFETCH(QString, expected);
        QCOMPARE(Addressing::nextFreeAddress(makeTopology(cidr, used), QStringLiteral("db")), expected);
    }

    void unknownSubnet()
    {
        QCOMPARE(Addressing::nextFreeAddress(makeTopology(QStringLiteral("10.0.0.0/24"), {}), QStringLiteral("nope")),
                 QString());
    }

    void usedOutsideSubnetIgnored()
    {
        // An address used in another subnet does not block this one.
        Topology t = makeTopology(QStringLiteral("10.0.0.0/24"), {QStringLiteral("10.0.1.1")});
        QCOMPARE(Addressing::nextFreeAddress(t, QStringLiteral("db")), QStringLiteral("10.0.0.1"));
    }

    void contains_data()
    {
        QTest::addColumn<QString>("cidr");
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("inside");
        QTest::newRow("inside") << QStringLiteral("10.104.0.0/24") << QStringLiteral("10.104.0.200") << true;
        QTest::newRow("outside") << QStringLiteral("10.104.0.0/24") << QStringLiteral("10.104.1.1") << false;
        QTest::newRow("/0 holds all") << QStringLiteral("0.0.0.0/0") << QStringLiteral("8.8.8.8") << true;
        QTest::newRow("bad address") << QStringLiteral("10.0.0.0/8") << QStringLiteral("10.0.0.256") << false;
        QTest::newRow("octet too long") << QStringLiteral("10.0.0.0/8") << QStringLiteral("10.0.0.0001") << false;
    }
    void contains()
    {
        QFETCH(QString, cidr);
        QFETCH(QString, address);
        QFETCH(bool, inside);
        QCOMPARE(Addressing::contains(cidr, address), inside);
    }

    void uniqueNames_data()
    {
        QTest::addColumn<QStringList>("existing");
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("expected");
        QTest::newRow("free as is") << QStringList{QStringLiteral("node1")} << QStringLiteral("etcd1") << QStringLiteral("etcd1");
        QTest::newRow("copy of node3")
            << QStringList{QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}
            << QStringLiteral("node3") << QStringLiteral("node4");
        QTest::newRow("skips taken") << QStringList{QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node4")}
                                     << QStringLiteral("node1") << QStringLiteral("node3");
        QTest::newRow("no number") << QStringList{QStringLiteral("HAProxy-demo")} << QStringLiteral("HAProxy-demo")
                                   << QStringLiteral("HAProxy-demo2");
        QTest::newRow("case-insensitive") << QStringList{QStringLiteral("Node1")} << QStringLiteral("node1")
                                          << QStringLiteral("node2");
        QTest::newRow("empty base") << QStringList() << QString() << QStringLiteral("node");
    }
    void uniqueNames()
    {
        QFETCH(QStringList, existing);
        QFETCH(QString, base);
        QFETCH(QString, expected);
        Topology t;
        for (const QString &n : existing) {
            Host h;
            h.name = n;
            t.hosts << h;
        }
        QCOMPARE(Addressing::uniqueHostName(t, base), expected);
    }
};

QTEST_GUILESS_MAIN(TestAddressing)
#include "tst_addressing.moc"
