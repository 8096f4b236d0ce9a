#include "core/validation/RuleContext.h"
#include "core/validation/rules/Rules.h"

#include <QCoreApplication>

namespace pgha::rules {

void etcdQuorum(const RuleContext &c, Findings &out)
{
    const int n = int(c.etcdHosts.size());
    const QString subject = QStringLiteral("cluster.etcd");
    if (n == 0) {
        addFinding(out, "etcd-quorum", Severity::Error, subject,
                   QCoreApplication::translate("pgha::Rules", "No host runs etcd, so Patroni has no DCS to elect a leader in."),
                   QCoreApplication::translate("pgha::Rules", "Give the etcd role to three hosts (the PostgreSQL hosts will do for a start)."),
                   "add-etcd-member");
    } else if (n == 1) {
        addFinding(out, "etcd-quorum", Severity::Warning, subject,
                   QCoreApplication::translate("pgha::Rules", "Only one host runs etcd, so losing it stops every failover and, without "
                                  "failsafe_mode, demotes the primary."),
                   QCoreApplication::translate("pgha::Rules", "Run etcd on three hosts: three members survive the loss of one."), "add-etcd-member");
    } else if (n % 2 == 0) {
        addFinding(out, "etcd-quorum", Severity::Warning, subject,
                   QCoreApplication::translate("pgha::Rules", "%1 etcd members tolerate %2 failure(s), no more than %3 would, and need more "
                                  "members for a quorum.").arg(n).arg((n - 1) / 2).arg(n - 1),
                   QCoreApplication::translate("pgha::Rules", "Use an odd number of etcd members: add one, or remove one."), "add-etcd-member");
    }
    if (n > 7) {
        addFinding(out, "etcd-quorum", Severity::Warning, subject,
                   QCoreApplication::translate("pgha::Rules", "%1 etcd members slow every write (each must reach a majority) without "
                                  "practical gain in availability.").arg(n),
                   QCoreApplication::translate("pgha::Rules", "Use 3, 5 or at most 7 etcd members, as the etcd FAQ recommends."));
    }
}

void etcdColocated(const RuleContext &c, Findings &out)
{
    QStringList names;
    for (int i : c.etcdHosts) {
        const Host &h = c.topology.hosts.at(i);
        if (h.has(Role::Postgres))
            names << h.name;
    }
    if (names.isEmpty())
        return;
    addFinding(out, "etcd-colocated", Severity::Info, QStringLiteral("cluster.etcd"),
               QCoreApplication::translate("pgha::Rules", "etcd shares hosts with PostgreSQL (%1), where disk latency from the database can "
                              "delay etcd's fsyncs and heartbeats.").arg(names.join(QStringLiteral(", "))),
               QCoreApplication::translate("pgha::Rules", "In production give etcd its own disk or its own hosts; for a lab this is fine."));
}

} // namespace pgha::rules
