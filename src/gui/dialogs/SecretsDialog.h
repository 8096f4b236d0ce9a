#pragma once

#include "core/model/Secrets.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;

namespace pgha {

// Shows and edits the cluster's passwords: generate, type, load from or save to a 0600 file, and
// optionally remember them in the OS keychain. Never written to the project file.
class SecretsDialog : public QDialog
{
    Q_OBJECT
public:
    SecretsDialog(const Secrets &secrets, const QString &vaultName, bool vaultAvailable, QWidget *parent = nullptr);
    Secrets secrets() const;
    bool remember() const;

private:
    void setSecrets(const Secrets &s);

    QLineEdit *m_superuser;
    QLineEdit *m_replication;
    QLineEdit *m_rewind;
    QLineEdit *m_restUser;
    QLineEdit *m_restPassword;
    QLineEdit *m_statsUser;
    QLineEdit *m_statsPassword;
    QLineEdit *m_poolerPassword = nullptr;
    QCheckBox *m_show;
    QCheckBox *m_remember;
};

} // namespace pgha
