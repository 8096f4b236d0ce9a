#pragma once

#include <QList>
#include <QString>

namespace pgha {

struct Topology;

// What takes the leader down.
enum class FailoverScenario {
    ProcessKill,    // kill -9 of the leader's Patroni and PostgreSQL; its host (and etcd member) keeps running
    HostPowerLoss,  // the leader's whole host is gone, with the etcd member on it (possibly etcd's leader)
};

// Seconds from a crash of the leader to a new primary, and to writes flowing through HAProxy again. Calibrated
// against failovers measured on this project's labs (docs/validation-rules.md, "failover-estimate").
struct FailoverEstimate
{
    struct Span
    {
        double min = 0;
        double expected = 0;
        double max = 0;
    };
    struct Term
    {
        QString name;         // "leader lock expiry", ...
        Span seconds;
        QString explanation;  // one sentence: where the time goes
    };

    Span newPrimary;       // until a replica has promoted itself
    Span writesRestored;   // until HAProxy routes the primary port to it (== newPrimary without HAProxy)
    QList<Term> terms;     // in order; their sums give the spans
    bool throughHAProxy = false;
};

// etcd's election timeout in seconds: etcd's default (1000 ms); the generated etcd configuration leaves it alone.
constexpr double kEtcdElectionTimeoutSeconds = 1.0;

FailoverEstimate estimateFailover(const Topology &topology,
                                  FailoverScenario scenario = FailoverScenario::ProcessKill);

} // namespace pgha
