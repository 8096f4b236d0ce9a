#include "monitor/ClusterMonitor.h"

#include "monitor/ClusterPoller.h"

#include <QTimer>

namespace pgha {

ClusterMonitor::ClusterMonitor(const MonitorTarget &target, QObject *parent)
    : QObject(parent), m_target(target), m_poller(new ClusterPoller(target, this)), m_timer(new QTimer(this))
{
    m_timer->setInterval(2000);
    connect(m_timer, &QTimer::timeout, this, &ClusterMonitor::pollNow);
    connect(m_poller, &ClusterPoller::polled, this, &ClusterMonitor::onPolled);
}

ClusterMonitor::~ClusterMonitor() = default;

void ClusterMonitor::setIntervalMs(int ms)
{
    m_timer->setInterval(std::max(100, ms));
}

int ClusterMonitor::intervalMs() const
{
    return m_timer->interval();
}

void ClusterMonitor::start()
{
    m_timer->start();
    pollNow();
}

void ClusterMonitor::stop()
{
    m_timer->stop();
}

bool ClusterMonitor::isRunning() const
{
    return m_timer->isActive();
}

void ClusterMonitor::expectAction(const ActionRequest &request)
{
    m_deriver.expectAction(request, m_hasState ? &m_state : nullptr, QDateTime::currentDateTimeUtc());
}

void ClusterMonitor::actionRefused()
{
    m_deriver.clearPlanned();
}

void ClusterMonitor::setRepositoryFetch(RepositoryFetch fetch)
{
    delete m_repository;
    m_repository = m_target.repository && fetch ? new RepositoryWatch(m_target, std::move(fetch), this) : nullptr;
}

void ClusterMonitor::pollNow()
{
    m_poller->poll();
}

void ClusterMonitor::onPolled(const ClusterState &polled)
{
    ClusterState state = polled;
    if (m_repository)
        m_repository->update(&state);
    m_state = state;
    m_hasState = true;
    m_history.add(state);
    const QList<ClusterEvent> events = m_deriver.update(state);
    emit updated(m_state);
    if (!events.isEmpty()) {
        m_events += events;
        if (m_events.size() > kMaxEvents)
            m_events.erase(m_events.begin(), m_events.begin() + (m_events.size() - kMaxEvents));
        emit eventsAdded(events);
    }
}

} // namespace pgha
