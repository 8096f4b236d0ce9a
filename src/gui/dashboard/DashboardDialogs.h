#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace pgha {

// The dashboard's modal dialogs go through here so that GUI tests can answer them (a test hook, as KeePassXC's
// MessageBox does): with a hook set, no dialog is shown and the hook answers.
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
