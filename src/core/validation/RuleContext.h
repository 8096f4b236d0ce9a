#pragma once

#include "core/model/Secrets.h"
#include "core/model/Topology.h"
#include "core/util/Net.h"
#include "core/validation/Finding.h"

#include <QHash>
#include <QList>

#include <optional>

namespace pgha {

// What every rule needs, computed once per validate() in one pass over hosts and subnets, so that no rule
// has to parse addresses again or compare hosts pairwise.
class RuleContext
{
public:
    RuleContext(const Topology &topology, const Secrets *secrets);

    const Topology &topology;
    const Secrets *secrets;  // may be null

    QList<std::optional<IpAddress>> hostAddress;  // parallel to topology.hosts
    QList<std::optional<Cidr>> subnetCidr;        // parallel to topology.subnets; nullopt when unparseable
    QHash<QString, int> subnetIndex;              // name -> first subnet with that name

    QList<int> postgresHosts;  // indexes into topology.hosts
    QList<int> etcdHosts;
    QList<int> haproxyHosts;

    // PostgreSQL parameter as text, nullopt when unset. Keys are matched case-insensitively, as PostgreSQL does.
    std::optional<QString> parameter(const QString &name) const;
    // The parameter as a whole number (no unit), or fallback when unset or not a number.
    qint64 intParameter(const QString &name, qint64 fallback) const;

    // Index of the most specific subnet whose CIDR holds the address, or -1.
    int subnetContaining(const IpAddress &address) const;

    static QString hostSubject(const Host &h) { return QStringLiteral("hosts/") + h.name; }
    static QString subnetSubject(const Subnet &s) { return QStringLiteral("subnets/") + s.name; }

private:
    QHash<QString, QString> m_params;  // lower-cased name -> value
};

// Adds a finding; keeps the rule files short.
void addFinding(Findings &out, const char *ruleId, Severity severity, const QString &subject, const QString &message,
                const QString &fix, const char *quickFix = nullptr);

} // namespace pgha
