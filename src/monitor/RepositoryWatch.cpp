#include "monitor/RepositoryWatch.h"

#include <QThread>

namespace pgha {

RepositoryWatch::RepositoryWatch(const MonitorTarget &target, RepositoryFetch fetch, QObject *parent)
    : QObject(parent), m_stanza(target.clusterName), m_periodSecs(std::max(1, target.repositoryPeriodSecs)),
      m_schedules(RepositoryView::schedulesOf(target)), m_fetch(std::move(fetch))
{
}

RepositoryWatch::~RepositoryWatch()
{
    if (m_thread) {
        m_cancel->store(true);
        m_thread->disconnect(this);
        m_thread->wait();
        delete m_thread;
    }
}

void RepositoryWatch::update(ClusterState *state)
{
    const bool due = !m_sinceStart.isValid() || m_sinceStart.elapsed() >= qint64(m_periodSecs) * 1000;
    if (!m_thread && due && m_fetch) {
        const MemberState *leader = state->leader();
        start(leader ? leader->name : QString());
    }
    RepositoryView::apply(state, m_last, m_schedules);
}

void RepositoryWatch::start(const QString &leader)
{
    m_sinceStart.start();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    auto result = std::make_shared<PgBackRestInfoParser::InfoRead>();
    // The worker owns copies of everything it touches: the watch may be gone before it ends (the destructor waits).
    m_thread = QThread::create([fetch = m_fetch, leader, cancel = m_cancel, result] {
        *result = fetch(leader, cancel.get());
    });
    connect(m_thread, &QThread::finished, this, [this, result] {
        m_last = RepositoryView::fromInfo(*result, m_stanza, QDateTime::currentDateTimeUtc());
        ++m_reads;
        m_thread->deleteLater();
        m_thread = nullptr;
        emit read();
    });
    m_thread->start();
}

} // namespace pgha
