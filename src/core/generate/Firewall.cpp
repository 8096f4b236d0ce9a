#include "core/generate/Firewall.h"

#include "core/generate/GenUtil.h"
#include "core/model/Platform.h"
#include "core/util/Net.h"

namespace pgha::Firewall {

namespace {

// "10.104.0.7/24" -> "10.104.0.0/24"; a bare address -> /32 or /128; empty when unparseable.
QString network(const QString &text)
{
    const std::optional<Cidr> c = Cidr::parse(text);
    if (!c)
        return {};
    IpAddress a = c->network;
    for (int i = c->prefix; i < a.bitCount(); ++i)
        a.bytes[size_t(i / 8)] &= quint8(~(0x80 >> (i % 8)));
    return a.toString() + QLatin1Char('/') + QString::number(c->prefix);
}

// The sources of one port: hosts' addresses folded into the fewest networks that hold exactly them (consecutive
// addresses share one entry, so that the rules grow with the number of address ranges, not of hosts), then the
// subnets in design order.
class Sources
{
public:
    void add(const QString &cidr)
    {
        const QString n = network(cidr);
        if (!n.isEmpty() && !m_subnets.contains(n))
            m_subnets << n;
    }
    void addHosts(const QList<const Host *> &hosts)
    {
        for (const Host *h : hosts) {
            if (const std::optional<IpAddress> a = IpAddress::parse(h->address))
                m_hosts << *a;
            else
                add(h->address);
        }
    }
    void addSubnets(const Topology &t, bool Subnet::*flag)
    {
        for (const Subnet &s : t.subnets) {
            if (s.*flag)
                add(s.cidr);
        }
    }
    QStringList list() const
    {
        QStringList out;
        for (const Cidr &c : exactNetworks(m_hosts))
            out << c.toString();
        for (const QString &n : m_subnets) {
            if (!out.contains(n))
                out << n;
        }
        return out;
    }

private:
    QList<IpAddress> m_hosts;
    QStringList m_subnets;
};

bool isV6(const QString &cidr)
{
    return cidr.contains(QLatin1Char(':'));
}

} // namespace

QList<PortRule> rules(const Topology &t, const Host &host)
{
    const Cluster &c = t.cluster;
    const QList<const Host *> etcd = t.hostsWith(Role::Etcd);
    const QList<const Host *> pg = t.hostsWith(Role::Postgres);
    const QList<const Host *> lb = t.hostsWith(Role::HAProxy);
    QList<PortRule> out;
    if (host.has(Role::Etcd)) {
        Sources peer;
        peer.addHosts(etcd);
        out << PortRule{c.etcd.peerPort, QStringLiteral("etcd peer"), peer.list()};
        Sources client;
        client.addHosts(pg);
        client.addHosts(etcd);
        client.addSubnets(t, &Subnet::admin);
        out << PortRule{c.etcd.clientPort, QStringLiteral("etcd client"), client.list()};
    }
    if (host.has(Role::Postgres)) {
        Sources rest;
        rest.addHosts(lb);
        rest.addHosts(pg);
        rest.addSubnets(t, &Subnet::admin);
        out << PortRule{c.patroni.restApiPort, QStringLiteral("Patroni REST API"), rest.list()};
        Sources db;
        db.addHosts(pg);
        db.addHosts(lb);
        db.addSubnets(t, &Subnet::clients);
        db.addSubnets(t, &Subnet::admin);
        out << PortRule{c.postgres.port, QStringLiteral("PostgreSQL"), db.list()};
    }
    if (host.has(Role::HAProxy)) {
        Sources clients;
        clients.addSubnets(t, &Subnet::clients);
        clients.addHosts(pg);
        out << PortRule{c.haproxy.primaryPort, QStringLiteral("HAProxy primary"), clients.list()};
        out << PortRule{c.haproxy.replicaPort, QStringLiteral("HAProxy replicas"), clients.list()};
        Sources admin;
        admin.addSubnets(t, &Subnet::admin);
        out << PortRule{c.haproxy.statsPort, QStringLiteral("HAProxy stats"), admin.list()};
    }
    return out;
}

QString nftPath()
{
    return QStringLiteral("/etc/pgha/firewall.nft");
}

QByteArray nftables(const Topology &topology, const Host &host)
{
    QString s = QStringLiteral("#!/usr/sbin/nft -f\n");
    s += QString::fromUtf8(GenUtil::header(
        QStringLiteral("Firewall of %1 (%2), cluster %3: each cluster port admits only who needs it")
            .arg(host.name, GenUtil::rolesText(host), topology.cluster.name)));
    s += QStringLiteral("# Load with: nft -f %1 (the install script also includes it from /etc/nftables.conf).\n"
                        "# Only this table is replaced; other tables and other ports (ssh) are left alone.\n")
             .arg(nftPath());
    // Declaring the table before deleting it makes the delete succeed on the first load too.
    s += QStringLiteral("table inet pgha\ndelete table inet pgha\n\ntable inet pgha {\n");
    s += QStringLiteral("    chain input {\n"
                        "        type filter hook input priority 0; policy accept;\n"
                        "        iif \"lo\" accept\n"
                        "        ct state established,related accept\n");
    QStringList ports;
    for (const PortRule &r : rules(topology, host)) {
        s += QStringLiteral("        # %1 (%2)\n").arg(r.service).arg(r.port);
        QStringList v4, v6;
        for (const QString &src : r.sources)
            (isV6(src) ? v6 : v4) << src;
        if (!v4.isEmpty())
            s += QStringLiteral("        ip saddr { %1 } tcp dport %2 accept\n").arg(v4.join(QStringLiteral(", "))).arg(r.port);
        if (!v6.isEmpty())
            s += QStringLiteral("        ip6 saddr { %1 } tcp dport %2 accept\n").arg(v6.join(QStringLiteral(", "))).arg(r.port);
        ports << QString::number(r.port);
    }
    ports.removeDuplicates();
    if (!ports.isEmpty())
        s += QStringLiteral("        # everyone else\n        tcp dport { %1 } drop\n").arg(ports.join(QStringLiteral(", ")));
    s += QStringLiteral("    }\n}\n");
    return s.toUtf8();
}

QString firewalldCommands(const Topology &topology, const Host &host, const QString &indent)
{
    QString s;
    for (const PortRule &r : rules(topology, host)) {
        // An earlier install may have opened the port to everyone.
        s += indent + QStringLiteral("firewall-cmd --permanent --remove-port=%1/tcp >/dev/null 2>&1 || true\n").arg(r.port);
        for (const QString &src : r.sources) {
            s += indent
                + QStringLiteral("firewall-cmd --permanent --add-rich-rule='rule family=\"%1\" source address=\"%2\" "
                                 "port port=\"%3\" protocol=\"tcp\" accept'   # %4\n")
                      .arg(isV6(src) ? QStringLiteral("ipv6") : QStringLiteral("ipv4"), src)
                      .arg(r.port)
                      .arg(r.service);
        }
    }
    return s;
}

QList<GeneratedFile> files(const Topology &topology, const Host &host)
{
    if (Platform::osFamily(host.os) != OsFamily::Debian || rules(topology, host).isEmpty())
        return {};
    return {GenUtil::makeFile(host.name, nftPath(), nftables(topology, host), 0644, FileSyntax::Text)};
}

} // namespace pgha::Firewall
