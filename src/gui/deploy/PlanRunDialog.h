#pragma once

#include "core/model/Topology.h"
#include "deploy/DeployJournal.h"
#include "deploy/DeployPlan.h"
#include "deploy/DeployRunner.h"

#include <QDialog>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace pgha {

class HostKeyPrompt;
class PlanTree;

// A day-2 plan (a backup, a restore, an apply) shown and run as the Deploy page runs a deploy: the plan as rows
// (PlanTree) and as text (each step, what is not planned, every command), a warning, Run after a confirmation, then
// the one runner (DeployRunner: one worker thread per host) with the operation's journal; progress, log, Cancel
// between steps; unknown host keys asked in one dialog. Non-modal and deleted on close; it stays while running.
class PlanRunDialog : public QDialog
{
    Q_OBJECT
public:
    struct Request
    {
        QString title;          // the window title
        QString intro;          // what the plan does, one paragraph
        QString warning;        // shown in red and in the confirmation; empty = none
        QString confirm;        // the confirmation's question
        Topology topology;
        DeployPlan plan;
        DeployJournal journal;
        QStringList notPlanned; // drift left to a person (apply)
        std::function<void()> beforeRun;  // after the confirmation, as the run starts (restore keeps its stamp)
    };

    explicit PlanRunDialog(const Request &request, QWidget *parent = nullptr);
    ~PlanRunDialog() override;

    // The plan as text: the summary, each step, what is not planned, then the dry run (every command).
    static QString planText(const DeployPlan &plan, const QStringList &notPlanned);
    QString shownPlanText() const;
    QString logText() const;
    bool isRunning() const { return m_runner->isRunning(); }
    void setSessionFactory(SessionFactory factory);  // tests: a fake host behind the seam

public slots:
    // Asks for the confirmation, then runs the plan. Nothing happens without steps.
    void run();

signals:
    void runFinished(pgha::DeployRunner::Outcome outcome, const QString &summary);

protected:
    void reject() override;

private:
    void start();
    void appendLog(const QString &host, const QString &line);
    void updateButtons();

    Request m_request;
    DeployRunner *m_runner;
    HostKeyPrompt *m_hostKeys;
    PlanTree *m_tree;
    QPlainTextEdit *m_planText;
    QPlainTextEdit *m_log;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QPushButton *m_close;
    bool m_ran = false;
    bool m_asking = false;  // the confirmation is open
};

} // namespace pgha
