#include "monitor/EventDeriver.h"

#include <QCoreApplication>

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

void EventDeriver::expectAction(const ActionRequest &r, const ClusterState *state, const QDateTime &now)
{
    using K = ActionRequest::Kind;
    if (r.kind == K::Reload || r.kind == K::Pause || r.kind == K::Resume)
        return;  // nothing stops
    Planned p;
    p.kind = r.kind;
    const MemberState *leader = state ? state->leader() : nullptr;
    if (r.kind == K::Switchover || r.kind == K::Failover) {
        if (leader)
            p.members << leader->name;
        if (!r.candidate.isEmpty())
            p.members << r.candidate;
        if (r.candidate.isEmpty() && state)
            p.members.clear();  // Patroni picks the candidate: any member may take part
    } else if (!r.member.isEmpty()) {
        p.members << r.member;
    }
    p.from = now;
    const QDateTime start = r.scheduledAt.isValid() && r.scheduledAt > now ? r.scheduledAt : now;
    p.until = start.addSecs(kPlannedWindowSecs);
    m_planned = p;
}

void EventDeriver::clearPlanned()
{
    m_planned.reset();
}

const EventDeriver::Planned *EventDeriver::plannedAt(const QDateTime &time) const
{
    if (!m_planned || !time.isValid())
        return nullptr;
    return time >= m_planned->from && time <= m_planned->until ? &*m_planned : nullptr;
}

bool EventDeriver::touches(const Planned *p, const QString &member) const
{
    return p && (p->members.isEmpty() || p->members.contains(member));
}

