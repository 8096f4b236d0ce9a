#pragma once

#include <QString>
#include <QStringList>

namespace pgha {

// Where PgBouncer runs (docs/pooler.md):
//  Database: on every database host in front of its own PostgreSQL; HAProxy's 5000/5001 servers point at
//            PgBouncer's port while their health checks stay on Patroni's REST API.
//  HAProxy:  on every HAProxy host in front of HAProxy's primary port: PgBouncer cannot follow the leader,
//            HAProxy can, so PgBouncer sits before it; clients that want pooling use the pooler port.
enum class PoolerPlacement : quint8 { Database, HAProxy };

inline QString poolerPlacementKey(PoolerPlacement p)
{
    return p == PoolerPlacement::HAProxy ? QStringLiteral("haproxy") : QStringLiteral("database");
}

inline bool poolerPlacementFromKey(const QString &key, PoolerPlacement *out)
{
    if (key == QLatin1String("database"))
        *out = PoolerPlacement::Database;
    else if (key == QLatin1String("haproxy"))
        *out = PoolerPlacement::HAProxy;
    else
        return false;
    return true;
}

// PgBouncer's pool_mode values, in the order the designer offers them.
inline QStringList poolModes()
{
    return {QStringLiteral("transaction"), QStringLiteral("session"), QStringLiteral("statement")};
}

inline bool isPoolMode(const QString &mode)
{
    return mode == QLatin1String("session") || mode == QLatin1String("transaction")
        || mode == QLatin1String("statement");
}

// cluster.pooler: PgBouncer, optional (absent = off). The auth_user's password is a secret
// (Secrets::poolerAuthPassword), never in the project file.
struct PoolerSettings
{
    bool enabled = false;
    PoolerPlacement placement = PoolerPlacement::Database;
    int port = 6432;
    QString poolMode = QStringLiteral("transaction");  // session | transaction | statement
    int defaultPoolSize = 20;
    int maxClientConn = 1000;
    QString authUser = QStringLiteral("pgbouncer_auth");  // the role auth_query runs as (a role name)

    bool operator==(const PoolerSettings &o) const
    {
        return enabled == o.enabled && placement == o.placement && port == o.port && poolMode == o.poolMode
            && defaultPoolSize == o.defaultPoolSize && maxClientConn == o.maxClientConn && authUser == o.authUser;
    }
    bool operator!=(const PoolerSettings &o) const { return !(*this == o); }
};

} // namespace pgha
