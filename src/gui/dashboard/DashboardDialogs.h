#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace pgha {

// The dashboard's modal dialogs, shown through MessageBox (the window's one dialog test hook). The hooks here
// are the dashboard tests' way of setting MessageBox::setHook: with one set, no dialog is shown and it answers.
class DashboardDialogs
{
public:
    using ConfirmHook = std::function<bool(const QString &title, const QString &text)>;
    using InformHook = std::function<void(const QString &title, const QString &text, bool ok)>;

    static bool confirm(QWidget *parent, const QString &title, const QString &text);
    static void inform(QWidget *parent, const QString &title, const QString &text, bool ok);

    static void setConfirmHook(ConfirmHook hook);
    static void setInformHook(InformHook hook);
};

} // namespace pgha
