#pragma once

#include "core/parse/PgBouncerRecords.h"
#include "core/parse/PgWire.h"
#include "core/util/Result.h"

// PgBouncer's admin console answers (SHOW POOLS, SHOW STATS). Columns are found by name, never by position: the
// column set grows between PgBouncer releases (1.18 added cl_active_cancel_req ...). The one place they are parsed;
// the monitor and `pgha status` use it.
namespace pgha::PgBouncerParser {

// The pools, without PgBouncer's own admin pseudo-pool (database "pgbouncer").
Result<QList<PgBouncerPool>> pools(const PgWire::Table &table);
// Per database, without "pgbouncer".
Result<QList<PgBouncerStats>> stats(const PgWire::Table &table);
// psql -A output (header line, '|'-separated rows, "(N rows)" footer): recorded fixtures and tests.
PgWire::Table tableFromPsql(const QByteArray &text);

} // namespace pgha::PgBouncerParser
