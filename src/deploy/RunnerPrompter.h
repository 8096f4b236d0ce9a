#pragma once

#include "deploy/SshPrompter.h"

#include <QHash>
#include <QMutex>
#include <QWaitCondition>

#include <atomic>

namespace pgha {

class DeployRunner;

// Carries a worker thread's question to the runner's thread (as DeployRunner::question) and blocks that
// worker, never the runner's thread, until DeployRunner::answer() or cancel.
class RunnerPrompter : public SshPrompter
{
public:
    RunnerPrompter(DeployRunner *runner, const std::atomic_bool *cancel);
    std::optional<QString> ask(const SshQuestion &question) override;
    void answer(int id, const std::optional<QString> &text);
    void wakeAll();

private:
    DeployRunner *m_runner;
    const std::atomic_bool *m_cancel;
    QMutex m_mutex;
    QWaitCondition m_cond;
    int m_next = 1;
    QHash<int, std::optional<QString>> m_answers;
};

} // namespace pgha
