#pragma once

#include "core/model/Topology.h"

#include <QList>
#include <QString>

#include <functional>

namespace pgha {

// The rules of editing a design, for every way the designer edits it (inspector, canvas drag, paste,
// delete): pure functions of the topology, tested without a window. The GUI turns their answers into
// undo commands.
namespace EditRules {

// Moving a host into another subnet (inspector combo box or a drag into another zone): the host keeps
// its address when that address lies inside the new subnet and no other host uses it; otherwise it takes
// the subnet's next free address (other hosts' addresses count, its own does not). When the new subnet
// has no free IPv4 address (full, IPv6, unparsable) or the host leaves every subnet, the address stays
// as it is (validation reports what is wrong).
Host moveHostToSubnet(const Topology &topology, quint32 hostUid, const QString &subnet);

// Renaming a subnet: the hosts in it follow the new name. The hosts as they are after the rename (only
// those that change).
QList<Host> hostsFollowingRename(const Topology &topology, const QString &oldName, const QString &newName);

// Deleting subnets (and maybe some hosts with them): the hosts that stay but lived in a deleted subnet,
// as they are afterwards (subnet cleared, address kept).
QList<Host> hostsLeftBySubnetRemoval(const Topology &topology, const QList<quint32> &removedSubnetUids,
                                     const QList<quint32> &removedHostUids);

// A /24 for a new subnet that overlaps no IPv4 subnet of the design (a 10.104.0.128/25 blocks
// 10.104.0.0/24, a 10.0.0.0/8 blocks all of 10/8). Tried in order: 10.104-255.x.0/24, then 172.16.0.0/12,
// then 192.168.0.0/16. Empty when every candidate overlaps.
QString freeSubnetCidr(const Topology &topology);

// True when two IPv4 CIDRs share an address; false when either is not IPv4.
bool cidrsOverlap(const QString &a, const QString &b);

// Pasting copied hosts and subnets into a design: subnets get a free name (a copy of "db" is "db2"), hosts
// a free name ("node3" -> "node4") and the next free address of their (possibly renamed) subnet; every
// item gets a fresh uid from newUid and moves by shift on the canvas.
struct PasteItems
{
    QList<Subnet> subnets;
    QList<Host> hosts;
};
PasteItems preparePaste(const Topology &into, const Topology &clipboard, double shift,
                        const std::function<quint32()> &newUid);

// A cluster setting edited in the inspector: a backup setting changed keeps cluster.backup (the project file holds
// the block only while it is on, and a host of role backup turns backups on without it).
Cluster clusterAfterEdit(const Cluster &before, Cluster after);

} // namespace EditRules
} // namespace pgha
