#pragma once

#include "monitor/RepositoryWatch.h"

#include <QLabel>

namespace pgha {

struct ClusterState;
struct Topology;

// The dashboard's repository line (issue 10): the last full / diff / incr backup with its age and size as
// pgbackrest info reports it (read every few minutes, RepositoryWatch), red when a scheduled backup is overdue.
// Hidden for designs without backups.
class BackupPanel : public QLabel
{
    Q_OBJECT
public:
    explicit BackupPanel(QWidget *parent = nullptr);
    void setState(const ClusterState &state);

    // How the dashboard reads the repository of TOPOLOGY: over SSH (deploy/BackupInfo) with the host keys the
    // deploy recorded in the default known_hosts; an unknown key is refused (a monitoring gap), never accepted.
    static RepositoryFetch fetchFor(const Topology &topology);
};

} // namespace pgha
