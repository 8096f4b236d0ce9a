#include "gui/dashboard/PoolerTree.h"

#include "monitor/ClusterState.h"

namespace pgha {

PoolerTree::PoolerTree(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("poolerTree"));
    setHeaderLabels({tr("PgBouncer / pool"), tr("Clients active"), tr("Clients waiting"), tr("Servers active / idle / used"),
                     tr("Longest wait"), tr("Transactions")});
}

void PoolerTree::setState(const ClusterState &s)
{
    clear();
    for (const PoolerInstance &p : s.poolers) {
        QStringList cells{tr("%1 (%2)").arg(p.name, p.endpoint)};
        if (p.reachable)
            cells << QString::number(p.clientsActive()) << QString::number(p.clientsWaiting())
                  << QString::number(p.serversActive());
        else
            cells << (p.authFailed ? tr("authentication failed: %1") : tr("does not answer: %1")).arg(p.error);
        auto *top = new QTreeWidgetItem(this, cells);
        for (const PgBouncerPool &pool : p.pools) {
            qint64 xacts = 0;
            for (const PgBouncerStats &st : p.stats) {
                if (st.database == pool.database)
                    xacts = st.totalXactCount;
            }
            new QTreeWidgetItem(top, {tr("%1 / %2 (%3)").arg(pool.database, pool.user, pool.poolMode),
                                      QString::number(pool.clActive), QString::number(pool.clWaiting),
                                      QStringLiteral("%1 / %2 / %3").arg(pool.svActive).arg(pool.svIdle).arg(pool.svUsed),
                                      tr("%1 s").arg(double(pool.maxwaitUs) / 1e6, 0, 'f', 1), QString::number(xacts)});
        }
    }
    expandAll();
}

} // namespace pgha
