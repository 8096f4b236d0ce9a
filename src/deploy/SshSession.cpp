#include "deploy/SshSession.h"

#include "core/util/ShellQuote.h"
#include "deploy/SshPrompter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMutex>

#include <libssh/libssh.h>

namespace pgha {

namespace {

// Several workers may add keys to the same known_hosts file at once.
QMutex &knownHostsMutex()
{
    static QMutex m;
    return m;
}

QByteArray local8(const QString &s)
{
    return s.toLocal8Bit();
}

} // namespace

SshSession::SshSession(SshTarget target, SshPrompter *prompter, const std::atomic_bool *cancel)
    : m_target(std::move(target)), m_prompter(prompter), m_cancel(cancel)
{
}

SessionFactory sshSessionFactory()
{
    return [](const SshTarget &target, SshPrompter *prompter, const std::atomic_bool *cancel) {
        return std::unique_ptr<RemoteSession>(new SshSession(target, prompter, cancel));
    };
}

SshSession::~SshSession()
{
    disconnect();
}

void SshSession::disconnect()
{
    if (m_session) {
        if (m_connected)
            ssh_disconnect(m_session);
        ssh_free(m_session);
        m_session = nullptr;
    }
    m_connected = false;
}

SshError SshSession::lastError(SshError::Kind kind, const QString &what) const
{
    const QString detail = m_session ? QString::fromLocal8Bit(ssh_get_error(m_session)) : QString();
    return {kind, what + (detail.isEmpty() ? QString() : QStringLiteral(": ") + detail)};
}

std::optional<SshError> SshSession::connect()
{
    disconnect();
    m_session = ssh_new();
    if (!m_session)
        return SshError{SshError::Kind::Other, QCoreApplication::translate("pgha::Deploy", "libssh could not create a session")};
    const QByteArray host = local8(m_target.address);
    ssh_options_set(m_session, SSH_OPTIONS_HOST, host.constData());
    // ~/.ssh/config first, so that the design's explicit values below win over it.
    ssh_options_parse_config(m_session, nullptr);
    const unsigned int port = unsigned(m_target.port);
    ssh_options_set(m_session, SSH_OPTIONS_PORT, &port);
    if (!m_target.user.isEmpty()) {
        const QByteArray user = local8(m_target.user);
        ssh_options_set(m_session, SSH_OPTIONS_USER, user.constData());
    }
    const long timeout = m_target.connectTimeoutSec;
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &timeout);
    if (!m_target.knownHostsFile.isEmpty()) {
        QDir().mkpath(QFileInfo(m_target.knownHostsFile).absolutePath());
        const QByteArray kh = local8(m_target.knownHostsFile);
        ssh_options_set(m_session, SSH_OPTIONS_KNOWNHOSTS, kh.constData());
    }
    if (ssh_connect(m_session) != SSH_OK) {
        SshError e = lastError(SshError::Kind::Connect,
                               QCoreApplication::translate("pgha::Deploy", "cannot connect to %1 (%2 port %3)")
                                   .arg(m_target.hostName, m_target.address)
                                   .arg(m_target.port));
        disconnect();
        return e;
    }
    m_connected = true;
    if (auto e = verifyHostKey()) {
        disconnect();
        return e;
    }
    if (auto e = authenticate()) {
        disconnect();
        return e;
    }
    return std::nullopt;
}

