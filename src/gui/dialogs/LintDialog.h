#pragma once

#include "core/lint/Linter.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QPushButton;
class QThread;
class QTreeWidget;

namespace pgha {

// File ▸ Lint Configuration Files…: real patroni.yml, etcd and haproxy.cfg files checked by the designer's rules
// (core Linter, the same as `pgha lint`), each finding with its file:line. The files are read and judged off the
// GUI thread; an unreadable or unparsable file is shown with its file:line:column instead of findings.
class LintDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LintDialog(QWidget *parent = nullptr);
    ~LintDialog() override;

    // File ▸ Lint Configuration Files…: a dialog (non-modal, deleted on close) linting paths; with none it asks
    // for them first (nullptr when the person picks none).
    static LintDialog *open(QWidget *parent, const QStringList &paths);

    // Starts linting these files (replacing what is shown). False while a run is still going.
    bool lintFiles(const QStringList &paths);
    const QStringList &files() const { return m_files; }
    const LintReport &report() const { return m_report; }
    QString errorText() const { return m_error; }  // empty when the files were read
    bool isRunning() const { return !m_thread.isNull(); }

signals:
    void finished();

private:
    void pickFiles();
    void showResult(const Result<LintReport> &result);

    QStringList m_files;
    LintReport m_report;
    QString m_error;
    QLabel *m_status;
    QTreeWidget *m_tree;
    QPushButton *m_again;
    QPointer<QThread> m_thread;
};

} // namespace pgha
