#include "monitor/ActionRequest.h"

#include "monitor/ClusterState.h"

#include <QCoreApplication>

namespace pgha {

bool ActionRequest::kindFromKey(const QString &key, Kind *out)
{
    static const struct { const char *key; Kind kind; } table[] = {
        {"switchover", Kind::Switchover}, {"failover", Kind::Failover}, {"restart", Kind::Restart},
        {"reload", Kind::Reload},         {"reinit", Kind::Reinit},     {"pause", Kind::Pause},
        {"resume", Kind::Resume},
    };
    for (const auto &row : table) {
        if (key == QLatin1String(row.key)) {
            *out = row.kind;
            return true;
        }
    }
    return false;
}

QString ActionRequest::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Switchover: return QStringLiteral("switchover");
    case Kind::Failover: return QStringLiteral("failover");
    case Kind::Restart: return QStringLiteral("restart");
    case Kind::Reload: return QStringLiteral("reload");
    case Kind::Reinit: return QStringLiteral("reinit");
    case Kind::Pause: return QStringLiteral("pause");
    case Kind::Resume: return QStringLiteral("resume");
    }
    return {};
}

QString ActionRequest::describe(const ClusterState *state) const
{
    const MemberState *leader = state ? state->leader() : nullptr;
    const QString leaderName = leader ? leader->name : QCoreApplication::translate("pgha::Monitor", "the current leader");
    const QString when = scheduledAt.isValid()
        ? QCoreApplication::translate("pgha::Monitor", " at %1").arg(scheduledAt.toString(Qt::ISODate))
        : QCoreApplication::translate("pgha::Monitor", " now");
    switch (kind) {
    case Kind::Switchover:
        return QCoreApplication::translate("pgha::Monitor", "Switchover%1: %2 steps down and %3 becomes the leader. Open connections to %2 are "
                              "cut; HAProxy's primary port follows within its check interval.")
            .arg(when, leaderName, candidate.isEmpty() ? QCoreApplication::translate("pgha::Monitor", "the healthiest replica") : candidate);
    case Kind::Failover:
        return QCoreApplication::translate("pgha::Monitor", "Failover now to %1, even if the cluster has no healthy leader. Transactions not yet "
                              "replicated to %1 can be lost.")
            .arg(candidate);
    case Kind::Restart:
        return QCoreApplication::translate("pgha::Monitor", "Restart PostgreSQL on %1%2. Its connections are cut; a restarted leader keeps the "
                              "leader lock.")
            .arg(member, when);
    case Kind::Reload:
        return QCoreApplication::translate("pgha::Monitor", "Reload the configuration of %1 (no restart, no disconnection).")
            .arg(member.isEmpty() ? QCoreApplication::translate("pgha::Monitor", "every member") : member);
    case Kind::Reinit:
        return QCoreApplication::translate("pgha::Monitor", "Reinitialise replica %1: its data directory is DELETED and copied again from the "
                              "leader. It serves no reads until the copy completes.")
            .arg(member);
    case Kind::Pause:
        return QCoreApplication::translate("pgha::Monitor", "Pause the cluster (maintenance mode): Patroni stops managing PostgreSQL and no "
                              "automatic failover happens until you resume.");
    case Kind::Resume:
        return QCoreApplication::translate("pgha::Monitor", "Resume the cluster: Patroni manages PostgreSQL again and automatic failover is back.");
    }
    return {};
}

} // namespace pgha