std::optional<SshError> SshSession::verifyHostKey()
{
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(m_session, &key) != SSH_OK)
        return lastError(SshError::Kind::Other, QCoreApplication::translate("pgha::Deploy", "no host key from %1").arg(m_target.address));
    unsigned char *hash = nullptr;
    size_t hashLen = 0;
    const QString keyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key)));
    const int hrc = ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLen);
    ssh_key_free(key);
    if (hrc != 0)
        return SshError{SshError::Kind::Other, QCoreApplication::translate("pgha::Deploy", "cannot hash the host key")};
    char *fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hashLen);
    m_fingerprint = QString::fromLatin1(fp);
    ssh_string_free_char(fp);
    ssh_clean_pubkey_hash(&hash);

    const QString where = QCoreApplication::translate("pgha::Deploy", "%1 (%2 port %3)").arg(m_target.hostName, m_target.address).arg(m_target.port);
    const QString khFile = m_target.knownHostsFile.isEmpty() ? QStringLiteral("~/.ssh/known_hosts")
                                                             : m_target.knownHostsFile;
    QMutexLocker lock(&knownHostsMutex());
    const ssh_known_hosts_e state = ssh_session_is_known_server(m_session);
    switch (state) {
    case SSH_KNOWN_HOSTS_OK:
        return std::nullopt;
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER:
        // Never "connect anyway": a changed key is a reinstalled host or someone in the middle.
        return SshError{SshError::Kind::HostKeyChanged,
                        QCoreApplication::translate("pgha::Deploy", "the host key of %1 has CHANGED (the server now offers %2 %3, %4 holds "
                                       "another key). Refused. Check the key on the host's console "
                                       "(ssh-keygen -lf /etc/ssh/ssh_host_%5_key.pub); only if it matches, "
                                       "remove the old entry with: ssh-keygen -R %6 -f %4")
                            .arg(where, keyType, m_fingerprint, khFile,
                                 keyType.startsWith(QLatin1String("ssh-")) ? keyType.mid(4) : keyType,
                                 m_target.port == 22 ? m_target.address
                                                     : QStringLiteral("[%1]:%2").arg(m_target.address).arg(m_target.port))};
    case SSH_KNOWN_HOSTS_NOT_FOUND:
    case SSH_KNOWN_HOSTS_UNKNOWN: {
        bool accept = m_target.acceptNewHostKeys;
        if (!accept && m_prompter) {
            lock.unlock();  // the question may take a person minutes
            SshQuestion q;
            q.kind = SshQuestion::Kind::UnknownHostKey;
            q.hostName = m_target.hostName;
            q.address = m_target.address;
            q.fingerprint = m_fingerprint;
            q.keyType = keyType;
            q.detail = khFile;
            const std::optional<QString> a = m_prompter->ask(q);
            accept = a && !a->isEmpty();
            lock.relock();
        }
        if (!accept)
            return SshError{SshError::Kind::HostKeyUnknown,
                            QCoreApplication::translate("pgha::Deploy", "the host key of %1 is not known (%2 %3) and was not accepted; compare "
                                           "it with the host's own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) "
                                           "and accept it (--accept-new-host-keys in the CLI)")
                                .arg(where, keyType, m_fingerprint)};
        if (ssh_session_update_known_hosts(m_session) != SSH_OK)
            return lastError(SshError::Kind::Other, QCoreApplication::translate("pgha::Deploy", "cannot add the host key to %1").arg(khFile));
        return std::nullopt;
    }
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    return lastError(SshError::Kind::Other, QCoreApplication::translate("pgha::Deploy", "cannot check the host key against %1").arg(khFile));
}

std::optional<SshError> SshSession::authenticate()
{
    int rc = ssh_userauth_none(m_session, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return std::nullopt;
    const int methods = ssh_userauth_list(m_session, nullptr);
    QStringList tried;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY) {
        if (!m_target.identityFile.isEmpty()) {
            tried << QCoreApplication::translate("pgha::Deploy", "key %1").arg(m_target.identityFile);
            if (!QFile::exists(m_target.identityFile))
                return SshError{SshError::Kind::Auth,
                                QCoreApplication::translate("pgha::Deploy", "key file %1 does not exist").arg(m_target.identityFile)};
            const QByteArray path = local8(m_target.identityFile);
            ssh_key key = nullptr;
            if (ssh_pki_import_privkey_file(path.constData(), nullptr, nullptr, nullptr, &key) != SSH_OK
                && m_prompter) {
                // Most likely encrypted: ask for its passphrase once.
                SshQuestion q;
                q.kind = SshQuestion::Kind::KeyPassphrase;
                q.hostName = m_target.hostName;
                q.address = m_target.address;
                q.detail = m_target.identityFile;
                if (const std::optional<QString> pass = m_prompter->ask(q)) {
                    const QByteArray p = pass->toUtf8();
                    ssh_pki_import_privkey_file(path.constData(), p.constData(), nullptr, nullptr, &key);
                }
            }
            if (key) {
                rc = ssh_userauth_publickey(m_session, nullptr, key);
                ssh_key_free(key);
                if (rc == SSH_AUTH_SUCCESS)
                    return std::nullopt;
            }
        } else {
            tried << QCoreApplication::translate("pgha::Deploy", "agent and default keys");
            rc = ssh_userauth_publickey_auto(m_session, nullptr, nullptr);
            if (rc == SSH_AUTH_SUCCESS)
                return std::nullopt;
        }
    }
    if ((methods & SSH_AUTH_METHOD_PASSWORD) && m_prompter) {
        tried << QStringLiteral("password");
        SshQuestion q;
        q.kind = SshQuestion::Kind::LoginPassword;
        q.hostName = m_target.hostName;
        q.address = m_target.address;
        q.detail = m_target.user + QLatin1Char('@') + m_target.address;
        if (const std::optional<QString> pass = m_prompter->ask(q)) {
            const QByteArray p = pass->toUtf8();
            if (ssh_userauth_password(m_session, nullptr, p.constData()) == SSH_AUTH_SUCCESS)
                return std::nullopt;
        }
    }
    return SshError{SshError::Kind::Auth, QCoreApplication::translate("pgha::Deploy", "authentication as %1 on %2 failed (tried: %3)")
                                              .arg(m_target.user, m_target.address,
                                                   tried.isEmpty() ? QCoreApplication::translate("pgha::Deploy", "nothing the server offers")
                                                                   : tried.join(QStringLiteral(", ")))};
}

