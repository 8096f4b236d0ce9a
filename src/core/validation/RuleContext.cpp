#include "core/validation/RuleContext.h"

namespace pgha {

RuleContext::RuleContext(const Topology &topology_, const Secrets *secrets_)
    : topology(topology_), secrets(secrets_)
{
    hostAddress.reserve(topology.hosts.size());
    for (int i = 0; i < topology.hosts.size(); ++i) {
        const Host &h = topology.hosts.at(i);
        hostAddress.append(IpAddress::parse(h.address.trimmed()));
        if (h.has(Role::Postgres))
            postgresHosts.append(i);
        if (h.has(Role::Etcd))
            etcdHosts.append(i);
        if (h.has(Role::HAProxy))
            haproxyHosts.append(i);
    }
    subnetCidr.reserve(topology.subnets.size());
    for (int i = 0; i < topology.subnets.size(); ++i) {
        const Subnet &s = topology.subnets.at(i);
        std::optional<Cidr> c = Cidr::parse(s.cidr.trimmed());
        if (c && !c->hadPrefix)
            c.reset();  // a subnet needs its mask
        subnetCidr.append(c);
        if (!subnetIndex.contains(s.name))
            subnetIndex.insert(s.name, i);
    }
    for (auto it = topology.cluster.postgres.parameters.cbegin(); it != topology.cluster.postgres.parameters.cend();
         ++it)
        m_params.insert(it.key().toLower(), it.value());
}

std::optional<QString> RuleContext::parameter(const QString &name) const
{
    const auto it = m_params.constFind(name.toLower());
    if (it == m_params.cend())
        return std::nullopt;
    return it.value();
}

qint64 RuleContext::intParameter(const QString &name, qint64 fallback) const
{
    const auto v = parameter(name);
    if (!v)
        return fallback;
    bool ok = false;
    const qint64 n = v->trimmed().toLongLong(&ok);
    // Clamped so that the rules' sums and differences cannot overflow on absurd input.
    constexpr qint64 kLimit = Q_INT64_C(1) << 40;
    return ok ? qBound(-kLimit, n, kLimit) : fallback;
}

int RuleContext::subnetContaining(const IpAddress &address) const
{
    int best = -1;
    for (int i = 0; i < subnetCidr.size(); ++i) {
        const auto &c = subnetCidr.at(i);
        if (c && c->contains(address) && (best < 0 || c->prefix > subnetCidr.at(best)->prefix))
            best = i;
    }
    return best;
}

void addFinding(Findings &out, const char *ruleId, Severity severity, const QString &subject, const QString &message,
                const QString &fix, const char *quickFix)
{
    Finding f;
    f.ruleId = QString::fromLatin1(ruleId);
    f.severity = severity;
    f.subject = subject;
    f.message = message;
    f.fix = fix;
    if (quickFix)
        f.quickFix = QString::fromLatin1(quickFix);
    out.append(std::move(f));
}

} // namespace pgha
