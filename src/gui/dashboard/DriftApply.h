#pragma once

#include <QCoreApplication>

class QWidget;

namespace pgha {

class PlanRunDialog;
struct DriftRun;
struct DriftSetup;
struct Topology;

// The Drift page's Apply…: `pgha apply`'s plan of a drift (deploy/ApplyPlan from the same DriftSetup and run), with
// what it does not plan, in a PlanRunDialog that runs it with the runner and apply's journal (OperationJournal)
// after a confirmation. The dialog is shown; nothing runs yet.
class DriftApply
{
    Q_DECLARE_TR_FUNCTIONS(pgha::DriftApply)
public:
    static PlanRunDialog *open(QWidget *parent, const Topology &topology, const DriftSetup &setup, const DriftRun &run);
};

} // namespace pgha
