#pragma once

#include "core/validation/Finding.h"

#include <QList>
#include <QString>
#include <QStringList>

// A change of the etcd membership as `pgha apply` makes it: one member at a time, the additions first (so that
// the cluster never tolerates fewer failures on the way than at either end), then the removals. Pure: judged from
// the member list the cluster reported and the design's etcd hosts (deploy/EtcdScalePlan turns it into steps).
// Its findings use the transition rules of docs/validation-rules.md ("Rules of `pgha apply`").
namespace pgha {

struct EtcdTransition
{
    struct Step
    {
        bool add = true;   // false: a removal
        QString member;    // the host name (the member's name)
        int before = 0;    // members before the step
        int after = 0;     // members after it
    };
    QList<Step> steps;     // in order; empty: the membership already is the design's
    QList<int> counts;     // the member counts the cluster passes through, the current first (3, 4, 5)
    Findings findings;     // etcd-member-steps (info), etcd-even-step (warning), etcd-quorum-step (error)
    bool refused = false;  // a step would leave etcd without quorum: nothing of the change is planned

    QString countsText() const;  // "3 -> 4 -> 5"
};

// The majority of N members: N / 2 + 1.
int etcdQuorum(int members);

// current: the members the cluster lists now (names; an added but unstarted member counts); add: design hosts the
// list lacks, in design order; remove: members the design lacks, in list order.
EtcdTransition planEtcdTransition(const QStringList &current, const QStringList &add, const QStringList &remove);

// The transition rule ids, in documentation order.
QStringList etcdTransitionRuleIds();

} // namespace pgha
