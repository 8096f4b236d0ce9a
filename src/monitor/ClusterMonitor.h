#pragma once

#include "monitor/ClusterEvent.h"
#include "monitor/ClusterState.h"
#include "monitor/EventDeriver.h"
#include "monitor/MonitorTarget.h"
#include "monitor/RepositoryWatch.h"
#include "monitor/StateHistory.h"

#include <QObject>

class QTimer;

namespace pgha {

class ClusterPoller;

// Polls a cluster on a timer and keeps the latest state, the events derived from it and the chart history.
// Everything runs on the owner's thread, asynchronously (see ClusterPoller).
class ClusterMonitor : public QObject
{
    Q_OBJECT
public:
    explicit ClusterMonitor(const MonitorTarget &target, QObject *parent = nullptr);
    ~ClusterMonitor() override;

    void setIntervalMs(int ms);
    int intervalMs() const;
    void start();     // polls now, then every interval
    void stop();
    void pollNow();   // an extra round (ignored while one is running)
    bool isRunning() const;
    // A day-2 action this monitor's owner is about to request: what it causes is logged as planned, not as a
    // fault (EventDeriver::expectAction). refused(): the action was not carried out, the window closes.
    void expectAction(const ActionRequest &request);
    void actionRefused();
    // Reads the repository view through FETCH (target().repository designs only; RepositoryWatch), every
    // target().repositoryPeriodSecs; each round carries the last view.
    void setRepositoryFetch(RepositoryFetch fetch);
    RepositoryWatch *repositoryWatch() const { return m_repository; }

    const MonitorTarget &target() const { return m_target; }
    bool hasState() const { return m_hasState; }
    const ClusterState &state() const { return m_state; }
    const StateHistory &history() const { return m_history; }
    const QList<ClusterEvent> &events() const { return m_events; }  // the last kMaxEvents
    ClusterPoller *poller() const { return m_poller; }

    static constexpr int kMaxEvents = 1000;

signals:
    void updated(const pgha::ClusterState &state);
    void eventsAdded(const QList<pgha::ClusterEvent> &events);

private:
    void onPolled(const ClusterState &state);

    MonitorTarget m_target;
    ClusterPoller *m_poller;
    RepositoryWatch *m_repository = nullptr;
    QTimer *m_timer;
    EventDeriver m_deriver;
    StateHistory m_history;
    QList<ClusterEvent> m_events;
    ClusterState m_state;
    bool m_hasState = false;
};

} // namespace pgha
