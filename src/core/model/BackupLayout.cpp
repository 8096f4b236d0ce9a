#include "core/model/BackupLayout.h"

#include "core/util/ShellQuote.h"

#include <QStringList>

#include <algorithm>

namespace pgha::BackupLayout {

namespace {

// A word sh reads literally as it is.
QString shWord(const QString &s)
{
    if (s.isEmpty())
        return shellQuote(s);
    for (const QChar c : s) {
        const ushort u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_'
            || u == '-' || u == '.' || u == '/' || u == '=' || u == ':';
        if (!ok)
            return shellQuote(s);
    }
    return s;
}

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

bool enabled(const Topology &t)
{
    return t.cluster.backup.enabled || t.count(Role::Backup) > 0;
}

bool local(const Topology &t)
{
    return enabled(t) && t.cluster.backup.repository == QLatin1String("local");
}

const Host *repositoryHost(const Topology &t)
{
    if (!enabled(t) || local(t))
        return nullptr;
    const QString &name = t.cluster.backup.repository;
    if (!name.isEmpty())
        return t.hostByName(name);
    const QList<const Host *> hosts = t.hostsWith(Role::Backup);
    return hosts.size() == 1 ? hosts.first() : nullptr;
}

bool tlsServer(const Topology &t)
{
    return repositoryHost(t) && t.cluster.backup.transport == QLatin1String("tls");
}

bool runsServer(const Topology &t, const Host &h)
{
    if (!tlsServer(t))
        return false;
    return h.has(Role::Postgres) || h.name == repositoryHost(t)->name;
}

bool runsSchedule(const Topology &t, const Host &h)
{
    if (local(t))
        return h.has(Role::Postgres);
    const Host *repo = repositoryHost(t);
    return repo && repo->name == h.name;
}

bool hasConfig(const Topology &t, const Host &h)
{
    if (!enabled(t))
        return false;
    if (h.has(Role::Postgres))
        return true;
    const Host *repo = repositoryHost(t);
    return repo && repo->name == h.name;
}

QString stanza(const Topology &t)
{
    return t.cluster.name;
}

QString configPath()
{
    return QStringLiteral("/etc/pgbackrest/pgbackrest.conf");
}

QString logPath()
{
    return QStringLiteral("/var/log/pgbackrest");
}

QString command(const Topology &t)
{
    return QStringLiteral("pgbackrest %1 %2")
        .arg(shWord(QStringLiteral("--config=") + configPath()), shWord(QStringLiteral("--stanza=") + stanza(t)));
}

std::optional<Schedule> parseSchedule(const QString &onCalendar)
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

QStringList transports()
{
    return {QStringLiteral("tls"), QStringLiteral("ssh")};
}

} // namespace pgha::BackupLayout
