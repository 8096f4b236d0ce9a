#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace pgha {

// The one parser of the systemd OnCalendar subset the design allows for backup schedules (cluster.backup.full /
// .diff; docs/project-file.md): "[WEEKDAYS ]*-*-* HH:MM[:SS]", or "daily" / "weekly". WEEKDAYS: Mon..Sun names,
// ranges A..B (wrapping: Fri..Mon) and lists A,B. Used by the rules, the generators (timers, crontab) and the
// monitor (is the last backup overdue?).
namespace OnCalendar {

struct Schedule
{
    QList<int> weekdays;  // 0 = Sunday ... 6 = Saturday, sorted; empty = every day
    int hour = 0;
    int minute = 0;
    int second = 0;
    bool operator==(const Schedule &o) const
    {
        return weekdays == o.weekdays && hour == o.hour && minute == o.minute && second == o.second;
    }
};

// Empty optional when the text is outside the subset.
std::optional<Schedule> parse(const QString &onCalendar);
// The crontab fields "M H * * DOW" of a schedule (cron has no seconds).
QString cronFields(const Schedule &s);
// Days between two runs at most (7 for weekly, 1 for daily; a weekday list's largest gap).
int maxGapDays(const Schedule &s);
// The last time at or before NOW (UTC) the schedule was due; the times are read as UTC (the design does not know
// the hosts' time zone; the generated hosts and the lab run UTC).
QDateTime lastDue(const Schedule &s, const QDateTime &now);

} // namespace OnCalendar
} // namespace pgha
