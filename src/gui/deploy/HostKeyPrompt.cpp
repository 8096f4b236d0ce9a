#include "gui/deploy/HostKeyPrompt.h"

#include "gui/deploy/DeployPage.h"
#include "gui/dialogs/MessageBox.h"

#include <QTimer>

#include <utility>

namespace pgha {

HostKeyPrompt::HostKeyPrompt(QWidget *dialogParent) : QObject(dialogParent), m_parent(dialogParent)
{
}

void HostKeyPrompt::add(int id, const SshQuestion &q)
{
    if (m_box) {
        // The dialog is open: the key joins the list the person is reading (accepting covers it too).
        m_listed.append({id, q});
        m_box->setText(text());
        return;
    }
    if (m_waiting.isEmpty())
        m_first.start();
    m_waiting.append({id, q});
    if (!m_open) {
        const int wait = m_first.elapsed() > 1700 ? 0 : 300;
        QTimer::singleShot(wait, this, [this, n = m_waiting.size()] {
            if (m_waiting.size() == n)
                ask();
        });
    }
}

void HostKeyPrompt::handle(int id, const SshQuestion &q,
                           const std::function<void(int, const std::optional<QString> &)> &answer)
{
    if (q.kind == SshQuestion::Kind::UnknownHostKey) {
        add(id, q);  // one dialog for every unknown host; answered() carries the reply
        return;
    }
    const QString label = q.kind == SshQuestion::Kind::KeyPassphrase ? tr("Passphrase of the key %1:").arg(q.detail)
        : q.kind == SshQuestion::Kind::LoginPassword                   ? tr("SSH password for %1:").arg(q.detail)
                                                                       : tr("sudo password for %1:").arg(q.detail);
    MessageBox::askText(m_parent, QStringLiteral("credentialDialog"), tr("Credentials for %1").arg(q.hostName), label,
                        [id, answer](std::optional<QString> text) { answer(id, text); });
}

QString HostKeyPrompt::text() const
{
    QStringList lines;
    for (const auto &[id, q] : m_listed)
        lines << QStringLiteral("%1 (%2): %3 %4").arg(q.hostName, q.address, q.keyType, q.fingerprint);
    return DeployPage::tr("%n host(s) offer a key this computer has never seen:", nullptr, int(m_listed.size()))
        + QStringLiteral("\n\n") + lines.join(QLatin1Char('\n'));
}

void HostKeyPrompt::ask()
{
    if (m_open || m_waiting.isEmpty())
        return;
    m_listed = std::exchange(m_waiting, {});
    m_open = true;
    const QString knownHosts = m_listed.constLast().second.detail;
    const QString details = DeployPage::tr("Compare each with the host's own key (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on its "
                                           "console). Accepting remembers the listed keys in %1; refusing stops the deploy.")
                                .arg(knownHosts);
    m_box = MessageBox::ask(
        m_parent, QStringLiteral("hostKeyDialog"), DeployPage::tr("Unknown host keys"), text(), details,
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
        {{QMessageBox::Yes, DeployPage::tr("Accept the listed keys")}, {QMessageBox::No, DeployPage::tr("Refuse")}},
        [this](QMessageBox::StandardButton answer) {
            const bool ok = answer == QMessageBox::Yes;
            for (const auto &[id, q] : std::exchange(m_listed, {}))
                emit answered(id, q.hostName, ok);
            m_open = false;
            m_box = nullptr;
            if (!m_waiting.isEmpty())
                QTimer::singleShot(300, this, &HostKeyPrompt::ask);
        });
}

} // namespace pgha
