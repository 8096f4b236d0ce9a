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

FailoverEstimate estimateFailover(const Topology &topology, FailoverScenario scenario)
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
    bool etcdOnPostgresHost = false;
    for (const Host &h : topology.hosts)
        etcdOnPostgresHost = etcdOnPostgresHost || (h.has(Role::Postgres) && h.has(Role::Etcd));
    if (scenario == FailoverScenario::HostPowerLoss && etcdOnPostgresHost) {
        // The leader's host may run etcd's leader. The followers hear no heartbeat and start an election after a
        // randomised election timeout (1x-2x). The new etcd leader then extends every lease to a full TTL plus one
        // election timeout (etcd's lessor.Promote): the dead leader's key, refreshed up to loop_wait before the
        // crash, lives that much longer. Min 0: the host did not run etcd's leader (then it is a process kill).
        const double et = kEtcdElectionTimeoutSeconds;
        e.terms.append({QCoreApplication::translate("pgha::Rules", "etcd leader election"),
                        {0, 1.5 * et, 2 * et},
                        QCoreApplication::translate("pgha::Rules", "If the host ran etcd's leader, the other etcd members elect a new one after a "
                                                    "randomised election timeout (1-2 times etcd's election-timeout).")});
        e.terms.append({QCoreApplication::translate("pgha::Rules", "lease renewal by the new etcd leader"),
                        {0, et + loop / 2, et + loop},
                        QCoreApplication::translate("pgha::Rules", "A new etcd leader extends every lease to a full ttl plus one election timeout, "
                                                    "so the dead leader's key outlives the plain ttl.")});
    }
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
