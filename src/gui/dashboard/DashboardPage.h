#pragma once

#include "core/model/Secrets.h"
#include "core/model/Topology.h"
#include "monitor/ActionRequest.h"
#include "monitor/ClusterEvent.h"
#include "monitor/ClusterState.h"
#include "monitor/MonitorTarget.h"

#include <QWidget>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTableWidget;
class QTreeWidget;

namespace pgha {

class ActionRunner;
class BackupPanel;
class HistoryCharts;
class ClusterMonitor;
class LiveTopologyView;
class DriftView;
class MemberTableModel;
class PoolerTree;
class TlsTable;
class VipHolderLabel;

// The live dashboard: connects to the cluster of the open project (or to any Patroni URL), polls it every
// "monitor/intervalMs" (QSettings, default 2000) and shows the members, etcd, HAProxy, charts of lag and
// sessions, and the event log; the action buttons run day-2 operations after a confirmation.
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(QWidget *parent = nullptr);
    ~DashboardPage() override;

    // The main window calls this whenever the design or its file path changes.
    void setProject(const Topology &topology, const QString &projectPath);

    void connectToTarget(const MonitorTarget &target);
    // The project's endpoints; secrets from the secrets field when filled, else the design's own secret store
    // (DataPaths: the passwords the deploy generated), then PGHA_* variables.
    void connectToProject();
    // A deploy of the project succeeded: (re)connect to it, unless the person is watching some other URL.
    void connectAfterDeploy();
    void connectToUrl(const QString &url);
    void disconnectFromCluster();
    ClusterMonitor *monitor() const { return m_monitor; }
    bool isConnected() const { return m_monitor != nullptr; }
    VipHolderLabel *vipHolderLabel() const { return m_vipLabel; }
    DriftView *driftView() const { return m_driftView; }

    // Asks for confirmation (DashboardDialogs), runs the action, shows the result. False when not sent.
    bool runAction(const ActionRequest &request);

signals:
    void actionFinished(const pgha::ActionResult &result);
    // "Renew certificates" on the TLS tab: leader is the current leader as last polled (empty when unknown).
    void renewCertificatesRequested(const QString &leader);

private:
    void buildUi();
    void onUpdated(const ClusterState &state);
    void onEvents(const QList<ClusterEvent> &events);
    void updateButtons();
    QString selectedMember() const;
    // The secrets field's file, else (forProject) the design's kept secrets (DataPaths), then PGHA_* variables.
    Secrets currentSecrets(bool *ok, bool forProject);
    void actionButton(ActionRequest::Kind kind);
    void appendLog(const QDateTime &time, const QString &severity, const QString &kind, const QString &text);

    Topology m_topology;
    QString m_projectPath;
    ClusterMonitor *m_monitor = nullptr;
    ActionRunner *m_runner = nullptr;
    bool m_fromProject = false;

    QLineEdit *m_urlEdit = nullptr;
    QLineEdit *m_secretsEdit = nullptr;
    QPushButton *m_connectButton = nullptr;
    QLabel *m_verdictLabel = nullptr;
    QLabel *m_reasonsLabel = nullptr;
    QLabel *m_gapsLabel = nullptr;
    QLabel *m_archiverLabel = nullptr;  // WAL archiving on the leader (designs with backups)
    BackupPanel *m_backupPanel = nullptr;  // the repository's last backups (designs with backups)
    QLabel *m_actionHint = nullptr;
    LiveTopologyView *m_topologyView = nullptr;
    DriftView *m_driftView = nullptr;
    VipHolderLabel *m_vipLabel = nullptr;
    MemberTableModel *m_memberModel = nullptr;
    QTableView *m_memberTable = nullptr;
    QTableWidget *m_etcdTable = nullptr;
    TlsTable *m_tlsTable = nullptr;
    PoolerTree *m_poolerTree = nullptr;
    QPushButton *m_renewButton = nullptr;
    QTreeWidget *m_haproxyTree = nullptr;
    HistoryCharts *m_charts = nullptr;
    QTableWidget *m_eventLog = nullptr;
    QCheckBox *m_scheduleCheck = nullptr;
    QDateTimeEdit *m_scheduleEdit = nullptr;
    QList<QPushButton *> m_actionButtons;
    QList<ActionRequest::Kind> m_actionKinds;  // parallel to m_actionButtons
};

} // namespace pgha
