#include "deploy/RunnerPrompter.h"

#include "deploy/DeployRunner.h"

#include <QMetaObject>

namespace pgha {

RunnerPrompter::RunnerPrompter(DeployRunner *runner, const std::atomic_bool *cancel)
    : m_runner(runner), m_cancel(cancel)
{
}

std::optional<QString> RunnerPrompter::ask(const SshQuestion &question)
{
    int id = 0;
    {
        QMutexLocker lock(&m_mutex);
        id = m_next++;
    }
    DeployRunner *runner = m_runner;
    QMetaObject::invokeMethod(
        runner, [runner, id, question] { emit runner->question(id, question); }, Qt::QueuedConnection);
    QMutexLocker lock(&m_mutex);
    while (!m_answers.contains(id)) {
        if (m_cancel->load())
            return std::nullopt;
        m_cond.wait(&m_mutex, 200);
    }
    return m_answers.take(id);
}

void RunnerPrompter::answer(int id, const std::optional<QString> &text)
{
    QMutexLocker lock(&m_mutex);
    m_answers.insert(id, text);
    m_cond.wakeAll();
}

void RunnerPrompter::wakeAll()
{
    QMutexLocker lock(&m_mutex);
    m_cond.wakeAll();
}

} // namespace pgha
