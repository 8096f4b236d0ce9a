#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

// The one parser of `pgbackrest info --output=json` (pgBackRest 2.45): a list with one object per stanza
// (../shared/reference/pgbackrest-notes.md, "What a monitor reads"). Used by `pgha backups` and the monitor.
namespace pgha::PgBackRestInfoParser {

struct Backup
{
    QString label;        // "20261201-181500F"
    QString type;         // full | diff | incr
    qint64 startEpoch = 0;
    qint64 stopEpoch = 0;
    QString walStart;     // archive.start: the first WAL segment the backup needs
    QString walStop;
    qint64 size = 0;          // info.size: the database size backed up
    qint64 repoSize = 0;      // info.repository.size: bytes in the repository
    QString prior;            // the backup a diff/incr depends on
    bool error = false;       // a page checksum error was found during the backup
};

struct Archive
{
    QString id;   // "15-1"
    QString min;  // oldest WAL segment kept
    QString max;  // newest
};

struct Stanza
{
    QString name;
    int statusCode = -1;      // 0 ok, 1 missing stanza path, 2 no valid backups, ...
    QString statusMessage;
    bool backupLockHeld = false;  // a backup is running
    QList<Archive> archives;
    QList<Backup> backups;    // oldest first, as pgBackRest lists them

    // The newest backup of TYPE (full, diff, incr); null when none.
    const Backup *latest(const QString &type) const;
};

// What `pgbackrest info --output=json` printed on a host (read over SSH by deploy/BackupInfo for `pgha backups`,
// the GUI and the monitor; parsed by parse()).
struct InfoRead
{
    QString host;                 // where it ran
    QByteArray json;
    QString error;                // empty when it ran and exited 0
    bool hostKeyRefused = false;  // the host's key is unknown or changed (never accepted unasked)
    bool ok() const { return error.isEmpty(); }
};

// An error naming what is wrong when the text is not that JSON.
Result<QList<Stanza>> parse(const QByteArray &json);

} // namespace pgha::PgBackRestInfoParser
