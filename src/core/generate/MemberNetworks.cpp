#include "core/generate/MemberNetworks.h"

#include "core/util/Net.h"

#include <QSet>

#include <algorithm>

namespace pgha {

namespace {

Cidr canonical(Cidr c)
{
    for (int i = c.prefix; i < c.network.bitCount(); ++i)
        c.network.bytes[size_t(i / 8)] &= quint8(~(0x80 >> (i % 8)));
    return c;
}

// The members_only subnets that stand for the given hosts: at least one of them in it, and every design host
// with an address in it among them.
QList<Cidr> foldedSubnets(const Topology &t, const QSet<const Host *> &given)
{
    QList<Cidr> out;
    for (const Subnet &s : t.subnets) {
        if (!s.membersOnly)
            continue;
        const std::optional<Cidr> c = Cidr::parse(s.cidr);
        if (!c || c->isAnyAddress())
            continue;
        bool any = false;
        bool all = true;
        for (const Host &h : t.hosts) {
            const std::optional<IpAddress> a = IpAddress::parse(h.address);
            if (!a || !c->contains(*a))
                continue;
            if (given.contains(&h))
                any = true;
            else
                all = false;
        }
        if (any && all)
            out << canonical(*c);
    }
    return out;
}

} // namespace

QString canonicalNetwork(const QString &text)
{
    const std::optional<Cidr> c = Cidr::parse(text);
    return c ? canonical(*c).toString() : QString();
}

MemberNetworks memberNetworks(const Topology &topology, const QList<const Host *> &hosts)
{
    MemberNetworks out;
    QSet<const Host *> given;
    for (const Host *h : hosts)
        given.insert(h);
    const QList<Cidr> folded = foldedSubnets(topology, given);
    QList<Cidr> nets = folded;
    QList<IpAddress> addresses;
    for (const Host *h : hosts) {
        const std::optional<IpAddress> a = IpAddress::parse(h->address);
        if (!a) {
            out.unparsed << h;
            continue;
        }
        const bool covered = std::any_of(folded.cbegin(), folded.cend(), [&](const Cidr &c) { return c.contains(*a); });
        if (!covered)
            addresses << *a;
    }
    nets += exactNetworks(addresses);
    std::stable_sort(nets.begin(), nets.end(), [](const Cidr &a, const Cidr &b) {
        return a.network < b.network || (a.network == b.network && a.prefix < b.prefix);
    });
    for (const Cidr &c : nets)
        out.networks << c.toString();
    return out;
}

} // namespace pgha
