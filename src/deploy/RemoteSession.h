#pragma once

#include "deploy/SshError.h"
#include "deploy/SshTarget.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace pgha {

class SshPrompter;

struct ExecResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    std::optional<SshError> error;  // set when the command could not run to its end (no exit code)
    bool ok() const { return !error && exitCode == 0; }
};

// The deploy's seam to a host: what a HostWorker needs from a session. SshSession is the real one (libssh);
// tests use a fake (tests/deploy/FakeSession.h) to check scheduling, resume and cancel in milliseconds.
// Blocking; used on one worker thread only.
class RemoteSession
{
public:
    virtual ~RemoteSession() = default;
    // Connects and verifies the host; nullopt on success.
    virtual std::optional<SshError> connect() = 0;
    virtual bool isConnected() const = 0;
    virtual void disconnect() = 0;
    // Runs `script` with sh on the host as root; `input` is its stdin. timeoutSec <= 0: the target's default.
    virtual ExecResult run(const QString &script, const QByteArray &input = {}, int timeoutSec = 0) = 0;
    // The server key's fingerprint after connect() ("SHA256:...").
    virtual QString serverFingerprint() const = 0;
};

// Makes the session for one host (called on that host's worker thread). prompter and cancel as SshSession takes.
using SessionFactory = std::function<std::unique_ptr<RemoteSession>(const SshTarget &target, SshPrompter *prompter,
                                                                    const std::atomic_bool *cancel)>;
// The real one: an SshSession.
SessionFactory sshSessionFactory();

} // namespace pgha
