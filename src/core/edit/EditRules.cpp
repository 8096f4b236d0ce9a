#include "core/edit/EditRules.h"

#include "core/model/Addressing.h"

#include <QHash>

namespace pgha::EditRules {

Host moveHostToSubnet(const Topology &topology, quint32 hostUid, const QString &subnet)
{
    const Host *current = topology.hostByUid(hostUid);
    if (!current)
        return {};
    Host after = *current;
    after.subnet = subnet;
    const Subnet *target = topology.subnetByName(subnet);
    if (!target)
        return after;
    bool usedByOther = false;
    for (const Host &h : topology.hosts) {
        if (h.uid != hostUid && !h.address.isEmpty() && h.address.trimmed() == current->address.trimmed())
            usedByOther = true;
    }
    if (!usedByOther && Addressing::contains(target->cidr, current->address))
        return after;
    Topology others = topology;
    others.hosts.removeIf([&](const Host &h) { return h.uid == hostUid; });
    const QString address = Addressing::nextFreeAddress(others, subnet);
    if (!address.isEmpty())
        after.address = address;
    return after;
}

QList<Host> hostsFollowingRename(const Topology &topology, const QString &oldName, const QString &newName)
{
    QList<Host> out;
    if (oldName == newName)
        return out;
    for (const Host &h : topology.hosts) {
        if (h.subnet == oldName) {
            Host changed = h;
            changed.subnet = newName;
            out << changed;
        }
    }
    return out;
}

QList<Host> hostsLeftBySubnetRemoval(const Topology &topology, const QList<quint32> &removedSubnetUids,
                                     const QList<quint32> &removedHostUids)
{
    QStringList removedNames;
    for (const Subnet &s : topology.subnets) {
        if (removedSubnetUids.contains(s.uid))
            removedNames << s.name;
    }
    QList<Host> out;
    for (const Host &h : topology.hosts) {
        if (!removedHostUids.contains(h.uid) && removedNames.contains(h.subnet)) {
            Host changed = h;
            changed.subnet.clear();
            out << changed;
        }
    }
    return out;
}

namespace {

struct Range
{
    quint32 first;
    quint32 last;
};

bool range(const QString &cidr, Range *out)
{
    quint32 net = 0;
    int len = 0;
    if (!Addressing::parseIPv4Cidr(cidr, &net, &len))
        return false;
    const quint64 size = quint64(1) << (32 - len);
    *out = {net, quint32(quint64(net) + size - 1)};
    return true;
}

} // namespace

bool cidrsOverlap(const QString &a, const QString &b)
{
    Range ra{}, rb{};
    if (!range(a, &ra) || !range(b, &rb))
        return false;
    return ra.first <= rb.last && rb.first <= ra.last;
}

QString freeSubnetCidr(const Topology &topology)
{
    QList<Range> taken;
    for (const Subnet &s : topology.subnets) {
        Range r{};
        if (range(s.cidr, &r))
            taken << r;
    }
    const auto isFree = [&](quint32 net) {
        const quint32 last = net + 255;
        for (const Range &r : std::as_const(taken)) {
            if (r.first <= last && net <= r.last)
                return false;
        }
        return true;
    };
    // The designer's habit: 10.104.0.0/24, 10.105.0.0/24, ... (second octet first, as the templates do).
    for (quint32 third = 0; third < 256; ++third) {
        for (quint32 second = 104; second < 256; ++second) {
            const quint32 net = (10u << 24) | (second << 16) | (third << 8);
            if (isFree(net))
                return Addressing::formatIPv4(net) + QStringLiteral("/24");
        }
    }
    const auto scan = [&](quint32 base, int prefix) -> QString {
        const quint32 count = quint32(1) << (24 - prefix);
        for (quint32 i = 0; i < count; ++i) {
            const quint32 net = base + (i << 8);
            if (isFree(net))
                return Addressing::formatIPv4(net) + QStringLiteral("/24");
        }
        return {};
    };
    QString cidr = scan((172u << 24) | (16u << 16), 12);
    if (cidr.isEmpty())
        cidr = scan((192u << 24) | (168u << 16), 16);
    return cidr;
}

PasteItems preparePaste(const Topology &into, const Topology &clipboard, double shift,
                        const std::function<quint32()> &newUid)
{
    PasteItems out;
    Topology scratch = into;
    QHash<QString, QString> renamed;
    for (Subnet s : clipboard.subnets) {
        const QString newName = Addressing::uniqueSubnetName(scratch, s.name);
        renamed.insert(s.name, newName);
        s.name = newName;
        s.uid = newUid();
        s.rect.x += shift;
        s.rect.y += shift;
        scratch.subnets << s;
        out.subnets << s;
    }
    for (Host h : clipboard.hosts) {
        h.name = Addressing::uniqueHostName(scratch, h.name);
        h.subnet = renamed.value(h.subnet, h.subnet);
        const QString address = Addressing::nextFreeAddress(scratch, h.subnet);
        if (!address.isEmpty())
            h.address = address;
        h.uid = newUid();
        h.pos.x += shift;
        h.pos.y += shift;
        scratch.hosts << h;
        out.hosts << h;
    }
    return out;
}

Cluster clusterAfterEdit(const Cluster &before, Cluster after)
{
    if (after.backup != before.backup && after.backup.enabled == before.backup.enabled)
        after.backup.enabled = true;
    return after;
}

} // namespace pgha::EditRules
