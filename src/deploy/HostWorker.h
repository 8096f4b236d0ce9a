#pragma once

#include "deploy/DeployStep.h"
#include "deploy/RemoteSession.h"
#include "deploy/SshTarget.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace pgha {

class SshPrompter;

// Runs the steps of one host on its own thread with its own session (libssh sessions are not
// thread-safe); the session comes from a SessionFactory (SSH, or a test's fake). Driven by queued calls to runStep(); answers with signals. Lives on a thread the
// DeployRunner owns.
class HostWorker : public QObject
{
    Q_OBJECT
public:
    HostWorker(SshTarget target, SshPrompter *prompter, const std::atomic_bool *cancel, SessionFactory factory);
    ~HostWorker() override;

    // Call on the worker's thread only (QMetaObject::invokeMethod, queued).
    void runStep(const pgha::DeployStep &step);

signals:
    void logLine(const QString &host, const QString &line);
    // errorKind: an SshError::Kind as int when the step failed on SSH itself, -1 otherwise.
    void stepFinished(const QString &stepId, pgha::StepOutcome outcome, const QString &message, int errorKind);

private:
    struct OpResult
    {
        bool ok = true;
        bool changed = false;
        QString message;
        int errorKind = -1;
    };
    OpResult ensureConnected();
    ExecResult run(const QString &script, const QByteArray &input = {}, int timeoutSec = 0);
    OpResult runOp(const DeployOp &op);
    OpResult writeFiles(const DeployOp &op);
    OpResult waitFor(const DeployOp &op);
    void logDiagnosis(const DeployOp &op);  // op.diagnose's output, line by line, into the log
    void log(const QString &line);
    bool cancelled() const { return m_cancel && m_cancel->load(); }

    SshTarget m_target;
    SshPrompter *m_prompter = nullptr;
    const std::atomic_bool *m_cancel = nullptr;
    SessionFactory m_factory;
    std::unique_ptr<RemoteSession> m_session;
};

} // namespace pgha
