#include "core/util/Grammar.h"
#include "core/validation/RuleContext.h"
#include "core/validation/rules/Rules.h"

#include <QCoreApplication>
#include <QSet>

namespace pgha::rules {

namespace {

bool isAsciiAlnum(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
}


// Patroni puts scope and namespace into DCS key paths (/<namespace>/<scope>/leader) and the scope into
// PostgreSQL's cluster_name and the systemd/process titles: keep to a portable character set.
bool isSafeKeyPart(const QString &s, bool allowSlash)
{
    if (s.isEmpty() || s.size() > 63)
        return false;
    for (QChar c : s) {
        if (isAsciiAlnum(c) || c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('.'))
            continue;
        if (allowSlash && c == QLatin1Char('/'))
            continue;
        return false;
    }
    return true;
}

} // namespace

void invalidClusterName(const RuleContext &c, Findings &out)
{
    const Cluster &cl = c.topology.cluster;
    // The name is also the Patroni scope, the bundle's top folder and the folder of the cluster's secrets and
    // journals: no '.', '/' or anything a path or a shell could read differently.
    if (!Grammar::isClusterName(cl.name)) {
        addFinding(out, "invalid-cluster-name", Severity::Error, QStringLiteral("cluster.name"),
                   QCoreApplication::translate("pgha::Rules", "The cluster name \"%1\" is not usable as Patroni scope and folder name.")
                       .arg(Grammar::hasControlCharacter(cl.name) ? QCoreApplication::translate("pgha::Rules", "(control characters)") : cl.name),
                   QCoreApplication::translate("pgha::Rules", "Use 1-63 characters from letters, digits, '_' and '-', not starting with '-', "
                                  "e.g. \"cluster_1\"."));
        out.last().field = QStringLiteral("cluster.name");
    }
    QString ns = cl.ns;
    while (ns.startsWith(QLatin1Char('/')))
        ns.remove(0, 1);
    while (ns.endsWith(QLatin1Char('/')))
        ns.chop(1);
    if (!isSafeKeyPart(ns, true) || ns.contains(QLatin1String("//"))) {
        addFinding(out, "invalid-cluster-name", Severity::Error, QStringLiteral("cluster.namespace"),
                   QCoreApplication::translate("pgha::Rules", "The namespace \"%1\" is not usable as Patroni namespace (DCS key prefix).").arg(cl.ns),
                   QCoreApplication::translate("pgha::Rules", "Use 1-63 characters from letters, digits, '_', '-', '.' and '/', e.g. \"service\"."));
        out.last().field = QStringLiteral("cluster.namespace");
    }
}

void invalidHostName(const RuleContext &c, Findings &out)
{
    for (int i = 0; i < c.topology.hosts.size(); ++i) {
        const Host &h = c.topology.hosts.at(i);
        if (Grammar::isRfc1123HostName(h.name))
            continue;
        addFinding(out, "invalid-host-name", Severity::Error, RuleContext::hostSubject(h),
                   h.name.isEmpty() ? QCoreApplication::translate("pgha::Rules", "A host has no name.")
                                    : QCoreApplication::translate("pgha::Rules", "\"%1\" is not a valid host name (RFC 1123).").arg(h.name),
                   QCoreApplication::translate("pgha::Rules", "Use letters, digits and inner hyphens only, at most 63 per dot-separated label "
                                  "(it becomes the Patroni member, etcd member and /etc/hosts name)."));
        out.last().field = QStringLiteral("hosts[%1].name").arg(i);
    }
}

void duplicateHostName(const RuleContext &c, Findings &out)
{
    // Host names are case-insensitive in DNS and /etc/hosts.
    QSet<QString> seen;
    seen.reserve(c.topology.hosts.size());
    for (const Host &h : c.topology.hosts) {
        if (h.name.isEmpty())
            continue;
        const QString key = h.name.toLower();
        if (seen.contains(key)) {
            addFinding(out, "duplicate-host-name", Severity::Error, RuleContext::hostSubject(h),
                       QCoreApplication::translate("pgha::Rules", "Another host is already named \"%1\" (names compare case-insensitively).")
                           .arg(h.name),
                       QCoreApplication::translate("pgha::Rules", "Rename one of them: Patroni members and etcd members need unique names."));
        } else {
            seen.insert(key);
        }
    }
}

} // namespace pgha::rules
