#pragma once

#include "monitor/ClusterState.h"

#include <QMap>
#include <QStringList>
#include <QVector>

namespace pgha {

// One point of the charts.
struct HistorySample
{
    qint64 msecsSinceEpoch = 0;
    QMap<QString, qint64> lagBytes;     // replica name -> lag (known lags only)
    QMap<QString, int> poolSessions;    // "haproxy/pool" -> current sessions
};

// A fixed-capacity ring buffer of samples for the charts: memory stays bounded however long the dashboard runs.
class StateHistory
{
public:
    explicit StateHistory(int capacity = 1800);  // one hour at the default 2 s poll

    void add(const ClusterState &state);
    void add(const HistorySample &sample);
    void clear();
    int size() const { return m_count; }
    int capacity() const { return int(m_buffer.size()); }
    const HistorySample &at(int i) const;        // 0 = oldest
    QStringList replicas() const;                // every name with a lag sample in the buffer
    QStringList pools() const;

private:
    QVector<HistorySample> m_buffer;
    int m_start = 0;
    int m_count = 0;
};

} // namespace pgha
