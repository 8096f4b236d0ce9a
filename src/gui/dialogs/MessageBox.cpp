#include "gui/dialogs/MessageBox.h"

#include <QList>

namespace pgha {

namespace {
QList<QMessageBox::StandardButton> &queue()
{
    static QList<QMessageBox::StandardButton> answers;
    return answers;
}
} // namespace

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    queue().append(answer);
}

bool MessageBox::hasNextAnswer()
{
    return !queue().isEmpty();
}

QMessageBox::StandardButton MessageBox::takeAnswer(QMessageBox::StandardButton fallback, bool *had)
{
    *had = !queue().isEmpty();
    return *had ? queue().takeFirst() : fallback;
}

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    bool had = false;
    const QMessageBox::StandardButton a = takeAnswer(defaultButton, &had);
    if (had)
        return a;
    QMessageBox box(QMessageBox::Question, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

void MessageBox::warning(QWidget *parent, const QString &title, const QString &text)
{
    bool had = false;
    takeAnswer(QMessageBox::Ok, &had);
    if (!had)
        QMessageBox::warning(parent, title, text);
}

void MessageBox::information(QWidget *parent, const QString &title, const QString &text)
{
    bool had = false;
    takeAnswer(QMessageBox::Ok, &had);
    if (!had)
        QMessageBox::information(parent, title, text);
}

} // namespace pgha
