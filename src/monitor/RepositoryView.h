#pragma once

#include "core/parse/PgBackRestInfoParser.h"
#include "monitor/ClusterState.h"

#include <QJsonObject>

namespace pgha {

struct MonitorTarget;

// The repository view of the dashboard and `pgha status` (issue 10): pgBackRest's info turned into the last full /
// diff / incr backup, and the schedule judged against it. Pure: the clock is a parameter.
namespace RepositoryView {

// The design's schedules (systemd OnCalendar, core/util/OnCalendar) and how long a scheduled run may take.
struct Schedules
{
    QString full;
    QString diff;                 // empty: no diff schedule
    qint64 graceSecs = 3 * 3600;
};
Schedules schedulesOf(const MonitorTarget &target);

// The stanza STANZA (or the only one) of what pgbackrest info printed; read = false with the error otherwise.
RepositoryState fromInfo(const PgBackRestInfoParser::InfoRead &info, const QString &stanza, const QDateTime &readAt);
// Overdue at NOW: D = the last time the schedule was due before NOW minus the grace; the full is overdue when no full
// backup finished at or after D, the diff when no full or diff did (a full serves a diff's turn as well).
void judge(RepositoryState *r, const Schedules &s, const QDateTime &now);
// R judged at STATE's time into STATE; a read that failed is a monitoring gap (never a verdict change).
void apply(ClusterState *state, const RepositoryState &r, const Schedules &s);

QJsonObject toJson(const RepositoryState &r, const QDateTime &now);  // ClusterState JSON "backups"
// One line for `pgha status` and the dashboard: "full 20261201-181500F 2 h ago (7.5 MiB), diff -, incr -".
QString describe(const RepositoryState &r, const QDateTime &now);
QString age(qint64 seconds);     // "45 s", "12 min", "3.5 h", "2.0 d"
QString size(qint64 bytes);      // "7.5 MiB"

} // namespace RepositoryView
} // namespace pgha
