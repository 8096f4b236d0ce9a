#pragma once

#include <QMessageBox>
#include <QStringList>

#include <functional>
#include <optional>

namespace pgha {

// Every question and message box of the window goes through here: the one test hook for dialogs. Tests
// answer in advance (setNextAnswer), the way KeePassXC's MessageBox does: no dialog is shown while an
// answer is queued, and what would have been shown is kept for the test to read (takeShown).
class MessageBox
{
public:
    enum class Kind { Question, Warning, Information };
    // A test's answerer for the boxes no queued answer is left for: returns the button, or NoButton to let the
    // box show after all. Empty = none.
    using Hook = std::function<QMessageBox::StandardButton(Kind kind, const QString &title, const QString &text)>;
    static void setHook(Hook hook);

    static void setNextAnswer(QMessageBox::StandardButton answer);
    static bool hasNextAnswer();
    // "title: text" of every box answered from the queue since the last call, oldest first.
    static QStringList takeShown();

    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);
    static void warning(QWidget *parent, const QString &title, const QString &text);
    static void information(QWidget *parent, const QString &title, const QString &text);

    // Asks without blocking: done(answer) runs once the person (or a queued answer) has answered. The box
    // is window-modal and open()ed, so the event loop keeps running while the person decides. Button texts
    // may be renamed (e.g. Yes -> "Accept the listed keys").
    // The box shown (to update its text while it is open), or nullptr when a queued answer or the hook answered.
    static QMessageBox *ask(QWidget *parent, const QString &objectName, const QString &title, const QString &text,
                    const QString &details, QMessageBox::StandardButtons buttons,
                    QMessageBox::StandardButton defaultButton,
                    const QList<QPair<QMessageBox::StandardButton, QString>> &buttonTexts,
                    const std::function<void(QMessageBox::StandardButton)> &done);

    // Asks for one secret line (password, passphrase) without blocking, echo off; done(nullopt) when the
    // person cancels. A queued text (setNextText; nullopt = cancel) answers instead of a dialog; takeShown
    // then holds "title: label", never the text.
    static void askText(QWidget *parent, const QString &objectName, const QString &title, const QString &label,
                        const std::function<void(std::optional<QString>)> &done);
    static void setNextText(const std::optional<QString> &text);

private:
    static QMessageBox::StandardButton takeAnswer(Kind kind, QMessageBox::StandardButton fallback, bool *had,
                                                  const QString &title, const QString &text);
};

} // namespace pgha
