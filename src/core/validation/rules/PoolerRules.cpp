#include "core/validation/RuleContext.h"
#include "core/validation/rules/Rules.h"

#include <QCoreApplication>

// PgBouncer (cluster.pooler, docs/pooler.md): where it runs, its pool against PostgreSQL's max_connections,
// HAProxy's per-server limit against the pool, and what transaction pooling breaks.
namespace pgha::rules {

namespace {

qint64 usableConnections(const RuleContext &c)
{
    return c.intParameter(QStringLiteral("max_connections"), 100)
        - c.intParameter(QStringLiteral("superuser_reserved_connections"), 3)
        - (c.topology.cluster.postgres.version >= 16 ? c.intParameter(QStringLiteral("reserved_connections"), 0) : 0);
}

} // namespace

void poolerPlacement(const RuleContext &c, Findings &out)
{
    const PoolerSettings &p = c.topology.cluster.pooler;
    if (!p.enabled)
        return;
    if (p.placement == PoolerPlacement::HAProxy && c.haproxyHosts.isEmpty()) {
        addFinding(out, "pooler-placement", Severity::Error, QStringLiteral("cluster.pooler.placement"),
                   QCoreApplication::translate("pgha::Rules", "PgBouncer is placed on the HAProxy hosts, but the design has none."),
                   QCoreApplication::translate("pgha::Rules", "Add a HAProxy host, or place PgBouncer on the database hosts."));
    }
    const UserNames &u = c.topology.cluster.users;
    if (p.authUser == u.superuser || p.authUser == u.replication || p.authUser == u.rewind) {
        addFinding(out, "pooler-placement", Severity::Error, QStringLiteral("cluster.pooler.auth_user"),
                   QCoreApplication::translate("pgha::Rules", "PgBouncer's auth_user \"%1\" is also one of the cluster's own roles; it must be "
                                  "a role of its own that can only read password hashes through the lookup function.")
                       .arg(p.authUser),
                   QCoreApplication::translate("pgha::Rules", "Use a dedicated name such as \"pgbouncer_auth\"."));
    }
}

void poolerPoolSize(const RuleContext &c, Findings &out)
{
    const PoolerSettings &p = c.topology.cluster.pooler;
    if (!p.enabled || c.postgresHosts.isEmpty())
        return;
    // Database placement: each PgBouncer connects to its own PostgreSQL. HAProxy placement: every HAProxy host's
    // PgBouncer connects to the one primary.
    const qint64 poolers = p.placement == PoolerPlacement::Database ? 1 : qMax<qint64>(1, c.haproxyHosts.size());
    const qint64 total = qint64(p.defaultPoolSize) * poolers;
    const qint64 usable = usableConnections(c);
    if (total <= usable)
        return;
    addFinding(out, "pooler-pool-size", Severity::Warning, QStringLiteral("cluster.pooler.default_pool_size"),
               QCoreApplication::translate("pgha::Rules", "PgBouncer may open %1 server connections to one PostgreSQL server (default_pool_size %2 "
                              "x %3 pooler(s), per database and user), more than the %4 that max_connections leaves to "
                              "ordinary users.")
                   .arg(total)
                   .arg(p.defaultPoolSize)
                   .arg(poolers)
                   .arg(usable),
               QCoreApplication::translate("pgha::Rules", "Lower default_pool_size to %1 or raise max_connections to %2.")
                   .arg(qMax<qint64>(1, usable / poolers))
                   .arg(total + (c.intParameter(QStringLiteral("max_connections"), 100) - usable)));
}

void poolerHaproxyMaxconn(const RuleContext &c, Findings &out)
{
    const PoolerSettings &p = c.topology.cluster.pooler;
    if (!p.enabled || c.haproxyHosts.isEmpty() || c.postgresHosts.isEmpty())
        return;
    const HAProxySettings &hp = c.topology.cluster.haproxy;
    if (p.placement == PoolerPlacement::Database) {
        // Every HAProxy host has each PgBouncer as a server in both listeners.
        const qint64 clients = qint64(hp.serverMaxconn) * 2 * c.haproxyHosts.size();
        if (clients > p.maxClientConn) {
            addFinding(out, "pooler-haproxy-maxconn", Severity::Warning, QStringLiteral("cluster.pooler.max_client_conn"),
                       QCoreApplication::translate("pgha::Rules", "HAProxy may send %1 clients to one PgBouncer (server_maxconn %2 x 2 listeners x "
                                      "%3 HAProxy host(s)), more than its max_client_conn %4: PgBouncer refuses the rest after "
                                      "HAProxy accepted them.")
                           .arg(clients)
                           .arg(hp.serverMaxconn)
                           .arg(c.haproxyHosts.size())
                           .arg(p.maxClientConn),
                       QCoreApplication::translate("pgha::Rules", "Raise max_client_conn to %1, or lower HAProxy's server_maxconn.").arg(clients));
        }
        if (hp.serverMaxconn < p.defaultPoolSize) {
            addFinding(out, "pooler-haproxy-maxconn", Severity::Info, QStringLiteral("cluster.haproxy.server_maxconn"),
                       QCoreApplication::translate("pgha::Rules", "HAProxy's server_maxconn %1 is below PgBouncer's default_pool_size %2: HAProxy "
                                      "queues clients before the pool is ever used in full.")
                           .arg(hp.serverMaxconn)
                           .arg(p.defaultPoolSize),
                       QCoreApplication::translate("pgha::Rules", "Raise server_maxconn to at least %1; PgBouncer, not HAProxy, should limit the "
                                      "server connections.").arg(p.defaultPoolSize));
        }
    } else if (p.defaultPoolSize > hp.serverMaxconn) {
        // PgBouncer's server connections pass HAProxy's primary listener, one server at a time.
        addFinding(out, "pooler-haproxy-maxconn", Severity::Warning, QStringLiteral("cluster.pooler.default_pool_size"),
                   QCoreApplication::translate("pgha::Rules", "PgBouncer's pool of %1 server connections goes through HAProxy's primary listener, "
                                  "whose server_maxconn %2 queues the rest.")
                       .arg(p.defaultPoolSize)
                       .arg(hp.serverMaxconn),
                   QCoreApplication::translate("pgha::Rules", "Raise server_maxconn to at least %1 or lower default_pool_size.").arg(p.defaultPoolSize));
    }
}

void poolerPreparedStatements(const RuleContext &c, Findings &out)
{
    const PoolerSettings &p = c.topology.cluster.pooler;
    if (!p.enabled || p.poolMode == QLatin1String("session"))
        return;
    addFinding(out, "pooler-prepared-statements", Severity::Warning, QStringLiteral("cluster.pooler.pool_mode"),
               QCoreApplication::translate("pgha::Rules", "In %1 pooling a client's next transaction may run on another server connection: "
                              "protocol-level prepared statements (JDBC, Npgsql, asyncpg, psycopg 3), SET, LISTEN, advisory "
                              "locks and temporary tables across transactions fail or act on the wrong session with "
                              "PgBouncer 1.18.")
                   .arg(p.poolMode),
               QCoreApplication::translate("pgha::Rules", "Turn server-side prepared statements off in the drivers (JDBC prepareThreshold=0, "
                              "asyncpg statement_cache_size=0, psycopg prepare_threshold=None), or use pool_mode session."));
}

} // namespace pgha::rules
