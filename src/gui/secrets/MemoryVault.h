#pragma once

#include "gui/secrets/SecretVault.h"

#include <QHash>

namespace pgha {

// Keeps secrets for this session only: the fallback without an OS keychain, and the tests' vault.
class MemoryVault : public SecretVault
{
public:
    QString name() const override;
    void read(const QString &key, QObject *context,
              std::function<void(std::optional<Secrets>, QString)> done) override;
    void write(const QString &key, const Secrets &secrets, QObject *context, std::function<void(QString)> done) override;
    int size() const { return int(m_entries.size()); }

private:
    QHash<QString, Secrets> m_entries;
};

} // namespace pgha
