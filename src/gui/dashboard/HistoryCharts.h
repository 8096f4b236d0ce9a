#pragma once

#include <QWidget>

class QChartView;

namespace pgha {

class StateHistory;

// The Monitor tab's Charts page: replication lag per replica (MB) and HAProxy sessions per pool over the last ten
// minutes of the monitor's history, one line series per replica or pool.
class HistoryCharts : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryCharts(QWidget *parent = nullptr);

    void showHistory(const StateHistory &history);

private:
    QChartView *m_lagChart;
    QChartView *m_sessionsChart;
};

} // namespace pgha
