#include "gui/dashboard/BackupPanel.h"

#include "core/model/Topology.h"
#include "deploy/BackupInfo.h"
#include "monitor/ClusterState.h"
#include "monitor/RepositoryView.h"

namespace pgha {

BackupPanel::BackupPanel(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("backupLabel"));
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void BackupPanel::setState(const ClusterState &s)
{
    setVisible(s.repositoryMonitored);
    if (!s.repositoryMonitored)
        return;
    const RepositoryState &r = s.repository;
    const QString line = RepositoryView::describe(r, s.time);
    setText(r.host.isEmpty() ? tr("Backups: %1").arg(line) : tr("Backups (repository on %1): %2").arg(r.host, line));
    const bool overdue = r.fullOverdue || r.diffOverdue;
    setStyleSheet(overdue ? QStringLiteral("QLabel { color: #c62828; font-weight: bold; }") : QString());
    setToolTip(r.readAt.isValid() ? tr("pgbackrest info read at %1; it is read again every few minutes.")
                                         .arg(r.readAt.toLocalTime().toString(Qt::ISODate))
                                  : QString());
}

RepositoryFetch BackupPanel::fetchFor(const Topology &topology)
{
    return [topology](const QString &leader, const std::atomic_bool *cancel) {
        return fetchBackupInfo(topology, PlanOptions(), sshSessionFactory(), leader, cancel, 60);
    };
}

} // namespace pgha
