#include "monitor/StateHistory.h"

#include <QSet>

#include <algorithm>

namespace pgha {

StateHistory::StateHistory(int capacity) : m_buffer(std::max(1, capacity)) {}

void StateHistory::add(const ClusterState &state)
{
    HistorySample s;
    s.msecsSinceEpoch = state.time.isValid() ? state.time.toMSecsSinceEpoch() : 0;
    for (const MemberState &m : state.members) {
        if (m.isReplica() && m.lagBytes >= 0)
            s.lagBytes.insert(m.name, m.lagBytes);
    }
    for (const HaproxyInstance &h : state.haproxy) {
        for (const HaproxyPool &p : h.pools)
            s.poolSessions.insert(h.name + QLatin1Char('/') + p.name, p.sessions);
    }
    add(s);
}

void StateHistory::add(const HistorySample &sample)
{
    const int cap = int(m_buffer.size());
    if (m_count < cap) {
        m_buffer[(m_start + m_count) % cap] = sample;
        ++m_count;
    } else {
        m_buffer[m_start] = sample;
        m_start = (m_start + 1) % cap;
    }
}

void StateHistory::clear()
{
    m_start = 0;
    m_count = 0;
}

const HistorySample &StateHistory::at(int i) const
{
    return m_buffer.at((m_start + i) % int(m_buffer.size()));
}

QStringList StateHistory::replicas() const
{
    QSet<QString> names;
    for (int i = 0; i < m_count; ++i) {
        const auto &lags = at(i).lagBytes;
        for (auto it = lags.cbegin(); it != lags.cend(); ++it)
            names.insert(it.key());
    }
    QStringList out(names.cbegin(), names.cend());
    out.sort();
    return out;
}

QStringList StateHistory::pools() const
{
    QSet<QString> names;
    for (int i = 0; i < m_count; ++i) {
        const auto &pools = at(i).poolSessions;
        for (auto it = pools.cbegin(); it != pools.cend(); ++it)
            names.insert(it.key());
    }
    QStringList out(names.cbegin(), names.cend());
    out.sort();
    return out;
}

} // namespace pgha
