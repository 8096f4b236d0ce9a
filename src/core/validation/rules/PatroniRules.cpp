#include "core/validation/FailoverEstimate.h"
#include "core/validation/RuleContext.h"
#include "core/validation/rules/Rules.h"

#include <algorithm>

#include <QCoreApplication>

namespace pgha::rules {

void tooFewPostgres(const RuleContext &c, Findings &out)
{
    const int n = int(c.postgresHosts.size());
    if (n < 2) {
        addFinding(out, "too-few-postgres", Severity::Error, QStringLiteral("cluster"),
                   n == 0 ? QCoreApplication::translate("pgha::Rules", "No host runs PostgreSQL.")
                          : QCoreApplication::translate("pgha::Rules", "Only one host runs PostgreSQL, so there is nothing to fail over to."),
                   QCoreApplication::translate("pgha::Rules", "Give the postgres role to at least three hosts."));
    } else if (n == 2) {
        addFinding(out, "too-few-postgres", Severity::Warning, QStringLiteral("cluster"),
                   QCoreApplication::translate("pgha::Rules", "With two PostgreSQL hosts, one failure leaves a primary without any replica."),
                   QCoreApplication::translate("pgha::Rules", "Use three PostgreSQL hosts so that a failover still leaves a replica."));
    }
}

void noFailoverCandidate(const RuleContext &c, Findings &out)
{
    if (c.postgresHosts.isEmpty())
        return;
    QStringList candidates;
    for (int i : c.postgresHosts) {
        if (!c.topology.hosts.at(i).tags.nofailover)
            candidates << c.topology.hosts.at(i).name;
    }
    if (candidates.isEmpty()) {
        addFinding(out, "no-failover-candidate", Severity::Error, QStringLiteral("cluster"),
                   QCoreApplication::translate("pgha::Rules", "Every PostgreSQL host is tagged nofailover, so Patroni can never elect a leader."),
                   QCoreApplication::translate("pgha::Rules", "Clear nofailover on at least two PostgreSQL hosts."));
    } else if (candidates.size() == 1 && c.postgresHosts.size() > 1) {
        addFinding(out, "no-failover-candidate", Severity::Warning,
                   QStringLiteral("hosts/") + candidates.first(),
                   QCoreApplication::translate("pgha::Rules", "Only %1 may become leader, so no failover happens when it fails.")
                       .arg(candidates.first()),
                   QCoreApplication::translate("pgha::Rules", "Clear nofailover on at least one more PostgreSQL host."));
    }
}

void noReadReplica(const RuleContext &c, Findings &out)
{
    if (c.postgresHosts.isEmpty() || c.haproxyHosts.isEmpty())
        return;
    if (c.postgresHosts.size() == 1) {
        addFinding(out, "no-read-replica", Severity::Warning, QStringLiteral("cluster.haproxy.replica_port"),
                   QCoreApplication::translate("pgha::Rules", "With one PostgreSQL host nothing ever serves the read-only port."),
                   QCoreApplication::translate("pgha::Rules", "Add PostgreSQL hosts, or drop the read-only port from your applications."));
        return;
    }
    QStringList readers;
    bool readerCanLead = false;
    for (int i : c.postgresHosts) {
        const Host &h = c.topology.hosts.at(i);
        if (!h.tags.noloadbalance) {
            readers << h.name;
            readerCanLead = readerCanLead || !h.tags.nofailover;
        }
    }
    if (readers.isEmpty()) {
        addFinding(out, "no-read-replica", Severity::Warning, QStringLiteral("cluster.haproxy.replica_port"),
                   QCoreApplication::translate("pgha::Rules", "Every PostgreSQL host is tagged noloadbalance, so the read-only port never has a "
                                  "server."),
                   QCoreApplication::translate("pgha::Rules", "Clear noloadbalance on the replicas that should serve reads."));
    } else if (readers.size() == 1 && readerCanLead) {
        addFinding(out, "no-read-replica", Severity::Warning, QStringLiteral("hosts/") + readers.first(),
                   QCoreApplication::translate("pgha::Rules", "Only %1 may serve reads, so the read-only port has no server while %1 is the "
                                  "leader.").arg(readers.first()),
                   QCoreApplication::translate("pgha::Rules", "Clear noloadbalance on one more replica, or tag %1 nofailover.").arg(readers.first()));
    }
}

void patroniTiming(const RuleContext &c, Findings &out)
{
    const PatroniSettings &p = c.topology.cluster.patroni;
    const QString fix = QCoreApplication::translate("pgha::Rules", "Set ttl to at least max(20, loop_wait + 2 * retry_timeout), e.g. ttl 30, "
                                       "loop_wait 10, retry_timeout 10.");
    if (p.loopWait < 1) {
        addFinding(out, "patroni-timing", Severity::Error, QStringLiteral("cluster.patroni.loop_wait"),
                   QCoreApplication::translate("pgha::Rules", "loop_wait %1 is below Patroni's minimum of 1 second.").arg(p.loopWait),
                   QCoreApplication::translate("pgha::Rules", "Set loop_wait to 1 or more (10 is the default)."), "fix-patroni-timing");
    }
    if (p.retryTimeout < 3) {
        addFinding(out, "patroni-timing", Severity::Warning, QStringLiteral("cluster.patroni.retry_timeout"),
                   QCoreApplication::translate("pgha::Rules", "retry_timeout %1 is below Patroni's documented minimum of 3 seconds, so short "
                                  "etcd hiccups demote the primary.").arg(p.retryTimeout),
                   QCoreApplication::translate("pgha::Rules", "Set retry_timeout to 3 or more (10 is the default)."), "fix-patroni-timing");
    }
    const qint64 needed = qint64(p.loopWait) + 2 * qint64(p.retryTimeout);
    if (p.ttl < needed) {
        // A leader that retries etcd for retry_timeout twice in one loop may still act as leader after its key
        // expired and a replica promoted: two primaries.
        addFinding(out, "patroni-timing", Severity::Error, QStringLiteral("cluster.patroni.ttl"),
                   QCoreApplication::translate("pgha::Rules", "ttl %1 is less than loop_wait + 2 * retry_timeout = %2, so the leader key can "
                                  "expire while the leader is still retrying.")
                       .arg(p.ttl)
                       .arg(needed),
                   fix, "fix-patroni-timing");
    } else if (p.ttl < 20) {
        addFinding(out, "patroni-timing", Severity::Warning, QStringLiteral("cluster.patroni.ttl"),
                   QCoreApplication::translate("pgha::Rules", "ttl %1 is below Patroni's documented minimum of 20 seconds.").arg(p.ttl), fix,
                   "fix-patroni-timing");
    }
}

void syncNeedsReplicas(const RuleContext &c, Findings &out)
{
    const PatroniSettings &p = c.topology.cluster.patroni;
    if (!p.synchronousMode || c.postgresHosts.isEmpty())
        return;
    // Sync standbys available in the worst case: the hosts without nosync, minus the leader if it is one of them.
    int syncCapable = 0;
    bool syncCapableCanLead = false;
    for (int i : c.postgresHosts) {
        const Host &h = c.topology.hosts.at(i);
        if (!h.tags.nosync) {
            ++syncCapable;
            syncCapableCanLead = syncCapableCanLead || !h.tags.nofailover;
        }
    }
    const int available = syncCapable - (syncCapableCanLead ? 1 : 0);
    const QString subject = QStringLiteral("cluster.patroni.synchronous_mode");
    if (available < 1) {
        addFinding(out, "sync-needs-replicas", p.synchronousModeStrict ? Severity::Error : Severity::Warning, subject,
                   p.synchronousModeStrict
                       ? QCoreApplication::translate("pgha::Rules", "synchronous_mode_strict is on but no replica can be synchronous, so "
                                        "every commit would wait forever.")
                       : QCoreApplication::translate("pgha::Rules", "synchronous_mode is on but no replica can be synchronous, so it silently "
                                        "runs asynchronously."),
                   QCoreApplication::translate("pgha::Rules", "Add PostgreSQL hosts without the nosync tag, or turn synchronous_mode off."));
    } else if (available == 1 && p.synchronousModeStrict) {
        addFinding(out, "sync-needs-replicas", Severity::Warning, subject,
                   QCoreApplication::translate("pgha::Rules", "With synchronous_mode_strict and one possible synchronous replica, losing that "
                                  "replica stops all writes."),
                   QCoreApplication::translate("pgha::Rules", "Add a PostgreSQL host (two sync-capable replicas), or turn "
                                  "synchronous_mode_strict off."));
    }
}

void failoverEstimate(const RuleContext &c, Findings &out)
{
    if (c.postgresHosts.isEmpty())
        return;
    const FailoverEstimate e = estimateFailover(c.topology);
    auto s = [](double v) { return QString::number(v, 'f', 1); };
    QString message = QCoreApplication::translate("pgha::Rules", "After a leader crash expect a new primary in about %1 s (%2-%3 s)")
                          .arg(s(e.newPrimary.expected), s(e.newPrimary.min), s(e.newPrimary.max));
    if (e.throughHAProxy) {
        message += QCoreApplication::translate("pgha::Rules", " and writes through HAProxy again in about %1 s (%2-%3 s)")
                       .arg(s(e.writesRestored.expected), s(e.writesRestored.min), s(e.writesRestored.max));
    }
    // A power loss of the leader's host also takes its etcd member, possibly etcd's leader (etcd colocated); the
    // same span as the clause before (writes through HAProxy, or the new primary without HAProxy).
    const FailoverEstimate pl = estimateFailover(c.topology, FailoverScenario::HostPowerLoss);
    if (pl.terms.size() > e.terms.size()) {
        const FailoverEstimate::Span &span = pl.throughHAProxy ? pl.writesRestored : pl.newPrimary;
        message += QCoreApplication::translate("pgha::Rules", "; after a power loss of the leader's host, whose etcd member may lead "
                                               "etcd, about %1 s (%2-%3 s)")
                       .arg(s(span.expected), s(span.min), s(span.max));
    }
    message += QLatin1Char('.');
    addFinding(out, "failover-estimate", Severity::Info, QStringLiteral("cluster"), message,
               QCoreApplication::translate("pgha::Rules", "To shorten it lower ttl and loop_wait (keeping ttl >= loop_wait + 2 * retry_timeout) "
                              "and check HAProxy every second (inter 1s)."));
}

} // namespace pgha::rules
