#pragma once

#include "core/model/Topology.h"
#include "deploy/RestorePlan.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QThread;
class QWidget;

namespace pgha {

class BackupsDialog;
class PlanRunDialog;

// Cluster ▸ Back Up Now (full, differential, incremental), Backups…, Restore…: the same plans, journals and runner
// as `pgha backup`, `pgha backups` and `pgha restore` (deploy/BackupPlan, OperationJournal, BackupInfo,
// RestoreSetup), prepared off the GUI thread and run in a PlanRunDialog. Enabled only while the design has backups
// (BackupLayout::enabled and a host that runs them, backupHost()).
class BackupActions : public QObject
{
    Q_OBJECT
public:
    BackupActions(QWidget *window, QMenu *menu);
    ~BackupActions() override;

    void setProject(const Topology &topology);
    QAction *backupNowAction(const QString &type) const { return m_backupNow.value(type); }  // full, diff, incr
    QAction *backupsAction() const { return m_backups; }
    QAction *restoreAction() const { return m_restore; }

    // Each opens its dialog once the plan is ready (planDialogOpened). False when the design has no backups or a
    // run is still going.
    bool backUpNow(const QString &type);
    BackupsDialog *showBackups();
    void restoreInteractive();
    bool restoreTo(const RestoreTarget &target);

signals:
    void planDialogOpened(pgha::PlanRunDialog *dialog);
    void statusMessage(const QString &text, int timeoutMs);

private:
    bool busy() const;
    void updateEnabled();

    QWidget *m_window;
    Topology m_topology;
    QHash<QString, QAction *> m_backupNow;
    QAction *m_backups;
    QAction *m_restore;
    QPointer<PlanRunDialog> m_dialog;
    QPointer<QThread> m_preparing;
};

} // namespace pgha
