#include "monitor/EventDeriver.h"

namespace pgha {

namespace {

const MemberState *runningLeader(const ClusterState &s)
{
    for (const MemberState &m : s.members) {
        if (m.isLeader() && m.isRunning())
            return &m;
    }
    return nullptr;
}

const EtcdMemberState *etcdMember(const ClusterState &s, const EtcdMemberState &like)
{
    for (const EtcdMemberState &e : s.etcd) {
        if ((!like.id.isEmpty() && e.id == like.id) || (e.name == like.name && e.clientUrl == like.clientUrl))
            return &e;
    }
    return nullptr;
}

const HaproxyPool *findPool(const ClusterState &s, const QString &instance, const QString &pool)
{
    for (const HaproxyInstance &h : s.haproxy) {
        if (h.name != instance || !h.reachable)
            continue;
        for (const HaproxyPool &p : h.pools) {
            if (p.name == pool)
                return &p;
        }
    }
    return nullptr;
}

} // namespace

void EventDeriver::reset()
{
    m_prev.reset();
    m_lastLeader.clear();
    m_lastLeaderTimeline = 0;
    m_lastPrimaryUp.clear();
}

QList<ClusterEvent> EventDeriver::update(const ClusterState &cur)
{
    QList<ClusterEvent> out;
    auto add = [&out, &cur](ClusterEvent::Kind kind, ClusterEvent::Severity sev, const QString &subject,
                            const QString &message) -> ClusterEvent & {
        ClusterEvent e;
        e.time = cur.time.isValid() ? cur.time : QDateTime::currentDateTimeUtc();
        e.kind = kind;
        e.severity = sev;
        e.subject = subject;
        e.message = message;
        out.append(e);
        return out.last();
    };
    using K = ClusterEvent::Kind;
    using S = ClusterEvent::Severity;

    const MemberState *leader = runningLeader(cur);
    if (!m_prev) {
        m_prev = cur;
        if (leader) {
            m_lastLeader = leader->name;
            m_lastLeaderTimeline = leader->timeline;
        }
        for (const HaproxyInstance &h : cur.haproxy) {
            for (const HaproxyPool &p : h.pools) {
                if (p.kind == QLatin1String("primary") && !p.upServers().isEmpty())
                    m_lastPrimaryUp.insert(h.name + QLatin1Char('/') + p.name, p.upServers());
            }
        }
        return out;
    }
    const ClusterState &prev = *m_prev;

    // Members going down or coming back first, so that the log reads "m1 down", then "failover m1 -> m2".
    for (const MemberState &m : cur.members) {
        const MemberState *p = prev.member(m.name);
        if (!p)
            continue;
        if (p->isRunning() && !m.isRunning()) {
            add(K::MemberDown, m.isLeader() || p->isLeader() ? S::Critical : S::Warning, m.name,
                QStringLiteral("member %1 is down (%2)").arg(m.name, m.state));
        } else if (!p->isRunning() && m.isRunning()) {
            add(K::MemberBack, S::Info, m.name,
                QStringLiteral("member %1 is back (%2, %3)").arg(m.name, m.role, m.state));
        }
        const qint64 thr = cur.lagThresholdBytes;
        const bool lagging = m.isReplica() && m.lagBytes > thr;
        const bool wasLagging = p->isReplica() && p->lagBytes > thr;
        if (lagging && !wasLagging) {
            add(K::ReplicaLagging, S::Warning, m.name,
                QStringLiteral("replica %1 lags %2 MB, past the %3 MB threshold")
                    .arg(m.name)
                    .arg(double(m.lagBytes) / 1048576.0, 0, 'f', 1)
                    .arg(double(thr) / 1048576.0, 0, 'f', 1));
        } else if (!lagging && wasLagging && m.isRunning()) {
            add(K::ReplicaCaughtUp, S::Info, m.name, QStringLiteral("replica %1 caught up").arg(m.name));
        }
        if (m.pendingRestart && !p->pendingRestart) {
            add(K::PendingRestart, S::Info, m.name,
                QStringLiteral("member %1 needs a restart for a changed setting").arg(m.name));
        }
    }

    if (leader && !m_lastLeader.isEmpty() && leader->name != m_lastLeader) {
        const MemberState *old = cur.member(m_lastLeader);
        // A switchover leaves the old leader's Patroni answering (demoting, then a replica); after a crash it
        // does not answer, or has left the DCS.
        const bool oldAlive = old && old->reachable && old->state != QLatin1String("absent");
        // Right after a promotion Patroni's /cluster may still carry the member's old timeline: name a timeline
        // only once it is newer than the one the old leader was on.
        const bool timelineKnown = leader->timeline > m_lastLeaderTimeline;
        const QString timelineText = timelineKnown
            ? QStringLiteral("timeline %1").arg(leader->timeline)
            : QStringLiteral("new timeline not reported yet");
        ClusterEvent &e = add(oldAlive ? K::Switchover : K::Failover, oldAlive ? S::Warning : S::Critical,
                              leader->name,
                              QStringLiteral("%1 %2 -> %3 (%4)")
                                  .arg(oldAlive ? QStringLiteral("switchover") : QStringLiteral("failover"),
                                       m_lastLeader, leader->name, timelineText));
        e.from = m_lastLeader;
        e.to = leader->name;
        e.timeline = timelineKnown ? leader->timeline : 0;
    } else if (!leader && runningLeader(prev)) {
        add(K::LeaderLost, S::Critical, m_lastLeader,
            QStringLiteral("no running leader (was %1)").arg(m_lastLeader));
    }
    if (leader) {
        m_lastLeader = leader->name;
        m_lastLeaderTimeline = qMax(m_lastLeaderTimeline, leader->timeline);
    }

    if (cur.paused && !prev.paused)
        add(K::Paused, S::Warning, cur.scope, QStringLiteral("maintenance mode on: automatic failover is off"));
    else if (!cur.paused && prev.paused)
        add(K::Resumed, S::Info, cur.scope, QStringLiteral("maintenance mode off"));

    if (cur.etcdMonitored) {
        for (const EtcdMemberState &e : cur.etcd) {
            const EtcdMemberState *p = etcdMember(prev, e);
            if (!p)
                continue;
            const QString name = e.name.isEmpty() ? e.clientUrl : e.name;
            if (p->healthy && !e.healthy)
                add(K::EtcdMemberDown, S::Warning, name, QStringLiteral("etcd member %1 is down").arg(name));
            else if (!p->healthy && e.healthy)
                add(K::EtcdMemberBack, S::Info, name, QStringLiteral("etcd member %1 is back").arg(name));
        }
        if (prev.etcdHasQuorum() && !cur.etcdHasQuorum()) {
            add(K::EtcdQuorumLost, S::Critical, QStringLiteral("etcd"),
                QStringLiteral("etcd lost quorum (%1 of %2 healthy)").arg(cur.etcdHealthyCount()).arg(cur.etcd.size()));
        } else if (!prev.etcdHasQuorum() && cur.etcdHasQuorum()) {
            add(K::EtcdQuorumRegained, S::Info, QStringLiteral("etcd"),
                QStringLiteral("etcd regained quorum (%1 of %2 healthy)").arg(cur.etcdHealthyCount()).arg(cur.etcd.size()));
        }
    }

    for (const HaproxyInstance &h : cur.haproxy) {
        if (!h.reachable)
            continue;
        for (const HaproxyPool &pool : h.pools) {
            const QString key = h.name + QLatin1Char('/') + pool.name;
            const QStringList up = pool.upServers();
            const HaproxyPool *p = findPool(prev, h.name, pool.name);
            const bool wasEmpty = p && p->upServers().isEmpty();
            if (p && !wasEmpty && up.isEmpty()) {
                add(K::HaproxyPoolEmpty, pool.kind == QLatin1String("primary") ? S::Critical : S::Warning, key,
                    QStringLiteral("HAProxy %1: pool %2 has no server UP").arg(h.name, pool.name));
            } else if (wasEmpty && !up.isEmpty()) {
                add(K::HaproxyPoolRestored, S::Info, key,
                    QStringLiteral("HAProxy %1: pool %2 serves again (%3)")
                        .arg(h.name, pool.name, up.join(QLatin1String(", "))));
            }
            if (pool.kind == QLatin1String("primary") && !up.isEmpty()) {
                const QStringList last = m_lastPrimaryUp.value(key);
                if (!last.isEmpty() && last != up) {
                    ClusterEvent &e = add(K::HaproxyPrimaryMoved, S::Info, key,
                                          QStringLiteral("HAProxy %1: pool %2 now routes to %3 (was %4)")
                                              .arg(h.name, pool.name, up.join(QLatin1String(", ")),
                                                   last.join(QLatin1String(", "))));
                    e.from = last.join(QLatin1String(","));
                    e.to = up.join(QLatin1String(","));
                }
                m_lastPrimaryUp.insert(key, up);
            }
        }
    }

    if (cur.verdict != prev.verdict) {
        add(K::VerdictChanged,
            cur.verdict == Verdict::Healthy ? S::Info
                                            : (cur.verdict == Verdict::Degraded ? S::Warning : S::Critical),
            cur.scope,
            QStringLiteral("cluster is %1%2")
                .arg(verdictKey(cur.verdict),
                     cur.reasons.isEmpty() ? QString() : QStringLiteral(": ") + cur.reasons.first()));
    }

    m_prev = cur;
    return out;
}

} // namespace pgha
