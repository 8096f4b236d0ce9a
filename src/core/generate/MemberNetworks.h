#pragma once

#include "core/model/Topology.h"

#include <QList>
#include <QStringList>

namespace pgha {

// "10.104.0.7/24" -> "10.104.0.0/24"; a bare address -> /32 or /128; empty when it does not parse.
QString canonicalNetwork(const QString &text);

// The networks that admit exactly the given hosts (pg_hba's member lines, the firewall's sources): their
// addresses folded into the fewest CIDR networks that hold exactly them (exactNetworks, core/util/Net.h), so that
// consecutive addresses share one entry. One widening, only where the design allows it: a subnet marked
// `members_only` (no machine but the design's hosts uses an address there) stands for its hosts when every design
// host with an address in it is among the given ones; then the subnet's network replaces their blocks, and
// nobody is admitted who was not before (the subnet's other addresses are declared unused).
struct MemberNetworks
{
    QStringList networks;               // canonical CIDRs, IPv4 first, by address
    QList<const Host *> unparsed;       // hosts whose address does not parse (the validator reports them)
};

MemberNetworks memberNetworks(const Topology &topology, const QList<const Host *> &hosts);

} // namespace pgha
