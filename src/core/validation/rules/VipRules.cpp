// The floating address (cluster.vip, keepalived VRRP): docs/validation-rules.md, section "Floating address".
#include "core/util/Grammar.h"
#include "core/validation/RuleContext.h"
#include "core/validation/rules/Rules.h"

#include <QCoreApplication>

namespace pgha::rules {

namespace {

const QString kAddress = QStringLiteral("cluster.vip.address");

} // namespace

void vipInvalid(const RuleContext &c, Findings &out)
{
    const VipSettings &vip = c.topology.cluster.vip;
    if (!vip.enabled())
        return;
    const std::optional<IpAddress> a = IpAddress::parse(vip.address);
    if (!a || a->family != IpAddress::Family::V4 || a->isUnspecified() || a->isLoopback() || a->isMulticast()
        || a->isBroadcast()) {
        addFinding(out, "vip-invalid", Severity::Error, kAddress,
                   QCoreApplication::translate("pgha::Rules", "The floating address \"%1\" is not a unicast IPv4 literal.").arg(vip.address),
                   QCoreApplication::translate("pgha::Rules", "Write a free IPv4 address of the HAProxy hosts' subnet, such as 10.0.1.100."));
    }
    if (!vip.interface.isEmpty() && !Grammar::isInterfaceName(vip.interface)) {
        addFinding(out, "vip-invalid", Severity::Error, QStringLiteral("cluster.vip.interface"),
                   QCoreApplication::translate("pgha::Rules", "The interface \"%1\" is not a network interface name.").arg(vip.interface),
                   QCoreApplication::translate("pgha::Rules", "Leave it empty (the interface holding each host's address) or write a name of up "
                                                              "to 15 letters, digits, '_', '.' or '-', such as eth0."));
    }
    for (int i : c.haproxyHosts) {
        const Host &h = c.topology.hosts.at(i);
        if (h.vipPriority != 0 && (h.vipPriority < 1 || h.vipPriority > 254)) {
            addFinding(out, "vip-invalid", Severity::Error, RuleContext::hostSubject(h),
                       QCoreApplication::translate("pgha::Rules", "The VRRP priority %1 of %2 is outside 1 to 254.").arg(h.vipPriority).arg(h.name),
                       QCoreApplication::translate("pgha::Rules", "Use 1 to 254 (the higher takes the address first), or 0 for the host order."));
        }
    }
    if (c.secrets && !c.secrets->vipPassword.isEmpty() && !Grammar::isVrrpPassword(c.secrets->vipPassword)) {
        addFinding(out, "vip-invalid", Severity::Error, QStringLiteral("secrets.vip_password"),
                   QCoreApplication::translate("pgha::Rules", "vip_password is not 1 to 8 letters, digits, '_', '.' or '-' (VRRP carries 8 bytes)."),
                   QCoreApplication::translate("pgha::Rules", "Use up to 8 such characters, or leave it empty for no VRRP authentication."));
    }
}

void vipRouterId(const RuleContext &c, Findings &out)
{
    const VipSettings &vip = c.topology.cluster.vip;
    if (!vip.enabled() || (vip.virtualRouterId >= 1 && vip.virtualRouterId <= 255))
        return;
    addFinding(out, "vip-router-id", Severity::Error, QStringLiteral("cluster.vip.virtual_router_id"),
               QCoreApplication::translate("pgha::Rules", "virtual_router_id %1 is outside 1 to 255.").arg(vip.virtualRouterId),
               QCoreApplication::translate("pgha::Rules", "Pick 1 to 255, unique among the VRRP routers of the network segment (51 by default)."));
}

void vipTooFewHAProxy(const RuleContext &c, Findings &out)
{
    if (!c.topology.cluster.vip.enabled() || c.haproxyHosts.size() >= 2)
        return;
    addFinding(out, "vip-too-few-haproxy", Severity::Error, kAddress,
               QCoreApplication::translate("pgha::Rules", "A floating address needs at least two HAProxy hosts to move between; the design has %1.")
                   .arg(c.haproxyHosts.size()),
               QCoreApplication::translate("pgha::Rules", "Give the haproxy role to a second host in the same subnet, or remove cluster.vip."));
}

void vipOutsideSubnet(const RuleContext &c, Findings &out)
{
    const VipSettings &vip = c.topology.cluster.vip;
    if (!vip.enabled())
        return;
    const std::optional<IpAddress> a = IpAddress::parse(vip.address);
    if (!a)
        return;  // vip-invalid
    for (int i : c.haproxyHosts) {
        const Host &h = c.topology.hosts.at(i);
        const int si = c.subnetIndex.value(h.subnet, -1);
        const std::optional<Cidr> cidr = si >= 0 ? c.subnetCidr.at(si) : std::nullopt;
        if (cidr && cidr->contains(*a))
            continue;
        addFinding(out, "vip-outside-subnet", Severity::Error, RuleContext::hostSubject(h),
                   QCoreApplication::translate("pgha::Rules", "The floating address %1 is not in the subnet \"%2\" of HAProxy host %3, so %3 "
                                                              "cannot hold it.").arg(vip.address, h.subnet, h.name),
                   QCoreApplication::translate("pgha::Rules", "Put every HAProxy host in one subnet and pick the address from its range."));
    }
}

void vipCollision(const RuleContext &c, Findings &out)
{
    const VipSettings &vip = c.topology.cluster.vip;
    if (!vip.enabled())
        return;
    const std::optional<IpAddress> a = IpAddress::parse(vip.address);
    if (!a)
        return;
    for (int i = 0; i < c.topology.hosts.size(); ++i) {
        if (c.hostAddress.at(i) != a)
            continue;
        const Host &h = c.topology.hosts.at(i);
        addFinding(out, "vip-collision", Severity::Error, kAddress,
                   QCoreApplication::translate("pgha::Rules", "The floating address %1 is the address of host %2.").arg(vip.address, h.name),
                   QCoreApplication::translate("pgha::Rules", "Pick an address no host uses."));
    }
    for (int i = 0; i < c.topology.subnets.size(); ++i) {
        const std::optional<Cidr> &cidr = c.subnetCidr.at(i);
        if (!cidr || cidr->prefix >= 31 || !cidr->contains(*a))
            continue;
        // The network and broadcast addresses of the subnet are nobody's to hold.
        IpAddress first = cidr->network;
        IpAddress last = cidr->network;
        for (int b = cidr->prefix; b < first.bitCount(); ++b) {
            first.bytes[size_t(b / 8)] &= quint8(~(0x80 >> (b % 8)));
            last.bytes[size_t(b / 8)] |= quint8(0x80 >> (b % 8));
        }
        if (*a == first || *a == last)
            addFinding(out, "vip-collision", Severity::Error, kAddress,
                       QCoreApplication::translate("pgha::Rules", "The floating address %1 is the network or broadcast address of subnet \"%2\".")
                           .arg(vip.address, c.topology.subnets.at(i).name),
                       QCoreApplication::translate("pgha::Rules", "Pick an address no host uses."));
    }
}

} // namespace pgha::rules
