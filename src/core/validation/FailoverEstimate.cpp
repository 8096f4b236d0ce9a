#include "core/validation/FailoverEstimate.h"

#include "core/model/Topology.h"

#include <algorithm>

#include <QCoreApplication>

namespace pgha {

namespace {
// Leader race and promotion after the lock is gone: etcd revokes expired leases on a 0.5 s tick, the
// replicas' etcd3 watch wakes their HA loop at once, the race asks the other members' REST APIs (the dead
// leader refuses at once), then pg_ctl promote. Calibrated on the lab: 0.75 s expected puts both measured
// points (ttl 30/loop 10 -> 23-29 s, ttl 10/loop 2 -> 9.3 s) within 0.5 s of the expectation.
constexpr double kPromoteMin = 0.3;
constexpr double kPromoteExpected = 0.75;
constexpr double kPromoteMax = 2.0;
} // namespace

FailoverEstimate estimateFailover(const Topology &topology)
{
    const PatroniSettings &p = topology.cluster.patroni;
    const HAProxySettings &hp = topology.cluster.haproxy;
    const double ttl = std::max(0, p.ttl);
    const double loop = std::max(0, p.loopWait);

    FailoverEstimate e;
    // The leader refreshes its lock every loop_wait; the crash falls anywhere in that cycle, so the lock
    // expires between ttl - loop_wait and ttl after the crash.
    e.terms.append({QCoreApplication::translate("pgha::Rules", "leader lock expiry"),
                    {std::max(0.0, ttl - loop), std::max(0.0, ttl - loop / 2), ttl},
                    QCoreApplication::translate("pgha::Rules", "The leader key lives ttl seconds after the leader's last refresh, which came up "
                                   "to loop_wait before the crash.")});
    e.terms.append({QCoreApplication::translate("pgha::Rules", "leader race and promotion"),
                    {kPromoteMin, kPromoteExpected, kPromoteMax},
                    QCoreApplication::translate("pgha::Rules", "Replicas are woken by their etcd watch when the key expires, compare positions "
                                   "and the winner runs pg_ctl promote.")});
    for (const auto &t : e.terms) {
        e.newPrimary.min += t.seconds.min;
        e.newPrimary.expected += t.seconds.expected;
        e.newPrimary.max += t.seconds.max;
    }
    e.writesRestored = e.newPrimary;
    e.throughHAProxy = topology.count(Role::HAProxy) > 0;
    if (e.throughHAProxy) {
        // The new primary's /primary check starts answering 200 somewhere within an interval; HAProxy then
        // needs rise consecutive successes: the first within inter, rise - 1 more inter apart.
        const double inter = std::max(0, hp.checkIntervalMs) / 1000.0;
        const double rise = std::max(1, hp.rise);
        const FailoverEstimate::Term t{
            QCoreApplication::translate("pgha::Rules", "HAProxy marks the new primary up"),
            {(rise - 1) * inter, (rise - 0.5) * inter, rise * inter},
            QCoreApplication::translate("pgha::Rules", "HAProxy needs rise consecutive passing checks, inter apart, before it routes the primary "
                           "port to the new primary.")};
        e.terms.append(t);
        e.writesRestored.min += t.seconds.min;
        e.writesRestored.expected += t.seconds.expected;
        e.writesRestored.max += t.seconds.max;
    }
    return e;
}

} // namespace pgha
