#pragma once

#include "core/util/Result.h"
#include "core/parse/ParsedRecords.h"

#include <QByteArray>
#include <QList>

// HAProxy's stats CSV (";csv" on the stats URI). Columns are found by their header name, never by position:
// the column set grows between HAProxy versions.
namespace pgha::HaproxyStatsParser {

// The pools (proxies with servers), their servers and the backend's current sessions. The "stats" proxy and
// frontends are left out. kind is guessed from the proxy name (see poolKind).
Result<QList<HaproxyPool>> parse(const QByteArray &csv);

// "primary" for names like primary, master, write, rw; "replica" for replica(s), standby, read, ro; else "other".
QString poolKind(const QString &proxyName);

} // namespace pgha::HaproxyStatsParser
