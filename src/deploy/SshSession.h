#pragma once

#include "deploy/RemoteSession.h"
#include "deploy/SshError.h"
#include "deploy/SshTarget.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <optional>

struct ssh_session_struct;

namespace pgha {

class SshPrompter;

// One libssh session. Blocking; NOT thread-safe: create, use and destroy it on one thread (a HostWorker's).
class SshSession : public RemoteSession
{
public:
    // prompter answers host-key and credential questions (may be null: unknown keys and passphrases are
    // then refused); cancel, when set, makes waits give up early.
    SshSession(SshTarget target, SshPrompter *prompter, const std::atomic_bool *cancel = nullptr);
    ~SshSession() override;
    SshSession(const SshSession &) = delete;
    SshSession &operator=(const SshSession &) = delete;

    // Connects, verifies the host key against known_hosts (unknown: ask; changed: refuse, always) and
    // authenticates (agent / key file / default keys, then password). nullopt on success.
    std::optional<SshError> connect() override;
    bool isConnected() const override { return m_connected; }
    void disconnect() override;
    const SshTarget &target() const { return m_target; }

    // Runs `script` with sh on the host as root (sudo -S for other users; the password goes through stdin and
    // never into a command line or log). `input` is fed to the script's stdin. timeoutSec <= 0: the target's
    // command timeout.
    ExecResult run(const QString &script, const QByteArray &input = {}, int timeoutSec = 0) override;

    // The SHA256 fingerprint of the server's key after connect() ("SHA256:...").
    QString serverFingerprint() const override { return m_fingerprint; }

private:
    std::optional<SshError> verifyHostKey();
    std::optional<SshError> authenticate();
    ExecResult execRaw(const QString &command, const QByteArray &input, int timeoutSec);
    SshError lastError(SshError::Kind kind, const QString &what) const;
    bool cancelled() const { return m_cancel && m_cancel->load(); }

    SshTarget m_target;
    SshPrompter *m_prompter = nullptr;
    const std::atomic_bool *m_cancel = nullptr;
    ssh_session_struct *m_session = nullptr;
    bool m_connected = false;
    QString m_fingerprint;
    std::optional<QString> m_sudoPassword;  // asked once per session, only if sudo needs one
    bool m_sudoChecked = false;
};

} // namespace pgha
