#include "gui/dialogs/SecretsDialog.h"

#include "gui/dialogs/MessageBox.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pgha {

SecretsDialog::SecretsDialog(const Secrets &secrets, const QString &vaultName, bool vaultAvailable, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("secretsDialog"));
    setWindowTitle(tr("Cluster secrets"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("These passwords go into the generated files (mode 0600). They are never saved in "
                                "the project file. Leave a field empty to have it generated."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    const auto line = [&](const char *name, const QString &label, bool password) {
        auto *e = new QLineEdit(this);
        e->setObjectName(QLatin1String(name));
        e->setMinimumWidth(320);
        if (password)
            e->setEchoMode(QLineEdit::Password);
        form->addRow(label, e);
        return e;
    };
    m_superuser = line("superuserPassword", tr("Superuser password:"), true);
    m_replication = line("replicationPassword", tr("Replication password:"), true);
    m_rewind = line("rewindPassword", tr("Rewind password:"), true);
    m_restUser = line("restApiUser", tr("Patroni REST API user:"), false);
    m_restPassword = line("restApiPassword", tr("Patroni REST API password:"), true);
    m_statsUser = line("haproxyStatsUser", tr("HAProxy stats user:"), false);
    m_statsPassword = line("haproxyStatsPassword", tr("HAProxy stats password:"), true);
    m_poolerPassword = line("poolerAuthPassword", tr("PgBouncer auth_user password:"), true);
    layout->addLayout(form);
    m_show = new QCheckBox(tr("Show passwords"), this);
    layout->addWidget(m_show);
    m_remember = new QCheckBox(tr("Remember in the %1").arg(vaultName), this);
    m_remember->setObjectName(QStringLiteral("rememberSecrets"));
    m_remember->setChecked(vaultAvailable);
    m_remember->setEnabled(vaultAvailable);
    layout->addWidget(m_remember);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *generate = buttons->addButton(tr("Generate all"), QDialogButtonBox::ResetRole);
    auto *load = buttons->addButton(tr("Load file…"), QDialogButtonBox::ActionRole);
    auto *save = buttons->addButton(tr("Save file…"), QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);

    connect(m_show, &QCheckBox::toggled, this, [this](bool on) {
        for (QLineEdit *e : {m_superuser, m_replication, m_rewind, m_restPassword, m_statsPassword, m_poolerPassword})
            e->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(generate, &QPushButton::clicked, this, [this] {
        Secrets s = this->secrets();
        s.superuserPassword.clear();
        s.replicationPassword.clear();
        s.rewindPassword.clear();
        s.restApiPassword.clear();
        s.haproxyStatsPassword.clear();
        s.poolerAuthPassword.clear();
        SecretStore::fillMissing(&s);
        setSecrets(s);
    });
    connect(load, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load secrets"), QString(), tr("Secrets (*.yaml *.yml)"));
        if (path.isEmpty())
            return;
        const Result<Secrets> r = SecretStore::loadFile(path);
        if (!r.ok()) {
            MessageBox::warning(this, tr("Load secrets"), r.error().toString());
            return;
        }
        setSecrets(r.value());
    });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save secrets"), QStringLiteral("secrets.yaml"),
                                                          tr("Secrets (*.yaml *.yml)"));
        if (path.isEmpty())
            return;
        Secrets s = this->secrets();
        SecretStore::fillMissing(&s);
        const Result<void> r = SecretStore::saveFile(s, path);
        if (!r.ok())
            MessageBox::warning(this, tr("Save secrets"), r.error().toString());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setSecrets(secrets);
}

void SecretsDialog::setSecrets(const Secrets &s)
{
    m_superuser->setText(s.superuserPassword);
    m_replication->setText(s.replicationPassword);
    m_rewind->setText(s.rewindPassword);
    m_restUser->setText(s.restApiUser);
    m_restPassword->setText(s.restApiPassword);
    m_statsUser->setText(s.haproxyStatsUser);
    m_statsPassword->setText(s.haproxyStatsPassword);
    m_poolerPassword->setText(s.poolerAuthPassword);
}

Secrets SecretsDialog::secrets() const
{
    Secrets s;
    s.superuserPassword = m_superuser->text();
    s.replicationPassword = m_replication->text();
    s.rewindPassword = m_rewind->text();
    s.restApiUser = m_restUser->text().trimmed().isEmpty() ? s.restApiUser : m_restUser->text().trimmed();
    s.restApiPassword = m_restPassword->text();
    s.haproxyStatsUser = m_statsUser->text().trimmed().isEmpty() ? s.haproxyStatsUser : m_statsUser->text().trimmed();
    s.haproxyStatsPassword = m_statsPassword->text();
    s.poolerAuthPassword = m_poolerPassword->text();
    SecretStore::fillMissing(&s);
    return s;
}

bool SecretsDialog::remember() const
{
    return m_remember->isChecked() && m_remember->isEnabled();
}

} // namespace pgha
