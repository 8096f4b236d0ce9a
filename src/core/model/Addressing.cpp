#include "core/model/Addressing.h"

#include "core/model/Topology.h"
#include "core/util/Net.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace pgha::Addressing {

namespace {

quint32 toUInt(const IpAddress &a)
{
    return (quint32(a.bytes[0]) << 24) | (quint32(a.bytes[1]) << 16) | (quint32(a.bytes[2]) << 8) | a.bytes[3];
}

} // namespace

// One IP address library: the parsing is util/Net's (strict literals); this keeps the IPv4 arithmetic the
// designer's placement needs.
bool parseIPv4(const QString &text, quint32 *out)
{
    const std::optional<IpAddress> a = IpAddress::parse(QStringView(text).trimmed());
    if (!a || a->family != IpAddress::Family::V4)
        return false;
    if (out)
        *out = toUInt(*a);
    return true;
}

QString formatIPv4(quint32 a)
{
    return QStringLiteral("%1.%2.%3.%4").arg(a >> 24).arg((a >> 16) & 0xff).arg((a >> 8) & 0xff).arg(a & 0xff);
}

bool parseIPv4Cidr(const QString &cidr, quint32 *network, int *prefix)
{
    const std::optional<Cidr> c = Cidr::parse(QStringView(cidr).trimmed());
    if (!c || !c->hadPrefix || c->network.family != IpAddress::Family::V4)
        return false;
    const quint32 mask = c->prefix == 0 ? 0u : (0xffffffffu << (32 - c->prefix));
    if (network)
        *network = toUInt(c->network) & mask;
    if (prefix)
        *prefix = c->prefix;
    return true;
}

bool contains(const QString &cidr, const QString &address)
{
    quint32 net = 0, a = 0;
    int len = 0;
    if (!parseIPv4Cidr(cidr, &net, &len) || !parseIPv4(address, &a))
        return false;
    const quint32 mask = len == 0 ? 0u : (0xffffffffu << (32 - len));
    return (a & mask) == net;
}

QString nextFreeAddress(const Topology &topology, const QString &subnetName)
{
    const Subnet *subnet = topology.subnetByName(subnetName);
    if (!subnet)
        return {};
    quint32 net = 0;
    int len = 0;
    if (!parseIPv4Cidr(subnet->cidr, &net, &len))
        return {};
    QSet<quint32> used;
    used.reserve(topology.hosts.size());
    for (const Host &h : topology.hosts) {
        quint32 a = 0;
        if (parseIPv4(h.address, &a))
            used.insert(a);
    }
    const quint64 size = quint64(1) << (32 - len);
    quint64 first = net, last = quint64(net) + size - 1;
    if (len <= 30) {  // network and broadcast addresses are not usable
        ++first;
        --last;
    }
    // At most used.size() + 1 probes: linear in the number of hosts, whatever the subnet's size.
    for (quint64 a = first; a <= last; ++a) {
        if (!used.contains(quint32(a)))
            return formatIPv4(quint32(a));
    }
    return {};
}

namespace {

template <typename Exists>
QString uniqueName(QString base, Exists exists, const QString &fallback)
{
    base = base.trimmed();
    if (base.isEmpty())
        base = fallback;
    if (!exists(base))
        return base;
    static const QRegularExpression trailingNumber(QStringLiteral("^(.*?)(\\d+)$"));
    const QRegularExpressionMatch m = trailingNumber.match(base);
    QString stem = base;
    int n = 2;
    if (m.hasMatch() && !m.captured(1).isEmpty()) {
        stem = m.captured(1);
        n = m.captured(2).toInt() + 1;
    }
    for (;; ++n) {
        const QString candidate = stem + QString::number(n);
        if (!exists(candidate))
            return candidate;
    }
}

} // namespace

QString uniqueHostName(const Topology &topology, const QString &base)
{
    QSet<QString> names;
    for (const Host &h : topology.hosts)
        names.insert(h.name.toLower());  // host names are case-insensitive (DNS)
    return uniqueName(base, [&](const QString &n) { return names.contains(n.toLower()); }, QStringLiteral("node"));
}

QString uniqueSubnetName(const Topology &topology, const QString &base)
{
    QSet<QString> names;
    for (const Subnet &s : topology.subnets)
        names.insert(s.name);
    return uniqueName(base, [&](const QString &n) { return names.contains(n); }, QStringLiteral("subnet"));
}

} // namespace pgha::Addressing
