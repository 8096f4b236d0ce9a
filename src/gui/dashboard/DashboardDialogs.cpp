#include "gui/dashboard/DashboardDialogs.h"

#include "gui/dialogs/MessageBox.h"

namespace pgha {

namespace {

DashboardDialogs::ConfirmHook &confirmHook()
{
    static DashboardDialogs::ConfirmHook hook;
    return hook;
}

DashboardDialogs::InformHook &informHook()
{
    static DashboardDialogs::InformHook hook;
    return hook;
}

// The dashboard's hooks ride on the window's one dialog hook (MessageBox::setHook).
void installHook()
{
    if (!confirmHook() && !informHook()) {
        MessageBox::setHook({});
        return;
    }
    MessageBox::setHook([](MessageBox::Kind kind, const QString &title, const QString &text) {
        if (kind == MessageBox::Kind::Question) {
            if (!confirmHook())
                return QMessageBox::NoButton;
            return confirmHook()(title, text) ? QMessageBox::Yes : QMessageBox::Cancel;
        }
        if (!informHook())
            return QMessageBox::NoButton;
        informHook()(title, text, kind == MessageBox::Kind::Information);
        return QMessageBox::Ok;
    });
}

} // namespace

bool DashboardDialogs::confirm(QWidget *parent, const QString &title, const QString &text)
{
    return MessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes;
}

void DashboardDialogs::inform(QWidget *parent, const QString &title, const QString &text, bool ok)
{
    if (ok)
        MessageBox::information(parent, title, text);
    else
        MessageBox::warning(parent, title, text);
}

void DashboardDialogs::setConfirmHook(ConfirmHook hook)
{
    confirmHook() = std::move(hook);
    installHook();
}

void DashboardDialogs::setInformHook(InformHook hook)
{
    informHook() = std::move(hook);
    installHook();
}

} // namespace pgha
