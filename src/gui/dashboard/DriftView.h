#pragma once

#include "core/model/Topology.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace pgha {

struct DriftRun;

// The Monitor tab's Drift page: the same comparison as `pgha diff` (deploy/DriftSetup: the deploy's kept secrets and
// SSH policy, one probe per host), run off the GUI thread on request, shown as a table (area, host, key, design,
// cluster, how `pgha apply` fixes it).
class DriftView : public QWidget
{
    Q_OBJECT
public:
    explicit DriftView(QWidget *parent = nullptr);
    ~DriftView() override;

    void setTopology(const Topology &topology) { m_topology = topology; }
    // Shows a finished run (also what the tests feed).
    void showRun(const DriftRun &run);
    bool isChecking() const { return m_running; }

public slots:
    void check();

signals:
    void checked(bool drift);

private:
    Topology m_topology;
    QPushButton *m_button = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_table = nullptr;
    bool m_running = false;
    int m_generation = 0;
};

} // namespace pgha
