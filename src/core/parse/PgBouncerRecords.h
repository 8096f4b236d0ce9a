#pragma once

#include <QList>
#include <QString>

namespace pgha {

// One row of PgBouncer's SHOW POOLS: a pool per database and user.
struct PgBouncerPool
{
    QString database;
    QString user;
    int clActive = 0;     // clients linked to a server connection or idle
    int clWaiting = 0;    // clients waiting for a server connection
    int svActive = 0;
    int svIdle = 0;
    int svUsed = 0;
    int svLogin = 0;
    qint64 maxwaitUs = 0; // how long the oldest waiting client has waited
    QString poolMode;
    bool operator==(const PgBouncerPool &o) const
    {
        return database == o.database && user == o.user && clActive == o.clActive && clWaiting == o.clWaiting
            && svActive == o.svActive && svIdle == o.svIdle && svUsed == o.svUsed && svLogin == o.svLogin
            && maxwaitUs == o.maxwaitUs && poolMode == o.poolMode;
    }
};

// One row of SHOW STATS: per database, totals since start and averages over the last stats period.
struct PgBouncerStats
{
    QString database;
    qint64 totalXactCount = 0;
    qint64 totalQueryCount = 0;
    qint64 totalWaitTimeUs = 0;
    qint64 avgXactCount = 0;  // per second
    qint64 avgQueryCount = 0;
    qint64 avgXactTimeUs = 0;
    qint64 avgWaitTimeUs = 0;
};

// One PgBouncer the monitor asked (ClusterState::poolers).
struct PoolerInstance
{
    QString name;         // host name from the design
    QString endpoint;     // host:port
    bool reachable = false;
    bool authFailed = false;  // it answered but refused the monitor's user: a monitoring gap
    QString error;
    QList<PgBouncerPool> pools;
    QList<PgBouncerStats> stats;
    int clientsActive() const;
    int clientsWaiting() const;
    int serversActive() const;
};

} // namespace pgha