void EventDeriver::reset()
{
    m_planned.reset();
    m_prev.reset();
    m_lastLeader.clear();
    m_lastLeaderTimeline = 0;
    m_lastPrimaryUp.clear();
    m_fullOverdue = m_diffOverdue = false;
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

    const auto archivingFailed = [&](const ArchiverStatus &a) {
        add(K::ArchivingFailed, S::Warning, cur.archiver.member,
            QCoreApplication::translate("pgha::Monitor", "WAL archiving on %1 fails: %2 at %3 (%4 failures)")
                .arg(cur.archiver.member, a.lastFailedWal, a.lastFailedTime.toString(Qt::ISODate))
                .arg(a.failedCount));
    };
    // The repository's view changes only when it is read (every few minutes); a round that could not read it
    // keeps the last answer.
    const auto backupEvents = [&] {
        if (!cur.repositoryMonitored || !cur.repository.read)
            return;
        const RepositoryState &r = cur.repository;
        const struct { const char *type; bool overdue; bool *was; const QDateTime &due; const BackupSummary &last; } kinds[] = {
            {"full", r.fullOverdue, &m_fullOverdue, r.fullDue, r.full},
            {"diff", r.diffOverdue, &m_diffOverdue, r.diffDue, r.diff.present() && (!r.full.present() || r.diff.stop > r.full.stop) ? r.diff : r.full}};
        for (const auto &k : kinds) {
            const QString type = QLatin1String(k.type);
            if (k.overdue && !*k.was) {
                add(K::BackupOverdue, S::Warning, cur.scope.isEmpty() ? r.host : cur.scope,
                    k.last.present()
                        ? QCoreApplication::translate("pgha::Monitor", "the %1 backup due at %2 is missing: the last one, %3, finished at %4")
                              .arg(type, k.due.toString(Qt::ISODate), k.last.label, k.last.stop.toString(Qt::ISODate))
                        : QCoreApplication::translate("pgha::Monitor", "the %1 backup due at %2 is missing: the repository holds none")
                              .arg(type, k.due.toString(Qt::ISODate)));
            } else if (!k.overdue && *k.was) {
                add(K::BackupRecovered, S::Info, cur.scope.isEmpty() ? r.host : cur.scope,
                    QCoreApplication::translate("pgha::Monitor", "a %1 backup is in the repository again: %2, finished at %3")
                        .arg(type, k.last.label, k.last.stop.toString(Qt::ISODate)));
            }
            *k.was = k.overdue;
        }
    };

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
        // Failing already: there is no earlier round to compare with, but nobody would hear of it otherwise.
        if (cur.archiver.read && cur.archiver.status.failing())
            archivingFailed(cur.archiver.status);
        backupEvents();
        return out;
    }
    const ClusterState &prev = *m_prev;
    const Planned *planned = plannedAt(cur.time.isValid() ? cur.time : QDateTime::currentDateTimeUtc());
    const QString plannedName = planned ? ActionRequest::kindKey(planned->kind) : QString();
    bool effectSeen = false;  // this poll shows what the planned action does (a touched member stops, the leader moves)

    // Members going down or coming back first, so that the log reads "m1 down", then "failover m1 -> m2".
    for (const MemberState &m : cur.members) {
        const MemberState *p = prev.member(m.name);
        if (!p)
            continue;
        if (p->isRunning() && !m.isRunning()) {
            if (touches(planned, m.name)) {
                effectSeen = true;
                add(K::MemberRestarting, S::Info, m.name,
                    QCoreApplication::translate("pgha::Monitor", "member %1 is restarting (planned %2, %3)")
                        .arg(m.name, plannedName, m.state))
                    .planned = true;
            } else {
                add(K::MemberDown, m.isLeader() || p->isLeader() ? S::Critical : S::Warning, m.name,
                    QCoreApplication::translate("pgha::Monitor", "member %1 is down (%2)").arg(m.name, m.state));
            }
        } else if (!p->isRunning() && m.isRunning()) {
            add(K::MemberBack, S::Info, m.name,
                QCoreApplication::translate("pgha::Monitor", "member %1 is back (%2, %3)").arg(m.name, m.role, m.state))
                .planned = touches(planned, m.name);
        }
        const qint64 thr = cur.lagThresholdBytes;
        const bool lagging = m.isReplica() && m.lagBytes > thr;
        const bool wasLagging = p->isReplica() && p->lagBytes > thr;
        if (lagging && !wasLagging) {
            add(K::ReplicaLagging, S::Warning, m.name,
                QCoreApplication::translate("pgha::Monitor", "replica %1 lags %2 MB, past the %3 MB threshold")
                    .arg(m.name)
                    .arg(double(m.lagBytes) / 1048576.0, 0, 'f', 1)
                    .arg(double(thr) / 1048576.0, 0, 'f', 1));
        } else if (!lagging && wasLagging && m.isRunning()) {
            add(K::ReplicaCaughtUp, S::Info, m.name,
                QCoreApplication::translate("pgha::Monitor", "replica %1 caught up").arg(m.name));
        }
        if (m.pendingRestart && !p->pendingRestart) {
            add(K::PendingRestart, S::Info, m.name,
                QCoreApplication::translate("pgha::Monitor", "member %1 needs a restart for a changed setting")
                    .arg(m.name));
        }
    }

    const bool plannedLeaderChange = planned
        && (planned->kind == ActionRequest::Kind::Switchover || planned->kind == ActionRequest::Kind::Failover);
    if (leader && !m_lastLeader.isEmpty() && leader->name != m_lastLeader) {
        const MemberState *old = cur.member(m_lastLeader);
        // A switchover leaves the old leader's Patroni answering (demoting, then a replica); after a crash it
        // does not answer, or has left the DCS. A switchover the monitor asked for is one whatever it looks like.
        const bool oldAlive = old && old->reachable && old->state != QLatin1String("absent");
        const bool asSwitchover = plannedLeaderChange ? planned->kind == ActionRequest::Kind::Switchover : oldAlive;
        // Right after a promotion Patroni's /cluster may still carry the member's old timeline: name a timeline
        // only once it is newer than the one the old leader was on.
        const bool timelineKnown = leader->timeline > m_lastLeaderTimeline;
        const QString timelineText = timelineKnown
            ? QCoreApplication::translate("pgha::Monitor", "timeline %1").arg(leader->timeline)
            : QCoreApplication::translate("pgha::Monitor", "new timeline not reported yet");
        const S severity = plannedLeaderChange ? S::Info : (asSwitchover ? S::Warning : S::Critical);
        // The first word stays the event kind ("switchover", "failover"): logs and tests search for it.
        ClusterEvent &e = add(asSwitchover ? K::Switchover : K::Failover, severity, leader->name,
                              QStringLiteral("%1 %2 -> %3 (%4)")
                                  .arg(asSwitchover ? QStringLiteral("switchover") : QStringLiteral("failover"),
                                       m_lastLeader, leader->name, timelineText));
        e.from = m_lastLeader;
        e.to = leader->name;
        e.timeline = timelineKnown ? leader->timeline : 0;
        e.planned = plannedLeaderChange;
        effectSeen = effectSeen || plannedLeaderChange;
    } else if (!leader && runningLeader(prev)) {
        if (plannedLeaderChange || touches(planned, m_lastLeader)) {
            add(K::LeaderLost, S::Info, m_lastLeader,
                QCoreApplication::translate("pgha::Monitor", "no running leader during the planned %1 (was %2)")
                    .arg(plannedName, m_lastLeader))
                .planned = true;
        } else {
            add(K::LeaderLost, S::Critical, m_lastLeader,
                QCoreApplication::translate("pgha::Monitor", "no running leader (was %1)").arg(m_lastLeader));
        }
    }
    if (leader) {
        m_lastLeader = leader->name;
        m_lastLeaderTimeline = qMax(m_lastLeaderTimeline, leader->timeline);
    }

    if (cur.paused && !prev.paused)
        add(K::Paused, S::Warning, cur.scope, QCoreApplication::translate("pgha::Monitor", "maintenance mode on: automatic failover is off"));
    else if (!cur.paused && prev.paused)
        add(K::Resumed, S::Info, cur.scope, QCoreApplication::translate("pgha::Monitor", "maintenance mode off"));

    if (cur.etcdMonitored) {
        for (const EtcdMemberState &e : cur.etcd) {
            const EtcdMemberState *p = etcdMember(prev, e);
            if (!p)
                continue;
            const QString name = e.name.isEmpty() ? e.clientUrl : e.name;
            if (p->healthy && !e.healthy)
                add(K::EtcdMemberDown, S::Warning, name,
                    QCoreApplication::translate("pgha::Monitor", "etcd member %1 is down").arg(name));
            else if (!p->healthy && e.healthy)
                add(K::EtcdMemberBack, S::Info, name,
                    QCoreApplication::translate("pgha::Monitor", "etcd member %1 is back").arg(name));
        }
        if (prev.etcdHasQuorum() && !cur.etcdHasQuorum()) {
            add(K::EtcdQuorumLost, S::Critical, QStringLiteral("etcd"),
                QCoreApplication::translate("pgha::Monitor", "etcd lost quorum (%1 of %2 healthy)")
                    .arg(cur.etcdHealthyCount())
                    .arg(cur.etcd.size()));
        } else if (!prev.etcdHasQuorum() && cur.etcdHasQuorum()) {
            add(K::EtcdQuorumRegained, S::Info, QStringLiteral("etcd"),
                QCoreApplication::translate("pgha::Monitor", "etcd regained quorum (%1 of %2 healthy)")
                    .arg(cur.etcdHealthyCount())
                    .arg(cur.etcd.size()));
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
                // During a planned leader change the primary pool is briefly empty by design.
                const S sev = pool.kind == QLatin1String("primary") && !plannedLeaderChange ? S::Critical : S::Warning;
                add(K::HaproxyPoolEmpty, sev, key,
                    QCoreApplication::translate("pgha::Monitor", "HAProxy %1: pool %2 has no server UP")
                        .arg(h.name, pool.name))
                    .planned = plannedLeaderChange;
            } else if (wasEmpty && !up.isEmpty()) {
                add(K::HaproxyPoolRestored, S::Info, key,
                    QCoreApplication::translate("pgha::Monitor", "HAProxy %1: pool %2 serves again (%3)")
                        .arg(h.name, pool.name, up.join(QLatin1String(", "))));
            }
            if (pool.kind == QLatin1String("primary") && !up.isEmpty()) {
                const QStringList last = m_lastPrimaryUp.value(key);
                if (!last.isEmpty() && last != up) {
                    ClusterEvent &e = add(K::HaproxyPrimaryMoved, S::Info, key,
                                          QCoreApplication::translate("pgha::Monitor",
                                                                      "HAProxy %1: pool %2 now routes to %3 (was %4)")
                                              .arg(h.name, pool.name, up.join(QLatin1String(", ")),
                                                   last.join(QLatin1String(", "))));
                    e.from = last.join(QLatin1String(","));
                    e.to = up.join(QLatin1String(","));
                }
                m_lastPrimaryUp.insert(key, up);
            }
        }
    }

    // WAL archiving (pg_stat_archiver on the leader). Counters are per server: compared only on the same leader.
    if (cur.archiver.read) {
        const ArchiverStatus &a = cur.archiver.status;
        const bool same = prev.archiver.read && prev.archiver.member == cur.archiver.member;
        const bool rose = same && a.failedCount > prev.archiver.status.failedCount;
        const bool wasFailing = same && prev.archiver.status.failing();
        if (rose || (a.failing() && !wasFailing)) {
            archivingFailed(a);
        } else if (wasFailing && !a.failing()) {
            add(K::ArchivingRecovered, S::Info, cur.archiver.member,
                QCoreApplication::translate("pgha::Monitor", "WAL archiving on %1 works again: %2 archived")
                    .arg(cur.archiver.member, a.lastArchivedWal));
        }
    }

    backupEvents();

    if (cur.verdict != prev.verdict) {
        S sev = cur.verdict == Verdict::Healthy ? S::Info
                                                : (cur.verdict == Verdict::Degraded ? S::Warning : S::Critical);
        if (planned && sev == S::Critical)
            sev = S::Warning;  // what the requested action itself causes is not an alarm
        add(K::VerdictChanged, sev, cur.scope,
            cur.reasons.isEmpty()
                ? QCoreApplication::translate("pgha::Monitor", "cluster is %1").arg(verdictTitle(cur.verdict))
                : QCoreApplication::translate("pgha::Monitor", "cluster is %1: %2")
                      .arg(verdictTitle(cur.verdict), cur.reasons.first()))
            .planned = planned != nullptr;
    }

    // The window closes at the first healthy poll once the action has visibly happened: a crash a little later is
    // a fault again, not part of the switchover.
    if (planned) {
        m_planned->effectSeen = m_planned->effectSeen || effectSeen;
        if (m_planned->effectSeen && cur.verdict == Verdict::Healthy)
            m_planned.reset();
    }
    m_prev = cur;
    return out;
}

} // namespace pgha
