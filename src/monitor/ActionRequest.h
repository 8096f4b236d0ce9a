#pragma once

#include <QDateTime>
#include <QString>

namespace pgha {

struct ClusterState;

// A day-2 operation through Patroni's REST API, and what came of it.
struct ActionRequest
{
    enum class Kind { Switchover, Failover, Restart, Reload, Reinit, Pause, Resume };

    Kind kind = Kind::Switchover;
    QString member;         // restart, reload (empty = every member), reinit
    QString candidate;      // switchover (optional: Patroni picks one), failover (required)
    QDateTime scheduledAt;  // switchover, restart: optional

    static bool kindFromKey(const QString &key, Kind *out);  // "switchover", "failover", "restart", ...
    static QString kindKey(Kind kind);
    // What will happen, in words for the confirmation dialog; state (optional) names the current leader.
    QString describe(const ClusterState *state = nullptr) const;
};

struct ActionResult
{
    bool ok = false;
    int httpStatus = 0;     // 0 = no HTTP answer
    QString message;        // Patroni's answer, or why the action was not sent
    QString url;            // where it was sent
};

} // namespace pgha