ExecResult SshSession::execRaw(const QString &command, const QByteArray &input, int timeoutSec)
{
    ExecResult r;
    if (!m_connected) {
        r.error = SshError{SshError::Kind::Channel, QCoreApplication::translate("pgha::Deploy", "not connected")};
        return r;
    }
    ssh_channel ch = ssh_channel_new(m_session);
    if (!ch || ssh_channel_open_session(ch) != SSH_OK) {
        r.error = lastError(SshError::Kind::Channel, QCoreApplication::translate("pgha::Deploy", "cannot open a channel"));
        if (ch)
            ssh_channel_free(ch);
        return r;
    }
    const QByteArray cmd = command.toUtf8();
    if (ssh_channel_request_exec(ch, cmd.constData()) != SSH_OK) {
        r.error = lastError(SshError::Kind::Channel, QCoreApplication::translate("pgha::Deploy", "cannot start the command"));
        ssh_channel_free(ch);
        return r;
    }
    qsizetype written = 0;
    while (written < input.size()) {
        const int n = ssh_channel_write(ch, input.constData() + written, uint32_t(input.size() - written));
        if (n == SSH_ERROR) {
            r.error = lastError(SshError::Kind::Channel, QCoreApplication::translate("pgha::Deploy", "cannot send input"));
            ssh_channel_close(ch);
            ssh_channel_free(ch);
            return r;
        }
        written += n;
    }
    ssh_channel_send_eof(ch);

    QElapsedTimer timer;
    timer.start();
    const qint64 limitMs = qint64(timeoutSec > 0 ? timeoutSec : m_target.commandTimeoutSec) * 1000;
    char buf[16384];
    for (;;) {
        if (cancelled()) {
            r.error = SshError{SshError::Kind::Cancelled, QStringLiteral("cancelled")};
            break;
        }
        if (timer.elapsed() > limitMs) {
            r.error = SshError{SshError::Kind::Timeout,
                               QCoreApplication::translate("pgha::Deploy", "no end after %1 s").arg(limitMs / 1000)};
            break;
        }
        const int n = ssh_channel_read_timeout(ch, buf, sizeof buf, 0, 200);
        if (n == SSH_ERROR) {
            r.error = lastError(SshError::Kind::Channel, QCoreApplication::translate("pgha::Deploy", "reading the output failed"));
            break;
        }
        if (n > 0)
            r.out.append(buf, n);
        int m = 0;
        while ((m = ssh_channel_read_nonblocking(ch, buf, sizeof buf, 1)) > 0)
            r.err.append(buf, m);
        if (n == 0 && ssh_channel_is_eof(ch)) {
            while ((m = ssh_channel_read_nonblocking(ch, buf, sizeof buf, 1)) > 0)
                r.err.append(buf, m);
            break;
        }
    }
    if (!r.error)
        r.exitCode = ssh_channel_get_exit_status(ch);
    ssh_channel_close(ch);
    ssh_channel_free(ch);
    return r;
}

ExecResult SshSession::run(const QString &script, const QByteArray &input, int timeoutSec)
{
    const QString sh = QStringLiteral("sh -c ") + shellQuote(script);
    if (m_target.user.isEmpty() || m_target.user == QLatin1String("root"))
        return execRaw(sh, input, timeoutSec);
    if (!m_sudoChecked) {
        m_sudoChecked = true;
        const ExecResult probe = execRaw(QStringLiteral("sudo -n true"), {}, 30);
        if (!probe.ok() && m_prompter) {
            SshQuestion q;
            q.kind = SshQuestion::Kind::SudoPassword;
            q.hostName = m_target.hostName;
            q.address = m_target.address;
            q.detail = m_target.user + QLatin1Char('@') + m_target.address;
            m_sudoPassword = m_prompter->ask(q);
        }
    }
    if (!m_sudoPassword)
        return execRaw(QStringLiteral("sudo -n -- ") + sh, input, timeoutSec);
    // -k: ignore a cached ticket so that sudo always reads (and so removes) the password line from stdin.
    return execRaw(QStringLiteral("sudo -k -S -p '' -- ") + sh, m_sudoPassword->toUtf8() + '\n' + input,
                   timeoutSec);
}

} // namespace pgha
