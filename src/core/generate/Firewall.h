#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Topology.h"

#include <QStringList>

namespace pgha::Firewall {

// One listening port of a host and the networks admitted to it (canonical CIDRs, host bits cleared, IPv4 and
// IPv6 mixed): the admitted hosts' networks (memberNetworks: their addresses folded into the fewest networks
// holding exactly them), then the subnets in design order. Whoever is not listed is dropped; loopback traffic is
// always admitted. The hosts' networks are the part that grows with the design: the firewalls write each
// distinct list once, as a named set (nftables) or ipset (firewalld) called after the roles it admits, and every
// port that admits those hosts refers to it.
struct PortRule
{
    int port = 0;
    QString service;            // "etcd peer", "etcd client", "Patroni REST API", "PostgreSQL", ...
    QStringList sources;        // hostNetworks, then subnets
    QString hostSet;            // the admitted hosts' roles, e.g. "haproxy_postgres"; empty when no host is admitted
    QStringList hostNetworks;   // the admitted hosts' networks
    QStringList subnets;        // the admitted subnets (client, admin) not already in hostNetworks
};

// Who needs each port of host:
//   etcd peer (2380)      the etcd members
//   etcd client (2379)    the Patroni hosts and the etcd members (quorum checks), the admin subnets
//   REST API (8008)       the HAProxy hosts and the PostgreSQL members, the admin subnets
//   PostgreSQL (5432)     the PostgreSQL members, the HAProxy hosts, the client and the admin subnets
//   HAProxy 5000/5001     the client subnets, the PostgreSQL members (the deploy's routing check)
//   HAProxy stats (7000)  the admin subnets
//   PgBouncer (6432)      on a database host: the HAProxy hosts and the members; on a HAProxy host: the client
//                         subnets and the members; the admin subnets (the dashboard's SHOW POOLS)
QList<PortRule> rules(const Topology &topology, const Host &host);

// VRRP (IP protocol 112) for the floating address: the other HAProxy hosts' addresses (host CIDRs), on an
// HAProxy host of a design with cluster.vip; empty otherwise. Everyone else's VRRP is dropped.
QStringList vrrpSources(const Topology &topology, const Host &host);

// nftables ruleset (Debian family) loaded with `nft -f`: its own table "inet pgha" (replaced as a whole on
// every load), policy accept for every other port (ssh stays reachable), each cluster port accepted from its
// sources and dropped from everyone else.
QString nftPath();  // /etc/pgha/firewall.nft
QByteArray nftables(const Topology &topology, const Host &host);

// firewalld (RHEL family): shell lines for the install script: per host set an ipset "pgha_<hostSet>" holding
// exactly its networks (emptied and refilled on every run), then per port one rich rule for that ipset and one per
// subnet.
QString firewalldCommands(const Topology &topology, const Host &host, const QString &indent);

// The nftables file for a Debian-family host with a role; empty otherwise.
QList<GeneratedFile> files(const Topology &topology, const Host &host);

} // namespace pgha::Firewall
