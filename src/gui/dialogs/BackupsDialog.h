#pragma once

#include "core/model/Topology.h"
#include "deploy/BackupInfo.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QPushButton;
class QThread;
class QTreeWidget;

namespace pgha {

// Cluster ▸ Backups…: the repository's backups as `pgha backups` lists them (deploy/BackupInfo over SSH, read by
// PgBackRestInfoParser): each stanza with its status and WAL archive, each backup with its type, stop time (UTC),
// size, size in the repository and WAL range. Read off the GUI thread; Refresh reads again. Non-modal.
class BackupsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit BackupsDialog(const Topology &topology, QWidget *parent = nullptr);
    ~BackupsDialog() override;

    void refresh();
    // Shows an answer (what refresh() fetched; tests feed a recorded one).
    void showInfo(const BackupInfo &info);
    bool isReading() const { return !m_thread.isNull(); }

signals:
    void shown();

private:
    Topology m_topology;
    QLabel *m_status;
    QTreeWidget *m_tree;
    QPushButton *m_refresh;
    QPointer<QThread> m_thread;
};

} // namespace pgha
