#pragma once

#include "deploy/DeployPlan.h"

namespace pgha {

struct RenewOptions
{
    QString leader;        // the current Patroni leader (from /cluster): renewed last, after a switchover
    PlanOptions plan;      // SSH settings as for a deploy
};

// The rollout of renewed leaf certificates (`pgha certs renew`), as a plan for the deploy runner and journal.
// Pure: no I/O. One host at a time:
//  1. etcd members: write the certificate and etcd's key, restart etcd (it reads them only at start), wait until
//     every member is healthy over TLS and this one presents the new certificate;
//  2. PostgreSQL hosts, replicas first and the leader last: if the host leads when its turn comes, a switchover
//     to a streaming replica first (POST /switchover with the host's own client certificate); write the
//     certificate and the postgres key, reload Patroni (SIGHUP re-reads the REST API's certificate) and
//     PostgreSQL (a reload re-reads ssl_cert_file/ssl_key_file), wait until both present the new certificate.
// HAProxy holds no leaf (it checks Patroni with the CA, which is unchanged): nothing to do there.
// Each step's probe makes a rerun skip hosts that already present their new certificate.
DeployPlan buildRenewPlan(const Topology &topology, const Secrets &renewed, const RenewOptions &options);

} // namespace pgha
