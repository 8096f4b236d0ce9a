#pragma once

#include <QMessageBox>

namespace pgha {

// Modal questions go through here so that tests can answer them in advance (setNextAnswer), the way
// KeePassXC's MessageBox does: no dialog is shown while an answer is queued.
class MessageBox
{
public:
    static void setNextAnswer(QMessageBox::StandardButton answer);
    static bool hasNextAnswer();

    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);
    static void warning(QWidget *parent, const QString &title, const QString &text);
    static void information(QWidget *parent, const QString &title, const QString &text);

private:
    static QMessageBox::StandardButton takeAnswer(QMessageBox::StandardButton fallback, bool *had);
};

} // namespace pgha
