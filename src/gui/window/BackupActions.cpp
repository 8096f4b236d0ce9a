#include "gui/window/BackupActions.h"

#include "core/model/BackupLayout.h"
#include "deploy/BackupPlan.h"
#include "deploy/OperationJournal.h"
#include "deploy/RestoreSetup.h"
#include "gui/deploy/PlanRunDialog.h"
#include "gui/dialogs/BackupsDialog.h"
#include "gui/dialogs/MessageBox.h"
#include "gui/dialogs/RestoreTargetDialog.h"
#include "gui/util/OffThread.h"

#include <QAction>
#include <QMenu>
#include <QThread>

namespace pgha {

BackupActions::BackupActions(QWidget *window, QMenu *menu) : QObject(window), m_window(window)
{
    QMenu *now = menu->addMenu(tr("Back Up &Now"));
    now->setObjectName(QStringLiteral("backupNowMenu"));
    const QList<QPair<QString, QString>> types{{QStringLiteral("full"), tr("&Full")},
                                               {QStringLiteral("diff"), tr("&Differential")},
                                               {QStringLiteral("incr"), tr("&Incremental")}};
    for (const auto &[type, text] : types) {
        QAction *a = now->addAction(text, this, [this, type = type] { backUpNow(type); });
        a->setObjectName(QStringLiteral("backup_") + type + QStringLiteral("_action"));
        m_backupNow.insert(type, a);
    }
    m_backups = menu->addAction(tr("&Backups…"), this, [this] { showBackups(); });
    m_backups->setObjectName(QStringLiteral("backupsAction"));
    m_backups->setToolTip(tr("List the repository's backups (pgha backups)"));
    menu->addSeparator();
    m_restore = menu->addAction(tr("&Restore…"), this, &BackupActions::restoreInteractive);
    m_restore->setObjectName(QStringLiteral("restoreAction"));
    m_restore->setToolTip(tr("Restore the whole cluster to a moment or to the latest state (pgha restore); stops the cluster"));
    updateEnabled();
}

BackupActions::~BackupActions()
{
    if (m_preparing)
        m_preparing->wait();
}

void BackupActions::setProject(const Topology &topology)
{
    m_topology = topology;
    updateEnabled();
}

void BackupActions::updateEnabled()
{
    const bool on = BackupLayout::enabled(m_topology) && !backupHost(m_topology).isEmpty();
    for (QAction *a : std::as_const(m_backupNow))
        a->setEnabled(on);
    m_backups->setEnabled(on);
    m_restore->setEnabled(on);
    const QString why = on ? QString() : tr("The design has no backups: give a host the role backup (docs/backups.md).");
    for (QAction *a : {m_backups, m_restore})
        a->setStatusTip(why);
}

bool BackupActions::busy() const
{
    if (m_preparing)
        return true;
    if (m_dialog && m_dialog->isRunning()) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return true;
    }
    return false;
}

bool BackupActions::backUpNow(const QString &type)
{
    if (!m_backups->isEnabled() || busy())
        return false;
    const Topology t = m_topology;
    emit statusMessage(tr("Preparing the %1 backup…").arg(type), 4000);
    struct Prepared
    {
        DeployPlan plan;
        Result<DeployJournal> journal = Error{};
    };
    m_preparing = runOffThread(
        this,
        [t, type] {
            Prepared p;
            p.plan = backupPlan(t, type, PlanOptions());
            p.journal = loadOperationJournal(t, QStringLiteral("backup"));
            return p;
        },
        [this, t, type](Prepared p) {
            m_preparing.clear();
            if (!p.journal.ok()) {
                MessageBox::warning(m_window, tr("Back up now"), p.journal.error().toString());
                return;
            }
            PlanRunDialog::Request r;
            r.title = tr("Back up cluster \"%1\"").arg(t.cluster.name);
            r.intro = tr("A %1 backup of cluster \"%2\" into the repository on %3, as pgha backup --type %1 runs it. "
                         "The cluster keeps running.")
                          .arg(type, t.cluster.name, backupHost(t));
            r.confirm = tr("Start the %1 backup?").arg(type);
            r.topology = t;
            r.plan = p.plan;
            r.journal = p.journal.value();
            m_dialog = new PlanRunDialog(r, m_window);
            m_dialog->show();
            emit planDialogOpened(m_dialog);
        });
    return true;
}

BackupsDialog *BackupActions::showBackups()
{
    if (!m_backups->isEnabled())
        return nullptr;
    auto *dialog = new BackupsDialog(m_topology, m_window);
    dialog->show();
    dialog->refresh();
    return dialog;
}

void BackupActions::restoreInteractive()
{
    if (!m_restore->isEnabled() || busy())
        return;
    auto *ask = new RestoreTargetDialog(m_topology.cluster.name, m_window);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QDialog::accepted, this, [this, ask] {
        if (const std::optional<RestoreTarget> target = ask->target())
            restoreTo(*target);
    });
    ask->open();
}

bool BackupActions::restoreTo(const RestoreTarget &target)
{
    if (!m_restore->isEnabled() || busy())
        return false;
    const Topology t = m_topology;
    emit statusMessage(tr("Preparing the restore…"), 4000);
    m_preparing = runOffThread(
        this, [t, target] { return prepareRestore(t, target, PlanOptions()); },
        [this, t](Result<RestoreSetup> s) {
            m_preparing.clear();
            if (!s.ok()) {
                MessageBox::warning(m_window, tr("Restore"), s.error().toString());
                return;
            }
            const RestoreSetup setup = s.value();
            const QString to = setup.target.time.isEmpty() ? tr("the end of the WAL archive") : setup.target.time;
            PlanRunDialog::Request r;
            r.title = tr("Restore cluster \"%1\"").arg(t.cluster.name);
            r.intro = tr("A point-in-time restore of the whole cluster to %1, as pgha restore runs it: the members stop, "
                         "one is restored from the repository and bootstraps the cluster, the others are rebuilt as "
                         "replicas. Every data directory is kept as <data_dir>.before-restore-%2.")
                          .arg(to, setup.target.stamp);
            r.warning = tr("This stops cluster \"%1\": no reads or writes until the restore has finished, and every "
                           "write after %2 is lost.")
                            .arg(t.cluster.name, to);
            r.confirm = tr("Stop cluster \"%1\" and restore it to %2?").arg(t.cluster.name, to);
            r.topology = t;
            r.plan = setup.plan;
            r.journal = setup.journal;
            r.beforeRun = [setup] { keepRestoreStamp(setup); };
            m_dialog = new PlanRunDialog(r, m_window);
            m_dialog->show();
            emit planDialogOpened(m_dialog);
        });
    return true;
}

} // namespace pgha
