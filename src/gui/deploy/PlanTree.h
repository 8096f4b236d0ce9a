#pragma once

#include "core/model/Topology.h"
#include "deploy/DeployPlan.h"

#include <QHash>
#include <QTreeWidget>

namespace pgha {

// The Deploy page's plan: a row per host ("3/12 steps, now: ..."), under it each step with its state (in
// colour) and what it changes (the files it writes, what it runs). The state column is as wide as the
// longest state from the start.
class PlanTree : public QTreeWidget
{
    Q_OBJECT
public:
    explicit PlanTree(QWidget *parent = nullptr);

    void showPlan(const Topology &topology, const DeployPlan &plan);
    void stepStarted(const QString &stepId, const QString &host);
    void stepFinished(const QString &stepId, const QString &host, StepOutcome outcome, const QString &message);
    int stepCount() const { return int(m_stepItems.size()); }
    int stepsDone() const;

private:
    void setStepState(QTreeWidgetItem *item, int state, const QString &message);
    void updateHostRow(const QString &host);
    void fitStateColumn(const QString &text);

    QHash<QString, QTreeWidgetItem *> m_hostItems;
    QHash<QString, QTreeWidgetItem *> m_stepItems;
};

} // namespace pgha
