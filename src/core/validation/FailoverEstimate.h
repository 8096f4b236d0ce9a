#pragma once

#include <QList>
#include <QString>

namespace pgha {

struct Topology;

// Seconds from a crash of the leader (kill -9 of its Patroni and PostgreSQL) to a new primary, and to writes
// flowing through HAProxy again. Calibrated against failovers measured on this project's loopback lab
// (docs/validation-rules.md, "failover-estimate").
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

FailoverEstimate estimateFailover(const Topology &topology);

} // namespace pgha
