#pragma once

#include <QString>

namespace pgha {

struct Topology;

// Address arithmetic for the designer (placing hosts into subnets). IPv4 only for now: for an IPv6 or
// unparsable CIDR the functions answer "don't know" (empty string / false) rather than guess.
namespace Addressing {

// Parses "a.b.c.d" (util/Net's strict grammar: no leading zeros); false when it is not a dotted IPv4 address.
bool parseIPv4(const QString &text, quint32 *out);
QString formatIPv4(quint32 address);

// Parses "a.b.c.d/n" into its network (host bits cleared) and prefix length.
bool parseIPv4Cidr(const QString &cidr, quint32 *network, int *prefix);

// True when address lies inside cidr (both IPv4).
bool contains(const QString &cidr, const QString &address);

// The lowest usable address of the subnet called subnetName that no host of the topology uses
// (network and broadcast addresses are skipped for prefixes up to /30). Empty when the subnet is
// unknown, not IPv4, or full.
QString nextFreeAddress(const Topology &topology, const QString &subnetName);

// base if no host is called so, else base2, base3, ... (the first free). A trailing number in base
// is dropped first so that copies of "node3" are called "node4", "node5".
QString uniqueHostName(const Topology &topology, const QString &base);

// Same for subnet names.
QString uniqueSubnetName(const Topology &topology, const QString &base);

} // namespace Addressing
} // namespace pgha
