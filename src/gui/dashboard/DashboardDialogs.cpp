#include "gui/dashboard/DashboardDialogs.h"

#include <QMessageBox>

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

} // namespace

bool DashboardDialogs::confirm(QWidget *parent, const QString &title, const QString &text)
{
    if (confirmHook())
        return confirmHook()(title, text);
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes;
}

void DashboardDialogs::inform(QWidget *parent, const QString &title, const QString &text, bool ok)
{
    if (informHook()) {
        informHook()(title, text, ok);
        return;
    }
    if (ok)
        QMessageBox::information(parent, title, text);
    else
        QMessageBox::warning(parent, title, text);
}

void DashboardDialogs::setConfirmHook(ConfirmHook hook)
{
    confirmHook() = std::move(hook);
}

void DashboardDialogs::setInformHook(InformHook hook)
{
    informHook() = std::move(hook);
}

} // namespace pgha
