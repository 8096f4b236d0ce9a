#pragma once

#include "monitor/ActionRequest.h"
#include "monitor/ClusterEvent.h"
#include "monitor/ClusterState.h"

#include <QHash>
#include <QList>
#include <optional>

namespace pgha {

// Turns successive polls into events. The first poll is the baseline and gives none, except for what is already
// wrong then and has no "before" to change from: WAL archiving failing, a backup overdue. The last running leader
// is remembered across polls without one, so that "leader lost" then "m2 is leader" reads as a failover m1 -> m2.
//
// A day-2 action the monitor itself requested opens a planned window (expectAction): inside it, the members the
// action touches stopping is "member-restarting" (info), a leader change is the switchover that was asked for, and
// nothing the action causes is raised as critical. The window runs from the request (or its scheduled time) for at
// most kPlannedWindowSecs; it closes at the first healthy poll after the action visibly happened (a touched member
// stopped, or the leader moved), and at once when the action is refused (clearPlanned).
class EventDeriver
{
public:
    static constexpr int kPlannedWindowSecs = 90;

    QList<ClusterEvent> update(const ClusterState &state);
    void reset();
    // state: the latest poll (names the current leader); now: when the request is sent.
    void expectAction(const ActionRequest &request, const ClusterState *state, const QDateTime &now);
    void clearPlanned();

private:
    struct Planned
    {
        ActionRequest::Kind kind = ActionRequest::Kind::Switchover;
        QStringList members;   // empty = every member
        QDateTime from;
        QDateTime until;
        bool effectSeen = false;  // a touched member stopped or the leader moved inside the window
    };
    const Planned *plannedAt(const QDateTime &time) const;
    bool touches(const Planned *p, const QString &member) const;

    std::optional<Planned> m_planned;
    std::optional<ClusterState> m_prev;
    QString m_lastLeader;
    int m_lastLeaderTimeline = 0;  // the timeline the last leader was seen on
    QHash<QString, QStringList> m_lastPrimaryUp;  // "haproxy/pool" -> last non-empty UP list
    bool m_fullOverdue = false;  // as last read from the repository (kept over rounds it could not be read)
    bool m_diffOverdue = false;
};

} // namespace pgha
