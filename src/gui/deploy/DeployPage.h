#pragma once

#include "core/model/Topology.h"
#include "deploy/DeployRunner.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace pgha {

// Deploy over SSH: a row per host with its steps and progress, a log filterable by host, Deploy, Dry run,
// Cancel (between steps) and Resume, and the host-key and credential dialogs. The SSH work runs on the
// runner's worker threads; this page only reacts to signals, so the GUI thread never waits on the network.
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

signals:
    void deployFinished(pgha::DeployRunner::Outcome outcome, const QString &summary);

private:
    void start(bool resume);
    void showDryRun();
    void onStepStarted(const QString &stepId, const QString &host, const QString &title);
    void onStepFinished(const QString &stepId, const QString &host, pgha::StepOutcome outcome, const QString &message);
    void onQuestion(int id, const pgha::SshQuestion &question);
    void onFinished(pgha::DeployRunner::Outcome outcome, const QString &summary);
    void appendLog(const QString &host, const QString &line);
    void refilterLog();
    void rebuildRows(const DeployPlan &plan);
    void updateHostRow(const QString &host);
    void updateButtons();

    Topology m_topology;
    QString m_projectPath;
    QString m_knownHosts;
    QString m_journalPath;
    QString m_secretsFile;

    DeployRunner *m_runner = nullptr;
    QTreeWidget *m_tree = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QComboBox *m_filter = nullptr;
    QCheckBox *m_adopt = nullptr;
    QPushButton *m_deploy = nullptr;
    QPushButton *m_dryRun = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_resume = nullptr;
    QLabel *m_status = nullptr;
    QHash<QString, QTreeWidgetItem *> m_hostItems;
    QHash<QString, QTreeWidgetItem *> m_stepItems;
    QList<QPair<QString, QString>> m_logLines;  // (host, text)
    bool m_canResume = false;
};

} // namespace pgha
