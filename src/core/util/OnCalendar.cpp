#include "core/util/OnCalendar.h"

#include <QStringList>

#include <algorithm>

namespace pgha::OnCalendar {

namespace {

int weekday(const QString &name)
{
    static const QStringList days{QStringLiteral("Sun"), QStringLiteral("Mon"), QStringLiteral("Tue"),
                                  QStringLiteral("Wed"), QStringLiteral("Thu"), QStringLiteral("Fri"),
                                  QStringLiteral("Sat")};
    return int(days.indexOf(name));
}

bool number(const QString &s, int max, int *out)
{
    if (s.isEmpty() || s.size() > 2)
        return false;
    for (const QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    *out = s.toInt();
    return *out <= max;
}

} // namespace

std::optional<Schedule> parse(const QString &onCalendar)
{
    Schedule s;
    const QString text = onCalendar.trimmed();
    if (text == QLatin1String("daily"))
        return s;
    if (text == QLatin1String("weekly")) {
        s.weekdays = {1};  // systemd: Mon *-*-* 00:00:00
        return s;
    }
    QStringList parts = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (text.size() > 64 || parts.size() < 2 || parts.size() > 3 || text != parts.join(QLatin1Char(' ')))
        return std::nullopt;
    if (parts.size() == 3) {
        QList<int> days;
        for (const QString &item : parts.takeFirst().split(QLatin1Char(','))) {
            const QStringList range = item.split(QStringLiteral(".."));
            if (range.size() > 2)
                return std::nullopt;
            const int a = weekday(range.first());
            const int b = weekday(range.last());
            if (a < 0 || b < 0)
                return std::nullopt;
            for (int d = a;; d = (d + 1) % 7) {  // Fri..Mon wraps over the weekend
                if (!days.contains(d))
                    days << d;
                if (d == b)
                    break;
            }
        }
        std::sort(days.begin(), days.end());
        if (days.size() < 7)
            s.weekdays = days;
    }
    if (parts.at(0) != QLatin1String("*-*-*"))
        return std::nullopt;
    const QStringList hms = parts.at(1).split(QLatin1Char(':'));
    if (hms.size() < 2 || hms.size() > 3 || !number(hms.at(0), 23, &s.hour) || !number(hms.at(1), 59, &s.minute)
        || (hms.size() == 3 && !number(hms.at(2), 59, &s.second)))
        return std::nullopt;
    return s;
}

QString cronFields(const Schedule &s)
{
    QStringList days;
    for (int d : s.weekdays)
        days << QString::number(d);
    return QStringLiteral("%1 %2 * * %3")
        .arg(s.minute)
        .arg(s.hour)
        .arg(days.isEmpty() ? QStringLiteral("*") : days.join(QLatin1Char(',')));
}

int maxGapDays(const Schedule &s)
{
    if (s.weekdays.isEmpty())
        return 1;
    int gap = 0;
    for (int i = 0; i < s.weekdays.size(); ++i) {
        const int next = i + 1 < s.weekdays.size() ? s.weekdays.at(i + 1) : s.weekdays.first() + 7;
        gap = std::max(gap, next - s.weekdays.at(i));
    }
    return gap;
}

QDateTime lastDue(const Schedule &s, const QDateTime &now)
{
    const QDateTime utcNow = now.toUTC();
    const QTime at(s.hour, s.minute, s.second);
    // Today or one of the seven days before: every schedule of the subset runs at least once a week.
    for (int back = 0; back <= 7; ++back) {
        const QDate day = utcNow.date().addDays(-back);
        const int dow = day.dayOfWeek() % 7;  // Qt: 1 = Monday ... 7 = Sunday
        if (!s.weekdays.isEmpty() && !s.weekdays.contains(dow))
            continue;
        const QDateTime due(day, at, Qt::UTC);
        if (due <= utcNow)
            return due;
    }
    return {};
}

} // namespace pgha::OnCalendar
