#pragma once

#include "core/parse/PgWire.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QString>

namespace pgha {

// PostgreSQL's pg_stat_archiver on the leader (issue 10): is WAL reaching the pgBackRest repository?
struct ArchiverStatus
{
    qint64 archivedCount = 0;
    QString lastArchivedWal;      // empty: none archived since the statistics were reset
    QDateTime lastArchivedTime;   // invalid when none
    qint64 failedCount = 0;
    QString lastFailedWal;
    QDateTime lastFailedTime;
    // The last attempt failed: a failure newer than the last success (or a failure and no success at all).
    bool failing() const
    {
        return lastFailedTime.isValid() && (!lastArchivedTime.isValid() || lastFailedTime > lastArchivedTime);
    }
    bool operator==(const ArchiverStatus &o) const
    {
        return archivedCount == o.archivedCount && lastArchivedWal == o.lastArchivedWal
            && lastArchivedTime == o.lastArchivedTime && failedCount == o.failedCount
            && lastFailedWal == o.lastFailedWal && lastFailedTime == o.lastFailedTime;
    }
};

// The one place pg_stat_archiver's row is parsed. Columns are found by name; NULL arrives as an empty field.
namespace PgArchiverParser {

// The query the monitor sends (timestamps as UTC ISO text, independent of the server's DateStyle and TimeZone).
QString query();
Result<ArchiverStatus> parse(const PgWire::Table &table);

} // namespace PgArchiverParser
} // namespace pgha
