#include "gui/secrets/MemoryVault.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace pgha {

QString MemoryVault::name() const
{
    return QCoreApplication::translate("pgha::MemoryVault", "this session only");
}

void MemoryVault::read(const QString &key, QObject *context, std::function<void(std::optional<Secrets>, QString)> done)
{
    // Answer asynchronously like a real keychain, so callers cannot come to rely on a synchronous reply.
    std::optional<Secrets> found;
    if (m_entries.contains(key))
        found = m_entries.value(key);
    QTimer::singleShot(0, context, [done, found] { done(found, QString()); });
}

void MemoryVault::write(const QString &key, const Secrets &secrets, QObject *context, std::function<void(QString)> done)
{
    m_entries.insert(key, secrets);
    QTimer::singleShot(0, context, [done] { done(QString()); });
}

} // namespace pgha
