#pragma once

#include "core/model/Topology.h"
#include "deploy/DeployRunner.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QThread;
class QTimer;

namespace pgha {

class HostKeyPrompt;
class PlanTree;
struct DeploySetup;
struct RenewSetup;

// Deploy over SSH. As soon as the page is shown it lists the plan: a row per host, under it each step
// and what the step will change; a progress bar, coloured states, a log filterable by host; Deploy, Dry
// run, Cancel (between steps) and Resume. Unknown host keys are asked about in one dialog that lists
// every unknown host and its fingerprint. The plan is built (bundle generated) on a thread of its own
// and the SSH work runs on the runner's worker threads: the GUI thread never waits for either.
class DeployPage : public QWidget
{
    Q_OBJECT
public:
    explicit DeployPage(QWidget *parent = nullptr);
    ~DeployPage() override;

    // The main window calls this whenever the design or its file path changes.
    void setProject(const Topology &topology, const QString &projectPath);

    // Overrides (tests, power users): known_hosts file, journal file, secrets file.
    void setKnownHostsFile(const QString &path) { m_knownHosts = path; }
    void setJournalPath(const QString &path) { m_journalPath = path; }
    void setSecretsFile(const QString &path) { m_secretsFile = path; }
    bool isRunning() const;
    bool isPreparing() const { return m_preparing != Preparing::Nothing; }
    bool planShown() const { return m_planShown; }

    // New leaf certificates from the cluster CA, rolled out host by host (the same plan and journal as
    // `pgha certs renew`): the plan is shown, the person confirms, then the runner runs it. leader: the current
    // Patroni leader as the monitor sees it (renewed last, after a switchover); may be empty.
    void renewCertificates(const QString &leader);

signals:
    void deployFinished(pgha::DeployRunner::Outcome outcome, const QString &summary);
    void planReady();  // the rows show the plan of the current design

protected:
    void showEvent(QShowEvent *event) override;

private:
    enum class Preparing { Nothing, Plan, Deploy, Resume, DryRun, Renewal };
    void prepare(Preparing what);
    void prepared(Preparing what, quint64 generation, const DeploySetup *setup, const QString &error);
    void startRunner(const DeploySetup &setup, bool resume);
    void renewalPrepared(const RenewSetup &setup);
    void onStepStarted(const QString &stepId, const QString &host, const QString &title);
    void onStepFinished(const QString &stepId, const QString &host, pgha::StepOutcome outcome, const QString &message);
    void onQuestion(int id, const pgha::SshQuestion &question);
    void onFinished(pgha::DeployRunner::Outcome outcome, const QString &summary);
    void appendLog(const QString &host, const QString &line);
    void flushLog();
    void refilterLog();
    void rebuildFilter();
    void rebuildRows(const DeployPlan &plan);
    void updateProgress();
    void updateButtons();

    Topology m_topology;
    QString m_projectPath;
    QString m_knownHosts;
    QString m_journalPath;
    QString m_secretsFile;

    DeployRunner *m_runner = nullptr;
    PlanTree *m_tree = nullptr;
    HostKeyPrompt *m_hostKeys = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QComboBox *m_filter = nullptr;
    QCheckBox *m_adopt = nullptr;
    QPushButton *m_deploy = nullptr;
    QPushButton *m_dryRun = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_resume = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_planTimer = nullptr;
    QTimer *m_logTimer = nullptr;
    QList<QPair<QString, QString>> m_logLines;  // (host, text)
    QStringList m_pendingLog;                   // shown lines not yet in the widget
    Preparing m_preparing = Preparing::Nothing;
    quint64 m_generation = 0;  // of the design; a plan of an older one is dropped
    QPointer<QThread> m_prepareThread;
    bool m_planShown = false;
    bool m_planStale = true;
    bool m_canResume = false;
    bool m_renewalShown = false;  // a renewal's plan is shown and waits for its confirmation
};

} // namespace pgha
