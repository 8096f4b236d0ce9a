#pragma once

#include <QTreeWidget>

namespace pgha {

struct ClusterState;

// The dashboard's PgBouncer tab (cluster.pooler): per PgBouncer its clients and servers, and per pool (database and
// user) clients active and waiting, server connections active/idle/used and the longest wait, from SHOW POOLS;
// transactions and queries from SHOW STATS.
class PoolerTree : public QTreeWidget
{
    Q_OBJECT
public:
    explicit PoolerTree(QWidget *parent = nullptr);
    void setState(const ClusterState &state);
};

} // namespace pgha
