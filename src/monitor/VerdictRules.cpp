#include "monitor/VerdictRules.h"

#include <QCoreApplication>

namespace pgha::VerdictRules {

namespace {

QString mb(qint64 bytes)
{
    return QString::number(double(bytes) / 1048576.0, 'f', 1);
}

} // namespace

void evaluate(ClusterState *s)
{
    QStringList unavailable;
    QStringList degraded;
    QStringList notes;
    QStringList gaps;

    const bool anyReachable = [s] {
        for (const MemberState &m : s->members) {
            if (m.reachable)
                return true;
        }
        return false;
    }();
    if (!s->patroniReachable && !anyReachable) {
        unavailable << (s->patroniError.isEmpty()
                            ? QCoreApplication::translate("pgha::Monitor", "no Patroni member answers")
                            : QCoreApplication::translate("pgha::Monitor", "no Patroni member answers: %1")
                                  .arg(s->patroniError));
    }
    const MemberState *leader = s->leader();
    if (!leader || !leader->isRunning()) {
        if (s->patroniReachable || anyReachable)
            unavailable << QCoreApplication::translate("pgha::Monitor", "no running leader");
    }
    int leaders = 0;
    for (const MemberState &m : s->members) {
        if (m.isLeader())
            ++leaders;
        if (m.isLeader())
            continue;
        if (m.state == QLatin1String("absent")) {
            degraded << QCoreApplication::translate("pgha::Monitor", "member %1 is not registered (Patroni down?)")
                            .arg(m.name);
        } else if (!m.isRunning()) {
            degraded << QCoreApplication::translate("pgha::Monitor", "member %1 is %2")
                            .arg(m.name, m.state.isEmpty() ? QStringLiteral("unknown") : m.state);
        } else if (m.isReplica() && !m.streaming) {
            degraded << QCoreApplication::translate("pgha::Monitor", "replica %1 is not streaming").arg(m.name);
        }
        if (m.isReplica() && m.lagBytes > s->lagThresholdBytes) {
            degraded << QCoreApplication::translate("pgha::Monitor", "replica %1 lags %2 MB (threshold %3 MB)")
                            .arg(m.name, mb(m.lagBytes), mb(s->lagThresholdBytes));
        }
        if (!m.reachable && m.state != QLatin1String("absent") && m.isRunning())
            notes << QCoreApplication::translate("pgha::Monitor", "REST API of %1 does not answer: %2")
                         .arg(m.name, m.error);
    }
    if (leaders > 1)
        degraded << QCoreApplication::translate("pgha::Monitor", "%1 members claim the leader role").arg(leaders);
    for (const MemberState &m : s->members) {
        if (m.pendingRestart)
            notes << QCoreApplication::translate("pgha::Monitor", "member %1 has a pending restart").arg(m.name);
    }
    if (s->paused)
        degraded << QCoreApplication::translate("pgha::Monitor", "maintenance mode: automatic failover is off");

    if (s->etcdMonitored) {
        const int healthy = s->etcdHealthyCount();
        const int total = int(s->etcd.size());
        if (!s->etcdHasQuorum()) {
            unavailable << QCoreApplication::translate("pgha::Monitor",
                                                       "etcd has lost quorum (%1 of %2 healthy, %3 needed)")
                               .arg(healthy)
                               .arg(total)
                               .arg(total / 2 + 1);
        } else if (healthy < total) {
            for (const EtcdMemberState &e : s->etcd) {
                if (!e.healthy)
                    degraded << QCoreApplication::translate("pgha::Monitor", "etcd member %1 is down")
                                    .arg(e.name.isEmpty() ? e.clientUrl : e.name);
            }
        }
    }

    if (s->haproxyMonitored && !s->haproxy.isEmpty()) {
        int routingWrites = 0;
        int readable = 0;
        int refused = 0;
        bool anyPrimaryPool = false;
        for (const HaproxyInstance &h : s->haproxy) {
            if (h.authFailed) {
                // HAProxy is there and answers; only its stats are closed to the monitor's credentials.
                ++refused;
                gaps << QCoreApplication::translate("pgha::Monitor",
                                                    "HAProxy stats of %1: authentication failed (the monitor has no "
                                                    "valid stats password, so HAProxy's pools are not checked)")
                            .arg(h.name);
                continue;
            }
            if (!h.reachable) {
                degraded << QCoreApplication::translate("pgha::Monitor", "HAProxy %1 does not answer: %2")
                                .arg(h.name, h.error);
                continue;
            }
            ++readable;
            const HaproxyPool *primary = h.pool(QStringLiteral("primary"));
            const HaproxyPool *replica = h.pool(QStringLiteral("replica"));
            if (primary) {
                anyPrimaryPool = true;
                const QStringList up = primary->upServers();
                if (up.isEmpty()) {
                    degraded << QCoreApplication::translate("pgha::Monitor", "HAProxy %1: pool %2 has no server UP")
                                    .arg(h.name, primary->name);
                } else {
                    ++routingWrites;
                    if (up.size() > 1)
                        degraded << QCoreApplication::translate("pgha::Monitor",
                                                                "HAProxy %1: pool %2 routes to %3 servers (%4)")
                                        .arg(h.name, primary->name)
                                        .arg(up.size())
                                        .arg(up.join(QLatin1String(", ")));
                    else if (leader && up.first() != leader->name && s->member(up.first()))
                        degraded << QCoreApplication::translate("pgha::Monitor",
                                                                "HAProxy %1: pool %2 routes to %3, the leader is %4")
                                        .arg(h.name, primary->name, up.first(), leader->name);
                }
            }
            if (replica && replica->upServers().isEmpty())
                degraded << QCoreApplication::translate("pgha::Monitor", "HAProxy %1: pool %2 has no server UP")
                                .arg(h.name, replica->name);
        }
        if (readable == 0 && refused == 0)
            unavailable << QCoreApplication::translate("pgha::Monitor", "no HAProxy answers");
        else if (anyPrimaryPool && routingWrites == 0)
            unavailable << QCoreApplication::translate("pgha::Monitor", "no HAProxy routes writes to a primary");
    }

    // PgBouncer: HAProxy's checks ask Patroni, not the pooler, so a dead PgBouncer on the leader's host would
    // still receive port 5000's clients; only the monitor sees it.
    if (s->poolerMonitored) {
        for (const PoolerInstance &p : s->poolers) {
            if (p.authFailed)
                gaps << QCoreApplication::translate("pgha::Monitor",
                                                    "PgBouncer on %1: authentication failed (the monitor has no valid "
                                                    "pooler_auth_password, so its pools are not checked)")
                            .arg(p.name);
            else if (!p.reachable)
                degraded << QCoreApplication::translate("pgha::Monitor", "PgBouncer on %1 does not answer: %2")
                                .arg(p.name, p.error);
        }
    }

    degraded += s->findings;
    notes += s->notes;

    if (!unavailable.isEmpty())
        s->verdict = Verdict::Unavailable;
    else if (!degraded.isEmpty())
        s->verdict = Verdict::Degraded;
    else
        s->verdict = Verdict::Healthy;
    s->reasons = unavailable + degraded + notes;
    s->gaps = gaps;
}

} // namespace pgha::VerdictRules
