#include "monitor/RepositoryView.h"

#include "core/util/OnCalendar.h"
#include "monitor/MonitorTarget.h"

#include <QCoreApplication>

namespace pgha::RepositoryView {

namespace {

BackupSummary summary(const PgBackRestInfoParser::Backup *b)
{
    BackupSummary s;
    if (!b)
        return s;
    s.label = b->label;
    s.stop = QDateTime::fromSecsSinceEpoch(b->stopEpoch, Qt::UTC);
    s.size = b->size;
    s.repoSize = b->repoSize;
    return s;
}

QDateTime dueBefore(const QString &onCalendar, const QDateTime &now, qint64 graceSecs)
{
    if (onCalendar.isEmpty())
        return {};
    const std::optional<OnCalendar::Schedule> s = OnCalendar::parse(onCalendar);
    return s ? OnCalendar::lastDue(*s, now.addSecs(-graceSecs)) : QDateTime();
}

QJsonValue backupJson(const BackupSummary &b, const QDateTime &now)
{
    if (!b.present())
        return QJsonValue();
    return QJsonObject{{QStringLiteral("label"), b.label},
                       {QStringLiteral("stop"), b.stop.toString(Qt::ISODate)},
                       {QStringLiteral("age_seconds"), double(b.stop.secsTo(now))},
                       {QStringLiteral("size"), double(b.size)},
                       {QStringLiteral("repository_size"), double(b.repoSize)}};
}

QJsonValue timeJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toString(Qt::ISODate)) : QJsonValue();
}

} // namespace

Schedules schedulesOf(const MonitorTarget &target)
{
    Schedules s;
    s.full = target.backupFullSchedule;
    s.diff = target.backupDiffSchedule;
    s.graceSecs = target.backupGraceSecs;
    return s;
}

RepositoryState fromInfo(const PgBackRestInfoParser::InfoRead &info, const QString &stanza, const QDateTime &readAt)
{
    RepositoryState r;
    r.host = info.host;
    r.readAt = readAt;
    if (!info.ok()) {
        r.error = info.error;
        return r;
    }
    const Result<QList<PgBackRestInfoParser::Stanza>> parsed = PgBackRestInfoParser::parse(info.json);
    if (!parsed.ok()) {
        r.error = parsed.error().message;
        return r;
    }
    const PgBackRestInfoParser::Stanza *found = nullptr;
    for (const PgBackRestInfoParser::Stanza &s : parsed.value()) {
        if (s.name == stanza || (stanza.isEmpty() && parsed.value().size() == 1))
            found = &s;
    }
    if (!found) {
        r.error = QCoreApplication::translate("pgha::Monitor", "the repository has no stanza %1").arg(stanza);
        return r;
    }
    r.read = true;
    r.statusCode = found->statusCode;
    r.statusMessage = found->statusMessage;
    r.backupRunning = found->backupLockHeld;
    r.full = summary(found->latest(QStringLiteral("full")));
    r.diff = summary(found->latest(QStringLiteral("diff")));
    r.incr = summary(found->latest(QStringLiteral("incr")));
    return r;
}

void judge(RepositoryState *r, const Schedules &s, const QDateTime &now)
{
    r->fullDue = dueBefore(s.full, now, s.graceSecs);
    r->diffDue = dueBefore(s.diff, now, s.graceSecs);
    if (!r->read) {
        r->fullOverdue = r->diffOverdue = false;
        return;
    }
    const QDateTime lastFull = r->full.present() ? r->full.stop : QDateTime();
    QDateTime lastDiffOrFull = lastFull;
    if (r->diff.present() && (!lastDiffOrFull.isValid() || r->diff.stop > lastDiffOrFull))
        lastDiffOrFull = r->diff.stop;
    r->fullOverdue = r->fullDue.isValid() && (!lastFull.isValid() || lastFull < r->fullDue);
    r->diffOverdue = r->diffDue.isValid() && (!lastDiffOrFull.isValid() || lastDiffOrFull < r->diffDue);
}

