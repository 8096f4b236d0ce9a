#pragma once

#include <QString>
#include <QStringList>

// Scripts the rollout plans (RenewPlan, ApplyPlan) run on a Patroni host to drive its REST API: python3 (every
// Patroni host has it), the REST user and password from stdin ("user:password" on the first line), the host's own
// certificate for Patroni's verify_client over https; the server's certificate is verified against the cluster CA
// and by the URL's address (verify-full: every host certificate carries its own address). Each prints what it saw;
// exit 0 = done.
namespace pgha {
struct Host;
struct Topology;
}

namespace pgha::PatroniScripts {

// The member's REST API base URL ("https://10.0.0.1:8008", IPv6 in brackets; http without TLS).
QString restUrl(const Topology &topology, const Host &host);

// Leaves the leader role when this member holds it: with synchronous_mode, first waits (90 s) until /cluster names
// a running synchronous standby (the only member allowed to take over); POST /switchover, then waits until another
// member leads and this one runs as a replica. Nothing happens on a replica.
QString switchoverAway(const QString &restUrl, const QString &name, const QString &keyPath);

// PATCH /config with PATCH (a JSON object; null removes a key), reads /config back until every patched key holds
// its value (30 s), then waits until each member in EXPECTPENDING reports pending_restart in /cluster (90 s).
QString patchConfig(const QString &restUrl, const QString &patchJson, const QStringList &expectPending,
                    const QString &keyPath);

// Restarts this member's PostgreSQL through Patroni (POST /restart) when it reports pending_restart and is not
// the leader: first waits until the whole cluster is healthy (MEMBERS registered, one leader, every replica
// running with a lag of at most MAXLAGBYTES), so that never two members are down at once; afterwards waits for
// the same again (180 s). A member without a pending restart: nothing to do.
QString restartMember(const QString &restUrl, const QString &name, int members, qint64 maxLagBytes,
                      const QString &keyPath);

// Exit 0 when the member reports no pending restart (a restart step's probe).
QString noPendingRestart(const QString &restUrl, const QString &keyPath);

// What a rolling member step changes besides a pending restart (pgha apply's upgrade, deploy/UpgradePlan).
struct RollAction
{
    QString patroniVersion;  // the Patroni release that must run afterwards ("" = any)
    QString restartCommand;  // shell that restarts Patroni itself (and so its PostgreSQL); "" = POST /restart
    QString postgresBinDir;  // the PostgreSQL server that runs must be this directory's postgres -V ("" = unchecked)
};
// restartMember() generalised: the member is restarted when it reports pending_restart, runs another Patroni
// release than ACTION's, or a PostgreSQL older than its installed binary; with the same waits before and after
// (and, for a Patroni restart, until its REST API reports the release). restartMember() is this with no ACTION.
QString rollMember(const QString &restUrl, const QString &name, int members, qint64 maxLagBytes, const QString &keyPath,
                   const RollAction &action);
// Exit 0 when the member needs none of that (a rolling step's probe; noPendingRestart() is this with no ACTION).
QString rollDone(const QString &restUrl, const QString &keyPath, const RollAction &action);

// POST /reload on the member (PostgreSQL re-reads its parameters), then waits until none is pending a reload.
QString reloadMember(const QString &restUrl, const QString &keyPath);

// Stops a service started either by systemd (also disabled there: it stays down after a reboot when DISABLE) or
// directly with a pid file (the deploy's two modes). Not a REST script: plain shell.
QString stopService(const QString &svc, bool disable = false);

// Scale in, on the member that leaves: exit 1 when it leads (GET /patroni; a switchover first), else 0.
QString refuseIfLeads(const QString &restUrl, const QString &name, const QString &keyPath);

// Scale in, on a member that stays: waits until /cluster no longer lists NAME (its member key expires once its
// Patroni stopped; at most LIMITSEC seconds) and one leader runs.
QString memberGone(const QString &restUrl, const QString &name, int limitSec, const QString &keyPath);

} // namespace pgha::PatroniScripts
