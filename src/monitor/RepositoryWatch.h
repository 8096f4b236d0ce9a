#pragma once

#include "core/parse/PgBackRestInfoParser.h"
#include "monitor/ClusterState.h"
#include "monitor/MonitorTarget.h"
#include "monitor/RepositoryView.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace pgha {

// The seam to the repository host: runs `pgbackrest info --output=json` there (over SSH: deploy/BackupInfo) and
// returns what it printed. Blocking; called on a worker thread. LEADER: the current leader (a local repository is
// read there); CANCEL is set when the watch goes away.
using RepositoryFetch =
    std::function<PgBackRestInfoParser::InfoRead(const QString &leader, const std::atomic_bool *cancel)>;

// Reads the repository every target.repositoryPeriodSecs (not every round: pgbackrest info costs a login and a
// scan of the repository) on a worker thread, and puts the last view into every round's state.
class RepositoryWatch : public QObject
{
    Q_OBJECT
public:
    RepositoryWatch(const MonitorTarget &target, RepositoryFetch fetch, QObject *parent = nullptr);
    ~RepositoryWatch() override;  // cancels and waits for a read in flight

    // Starts a read when due and none runs; puts the last view (judged at STATE's time) into STATE.
    void update(ClusterState *state);
    bool isReading() const { return m_thread != nullptr; }
    int reads() const { return m_reads; }

signals:
    void read();  // a read finished: the next round shows it

private:
    void start(const QString &leader);

    QString m_stanza;
    int m_periodSecs;
    RepositoryView::Schedules m_schedules;
    RepositoryFetch m_fetch;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QElapsedTimer m_sinceStart;      // since the last read started
    RepositoryState m_last;
    int m_reads = 0;
};

} // namespace pgha
