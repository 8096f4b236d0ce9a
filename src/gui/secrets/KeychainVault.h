#pragma once

#include "gui/secrets/SecretVault.h"

namespace pgha {

// The OS keychain through QtKeychain (Secret Service, macOS Keychain, Windows Credential Store).
// Without a running keychain the jobs fail at once and the caller keeps its session secrets.
class KeychainVault : public SecretVault
{
public:
    static bool available();  // built with QtKeychain
    QString name() const override;
    void read(const QString &key, QObject *context,
              std::function<void(std::optional<Secrets>, QString)> done) override;
    void write(const QString &key, const Secrets &secrets, QObject *context, std::function<void(QString)> done) override;
};

} // namespace pgha
