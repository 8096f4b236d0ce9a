#pragma once

#include "monitor/ActionRequest.h"
#include "monitor/ClusterState.h"

#include <QString>
#include <QStringList>

// Which day-2 actions the polled state allows on a member, and why not when it does not. The dashboard enables
// its buttons from this and shows the reason; Patroni's own refusals ("candidate name does not match with
// sync_standby") are never the first thing a person sees.
//  switchover - to a running replica; in synchronous mode only to the synchronous standby (Patroni refuses
//               any other candidate); never to a member tagged nofailover; the cluster needs a running leader.
//  failover   - to any member but the leader that is not tagged nofailover (Patroni accepts an asynchronous
//               replica here, with the risk the confirmation names).
//  restart    - any member that Patroni lists.
//  reinit     - a member that is not the leader.
//  reload     - always (every member when none is selected).
//  pause / resume - when the cluster is not / is in maintenance mode.
namespace pgha::ActionRules {

struct Decision
{
    bool allowed = false;
    QString reason;   // why not (translated, context "pgha::Monitor"); empty when allowed
};

Decision check(const ClusterState &state, ActionRequest::Kind kind, const QString &member);
// The members a switchover may go to now (sorted by name).
QStringList switchoverCandidates(const ClusterState &state);

} // namespace pgha::ActionRules
