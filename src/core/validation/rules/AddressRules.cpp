#include "core/validation/RuleContext.h"
#include "core/validation/rules/Rules.h"

#include <QCoreApplication>
#include <QSet>

namespace pgha::rules {

void invalidAddress(const RuleContext &c, Findings &out)
{
    for (int i = 0; i < c.topology.hosts.size(); ++i) {
        const Host &h = c.topology.hosts.at(i);
        const auto &a = c.hostAddress.at(i);
        QString problem;
        if (h.address.trimmed().isEmpty())
            problem = QCoreApplication::translate("pgha::Rules", "Host %1 has no address.").arg(h.name);
        else if (!a)
            problem = QCoreApplication::translate("pgha::Rules", "\"%1\" is not an IPv4 or IPv6 address.").arg(h.address);
        else if (a->isUnspecified())
            problem = QCoreApplication::translate("pgha::Rules", "%1 is the unspecified address, not one a host can have.").arg(h.address);
        else if (a->isMulticast() || a->isBroadcast())
            problem = QCoreApplication::translate("pgha::Rules", "%1 is a multicast or broadcast address.").arg(h.address);
        if (problem.isEmpty())
            continue;
        addFinding(out, "invalid-address", Severity::Error, RuleContext::hostSubject(h), problem,
                   QCoreApplication::translate("pgha::Rules", "Enter the host's unicast address literally, e.g. 10.104.0.1 (no host names: the "
                                  "generated configs must work without DNS)."));
    }
}

void duplicateAddress(const RuleContext &c, Findings &out)
{
    QSet<IpAddress> seen;
    seen.reserve(c.topology.hosts.size());
    for (int i = 0; i < c.topology.hosts.size(); ++i) {
        const auto &a = c.hostAddress.at(i);
        if (!a)
            continue;
        if (seen.contains(*a)) {
            const Host &h = c.topology.hosts.at(i);
            addFinding(out, "duplicate-address", Severity::Error, RuleContext::hostSubject(h),
                       QCoreApplication::translate("pgha::Rules", "Another host already has the address %1.").arg(a->toString()),
                       QCoreApplication::translate("pgha::Rules", "Give every host its own address; services of one machine belong on one host "
                                      "with several roles."));
        } else {
            seen.insert(*a);
        }
    }
}

void invalidSubnet(const RuleContext &c, Findings &out)
{
    QSet<QString> names;
    for (int i = 0; i < c.topology.subnets.size(); ++i) {
        const Subnet &s = c.topology.subnets.at(i);
        const QString subject = RuleContext::subnetSubject(s);
        if (s.name.trimmed().isEmpty()) {
            addFinding(out, "invalid-subnet", Severity::Error, subject, QCoreApplication::translate("pgha::Rules", "A subnet has no name."),
                       QCoreApplication::translate("pgha::Rules", "Name the subnet, e.g. \"db\"."));
        } else if (names.contains(s.name)) {
            addFinding(out, "invalid-subnet", Severity::Error, subject,
                       QCoreApplication::translate("pgha::Rules", "Another subnet is already named \"%1\".").arg(s.name),
                       QCoreApplication::translate("pgha::Rules", "Rename one of them; hosts refer to subnets by name."));
        }
        names.insert(s.name);
        const auto &cidr = c.subnetCidr.at(i);
        if (!cidr) {
            addFinding(out, "invalid-subnet", Severity::Error, subject,
                       QCoreApplication::translate("pgha::Rules", "\"%1\" is not a network in CIDR notation.").arg(s.cidr),
                       QCoreApplication::translate("pgha::Rules", "Write the network address and prefix length, e.g. 10.104.0.0/24."));
        } else if (cidr->hostBitsSet()) {
            Cidr fixed = *cidr;
            for (int b = fixed.prefix; b < fixed.network.bitCount(); ++b)
                fixed.network.bytes[size_t(b / 8)] &= quint8(~(1u << (7 - b % 8)));
            addFinding(out, "invalid-subnet", Severity::Warning, subject,
                       QCoreApplication::translate("pgha::Rules", "%1 has host bits set; the network is %2.").arg(s.cidr, fixed.toString()),
                       QCoreApplication::translate("pgha::Rules", "Write the network as %1 (pg_hba and firewalls read it that way anyway).")
                           .arg(fixed.toString()));
        } else if (cidr->isAnyAddress()) {
            addFinding(out, "invalid-subnet", Severity::Error, subject,
                       QCoreApplication::translate("pgha::Rules", "%1 covers every address, so nothing derived from it (pg_hba, firewall) "
                                      "restricts anything.").arg(s.cidr),
                       QCoreApplication::translate("pgha::Rules", "Enter the real network, e.g. 10.104.0.0/24."));
        }
    }
}

void unknownSubnet(const RuleContext &c, Findings &out)
{
    for (int i = 0; i < c.topology.hosts.size(); ++i) {
        const Host &h = c.topology.hosts.at(i);
        if (!h.subnet.isEmpty() && c.subnetIndex.contains(h.subnet))
            continue;
        const auto &a = c.hostAddress.at(i);
        const int containing = a ? c.subnetContaining(*a) : -1;
        const char *quick = containing >= 0 ? "assign-subnet" : nullptr;
        const QString fix = containing >= 0
            ? QCoreApplication::translate("pgha::Rules", "Put the host into subnet \"%1\", which contains %2.")
                  .arg(c.topology.subnets.at(containing).name, h.address)
            : QCoreApplication::translate("pgha::Rules", "Add a subnet containing %1 and put the host into it.").arg(h.address);
        if (h.subnet.isEmpty()) {
            // Without a subnet the generated pg_hba and firewall rules cannot cover the host.
            addFinding(out, "unknown-subnet", Severity::Warning, RuleContext::hostSubject(h),
                       QCoreApplication::translate("pgha::Rules", "Host %1 is in no subnet, so pg_hba and firewall rules do not cover it.")
                           .arg(h.name),
                       fix, quick);
        } else {
            addFinding(out, "unknown-subnet", Severity::Error, RuleContext::hostSubject(h),
                       QCoreApplication::translate("pgha::Rules", "Host %1 names subnet \"%2\", which does not exist.").arg(h.name, h.subnet), fix,
                       quick);
        }
    }
}

void addressOutsideSubnet(const RuleContext &c, Findings &out)
{
    for (int i = 0; i < c.topology.hosts.size(); ++i) {
        const Host &h = c.topology.hosts.at(i);
        const auto &a = c.hostAddress.at(i);
        const auto it = c.subnetIndex.constFind(h.subnet);
        if (!a || h.subnet.isEmpty() || it == c.subnetIndex.cend())
            continue;
        const auto &cidr = c.subnetCidr.at(it.value());
        if (!cidr || cidr->contains(*a))
            continue;
        const int containing = c.subnetContaining(*a);
        addFinding(out, "address-outside-subnet", Severity::Error, RuleContext::hostSubject(h),
                   QCoreApplication::translate("pgha::Rules", "%1 is not inside subnet %2 (%3).").arg(h.address, h.subnet, cidr->toString()),
                   containing >= 0 ? QCoreApplication::translate("pgha::Rules", "Move the host to subnet \"%1\", or correct its address.")
                                         .arg(c.topology.subnets.at(containing).name)
                                   : QCoreApplication::translate("pgha::Rules", "Correct the address or the subnet's CIDR."),
                   containing >= 0 ? "assign-subnet" : nullptr);
    }
}

} // namespace pgha::rules
