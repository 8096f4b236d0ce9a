#pragma once

#include "deploy/DeployJournal.h"
#include "deploy/DeployPlan.h"
#include "deploy/RemoteSession.h"
#include "deploy/SshPrompter.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <atomic>
#include <memory>

class QThread;

namespace pgha {

class HostWorker;
class JournalWriter;
class RunnerPrompter;

// Executes a DeployPlan: one HostWorker per host, each on its own thread (quit + wait on destruction);
// steps start as soon as their dependencies are done, so hosts work in parallel where the order allows.
// Never blocks its own (GUI) thread. Records every outcome in the journal; resumes an unfinished run.
class DeployRunner : public QObject
{
    Q_OBJECT
public:
    enum class Outcome { Done, NothingChanged, Failed, HostKeyRefused, Cancelled };
    Q_ENUM(Outcome)

    explicit DeployRunner(QObject *parent = nullptr);
    ~DeployRunner() override;

    // Starts the plan; the journal decides what counts as done already. False (and nothing started) when
    // a run is in progress.
    bool start(const DeployPlan &plan, const DeployJournal &journal);
    // Stops cleanly: no new step starts, waits give up, running commands end at their next check.
    void cancel();
    bool isRunning() const { return m_running; }
    const DeployJournal &journal() const { return m_journal; }
    bool resumed() const { return m_resumed; }

    // The sessions the next start() uses (default: SSH). The seam for fast tests with a fake session.
    void setSessionFactory(SessionFactory factory) { m_sessionFactory = std::move(factory); }

    // Answers a question() (host key, passphrase, password); nullopt refuses.
    void answer(int questionId, const std::optional<QString> &text);

signals:
    void stepStarted(const QString &stepId, const QString &host, const QString &title);
    void stepFinished(const QString &stepId, const QString &host, pgha::StepOutcome outcome, const QString &message);
    void logLine(const QString &host, const QString &line);
    void question(int questionId, const pgha::SshQuestion &question);
    void finished(pgha::DeployRunner::Outcome outcome, const QString &summary);

private:
    friend class RunnerPrompter;
    void schedule();
    void onStepFinished(const QString &stepId, pgha::StepOutcome outcome, const QString &message, int errorKind);
    void finish();
    void stopThreads();
    void saveJournal();

    DeployPlan m_plan;
    SessionFactory m_sessionFactory;
    DeployJournal m_journal;
    bool m_running = false;
    bool m_resumed = false;
    std::atomic_bool m_cancel{false};
    std::unique_ptr<RunnerPrompter> m_prompter;
    QThread *m_journalThread = nullptr;
    JournalWriter *m_journalWriter = nullptr;
    QHash<QString, HostWorker *> m_workers;
    QHash<QString, QThread *> m_threads;
    QSet<QString> m_busyHosts;
    QSet<QString> m_done;      // finished well (changed, unchanged, done earlier)
    QSet<QString> m_started;
    QHash<QString, StepOutcome> m_outcomes;
    QStringList m_failures;
    bool m_hostKeyRefused = false;
};

} // namespace pgha

Q_DECLARE_METATYPE(pgha::DeployRunner::Outcome)
