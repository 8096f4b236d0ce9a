#pragma once

#include <QStringList>

namespace pgha {

struct ApplyPlan;
struct DeployPlan;
struct DriftReport;
struct Topology;

// `pgha apply` adds and removes HAProxy hosts (issue 9, item 5; DriftItem::Fix::AddHaproxy / RemoveHaproxy). Pure:
// steps of the deploy's own plan (deployPlan: buildPlan() of the same design) with their order rewired, plus the stop
// on a host that leaves. buildApplyPlan() (deploy/ApplyPlan.cpp) calls both halves:
//
//  first   every joining host's check (the deploy's check:HOST: SSH, OS, free ports 5000/5001/7000), and on every
//          leaving host haproxy-stop:HOST (HAProxy and keepalived stopped, disabled under systemd; its files kept).
//          The files phase runs after them: the members' patroni.yml (pg_hba admits the new host, with the pooler's
//          rules when it runs on HAProxy hosts) rewritten and Patroni reloaded, waited for; firewall files, hosts
//          files, the other HAProxy hosts' keepalived.conf (unicast peers) rewritten and keepalived reloaded.
//  joins   after that phase, per joining host: packages, files, haproxy-start, haproxy-ready (one server UP in the
//          primary pool), then keepalived-start (designs with cluster.vip), PgBouncer (pooler placement haproxy)
//          and routing:HOST (a write through its primary port reaches the leader, a read through its replica port
//          a replica); with TLS first pg-tls-reload:MEMBER on every member (below).
struct HaproxyScaleFirst
{
    QStringList checks;  // check:HOST of the joining hosts
    QStringList stops;   // haproxy-stop:HOST of the leaving hosts
};
HaproxyScaleFirst appendHaproxyScaleFirst(ApplyPlan *out, const Topology &topology, const DeployPlan &deployPlan,
                                          const DriftReport &report);
// With TLS (cluster.security.tls) a PostgreSQL host's certificate names the HAProxy hosts (clients verify-full
// through them), so a joining host makes every member's certificate new: the files phase writes it, and
// pg-tls-reload:MEMBER reloads PostgreSQL (it re-reads ssl_cert_file at a reload) and waits until the member
// presents a certificate that names the joining host, before anything is put on that host.
// Returns the ids the next phase waits for (PHASE when no host joins).
QStringList appendHaproxyJoins(DeployPlan *plan, const Topology &topology, const DeployPlan &deployPlan,
                               const DriftReport &report, const QStringList &phase);

} // namespace pgha
