#include "core/util/Net.h"

#include <QSet>
#include <QtTest>

using namespace pgha;

class TestNet : public QObject
{
    Q_OBJECT

private slots:
    void parseAddress_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("ipv4") << "10.104.0.1" << true << "10.104.0.1";
        QTest::newRow("ipv4 zero") << "0.0.0.0" << true << "0.0.0.0";
        QTest::newRow("ipv4 max") << "255.255.255.255" << true << "255.255.255.255";
        QTest::newRow("ipv4 octet 256") << "10.104.0.256" << false << "";
        QTest::newRow("ipv4 three parts") << "10.104.1" << false << "";
        QTest::newRow("ipv4 five parts") << "1.2.3.4.5" << false << "";
        QTest::newRow("ipv4 trailing dot") << "1.2.3.4." << false << "";
        QTest::newRow("ipv4 leading zero (octal?)") << "010.1.1.1" << false << "";
        QTest::newRow("ipv4 sign") << "+1.2.3.4" << false << "";
        QTest::newRow("ipv4 space") << "1.2.3.4 " << false << "";
        QTest::newRow("host name") << "node1" << false << "";
        QTest::newRow("empty") << "" << false << "";
        QTest::newRow("ipv6 loopback") << "::1" << true << "::1";
        QTest::newRow("ipv6 any") << "::" << true << "::";
        QTest::newRow("ipv6 full") << "fd00:0:0:0:0:0:0:5" << true << "fd00::5";
        QTest::newRow("ipv6 upper") << "FD00::A" << true << "fd00::a";
        QTest::newRow("ipv6 trailing gap") << "fe80::" << true << "fe80::";
        QTest::newRow("ipv6 v4 tail") << "::ffff:10.0.0.1" << true << "::ffff:a00:1";
        QTest::newRow("ipv6 first longest run") << "1:0:0:2:0:0:0:3" << true << "1:0:0:2::3";
        QTest::newRow("ipv6 single zero not compressed") << "1:0:2:3:4:5:6:7" << true << "1:0:2:3:4:5:6:7";
        QTest::newRow("ipv6 two gaps") << "1::2::3" << false << "";
        QTest::newRow("ipv6 too many groups") << "1:2:3:4:5:6:7:8:9" << false << "";
        QTest::newRow("ipv6 too few groups") << "1:2:3" << false << "";
        QTest::newRow("ipv6 group too long") << "12345::1" << false << "";
        QTest::newRow("ipv6 zone id") << "fe80::1%eth0" << false << "";
        QTest::newRow("ipv6 leading colon") << ":1::2" << false << "";
        QTest::newRow("ipv6 trailing colon") << "1::2:" << false << "";
        QTest::newRow("ipv6 triple colon") << ":::" << false << "";
        QTest::newRow("ipv6 bad hex") << "fg00::1" << false << "";
    }

    void parseAddress()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, canonical);
        const auto a = IpAddress::parse(text);
        QCOMPARE(a.has_value(), valid);
        if (valid) {
            QCOMPARE(a->toString(), canonical);
            // The canonical form parses back to the same address.
            QCOMPARE(IpAddress::parse(a->toString()), a);
        }
    }

    void classify_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("unspecified");
        QTest::addColumn<bool>("loopback");
        QTest::addColumn<bool>("multicast");
        QTest::newRow("unicast") << "10.0.0.1" << false << false << false;
        QTest::newRow("lab loopback") << "127.0.0.11" << false << true << false;
        QTest::newRow("any v4") << "0.0.0.0" << true << false << false;
        QTest::newRow("multicast v4") << "239.1.1.1" << false << false << true;
        QTest::newRow("loopback v6") << "::1" << false << true << false;
        QTest::newRow("any v6") << "::" << true << false << false;
        QTest::newRow("multicast v6") << "ff02::1" << false << false << true;
    }

    void classify()
    {
        QFETCH(QString, text);
        const auto a = IpAddress::parse(text);
        QVERIFY(a);
        QTEST(a->isUnspecified(), "unspecified");
        QTEST(a->isLoopback(), "loopback");
        QTEST(a->isMulticast(), "multicast");
    }

    void cidr_data()
    {
        QTest::addColumn<QString>("cidr");
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("contains");
        QTest::addColumn<bool>("hostBits");
        QTest::newRow("inside /24") << "10.104.0.0/24" << "10.104.0.6" << true << true << false;
        QTest::newRow("outside /24") << "10.104.0.0/24" << "10.104.1.6" << true << false << false;
        QTest::newRow("inside /20 partial byte") << "10.10.16.0/20" << "10.10.31.255" << true << true << false;
        QTest::newRow("outside /20 partial byte") << "10.10.16.0/20" << "10.10.32.0" << true << false << false;
        QTest::newRow("host bits set") << "10.104.0.1/24" << "10.104.0.9" << true << true << true;
        QTest::newRow("any v4") << "0.0.0.0/0" << "192.0.2.1" << true << true << false;
        QTest::newRow("family mismatch") << "0.0.0.0/0" << "::1" << true << false << false;
        QTest::newRow("v6 /64") << "fd00:1::/64" << "fd00:1::abcd" << true << true << false;
        QTest::newRow("v6 outside") << "fd00:1::/64" << "fd00:2::1" << true << false << false;
        QTest::newRow("v6 any") << "::/0" << "2001:db8::1" << true << true << false;
        QTest::newRow("bare address is /32") << "10.0.0.1" << "10.0.0.1" << true << true << false;
        QTest::newRow("prefix too long") << "10.0.0.0/33" << "10.0.0.1" << false << false << false;
        QTest::newRow("prefix empty") << "10.0.0.0/" << "10.0.0.1" << false << false << false;
        QTest::newRow("prefix not a number") << "10.0.0.0/2a" << "10.0.0.1" << false << false << false;
        QTest::newRow("bad address") << "10.0.0/8" << "10.0.0.1" << false << false << false;
    }

    void cidr()
    {
        QFETCH(QString, cidr);
        QFETCH(QString, address);
        QFETCH(bool, valid);
        const auto c = Cidr::parse(cidr);
        QCOMPARE(c.has_value(), valid);
        if (!valid)
            return;
        const auto a = IpAddress::parse(address);
        QVERIFY(a);
        QTEST(c->contains(*a), "contains");
        QTEST(c->hostBitsSet(), "hostBits");
    }

    void exactNetworks_data()
    {
        QTest::addColumn<QStringList>("addresses");
        QTest::addColumn<QStringList>("networks");
        QTest::newRow("none") << QStringList{} << QStringList{};
        QTest::newRow("one") << QStringList{QStringLiteral("10.0.0.7")} << QStringList{QStringLiteral("10.0.0.7/32")};
        QTest::newRow("lab three") << QStringList{QStringLiteral("10.0.0.13"), QStringLiteral("10.0.0.11"), QStringLiteral("10.0.0.12")}
                                   << QStringList{QStringLiteral("10.0.0.11/32"), QStringLiteral("10.0.0.12/31")};
        QTest::newRow("duplicates") << QStringList{QStringLiteral("10.0.0.8"), QStringLiteral("10.0.0.8")}
                                    << QStringList{QStringLiteral("10.0.0.8/32")};
        QTest::newRow("aligned eight") << QStringList{QStringLiteral("10.0.0.8"), QStringLiteral("10.0.0.9"), QStringLiteral("10.0.0.10"),
                                                      QStringLiteral("10.0.0.11"), QStringLiteral("10.0.0.12"), QStringLiteral("10.0.0.13"),
                                                      QStringLiteral("10.0.0.14"), QStringLiteral("10.0.0.15")}
                                       << QStringList{QStringLiteral("10.0.0.8/29")};
        QTest::newRow("gap") << QStringList{QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.3")}
                             << QStringList{QStringLiteral("10.0.0.1/32"), QStringLiteral("10.0.0.3/32")};
        QTest::newRow("across octets") << QStringList{QStringLiteral("10.0.0.255"), QStringLiteral("10.0.1.0")}
                                       << QStringList{QStringLiteral("10.0.0.255/32"), QStringLiteral("10.0.1.0/32")};
        QTest::newRow("ends of space") << QStringList{QStringLiteral("255.255.255.255"), QStringLiteral("0.0.0.0")}
                                       << QStringList{QStringLiteral("0.0.0.0/32"), QStringLiteral("255.255.255.255/32")};
        QTest::newRow("v6 pair, v4 first") << QStringList{QStringLiteral("fd00::3"), QStringLiteral("fd00::2"), QStringLiteral("10.1.1.1")}
                                           << QStringList{QStringLiteral("10.1.1.1/32"), QStringLiteral("fd00::2/127")};
        QTest::newRow("v6 across 64 bits") << QStringList{QStringLiteral("fd00::ffff:ffff:ffff:ffff"), QStringLiteral("fd00:0:0:1::")}
                                           << QStringList{QStringLiteral("fd00::ffff:ffff:ffff:ffff/128"), QStringLiteral("fd00:0:0:1::/128")};
    }
    void exactNetworks()
    {
        QFETCH(QStringList, addresses);
        QFETCH(QStringList, networks);
        QList<pgha::IpAddress> in;
        for (const QString &a : addresses)
            in << *pgha::IpAddress::parse(a);
        QStringList got;
        for (const pgha::Cidr &c : pgha::exactNetworks(in))
            got << c.toString();
        QCOMPARE(got, networks);
    }

    // Exactly the members, nobody else: every address in, and the neighbours of a range out.
    void exactNetworksHoldOnlyMembers()
    {
        QList<pgha::IpAddress> in;
        QSet<QString> members;
        for (int i = 15; i <= 109; ++i) {
            in << *pgha::IpAddress::parse(QStringLiteral("10.100.0.%1").arg(i));
            members << QStringLiteral("10.100.0.%1").arg(i);
        }
        for (int i = 10; i <= 109; i += 3) {
            in << *pgha::IpAddress::parse(QStringLiteral("10.101.0.%1").arg(i));
            members << QStringLiteral("10.101.0.%1").arg(i);
        }
        const QList<pgha::Cidr> nets = pgha::exactNetworks(in);
        QVERIFY(nets.size() <= 12 + 34);
        for (int net = 100; net <= 101; ++net) {
            for (int i = 0; i < 256; ++i) {
                const QString a = QStringLiteral("10.%1.0.%2").arg(net).arg(i);
                bool inside = false;
                for (const pgha::Cidr &c : nets)
                    inside = inside || c.contains(*pgha::IpAddress::parse(a));
                QVERIFY2(inside == members.contains(a), qPrintable(a));
            }
        }
    }

    void hashing()
    {
        // Equal addresses written differently hash and compare equal (duplicate-address relies on it).
        QSet<IpAddress> set;
        set.insert(*IpAddress::parse(QStringLiteral("fd00::1")));
        QVERIFY(set.contains(*IpAddress::parse(QStringLiteral("fd00:0:0::0001"))));
        QVERIFY(!set.contains(*IpAddress::parse(QStringLiteral("fd00::2"))));
        // The IPv4 address and its IPv6 zero-prefixed look-alike differ.
        QVERIFY(*IpAddress::parse(QStringLiteral("0.0.0.1")) != *IpAddress::parse(QStringLiteral("::1")));
    }
};

QTEST_GUILESS_MAIN(TestNet)
#include "test_net.moc"