void apply(ClusterState *state, const RepositoryState &r, const Schedules &s)
{
    state->repositoryMonitored = true;
    state->repository = r;
    judge(&state->repository, s, state->time.isValid() ? state->time : QDateTime::currentDateTimeUtc());
    if (!r.read && !r.error.isEmpty())
        state->gaps << QCoreApplication::translate("pgha::Monitor", "backups: %1").arg(r.error);
}

QJsonObject toJson(const RepositoryState &r, const QDateTime &now)
{
    QJsonObject o{{QStringLiteral("host"), r.host.isEmpty() ? QJsonValue() : QJsonValue(r.host)},
                  {QStringLiteral("read"), r.read},
                  {QStringLiteral("read_at"), timeJson(r.readAt)}};
    if (!r.error.isEmpty())
        o.insert(QStringLiteral("error"), r.error);
    if (!r.read)
        return o;
    o.insert(QStringLiteral("status_code"), r.statusCode);
    o.insert(QStringLiteral("status"), r.statusMessage);
    o.insert(QStringLiteral("backup_running"), r.backupRunning);
    o.insert(QStringLiteral("full"), backupJson(r.full, now));
    o.insert(QStringLiteral("diff"), backupJson(r.diff, now));
    o.insert(QStringLiteral("incr"), backupJson(r.incr, now));
    o.insert(QStringLiteral("full_due"), timeJson(r.fullDue));
    o.insert(QStringLiteral("diff_due"), timeJson(r.diffDue));
    o.insert(QStringLiteral("full_overdue"), r.fullOverdue);
    o.insert(QStringLiteral("diff_overdue"), r.diffOverdue);
    return o;
}

QString age(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 120)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 7200)
        return QStringLiteral("%1 min").arg(seconds / 60);
    if (seconds < 2 * 86400)
        return QStringLiteral("%1 h").arg(double(seconds) / 3600, 0, 'f', 1);
    return QStringLiteral("%1 d").arg(double(seconds) / 86400, 0, 'f', 1);
}

QString size(qint64 bytes)
{
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = double(bytes);
    int u = 0;
    while (v >= 1024 && u < 4) {
        v /= 1024;
        ++u;
    }
    return QStringLiteral("%1 %2").arg(v, 0, 'f', u == 0 ? 0 : 1).arg(QLatin1String(units[u]));
}

QString describe(const RepositoryState &r, const QDateTime &now)
{
    if (!r.read)
        return r.error.isEmpty() ? QCoreApplication::translate("pgha::Monitor", "not read yet")
                                 : QCoreApplication::translate("pgha::Monitor", "not read (%1)").arg(r.error);
    const auto one = [&now](const QString &type, const BackupSummary &b) {
        if (!b.present())
            return QCoreApplication::translate("pgha::Monitor", "%1 -").arg(type);
        return QCoreApplication::translate("pgha::Monitor", "%1 %2 %3 ago (%4)")
            .arg(type, b.label, age(b.stop.secsTo(now)), size(b.size));
    };
    QStringList parts{one(QStringLiteral("full"), r.full), one(QStringLiteral("diff"), r.diff),
                      one(QStringLiteral("incr"), r.incr)};
    QString text = parts.join(QStringLiteral(", "));
    if (r.fullOverdue)
        text += QCoreApplication::translate("pgha::Monitor", "; full OVERDUE (due %1)")
                    .arg(r.fullDue.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    if (r.diffOverdue)
        text += QCoreApplication::translate("pgha::Monitor", "; diff OVERDUE (due %1)")
                    .arg(r.diffDue.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    if (r.backupRunning)
        text += QCoreApplication::translate("pgha::Monitor", "; a backup is running");
    if (r.statusCode != 0 && r.statusCode != 2)
        text += QCoreApplication::translate("pgha::Monitor", "; stanza: %1").arg(r.statusMessage);
    return text;
}

} // namespace pgha::RepositoryView
