#pragma once

#include "core/util/Result.h"
#include "deploy/DeployJournal.h"
#include "deploy/DeployPlan.h"
#include "deploy/RestorePlan.h"

namespace pgha {

struct Topology;

// What `pgha restore` and the GUI's Restore… both prepare before the confirmation: the journal
// (loadOperationJournal "restore"), the stamp that names the kept data directories and the plan.
struct RestoreSetup
{
    RestoreTarget target;
    DeployJournal journal;
    DeployPlan plan;
};

// target.stamp: now (UTC), unless the journal's last run stopped half-way: then the stamp that run kept beside its
// journal, so that the resumed plan is the same plan (the same names for the kept data directories). Writes nothing
// but the cluster's data folder.
Result<RestoreSetup> prepareRestore(const Topology &topology, RestoreTarget target, const PlanOptions &options,
                                    const QString &journalPath = {});
// Once confirmed, just before the run: the stamp beside the journal (JOURNAL.stamp).
void keepRestoreStamp(const RestoreSetup &setup);

} // namespace pgha
