#include "core/generate/LoopbackVariant.h"

namespace pgha {

Topology mapToLoopback(const Topology &topology, const QString &prefix, int firstOctet)
{
    QString p = prefix;
    if (!p.endsWith(QLatin1Char('.')))
        p += QLatin1Char('.');
    Topology t = topology;
    for (int i = 0; i < t.hosts.size(); ++i)
        t.hosts[i].address = p + QString::number(firstOctet + i);
    for (Subnet &s : t.subnets)
        s.cidr = p + QStringLiteral("0/24");
    return t;
}

} // namespace pgha
