#pragma once

#include "core/model/Secrets.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QWidget;

namespace pgha {

class Document;
class SecretVault;

// The design's secrets for this session: generated until the person sets their own (File ▸ Secrets…) or the
// keychain (SecretVault) has them for the design; what File ▸ Secrets… stores there on request.
class SecretsSession : public QObject
{
    Q_OBJECT
public:
    SecretsSession(Document *doc, QWidget *window);

    const Secrets &secrets() const { return m_secrets; }
    void set(const Secrets &secrets);      // the person's own (missing ones generated)
    void keep(const Secrets &secrets);     // the same secrets with material an export issued
    void setVault(std::shared_ptr<SecretVault> vault);  // tests inject their own keychain
    void loadFromVault();                  // the opened design's secrets, when the keychain has them
    void showDialog();                     // File ▸ Secrets…

signals:
    // The secrets changed. alsoMask: values the preview must mask until it shows files made with the new
    // secrets (the old and the new ones); empty when nothing a file shows changed.
    void changed(const QStringList &alsoMask);
    void statusMessage(const QString &text, int timeoutMs);

private:
    void adopt(const Secrets &secrets);

    Document *m_doc;
    QWidget *m_window;
    Secrets m_secrets;
    std::shared_ptr<SecretVault> m_vault;
};

} // namespace pgha
