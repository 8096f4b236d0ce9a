#include "deploy/DeployRunner.h"

#include "deploy/HostWorker.h"
#include "deploy/JournalWriter.h"
#include "deploy/RunnerPrompter.h"
#include "deploy/SshError.h"

#include <QCoreApplication>
#include <QThread>

namespace pgha {

DeployRunner::DeployRunner(QObject *parent) : QObject(parent), m_sessionFactory(sshSessionFactory())
{
    qRegisterMetaType<pgha::StepOutcome>();
    qRegisterMetaType<pgha::SshQuestion>();
    qRegisterMetaType<pgha::DeployRunner::Outcome>();
    qRegisterMetaType<pgha::DeployStep>();
    m_prompter = std::make_unique<RunnerPrompter>(this, &m_cancel);
    m_journalThread = new QThread;
    m_journalThread->setObjectName(QStringLiteral("deploy-journal"));
    m_journalWriter = new JournalWriter;
    m_journalWriter->moveToThread(m_journalThread);
    connect(m_journalThread, &QThread::finished, m_journalWriter, &QObject::deleteLater);
    connect(m_journalWriter, &JournalWriter::failed, this,
            [this](const QString &message) { emit logLine(QString(), QStringLiteral("warning: ") + message); });
    m_journalThread->start();
}

void DeployRunner::saveJournal()
{
    JournalWriter *w = m_journalWriter;
    const QString path = m_journal.path();
    const QByteArray json = m_journal.toJson();
    QMetaObject::invokeMethod(w, [w, path, json] { w->write(path, json); }, Qt::QueuedConnection);
}

DeployRunner::~DeployRunner()
{
    m_cancel = true;
    m_prompter->wakeAll();
    stopThreads();
    // quit() would drop queued writes: first let the writer finish everything queued so far (FIFO).
    QMetaObject::invokeMethod(m_journalWriter, [] {}, Qt::BlockingQueuedConnection);
    m_journalThread->quit();
    m_journalThread->wait();
    delete m_journalThread;
}

void DeployRunner::stopThreads()
{
    for (QThread *t : std::as_const(m_threads)) {
        t->quit();
        t->wait();
        delete t;
    }
    m_threads.clear();
    m_workers.clear();  // deleted on their threads (finished -> deleteLater)
}

bool DeployRunner::start(const DeployPlan &plan, const DeployJournal &journal)
{
    if (m_running)
        return false;
    stopThreads();
    m_plan = plan;
    m_journal = journal;
    m_cancel = false;
    m_busyHosts.clear();
    m_done.clear();
    m_started.clear();
    m_outcomes.clear();
    m_failures.clear();
    m_hostKeyRefused = false;
    m_running = true;
    m_resumed = m_journal.beginRun(m_plan.fingerprint());
    for (const DeployStep &s : m_plan.steps) {
        if (m_resumed && m_journal.isDone(s.id)) {
            m_done.insert(s.id);
            m_started.insert(s.id);
            m_outcomes.insert(s.id, StepOutcome::SkippedDone);
            emit stepFinished(s.id, s.host, StepOutcome::SkippedDone, QCoreApplication::translate("pgha::Deploy", "done in the interrupted run"));
        }
    }
    for (auto it = m_plan.targets.begin(); it != m_plan.targets.end(); ++it) {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("ssh-") + it.key());
        auto *worker = new HostWorker(it.value(), m_prompter.get(), &m_cancel, m_sessionFactory);
        worker->moveToThread(thread);
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        connect(worker, &HostWorker::logLine, this, &DeployRunner::logLine);
        connect(worker, &HostWorker::stepFinished, this, &DeployRunner::onStepFinished);
        thread->start();
        m_workers.insert(it.key(), worker);
        m_threads.insert(it.key(), thread);
    }
    saveJournal();
    QMetaObject::invokeMethod(this, [this] { schedule(); }, Qt::QueuedConnection);
    return true;
}

void DeployRunner::cancel()
{
    if (!m_running)
        return;
    m_cancel = true;
    m_prompter->wakeAll();
    emit logLine(QString(), QCoreApplication::translate("pgha::Deploy", "cancelling: no new step starts; running steps stop at their next check"));
    schedule();
}

void DeployRunner::answer(int questionId, const std::optional<QString> &text)
{
    m_prompter->answer(questionId, text);
}

