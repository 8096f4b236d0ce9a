#pragma once

#include "monitor/ClusterState.h"

// The verdict on a polled cluster and its reasons:
//  unavailable - no leader, etcd without quorum, nothing answering, or no HAProxy routing writes anywhere;
//  degraded    - still serving writes, but a failure away from trouble: a member down or not streaming, a
//                replica lagging past the threshold, an etcd member down, maintenance mode (no automatic
//                failover), an HAProxy pool with no or too many servers, an HAProxy unreachable;
//  healthy     - none of the above. Pending restarts are listed as notes, they do not degrade.
// What the monitor could not read (an HAProxy stats page refusing its credentials) is a monitoring gap, listed in
// ClusterState::gaps: it neither degrades the verdict nor counts as a component that does not answer.
// Reasons and gaps are translated (context "pgha::Monitor"); the CLI loads no catalogue for --format json.
namespace pgha::VerdictRules {

void evaluate(ClusterState *state);

} // namespace pgha::VerdictRules
