#include "monitor/ActionRules.h"

#include <QCoreApplication>

namespace pgha::ActionRules {

namespace {

Decision yes()
{
    return {true, {}};
}

Decision no(const QString &reason)
{
    return {false, reason};
}

bool noFailoverTag(const MemberState &m)
{
    const QString v = m.tags.value(QStringLiteral("nofailover")).toLower();
    return v == QLatin1String("true") || v == QLatin1String("1");
}

QStringList syncStandbys(const ClusterState &s)
{
    QStringList out;
    for (const MemberState &m : s.members) {
        if (m.role == QLatin1String("sync_standby"))
            out << m.name;
    }
    return out;
}

} // namespace

Decision check(const ClusterState &s, ActionRequest::Kind kind, const QString &name)
{
    using K = ActionRequest::Kind;
    const MemberState *m = name.isEmpty() ? nullptr : s.member(name);
    switch (kind) {
    case K::Pause:
        return s.paused ? no(QCoreApplication::translate("pgha::Monitor", "the cluster is already in maintenance mode")) : yes();
    case K::Resume:
        return s.paused ? yes() : no(QCoreApplication::translate("pgha::Monitor", "the cluster is not in maintenance mode"));
    case K::Reload:
        return yes();
    default:
        break;
    }
    if (!m)
        return no(QCoreApplication::translate("pgha::Monitor", "select a member first"));
    if (m->state == QLatin1String("absent"))
        return no(QCoreApplication::translate("pgha::Monitor", "%1 is not registered in the cluster").arg(m->name));
    switch (kind) {
    case K::Restart:
        return yes();
    case K::Reinit:
        if (m->isLeader())
            return no(QCoreApplication::translate("pgha::Monitor", "%1 is the leader; only a replica can be reinitialised")
                          .arg(m->name));
        return yes();
    case K::Failover:
        if (m->isLeader())
            return no(QCoreApplication::translate("pgha::Monitor", "%1 is already the leader").arg(m->name));
        if (noFailoverTag(*m))
            return no(QCoreApplication::translate("pgha::Monitor", "%1 is tagged nofailover").arg(m->name));
        return yes();
    case K::Switchover: {
        if (m->isLeader())
            return no(QCoreApplication::translate("pgha::Monitor", "%1 is already the leader").arg(m->name));
        const MemberState *leader = s.leader();
        if (!leader || !leader->isRunning())
            return no(QCoreApplication::translate("pgha::Monitor", "a switchover needs a running leader; use failover"));
        if (noFailoverTag(*m))
            return no(QCoreApplication::translate("pgha::Monitor", "%1 is tagged nofailover").arg(m->name));
        if (!m->isRunning())
            return no(QCoreApplication::translate("pgha::Monitor", "%1 is not running (%2)")
                          .arg(m->name, m->state.isEmpty() ? QCoreApplication::translate("pgha::Monitor", "unknown") : m->state));
        if (s.synchronousMode && m->role != QLatin1String("sync_standby")) {
            const QStringList sync = syncStandbys(s);
            if (sync.isEmpty())
                return no(QCoreApplication::translate("pgha::Monitor",
                                                      "synchronous mode: no synchronous standby right now, so Patroni "
                                                      "refuses every switchover candidate (%1 is asynchronous)")
                              .arg(m->name));
            return no(QCoreApplication::translate("pgha::Monitor",
                                                  "synchronous mode: Patroni only switches over to the synchronous "
                                                  "standby (%1); %2 is asynchronous")
                          .arg(sync.join(QLatin1String(", ")), m->name));
        }
        return yes();
    }
    default:
        return yes();
    }
}

QStringList switchoverCandidates(const ClusterState &s)
{
    QStringList out;
    for (const MemberState &m : s.members) {
        if (check(s, ActionRequest::Kind::Switchover, m.name).allowed)
            out << m.name;
    }
    out.sort();
    return out;
}

} // namespace pgha::ActionRules
