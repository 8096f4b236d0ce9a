#include "core/parse/PgArchiverParser.h"

#include <QRegularExpression>
#include <QStringList>

namespace pgha {
namespace PgArchiverParser {

namespace {

QString utcText(const char *column)
{
    return QStringLiteral("to_char(%1 at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as %1")
        .arg(QLatin1String(column));
}

} // namespace

QString query()
{
    return QStringLiteral("select archived_count, last_archived_wal, %1, failed_count, last_failed_wal, %2 "
                          "from pg_stat_archiver")
        .arg(utcText("last_archived_time"), utcText("last_failed_time"));
}

Result<ArchiverStatus> parse(const PgWire::Table &t)
{
    static const QStringList names{QStringLiteral("archived_count"),  QStringLiteral("last_archived_wal"),
                                   QStringLiteral("last_archived_time"), QStringLiteral("failed_count"),
                                   QStringLiteral("last_failed_wal"), QStringLiteral("last_failed_time")};
    QList<int> idx;
    for (const QString &n : names) {
        const int i = t.column(n);
        if (i < 0)
            return Error(QStringLiteral("pg_stat_archiver: no column %1").arg(n), {}, 0, 0, n);
        idx << i;
    }
    if (t.rows.size() != 1)
        return Error(QStringLiteral("pg_stat_archiver: %1 rows, expected 1").arg(t.rows.size()));
    const QStringList &row = t.rows.first();
    auto field = [&](int k) { return idx.at(k) < row.size() ? row.at(idx.at(k)) : QString(); };
    ArchiverStatus s;
    auto count = [&](int k, qint64 *out) -> Result<void> {
        bool ok = false;
        *out = field(k).toLongLong(&ok);
        if (!ok || *out < 0)
            return Error(QStringLiteral("pg_stat_archiver: %1 is not a count: \"%2\"").arg(names.at(k), field(k)), {}, 0,
                         0, names.at(k));
        return {};
    };
    auto time = [&](int k, QDateTime *out) -> Result<void> {
        const QString text = field(k);
        if (text.isEmpty())
            return {};  // NULL: never
        *out = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!out->isValid())
            return Error(QStringLiteral("pg_stat_archiver: %1 is not a time: \"%2\"").arg(names.at(k), text), {}, 0, 0,
                         names.at(k));
        *out = out->toUTC();
        return {};
    };
    auto wal = [&](int k, QString *out) -> Result<void> {
        // A WAL file name (24 hex digits), a .partial or .history file, or NULL.
        static const QRegularExpression re(QStringLiteral("^[0-9A-F]{8}([0-9A-F]{16}(\\.partial|\\.[0-9A-F]{8}\\.backup)?|\\.history)?$"));
        *out = field(k);
        if (!out->isEmpty() && !re.match(*out).hasMatch())
            return Error(QStringLiteral("pg_stat_archiver: %1 is not a WAL file name: \"%2\"").arg(names.at(k), *out), {}, 0,
                         0, names.at(k));
        return {};
    };
    for (Result<void> r : {count(0, &s.archivedCount), wal(1, &s.lastArchivedWal), time(2, &s.lastArchivedTime),
                           count(3, &s.failedCount), wal(4, &s.lastFailedWal), time(5, &s.lastFailedTime)}) {
        if (!r.ok())
            return r.error();
    }
    return s;
}

} // namespace PgArchiverParser
} // namespace pgha
