#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Topology.h"

#include <QMap>

namespace pgha::PgBackRestConfig {

// pgBackRest's files on a host (docs/backups.md): /etc/pgbackrest/pgbackrest.conf on the database hosts and the
// repository host; with the TLS transport pgbackrest.service (`pgbackrest server`) on each of them; on the hosts
// that run the schedule the full and diff timers (pgha-backup-full/-diff .service + .timer) and the same
// schedule as a crontab (/etc/pgha/pgbackrest.crontab, which the deploy loads where no systemd runs). Empty
// when backups are off.
QList<GeneratedFile> files(const Topology &topology, const Host &host);

QByteArray config(const Topology &topology, const Host &host);

// What Patroni needs when backups are on (PatroniConfig adds them): the archive settings for the DCS's
// postgresql.parameters, and the local restore_command and create_replica_methods lines.
QMap<QString, QString> archiveParameters(const Topology &topology);
QString restoreCommand(const Topology &topology);
// The `postgresql:` lines (indented two spaces) for create_replica_methods and recovery_conf.
QString patroniLines(const Topology &topology);

// A pgbackrest.conf value: control characters become '?', so no value adds a line or a key.
QString iniValue(const QString &value);

QString serverUnitPath();  // /etc/systemd/system/pgbackrest.service
QString crontabPath();     // /etc/pgha/pgbackrest.crontab
QString timerPath(const QString &type);    // /etc/systemd/system/pgha-backup-<type>.timer
QString serviceUnitPath(const QString &type);

} // namespace pgha::PgBackRestConfig
