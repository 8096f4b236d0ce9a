#pragma once

#include <QString>

namespace pgha {

// A floating address (keepalived VRRP) shared by the HAProxy hosts (issue 10; project file key cluster.vip).
// Absent = no VIP: address empty. Each host's priority is Host::vipPriority (0 = by host order).
struct VipSettings
{
    QString address;            // IPv4 literal in the HAProxy hosts' subnet; empty = no floating address
    int virtualRouterId = 51;   // VRRP router id, 1-255, unique per network segment
    QString interface;          // empty = the interface holding the host's own address, found on the host

    bool enabled() const { return !address.isEmpty(); }
    bool operator==(const VipSettings &o) const
    {
        return address == o.address && virtualRouterId == o.virtualRouterId && interface == o.interface;
    }
    bool operator!=(const VipSettings &o) const { return !(*this == o); }
};

} // namespace pgha
