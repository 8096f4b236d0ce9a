#include "gui/dialogs/MessageBox.h"

#include <QList>
#include <QInputDialog>
#include <QPushButton>
#include <QTimer>

#include <utility>

namespace pgha {

namespace {
QList<QMessageBox::StandardButton> &queue()
{
    static QList<QMessageBox::StandardButton> answers;
    return answers;
}
QStringList &shown()
{
    static QStringList texts;
    return texts;
}
QList<std::optional<QString>> &texts()
{
    static QList<std::optional<QString>> queued;
    return queued;
}
MessageBox::Hook &hook()
{
    static MessageBox::Hook h;
    return h;
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

QStringList MessageBox::takeShown()
{
    return std::exchange(shown(), {});
}

void MessageBox::setHook(Hook h)
{
    hook() = std::move(h);
}

QMessageBox::StandardButton MessageBox::takeAnswer(Kind kind, QMessageBox::StandardButton fallback, bool *had,
                                                   const QString &title, const QString &text)
{
    *had = !queue().isEmpty();
    if (*had) {
        shown().append(title + QStringLiteral(": ") + text);
        return queue().takeFirst();
    }
    if (hook()) {
        const QMessageBox::StandardButton a = hook()(kind, title, text);
        *had = a != QMessageBox::NoButton;
        if (*had)
            return a;
    }
    return fallback;
}

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    bool had = false;
    const QMessageBox::StandardButton a = takeAnswer(Kind::Question, defaultButton, &had, title, text);
    if (had)
        return a;
    QMessageBox box(QMessageBox::Question, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

void MessageBox::warning(QWidget *parent, const QString &title, const QString &text)
{
    bool had = false;
    takeAnswer(Kind::Warning, QMessageBox::Ok, &had, title, text);
    if (!had)
        QMessageBox::warning(parent, title, text);
}

void MessageBox::information(QWidget *parent, const QString &title, const QString &text)
{
    bool had = false;
    takeAnswer(Kind::Information, QMessageBox::Ok, &had, title, text);
    if (!had)
        QMessageBox::information(parent, title, text);
}

QMessageBox *MessageBox::ask(QWidget *parent, const QString &objectName, const QString &title, const QString &text,
                     const QString &details, QMessageBox::StandardButtons buttons,
                     QMessageBox::StandardButton defaultButton,
                     const QList<QPair<QMessageBox::StandardButton, QString>> &buttonTexts,
                     const std::function<void(QMessageBox::StandardButton)> &done)
{
    bool had = false;
    const QMessageBox::StandardButton a = takeAnswer(Kind::Question, defaultButton, &had, title, details.isEmpty() ? text : text + QLatin1Char('\n') + details);
    if (had) {
        QTimer::singleShot(0, parent, [done, a] { done(a); });  // answered later, as a person would
        return nullptr;
    }
    auto *box = new QMessageBox(QMessageBox::Question, title, text, buttons, parent);
    box->setObjectName(objectName);
    box->setDefaultButton(defaultButton);
    if (!details.isEmpty())
        box->setInformativeText(details);
    for (const auto &[button, label] : buttonTexts) {
        if (QAbstractButton *b = box->button(button))
            b->setText(label);
    }
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, box, [box, done] {
        QAbstractButton *clicked = box->clickedButton();
        done(clicked ? box->standardButton(clicked) : QMessageBox::Cancel);
    });
    box->open();
    return box;
}

void MessageBox::setNextText(const std::optional<QString> &text)
{
    texts().append(text);
}

void MessageBox::askText(QWidget *parent, const QString &objectName, const QString &title, const QString &label,
                         const std::function<void(std::optional<QString>)> &done)
{
    if (!texts().isEmpty()) {
        shown().append(title + QStringLiteral(": ") + label);
        const std::optional<QString> text = texts().takeFirst();
        QTimer::singleShot(0, parent, [done, text] { done(text); });
        return;
    }
    auto *dlg = new QInputDialog(parent);
    dlg->setObjectName(objectName);
    dlg->setTextEchoMode(QLineEdit::Password);
    dlg->setWindowTitle(title);
    dlg->setLabelText(label);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dlg, &QInputDialog::finished, dlg, [dlg, done](int result) {
        done(result == QDialog::Accepted ? std::optional<QString>(dlg->textValue()) : std::nullopt);
    });
    dlg->open();
}

} // namespace pgha
