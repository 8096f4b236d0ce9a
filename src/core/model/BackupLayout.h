#pragma once

#include "core/model/Topology.h"

#include <QList>
#include <QStringList>
#include <QString>

#include <optional>

namespace pgha {

// Where a design's backups live and who runs what (docs/backups.md): the one place that resolves
// cluster.backup against the hosts, used by the generators, the rules, the deploy and the CLI.
namespace BackupLayout {

// Backups are on: cluster.backup is present, or a host has the role backup.
bool enabled(const Topology &t);
// repository: local (a posix repository on every database host).
bool local(const Topology &t);
// The repository host: the host cluster.backup.repository names, or (empty) the one host of role backup. Null
// when local, or when the name resolves to nothing (the rule backup-repository reports it).
const Host *repositoryHost(const Topology &t);
// The transport is pgBackRest's TLS server (and the repository is remote).
bool tlsServer(const Topology &t);
// Hosts that run `pgbackrest server` (TLS transport only): the repository host and every database host.
bool runsServer(const Topology &t, const Host &h);
// Hosts that run the scheduled backups: the repository host, or every database host when local (each one
// skips the run while it is a replica).
bool runsSchedule(const Topology &t, const Host &h);
// Hosts that get a pgbackrest.conf: the database hosts and the repository host.
bool hasConfig(const Topology &t, const Host &h);

QString stanza(const Topology &t);  // the cluster name
QString configPath();               // /etc/pgbackrest/pgbackrest.conf (passed with --config everywhere)
QString logPath();                  // /var/log/pgbackrest
// "pgbackrest --config=C --stanza=S" with both words quoted for sh when they need it.
QString command(const Topology &t);

// The accepted cluster.backup.transport values (the reader's and the designer's choices): tls, ssh.
QStringList transports();

} // namespace BackupLayout
} // namespace pgha
