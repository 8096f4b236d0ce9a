#pragma once

#include "deploy/SshPrompter.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QMessageBox;
class QWidget;

namespace pgha {

// Unknown host keys, asked about in one dialog: hosts connect in parallel and their keys arrive within
// moments of each other, so they are collected (until 300 ms pass without a new one, at most 2 s) and
// listed together with their fingerprints; a key that arrives while the dialog is open joins its list.
// Accept answers every listed key, Refuse refuses them all.
class HostKeyPrompt : public QObject
{
    Q_OBJECT
public:
    explicit HostKeyPrompt(QWidget *dialogParent);
    void add(int questionId, const SshQuestion &question);
    // A runner's question: a host key joins this prompt's list; a passphrase or password is asked for at once
    // (echo off); answer(questionId, text or nullopt) takes the reply either way.
    void handle(int questionId, const SshQuestion &question,
                const std::function<void(int, const std::optional<QString> &)> &answer);

signals:
    void answered(int questionId, const QString &host, bool accepted);

private:
    void ask();
    QString text() const;

    QWidget *m_parent;
    QList<QPair<int, SshQuestion>> m_waiting;  // for the next dialog
    QList<QPair<int, SshQuestion>> m_listed;   // in the open dialog
    QPointer<QMessageBox> m_box;
    bool m_open = false;
    QElapsedTimer m_first;
};

} // namespace pgha
