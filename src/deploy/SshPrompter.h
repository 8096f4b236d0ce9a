#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace pgha {

// What a session must ask a person: an unknown host key, a key passphrase, a login or sudo password.
struct SshQuestion
{
    enum class Kind { UnknownHostKey, KeyPassphrase, LoginPassword, SudoPassword };
    Kind kind = Kind::UnknownHostKey;
    QString hostName;
    QString address;
    QString fingerprint;  // "SHA256:..." for UnknownHostKey
    QString keyType;      // "ssh-ed25519" ...
    QString detail;       // key file for KeyPassphrase, user@host for passwords
};

// Answers questions for sessions running on worker threads. ask() is called on a worker thread and may
// block that thread (never the GUI thread) until the person answers. nullopt = refused / cancelled.
// For UnknownHostKey any non-empty answer means "accept".
class SshPrompter
{
public:
    virtual ~SshPrompter() = default;
    virtual std::optional<QString> ask(const SshQuestion &question) = 0;
};

} // namespace pgha

Q_DECLARE_METATYPE(pgha::SshQuestion)