void DeployRunner::schedule()
{
    if (!m_running)
        return;
    const bool stopping = m_cancel || !m_failures.isEmpty();
    if (!stopping) {
        for (const DeployStep &s : std::as_const(m_plan.steps)) {
            if (m_started.contains(s.id) || m_busyHosts.contains(s.host))
                continue;
            bool ready = true;
            for (const QString &d : s.deps)
                ready = ready && m_done.contains(d);
            if (!ready)
                continue;
            HostWorker *w = m_workers.value(s.host);
            if (!w)
                continue;
            m_started.insert(s.id);
            m_busyHosts.insert(s.host);
            emit stepStarted(s.id, s.host, s.title);
            const DeployStep step = s;
            QMetaObject::invokeMethod(w, [w, step] { w->runStep(step); }, Qt::QueuedConnection);
        }
    }
    if (m_busyHosts.isEmpty())
        finish();
}

void DeployRunner::onStepFinished(const QString &stepId, StepOutcome outcome, const QString &message, int errorKind)
{
    const DeployStep *s = m_plan.step(stepId);
    const QString host = s ? s->host : QString();
    m_busyHosts.remove(host);
    m_outcomes.insert(stepId, outcome);
    if (outcome == StepOutcome::Changed || outcome == StepOutcome::Unchanged) {
        m_done.insert(stepId);
        // Data directories this run created are ours: a later run must not mistake them for foreign data.
        if (outcome == StepOutcome::Changed && stepId.startsWith(QLatin1String("patroni-start:")))
            m_journal.addOwnedData(QStringLiteral("pgdata:") + host);
        if (outcome == StepOutcome::Changed && stepId.startsWith(QLatin1String("etcd-start:")))
            m_journal.addOwnedData(QStringLiteral("etcd:") + host);
    } else if (outcome == StepOutcome::Failed) {
        m_failures << QCoreApplication::translate("pgha::Deploy", "%1 on %2: %3").arg(stepId, host, message);
        if (errorKind == int(SshError::Kind::HostKeyChanged) || errorKind == int(SshError::Kind::HostKeyUnknown))
            m_hostKeyRefused = true;
    }
    m_journal.record(stepId, stepOutcomeKey(outcome), message);
    saveJournal();
    emit stepFinished(stepId, host, outcome, message);
    schedule();
}

void DeployRunner::finish()
{
    if (!m_running)
        return;
    m_running = false;
    int changed = 0;
    int unchanged = 0;
    int earlier = 0;
    for (auto it = m_outcomes.begin(); it != m_outcomes.end(); ++it) {
        changed += it.value() == StepOutcome::Changed;
        unchanged += it.value() == StepOutcome::Unchanged;
        earlier += it.value() == StepOutcome::SkippedDone;
    }
    const int notRun = int(m_plan.steps.size()) - int(m_outcomes.size());
    Outcome o = Outcome::Done;
    QString summary;
    if (!m_failures.isEmpty()) {
        o = m_hostKeyRefused ? Outcome::HostKeyRefused : Outcome::Failed;
        summary = QCoreApplication::translate("pgha::Deploy", "FAILED: %1. %2 steps changed something, %3 found nothing to do, %4 not run. "
                                 "Fix the cause and run again: the run resumes after the last completed step.")
                      .arg(m_failures.join(QStringLiteral("; ")))
                      .arg(changed)
                      .arg(unchanged)
                      .arg(notRun);
    } else if (m_cancel) {
        o = Outcome::Cancelled;
        summary = QCoreApplication::translate("pgha::Deploy", "cancelled: %1 steps done, %2 not run; run again to resume").arg(changed + unchanged + earlier).arg(notRun);
    } else if (changed == 0 && earlier == 0) {
        o = Outcome::NothingChanged;
        summary = QCoreApplication::translate("pgha::Deploy", "nothing to do: all %1 steps found the cluster as designed; nothing was changed")
                      .arg(unchanged);
    } else {
        summary = QCoreApplication::translate("pgha::Deploy", "done: %1 steps changed something, %2 found nothing to do%3")
                      .arg(changed)
                      .arg(unchanged)
                      .arg(earlier ? QCoreApplication::translate("pgha::Deploy", ", %1 were done by the interrupted run").arg(earlier) : QString());
    }
    m_journal.finishRun(o == Outcome::Done || o == Outcome::NothingChanged);
    saveJournal();
    emit finished(o, summary);
}

} // namespace pgha
