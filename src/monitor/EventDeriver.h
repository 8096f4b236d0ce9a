#pragma once

#include "monitor/ClusterEvent.h"
#include "monitor/ClusterState.h"

#include <QHash>
#include <QList>
#include <optional>

namespace pgha {

// Turns successive polls into events. The first poll is the baseline and gives none. The last running leader
// is remembered across polls without one, so that "leader lost" then "m2 is leader" reads as a failover m1 -> m2.
class EventDeriver
{
public:
    QList<ClusterEvent> update(const ClusterState &state);
    void reset();

private:
    std::optional<ClusterState> m_prev;
    QString m_lastLeader;
    int m_lastLeaderTimeline = 0;  // the timeline the last leader was seen on
    QHash<QString, QStringList> m_lastPrimaryUp;  // "haproxy/pool" -> last non-empty UP list
};

} // namespace pgha
