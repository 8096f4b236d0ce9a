#include "monitor/VerdictRules.h"

namespace pgha::VerdictRules {

void evaluate(ClusterState *s)
{
    QStringList unavailable;
    QStringList degraded;
    QStringList notes;

    const bool anyReachable = [s] {
        for (const MemberState &m : s->members) {
            if (m.reachable)
                return true;
        }
        return false;
    }();
    if (!s->patroniReachable && !anyReachable) {
        unavailable << (s->patroniError.isEmpty() ? QStringLiteral("no Patroni member answers")
                                                  : QStringLiteral("no Patroni member answers: ") + s->patroniError);
    }
    const MemberState *leader = s->leader();
    if (!leader || !leader->isRunning()) {
        if (s->patroniReachable || anyReachable)
            unavailable << QStringLiteral("no running leader");
    }
    int leaders = 0;
    for (const MemberState &m : s->members) {
        if (m.isLeader())
            ++leaders;
        if (m.isLeader())
            continue;
        if (m.state == QLatin1String("absent")) {
            degraded << QStringLiteral("member %1 is not registered (Patroni down?)").arg(m.name);
        } else if (!m.isRunning()) {
            degraded << QStringLiteral("member %1 is %2").arg(m.name, m.state.isEmpty() ? QStringLiteral("unknown") : m.state);
        } else if (m.isReplica() && !m.streaming) {
            degraded << QStringLiteral("replica %1 is not streaming").arg(m.name);
        }
        if (m.isReplica() && m.lagBytes > s->lagThresholdBytes) {
            degraded << QStringLiteral("replica %1 lags %2 MB (threshold %3 MB)")
                            .arg(m.name)
                            .arg(double(m.lagBytes) / 1048576.0, 0, 'f', 1)
                            .arg(double(s->lagThresholdBytes) / 1048576.0, 0, 'f', 1);
        }
        if (!m.reachable && m.state != QLatin1String("absent") && m.isRunning())
            notes << QStringLiteral("REST API of %1 does not answer: %2").arg(m.name, m.error);
    }
    if (leaders > 1)
        degraded << QStringLiteral("%1 members claim the leader role").arg(leaders);
    for (const MemberState &m : s->members) {
        if (m.pendingRestart)
            notes << QStringLiteral("member %1 has a pending restart").arg(m.name);
    }
    if (s->paused)
        degraded << QStringLiteral("maintenance mode: automatic failover is off");

    if (s->etcdMonitored) {
        const int healthy = s->etcdHealthyCount();
        const int total = int(s->etcd.size());
        if (!s->etcdHasQuorum()) {
            unavailable << QStringLiteral("etcd has lost quorum (%1 of %2 healthy, %3 needed)")
                               .arg(healthy)
                               .arg(total)
                               .arg(total / 2 + 1);
        } else if (healthy < total) {
            for (const EtcdMemberState &e : s->etcd) {
                if (!e.healthy)
                    degraded << QStringLiteral("etcd member %1 is down").arg(e.name.isEmpty() ? e.clientUrl : e.name);
            }
        }
    }

    if (s->haproxyMonitored && !s->haproxy.isEmpty()) {
        int routingWrites = 0;
        bool anyPrimaryPool = false;
        for (const HaproxyInstance &h : s->haproxy) {
            if (!h.reachable) {
                degraded << QStringLiteral("HAProxy %1 does not answer: %2").arg(h.name, h.error);
                continue;
            }
            const HaproxyPool *primary = h.pool(QStringLiteral("primary"));
            const HaproxyPool *replica = h.pool(QStringLiteral("replica"));
            if (primary) {
                anyPrimaryPool = true;
                const QStringList up = primary->upServers();
                if (up.isEmpty()) {
                    degraded << QStringLiteral("HAProxy %1: pool %2 has no server UP").arg(h.name, primary->name);
                } else {
                    ++routingWrites;
                    if (up.size() > 1)
                        degraded << QStringLiteral("HAProxy %1: pool %2 routes to %3 servers (%4)")
                                        .arg(h.name, primary->name)
                                        .arg(up.size())
                                        .arg(up.join(QLatin1String(", ")));
                    else if (leader && up.first() != leader->name && s->member(up.first()))
                        degraded << QStringLiteral("HAProxy %1: pool %2 routes to %3, the leader is %4")
                                        .arg(h.name, primary->name, up.first(), leader->name);
                }
            }
            if (replica && replica->upServers().isEmpty())
                degraded << QStringLiteral("HAProxy %1: pool %2 has no server UP").arg(h.name, replica->name);
        }
        int reachable = 0;
        for (const HaproxyInstance &h : s->haproxy)
            reachable += h.reachable ? 1 : 0;
        if (reachable == 0)
            unavailable << QStringLiteral("no HAProxy answers");
        else if (anyPrimaryPool && routingWrites == 0)
            unavailable << QStringLiteral("no HAProxy routes writes to a primary");
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
}

} // namespace pgha::VerdictRules
