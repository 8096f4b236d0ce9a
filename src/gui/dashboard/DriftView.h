#pragma once

#include "core/model/Topology.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace pgha {

class PlanRunDialog;
struct DriftRun;
struct DriftSetup;

// The Monitor tab's Drift page: the same comparison as `pgha diff` (deploy/DriftSetup: the deploy's kept secrets and
// SSH policy, one probe per host), run off the GUI thread on request, shown as a table (area, host, key, design,
// cluster, how `pgha apply` fixes it). Apply… shows `pgha apply`'s plan of the drift shown (DriftApply) and, once it
// ran, compares again.
class DriftView : public QWidget
{
    Q_OBJECT
public:
    explicit DriftView(QWidget *parent = nullptr);
    ~DriftView() override;

    void setTopology(const Topology &topology) { m_topology = topology; }
    // Shows a finished run (also what the tests feed); with its setup, Apply… can plan it. compared: the design that
    // was compared (default: the current one).
    void showRun(const DriftRun &run, std::shared_ptr<const DriftSetup> setup = {},
                 const std::optional<Topology> &compared = std::nullopt);
    bool isChecking() const { return m_running; }

public slots:
    void check();
    // The plan of the drift shown, in its dialog (not run yet); nullptr when there is nothing to plan from.
    PlanRunDialog *apply();

signals:
    void checked(bool drift);

private:
    Topology m_topology;
    QPushButton *m_button = nullptr;
    QPushButton *m_apply = nullptr;
    std::shared_ptr<const DriftSetup> m_setup;  // of the run shown
    Topology m_checkedTopology;                 // the design it compared
    std::shared_ptr<const DriftRun> m_run;
    QPointer<PlanRunDialog> m_dialog;
    QLabel *m_status = nullptr;
    QTableWidget *m_table = nullptr;
    bool m_running = false;
    int m_generation = 0;
};

} // namespace pgha
