#pragma once

#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>
#include <optional>
#include <type_traits>

namespace pgha {

// Runs work() on a thread of its own and then done(result) on context's thread (the GUI thread), unless
// context is gone by then. Returns the thread so that an owner can wait() for it before it goes away;
// the thread deletes itself once finished.
template <typename Work, typename Done>
QThread *runOffThread(QObject *context, Work work, Done done)
{
    using R = std::invoke_result_t<Work &>;
    auto result = std::make_shared<std::optional<R>>();
    QThread *thread = QThread::create([work = std::move(work), result]() mutable { result->emplace(work()); });
    QObject::connect(thread, &QThread::finished, context,
                     [result, done = std::move(done)]() mutable { done(std::move(**result)); });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start(QThread::LowPriority);
    return thread;
}

} // namespace pgha
