#include "core/validation/RuleContext.h"
#include "core/validation/rules/Rules.h"

#include <QCoreApplication>
#include <QSet>

namespace pgha::rules {

namespace {
// Measured on the loopback lab: a switchover with inter 3s fall 3 (9 s to mark down) kept routing the primary
// port to the read-only old primary for ~5 s; with inter 1s fall 3 never.
constexpr int kMaxMarkDownMs = 3000;
} // namespace

void haproxyMissing(const RuleContext &c, Findings &out)
{
    if (c.postgresHosts.isEmpty() || !c.haproxyHosts.isEmpty())
        return;
    addFinding(out, "haproxy-missing", Severity::Error, QStringLiteral("cluster"),
               QCoreApplication::translate("pgha::Rules", "No host runs HAProxy, so clients have no single address that follows the primary."),
               QCoreApplication::translate("pgha::Rules", "Give the haproxy role to a host, preferably two in the clients' subnet."));
}

void haproxySinglePoint(const RuleContext &c, Findings &out)
{
    if (c.haproxyHosts.size() != 1)
        return;
    const Host &h = c.topology.hosts.at(c.haproxyHosts.first());
    addFinding(out, "haproxy-single-point", Severity::Warning, RuleContext::hostSubject(h),
               QCoreApplication::translate("pgha::Rules", "HAProxy runs only on %1, a single point of failure for every client.").arg(h.name),
               QCoreApplication::translate("pgha::Rules", "Run HAProxy on two hosts behind a virtual IP (keepalived), or list both in the "
                              "clients' connection strings."));
}

void haproxyMaxconn(const RuleContext &c, Findings &out)
{
    if (c.haproxyHosts.isEmpty() || c.postgresHosts.isEmpty())
        return;
    const HAProxySettings &hp = c.topology.cluster.haproxy;
    const qint64 servers = c.postgresHosts.size();
    // Every PostgreSQL host is a server in both the primary and the replica listener.
    const qint64 listenerCapacity = qint64(hp.serverMaxconn) * servers * 2;
    if (hp.maxconn < listenerCapacity) {
        addFinding(out, "haproxy-maxconn", Severity::Warning, QStringLiteral("cluster.haproxy.maxconn"),
                   QCoreApplication::translate("pgha::Rules", "Global maxconn %1 is below the %2 connections the listeners accept (server_maxconn "
                                  "%3 x %4 servers x 2 listeners), so clients queue in the kernel before HAProxy.")
                       .arg(hp.maxconn)
                       .arg(listenerCapacity)
                       .arg(hp.serverMaxconn)
                       .arg(servers),
                   QCoreApplication::translate("pgha::Rules", "Raise global maxconn to %1, or lower server_maxconn.").arg(listenerCapacity),
                   "fix-haproxy-maxconn");
    }
    const qint64 maxConnections = c.intParameter(QStringLiteral("max_connections"), 100);
    const qint64 reserved = c.intParameter(QStringLiteral("superuser_reserved_connections"), 3)
        + (c.topology.cluster.postgres.version >= 16 ? c.intParameter(QStringLiteral("reserved_connections"), 0) : 0);
    const qint64 usable = maxConnections - reserved;
    const qint64 perServer = qint64(hp.serverMaxconn) * 2;
    // With PgBouncer on the database hosts HAProxy's servers are the poolers (pooler-haproxy-maxconn).
    const PoolerSettings &pooler = c.topology.cluster.pooler;
    const bool pooled = pooler.enabled && pooler.placement == PoolerPlacement::Database;
    if (perServer > usable && !pooled) {
        addFinding(out, "haproxy-maxconn", Severity::Warning, QStringLiteral("cluster.haproxy.server_maxconn"),
                   QCoreApplication::translate("pgha::Rules", "HAProxy may open %1 connections to one PostgreSQL server (server_maxconn %2 x 2 "
                                  "listeners), more than the %3 that max_connections %4 leaves to ordinary users.")
                       .arg(perServer)
                       .arg(hp.serverMaxconn)
                       .arg(usable)
                       .arg(maxConnections),
                   QCoreApplication::translate("pgha::Rules", "Lower server_maxconn to %1 or raise max_connections to %2.")
                       .arg(qMax<qint64>(1, usable / 2))
                       .arg(perServer + reserved));
    }
}

void haproxySlowChecks(const RuleContext &c, Findings &out)
{
    if (c.haproxyHosts.isEmpty())
        return;
    const HAProxySettings &hp = c.topology.cluster.haproxy;
    const qint64 markDownMs = qint64(hp.checkIntervalMs) * hp.fall;
    if (markDownMs <= kMaxMarkDownMs)
        return;
    addFinding(out, "haproxy-slow-checks", Severity::Warning, QStringLiteral("cluster.haproxy.check_interval_ms"),
               QCoreApplication::translate("pgha::Rules", "HAProxy needs up to %1 s (inter %2 ms x fall %3) to stop routing the primary port to a "
                              "demoted primary, which then refuses writes.")
                   .arg(QString::number(markDownMs / 1000.0, 'f', 1))
                   .arg(hp.checkIntervalMs)
                   .arg(hp.fall),
               QCoreApplication::translate("pgha::Rules", "Check every 1000 ms with fall 3 or less (on-marked-down shutdown-sessions then cuts "
                              "old sessions within 3 s)."),
               "fix-haproxy-checks");
}

void lbInDbSubnet(const RuleContext &c, Findings &out)
{
    QSet<QString> dbSubnets;
    for (int i : c.postgresHosts) {
        const QString &s = c.topology.hosts.at(i).subnet;
        if (!s.isEmpty())
            dbSubnets.insert(s);
    }
    for (int i : c.haproxyHosts) {
        const Host &h = c.topology.hosts.at(i);
        if (h.subnet.isEmpty() || !dbSubnets.contains(h.subnet))
            continue;
        addFinding(out, "lb-in-db-subnet", Severity::Info, RuleContext::hostSubject(h),
                   QCoreApplication::translate("pgha::Rules", "HAProxy host %1 sits in the database subnet \"%2\", so clients need a route into "
                                  "it.").arg(h.name, h.subnet),
                   QCoreApplication::translate("pgha::Rules", "Put the load balancer in its own subnet that admits only the clients' range, as "
                                  "the Percona guide recommends."));
    }
}

} // namespace pgha::rules
