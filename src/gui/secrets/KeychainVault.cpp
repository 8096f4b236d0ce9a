#include "gui/secrets/KeychainVault.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

#ifdef PGHA_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace pgha {

namespace {
const QString kService = QStringLiteral("PG HA Designer");
}

bool KeychainVault::available()
{
#ifdef PGHA_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

QString KeychainVault::name() const
{
    return QCoreApplication::translate("pgha::KeychainVault", "OS keychain");
}

void KeychainVault::read(const QString &key, QObject *context, std::function<void(std::optional<Secrets>, QString)> done)
{
#ifdef PGHA_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(kService);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError) {
            done(std::nullopt, j->error() == QKeychain::EntryNotFound ? QString() : j->errorString());
            return;
        }
        done(SecretVault::decode(static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData()), QString());
    });
    job->start();
#else
    Q_UNUSED(key);
    QTimer::singleShot(0, context, [done] { done(std::nullopt, QStringLiteral("built without QtKeychain")); });
#endif
}

void KeychainVault::write(const QString &key, const Secrets &secrets, QObject *context, std::function<void(QString)> done)
{
#ifdef PGHA_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(kService);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setBinaryData(SecretVault::encode(secrets));
    QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError ? QString() : j->errorString());
    });
    job->start();
#else
    Q_UNUSED(key);
    Q_UNUSED(secrets);
    QTimer::singleShot(0, context, [done] { done(QStringLiteral("built without QtKeychain")); });
#endif
}

} // namespace pgha
