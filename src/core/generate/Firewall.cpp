#include "core/generate/Firewall.h"

#include "core/generate/GenUtil.h"
#include "core/generate/MemberNetworks.h"
#include "core/generate/PgBouncerConfig.h"
#include "core/model/BackupLayout.h"
#include "core/model/Platform.h"
#include "core/util/Net.h"

namespace pgha::Firewall {

namespace {

// The sources of one port: the admitted hosts (by role) as their networks (memberNetworks), then the subnets in
// design order.
class Sources
{
public:
    explicit Sources(const Topology &t) : m_topology(t) {}

    void addHosts(const QList<const Host *> &hosts, const QString &role)
    {
        for (const Host *h : hosts) {
            if (!m_hosts.contains(h))
                m_hosts << h;
        }
        if (!hosts.isEmpty() && !m_roles.contains(role))
            m_roles << role;
    }
    void addSubnets(bool Subnet::*flag)
    {
        for (const Subnet &s : m_topology.subnets) {
            const QString n = canonicalNetwork(s.cidr);
            if (s.*flag && !n.isEmpty() && !m_subnets.contains(n))
                m_subnets << n;
        }
    }
    PortRule rule(int port, const QString &service) const
    {
        PortRule r;
        r.port = port;
        r.service = service;
        // Unparseable addresses are left out (the validator reports them).
        r.hostNetworks = memberNetworks(m_topology, m_hosts).networks;
        if (!r.hostNetworks.isEmpty()) {
            QStringList roles = m_roles;
            roles.sort();
            r.hostSet = roles.join(QLatin1Char('_'));
        }
        for (const QString &n : m_subnets) {
            if (!r.hostNetworks.contains(n))
                r.subnets << n;
        }
        r.sources = r.hostNetworks + r.subnets;
        return r;
    }

private:
    const Topology &m_topology;
    QList<const Host *> m_hosts;
    QStringList m_roles;
    QStringList m_subnets;
};

bool isV6(const QString &cidr)
{
    return cidr.contains(QLatin1Char(':'));
}

// A host set's networks of one family, and the name its set carries ("haproxy_postgres", "haproxy_postgres_v6").
struct NamedSet
{
    QString name;
    bool v6 = false;
    QStringList networks;
};

QList<NamedSet> namedSets(const QList<PortRule> &rules)
{
    QList<NamedSet> out;
    QStringList seen;
    for (const PortRule &r : rules) {
        if (r.hostSet.isEmpty() || seen.contains(r.hostSet))
            continue;
        seen << r.hostSet;
        NamedSet v4{r.hostSet, false, {}};
        NamedSet v6{r.hostSet + QStringLiteral("_v6"), true, {}};
        for (const QString &n : r.hostNetworks)
            (isV6(n) ? v6 : v4).networks << n;
        for (const NamedSet &s : {v4, v6}) {
            if (!s.networks.isEmpty())
                out << s;
        }
    }
    return out;
}

// The named sets of one rule (its hostSet, per family present).
QList<NamedSet> setsOf(const QList<NamedSet> &sets, const PortRule &r)
{
    QList<NamedSet> out;
    for (const NamedSet &s : sets) {
        if (!r.hostSet.isEmpty() && (s.name == r.hostSet || s.name == r.hostSet + QStringLiteral("_v6")))
            out << s;
    }
    return out;
}

} // namespace

QList<PortRule> rules(const Topology &t, const Host &host)
{
    const Cluster &c = t.cluster;
    const QList<const Host *> etcd = t.hostsWith(Role::Etcd);
    const QList<const Host *> pg = t.hostsWith(Role::Postgres);
    const QList<const Host *> lb = t.hostsWith(Role::HAProxy);
    const QString etcdRole = QStringLiteral("etcd");
    const QString pgRole = QStringLiteral("postgres");
    const QString lbRole = QStringLiteral("haproxy");
    QList<PortRule> out;
    if (host.has(Role::Etcd)) {
        Sources peer(t);
        peer.addHosts(etcd, etcdRole);
        out << peer.rule(c.etcd.peerPort, QStringLiteral("etcd peer"));
        Sources client(t);
        client.addHosts(pg, pgRole);
        client.addHosts(etcd, etcdRole);
        client.addSubnets(&Subnet::admin);
        out << client.rule(c.etcd.clientPort, QStringLiteral("etcd client"));
    }
    if (host.has(Role::Postgres)) {
        Sources rest(t);
        rest.addHosts(lb, lbRole);
        rest.addHosts(pg, pgRole);
        rest.addSubnets(&Subnet::admin);
        out << rest.rule(c.patroni.restApiPort, QStringLiteral("Patroni REST API"));
        Sources db(t);
        db.addHosts(pg, pgRole);
        db.addHosts(lb, lbRole);
        db.addSubnets(&Subnet::clients);
        db.addSubnets(&Subnet::admin);
        out << db.rule(c.postgres.port, QStringLiteral("PostgreSQL"));
    }
    if (host.has(Role::HAProxy)) {
        Sources clients(t);
        clients.addSubnets(&Subnet::clients);
        clients.addHosts(pg, pgRole);
        out << clients.rule(c.haproxy.primaryPort, QStringLiteral("HAProxy primary"));
        out << clients.rule(c.haproxy.replicaPort, QStringLiteral("HAProxy replicas"));
        Sources admin(t);
        admin.addSubnets(&Subnet::admin);
        out << admin.rule(c.haproxy.statsPort, QStringLiteral("HAProxy stats"));
    }
    if (PgBouncerConfig::runsOn(t, host)) {
        // On a database host HAProxy sends its clients to PgBouncer; on a HAProxy host the clients come directly.
        Sources pool(t);
        if (c.pooler.placement == PoolerPlacement::Database) {
            pool.addHosts(lb, lbRole);
            pool.addHosts(pg, pgRole);
        } else {
            pool.addSubnets(&Subnet::clients);
            pool.addHosts(pg, pgRole);
        }
        pool.addSubnets(&Subnet::admin);
        out << pool.rule(c.pooler.port, QStringLiteral("PgBouncer"));
    }
    if (BackupLayout::runsServer(t, host)) {
        // pgBackRest's TLS server: the database hosts reach the repository, the repository each database host.
        const Host *repo = BackupLayout::repositoryHost(t);
        Sources peers(t);
        if (repo->name == host.name)
            peers.addHosts(pg, pgRole);
        if (host.has(Role::Postgres))
            peers.addHosts({repo}, QStringLiteral("backup"));
        out << peers.rule(c.backup.tlsPort, QStringLiteral("pgBackRest TLS server"));
    }
    return out;
}

QStringList vrrpSources(const Topology &t, const Host &host)
{
    if (!t.cluster.vip.enabled() || !host.has(Role::HAProxy))
        return {};
    QList<const Host *> peers;
    for (const Host *h : t.hostsWith(Role::HAProxy)) {
        if (h->name != host.name)
            peers << h;
    }
    return memberNetworks(t, peers).networks;
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
    const QList<PortRule> portRules = rules(topology, host);
    const QList<NamedSet> sets = namedSets(portRules);
    if (!sets.isEmpty())
        s += QStringLiteral("    # The cluster's hosts by role, each list written once and named by the rules below\n");
    for (const NamedSet &set : sets) {
        s += QStringLiteral("    set %1 {\n"
                            "        type %2\n"
                            "        flags interval\n"
                            "        elements = { %3 }\n"
                            "    }\n")
                 .arg(set.name, set.v6 ? QStringLiteral("ipv6_addr") : QStringLiteral("ipv4_addr"),
                      set.networks.join(QStringLiteral(", ")));
    }
    s += QStringLiteral("    chain input {\n"
                        "        type filter hook input priority 0; policy accept;\n"
                        "        iif \"lo\" accept\n"
                        "        ct state established,related accept\n");
    QStringList ports;
    for (const PortRule &r : portRules) {
        s += QStringLiteral("        # %1 (%2)\n").arg(r.service).arg(r.port);
        for (const NamedSet &set : setsOf(sets, r))
            s += QStringLiteral("        %1 saddr @%2 tcp dport %3 accept\n")
                     .arg(set.v6 ? QStringLiteral("ip6") : QStringLiteral("ip"), set.name)
                     .arg(r.port);
        QStringList v4, v6;
        for (const QString &src : r.subnets)
            (isV6(src) ? v6 : v4) << src;
        if (!v4.isEmpty())
            s += QStringLiteral("        ip saddr { %1 } tcp dport %2 accept\n").arg(v4.join(QStringLiteral(", "))).arg(r.port);
        if (!v6.isEmpty())
            s += QStringLiteral("        ip6 saddr { %1 } tcp dport %2 accept\n").arg(v6.join(QStringLiteral(", "))).arg(r.port);
        ports << QString::number(r.port);
    }
    const QStringList vrrp = vrrpSources(topology, host);
    if (!vrrp.isEmpty()) {
        QStringList v4;
        for (const QString &src : vrrp) {
            if (!isV6(src))
                v4 << src;
        }
        s += QStringLiteral("        # VRRP (keepalived, floating address %1) from the other HAProxy hosts\n")
                 .arg(GenUtil::commentText(topology.cluster.vip.address));
        if (!v4.isEmpty())
            s += QStringLiteral("        ip saddr { %1 } ip protocol vrrp accept\n").arg(v4.join(QStringLiteral(", ")));
    }
    ports.removeDuplicates();
    if (!ports.isEmpty())
        s += QStringLiteral("        # everyone else\n        tcp dport { %1 } drop\n").arg(ports.join(QStringLiteral(", ")));
    if (!vrrp.isEmpty())
        s += QStringLiteral("        ip protocol vrrp drop\n");
    s += QStringLiteral("    }\n}\n");
    return s.toUtf8();
}

QString firewalldCommands(const Topology &topology, const Host &host, const QString &indent)
{
    const QList<PortRule> portRules = rules(topology, host);
    const QList<NamedSet> sets = namedSets(portRules);
    QString s;
    if (!sets.isEmpty()) {
        s += indent + QStringLiteral("# pgha_ipset NAME FAMILY NETWORK...: the permanent ipset NAME holds exactly NETWORK...\n");
        s += indent + QStringLiteral("pgha_ipset() {\n");
        s += indent + QStringLiteral("    local name=\"$1\" family=\"$2\" e\n");
        s += indent + QStringLiteral("    shift 2\n");
        s += indent + QStringLiteral("    firewall-cmd --permanent --info-ipset=\"$name\" >/dev/null 2>&1 ||\n");
        s += indent + QStringLiteral("        firewall-cmd --permanent --new-ipset=\"$name\" --type=hash:net --option=family=\"$family\" >/dev/null\n");
        s += indent + QStringLiteral("    for e in $(firewall-cmd --permanent --ipset=\"$name\" --get-entries); do\n");
        s += indent + QStringLiteral("        firewall-cmd --permanent --ipset=\"$name\" --remove-entry=\"$e\" >/dev/null\n");
        s += indent + QStringLiteral("    done\n");
        s += indent + QStringLiteral("    firewall-cmd --permanent --ipset=\"$name\" \"${@/#/--add-entry=}\" >/dev/null\n");
        s += indent + QStringLiteral("}\n");
        // The cluster's hosts by role, each list once; the rules below name them.
        for (const NamedSet &set : sets)
            s += indent + QStringLiteral("pgha_ipset pgha_%1 %2 %3\n")
                              .arg(set.name, set.v6 ? QStringLiteral("inet6") : QStringLiteral("inet"),
                                   set.networks.join(QLatin1Char(' ')));
    }
    const auto rich = [&](const QString &family, const QString &source, const PortRule &r) {
        return indent
            + QStringLiteral("firewall-cmd --permanent --add-rich-rule='rule family=\"%1\" source %2 "
                             "port port=\"%3\" protocol=\"tcp\" accept'   # %4\n")
                  .arg(family, source)
                  .arg(r.port)
                  .arg(r.service);
    };
    for (const PortRule &r : portRules) {
        // An earlier install may have opened the port to everyone.
        s += indent + QStringLiteral("firewall-cmd --permanent --remove-port=%1/tcp >/dev/null 2>&1 || true\n").arg(r.port);
        for (const NamedSet &set : setsOf(sets, r))
            s += rich(set.v6 ? QStringLiteral("ipv6") : QStringLiteral("ipv4"),
                      QStringLiteral("ipset=\"pgha_%1\"").arg(set.name), r);
        for (const QString &src : r.subnets)
            s += rich(isV6(src) ? QStringLiteral("ipv6") : QStringLiteral("ipv4"),
                      QStringLiteral("address=\"%1\"").arg(src), r);
    }
    for (const QString &src : vrrpSources(topology, host)) {
        s += indent
            + QStringLiteral("firewall-cmd --permanent --add-rich-rule='rule family=\"%1\" source address=\"%2\" "
                             "protocol value=\"vrrp\" accept'   # VRRP (keepalived)\n")
                  .arg(isV6(src) ? QStringLiteral("ipv6") : QStringLiteral("ipv4"), src);
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
