#include "gui/secrets/SecretsSession.h"

#include "core/model/SecretMask.h"
#include "gui/dialogs/MessageBox.h"
#include "gui/dialogs/SecretsDialog.h"
#include "gui/document/Document.h"
#include "gui/secrets/KeychainVault.h"
#include "gui/secrets/MemoryVault.h"

namespace pgha {

SecretsSession::SecretsSession(Document *doc, QWidget *window) : QObject(window), m_doc(doc), m_window(window)
{
    SecretStore::fillMissing(&m_secrets);  // session secrets for the preview until the user sets their own
    if (KeychainVault::available())
        m_vault = std::make_shared<KeychainVault>();
    else
        m_vault = std::make_shared<MemoryVault>();
}

void SecretsSession::adopt(const Secrets &secrets)
{
    // Until the preview shows files made with the new secrets, it masks the old ones as well.
    const QStringList mask = SecretMask::values(m_secrets) + SecretMask::values(secrets);
    m_secrets = secrets;
    SecretStore::fillMissing(&m_secrets);
    emit changed(mask);
}

void SecretsSession::set(const Secrets &secrets)
{
    adopt(secrets);
}

void SecretsSession::keep(const Secrets &secrets)
{
    m_secrets = secrets;  // the certificates issued for the export stay for the session
    emit changed({});
}

void SecretsSession::setVault(std::shared_ptr<SecretVault> vault)
{
    m_vault = std::move(vault);
}

void SecretsSession::loadFromVault()
{
    if (!m_vault)
        return;
    const QString key = SecretVault::keyFor(m_doc->topology().cluster.name, m_doc->filePath());
    m_vault->read(key, this, [this, key](std::optional<Secrets> s, const QString &error) {
        if (s && SecretVault::keyFor(m_doc->topology().cluster.name, m_doc->filePath()) == key) {
            adopt(*s);
            emit statusMessage(tr("Secrets read from the %1").arg(m_vault->name()), 4000);
        } else if (!error.isEmpty()) {
            emit statusMessage(tr("No keychain: the secrets of this session are generated (%1)").arg(error), 6000);
        }
    });
}

void SecretsSession::showDialog()
{
    SecretsDialog dialog(m_secrets, m_vault ? m_vault->name() : QString(), m_vault != nullptr, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    set(dialog.secrets());
    if (dialog.remember() && m_vault) {
        m_vault->write(SecretVault::keyFor(m_doc->topology().cluster.name, m_doc->filePath()), m_secrets, this,
                       [this](const QString &error) {
                           if (!error.isEmpty())
                               MessageBox::warning(m_window, tr("Secrets"), tr("Could not store the secrets: %1").arg(error));
                       });
    }
}

} // namespace pgha
