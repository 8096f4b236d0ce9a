#include "gui/dashboard/DriftApply.h"

#include "deploy/ApplyPlan.h"
#include "deploy/DeploySetup.h"
#include "deploy/DriftSetup.h"
#include "deploy/OperationJournal.h"
#include "gui/deploy/PlanRunDialog.h"
#include "gui/dialogs/MessageBox.h"

namespace pgha {

PlanRunDialog *DriftApply::open(QWidget *parent, const Topology &topology, const DriftSetup &setup, const DriftRun &run)
{
    const ApplyPlan ap = buildApplyPlan(topology, setup.deploy.secrets, setup.deploy.plan, setup.design, run.report);
    const QString journalPath = applyJournalPath(topology, setup.deploy.journal.path());
    Result<DeployJournal> journal = DeployJournal::load(journalPath);
    if (!journal.ok()) {
        MessageBox::warning(parent, tr("Apply the design"), journal.error().toString());
        return nullptr;
    }
    PlanRunDialog::Request r;
    r.title = tr("Apply the design to cluster \"%1\"").arg(topology.cluster.name);
    r.intro = tr("The steps that bring the running cluster in line with the design, built from the drift as pgha apply "
                 "builds them: files written and re-read, Patroni's dynamic configuration patched, members added or "
                 "removed, restarts rolling (replicas first, the leader after a switchover).");
    if (!ap.etcdTransition.isEmpty())
        r.intro += QStringLiteral("\n\n") + ap.etcdTransition;  // etcd's membership, one member at a time (core's words)
    r.confirm = tr("Apply %n step(s) to cluster \"%1\"?", nullptr, int(ap.plan.steps.size())).arg(topology.cluster.name);
    r.topology = topology;
    r.plan = ap.plan;
    r.journal = journal.value();
    r.notPlanned = ap.notPlanned;
    // As pgha apply: certificates issued for a host that joins (TLS designs) are kept with the secrets once
    // confirmed, before they reach it, so that the next comparison expects the same files.
    const DeploySetup keep = setup.deploy;
    r.beforeRun = [parent, keep] {
        DeploySetup kept = keep;
        if (const Result<void> k = keepGeneratedSecrets(&kept); !k.ok())
            MessageBox::warning(parent, tr("Apply the design"),
                                tr("The new hosts' certificates could not be kept: %1").arg(k.error().toString()));
    };
    auto *dialog = new PlanRunDialog(r, parent);
    dialog->show();
    return dialog;
}

} // namespace pgha
