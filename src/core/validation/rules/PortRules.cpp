#include "core/validation/RuleContext.h"
#include "core/validation/rules/Rules.h"

#include <QCoreApplication>
#include <QHash>

namespace pgha::rules {

namespace {

struct Service
{
    Role role;
    int port;
    const char *label;
    const char *key;       // project-file key, for subjects
    bool unprivileged;     // runs as a non-root user and cannot bind below 1024
};

QList<Service> services(const Cluster &cl)
{
    QList<Service> out{
        {Role::Postgres, cl.postgres.port, "PostgreSQL", "cluster.postgres.port", true},
        {Role::Postgres, cl.patroni.restApiPort, "the Patroni REST API", "cluster.patroni.restapi_port", true},
        {Role::Etcd, cl.etcd.clientPort, "the etcd client port", "cluster.etcd.client_port", true},
        {Role::Etcd, cl.etcd.peerPort, "the etcd peer port", "cluster.etcd.peer_port", true},
        // HAProxy binds as root before it drops privileges.
        {Role::HAProxy, cl.haproxy.primaryPort, "the HAProxy primary listener", "cluster.haproxy.primary_port", false},
        {Role::HAProxy, cl.haproxy.replicaPort, "the HAProxy replica listener", "cluster.haproxy.replica_port", false},
        {Role::HAProxy, cl.haproxy.statsPort, "the HAProxy stats page", "cluster.haproxy.stats_port", false},
    };
    if (cl.pooler.enabled)
        out.append({cl.pooler.placement == PoolerPlacement::Database ? Role::Postgres : Role::HAProxy, cl.pooler.port,
                    "PgBouncer", "cluster.pooler.port", true});
    return out;
}

} // namespace

void portConflict(const RuleContext &c, Findings &out)
{
    const QList<Service> all = services(c.topology.cluster);
    QHash<int, const char *> used;
    for (const Host &h : c.topology.hosts) {
        used.clear();
        auto take = [&](int port, const char *label) {
            const auto it = used.constFind(port);
            if (it == used.cend()) {
                used.insert(port, label);
                return;
            }
            addFinding(out, "port-conflict", Severity::Error, RuleContext::hostSubject(h),
                       QCoreApplication::translate("pgha::Rules", "On host %1, %2 and %3 both want port %4.")
                           .arg(h.name, QString::fromLatin1(it.value()), QString::fromLatin1(label))
                           .arg(port),
                       QCoreApplication::translate("pgha::Rules", "Give one of them another port in the cluster settings, or move a role to "
                                      "another host."));
        };
        take(h.ssh.port, "SSH");
        for (const Service &s : all) {
            if (h.has(s.role))
                take(s.port, s.label);
        }
    }
}

void reservedPort(const RuleContext &c, Findings &out)
{
    for (const Service &s : services(c.topology.cluster)) {
        if (c.topology.count(s.role) == 0)
            continue;
        const QString subject = QString::fromLatin1(s.key);
        if (s.port < 1 || s.port > 65535) {
            addFinding(out, "reserved-port", Severity::Error, subject,
                       QCoreApplication::translate("pgha::Rules", "Port %1 for %2 is outside 1-65535.").arg(s.port).arg(QString::fromLatin1(s.label)),
                       QCoreApplication::translate("pgha::Rules", "Choose a port between 1024 and 65535."));
        } else if (s.unprivileged && s.port < 1024) {
            addFinding(out, "reserved-port", Severity::Error, subject,
                       QCoreApplication::translate("pgha::Rules", "Port %1 for %2 is privileged, and that service runs as an unprivileged user "
                                      "that cannot bind it.").arg(s.port).arg(QString::fromLatin1(s.label)),
                       QCoreApplication::translate("pgha::Rules", "Choose a port of 1024 or above (defaults: 5432, 8008, 2379, 2380)."));
        }
    }
}

} // namespace pgha::rules
