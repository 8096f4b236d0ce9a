#pragma once

// A fake host for DeployRunner tests (the RemoteSession seam): every command is recorded, and answered by the
// first rule whose needle the script contains (default: exit 0, no output). Thread-safe: each host's worker
// thread runs its own FakeSession on the one shared FakeHosts.
#include "deploy/RemoteSession.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QStringList>
#include <QThread>

#include <atomic>

namespace pgha::test {

struct FakeHosts
{
    struct Rule
    {
        QString host;         // empty = any host
        QString needle;       // the script contains it
        int exitCode = 0;
        QByteArray out;
        int delayMs = 0;      // the command takes this long
        bool untilCancel = false;  // runs until the deploy is cancelled (then fails as a cancelled command)
        int times = -1;       // how many more times the rule applies (-1 = always)
    };

    mutable QMutex mutex;
    QList<Rule> rules;
    QHash<QString, SshError::Kind> connectErrors;  // host -> refused with this kind
    QStringList commands;                          // "host: script", in the order they started
    QStringList events;                            // "start host script" / "end host script"
    std::atomic_int running{0};
    std::atomic_int maxRunning{0};
    std::atomic_int connects{0};

    void addRule(const Rule &r)
    {
        QMutexLocker l(&mutex);
        rules << r;
    }
    QStringList ran() const
    {
        QMutexLocker l(&mutex);
        return commands;
    }
    int count(const QString &needle) const
    {
        QMutexLocker l(&mutex);
        int n = 0;
        for (const QString &c : commands)
            n += c.contains(needle);
        return n;
    }
    int indexOf(const QString &event) const
    {
        QMutexLocker l(&mutex);
        return int(events.indexOf(event));
    }
};

class FakeSession : public RemoteSession
{
public:
    FakeSession(FakeHosts *hosts, SshTarget target, const std::atomic_bool *cancel)
        : m_hosts(hosts), m_target(std::move(target)), m_cancel(cancel)
    {
    }

    std::optional<SshError> connect() override
    {
        ++m_hosts->connects;
        QMutexLocker l(&m_hosts->mutex);
        if (m_hosts->connectErrors.contains(m_target.hostName))
            return SshError{m_hosts->connectErrors.value(m_target.hostName), QStringLiteral("fake refusal")};
        m_connected = true;
        return std::nullopt;
    }
    bool isConnected() const override { return m_connected; }
    void disconnect() override { m_connected = false; }
    QString serverFingerprint() const override { return QStringLiteral("SHA256:fake"); }

    ExecResult run(const QString &script, const QByteArray &, int) override
    {
        FakeHosts::Rule rule;
        {
            QMutexLocker l(&m_hosts->mutex);
            m_hosts->commands << m_target.hostName + QStringLiteral(": ") + script;
            m_hosts->events << QStringLiteral("start ") + m_target.hostName + QLatin1Char(' ') + script;
            for (FakeHosts::Rule &r : m_hosts->rules) {
                if ((r.host.isEmpty() || r.host == m_target.hostName) && script.contains(r.needle) && r.times != 0) {
                    if (r.times > 0)
                        --r.times;
                    rule = r;
                    break;
                }
            }
        }
        const int now = ++m_hosts->running;
        int seen = m_hosts->maxRunning.load();
        while (now > seen && !m_hosts->maxRunning.compare_exchange_weak(seen, now)) {
        }
        ExecResult r;
        r.exitCode = rule.exitCode;
        r.out = rule.out;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < rule.delayMs || rule.untilCancel) {
            if (m_cancel && m_cancel->load()) {
                r.error = SshError{SshError::Kind::Cancelled, QStringLiteral("cancelled")};
                break;
            }
            QThread::msleep(5);
        }
        --m_hosts->running;
        QMutexLocker l(&m_hosts->mutex);
        m_hosts->events << QStringLiteral("end ") + m_target.hostName + QLatin1Char(' ') + script;
        return r;
    }

private:
    FakeHosts *m_hosts;
    SshTarget m_target;
    const std::atomic_bool *m_cancel;
    bool m_connected = false;
};

inline SessionFactory fakeFactory(FakeHosts *hosts)
{
    return [hosts](const SshTarget &target, SshPrompter *, const std::atomic_bool *cancel) {
        return std::unique_ptr<RemoteSession>(new FakeSession(hosts, target, cancel));
    };
}

} // namespace pgha::test
