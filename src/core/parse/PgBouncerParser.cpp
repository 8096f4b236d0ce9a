#include "core/parse/PgBouncerParser.h"

#include <QStringList>

namespace pgha {

int PoolerInstance::clientsActive() const
{
    int n = 0;
    for (const PgBouncerPool &p : pools)
        n += p.clActive;
    return n;
}

int PoolerInstance::clientsWaiting() const
{
    int n = 0;
    for (const PgBouncerPool &p : pools)
        n += p.clWaiting;
    return n;
}

int PoolerInstance::serversActive() const
{
    int n = 0;
    for (const PgBouncerPool &p : pools)
        n += p.svActive;
    return n;
}

namespace PgBouncerParser {

namespace {

// The columns a parser needs; an error names the first one missing.
Result<QList<int>> columns(const PgWire::Table &t, const QStringList &names, const char *what)
{
    QList<int> idx;
    for (const QString &n : names) {
        const int i = t.column(n);
        if (i < 0)
            return Error{QStringLiteral("%1: no column \"%2\" (columns: %3)")
                             .arg(QLatin1String(what), n, t.columns.join(QStringLiteral(", ")))};
        idx << i;
    }
    return idx;
}

qint64 num(const QStringList &row, int i)
{
    return i >= 0 && i < row.size() ? row.at(i).toLongLong() : 0;
}

QString text(const QStringList &row, int i)
{
    return i >= 0 && i < row.size() ? row.at(i) : QString();
}

} // namespace

Result<QList<PgBouncerPool>> pools(const PgWire::Table &t)
{
    const Result<QList<int>> c = columns(
        t, {QStringLiteral("database"), QStringLiteral("user"), QStringLiteral("cl_active"), QStringLiteral("cl_waiting"),
            QStringLiteral("sv_active"), QStringLiteral("sv_idle"), QStringLiteral("sv_used"), QStringLiteral("sv_login")},
        "SHOW POOLS");
    if (!c.ok())
        return c.error();
    const QList<int> &i = c.value();
    const int maxwait = t.column(QStringLiteral("maxwait"));
    const int maxwaitUs = t.column(QStringLiteral("maxwait_us"));
    const int mode = t.column(QStringLiteral("pool_mode"));
    QList<PgBouncerPool> out;
    for (const QStringList &r : t.rows) {
        if (text(r, i[0]) == QLatin1String("pgbouncer"))
            continue;  // the admin console itself
        PgBouncerPool p;
        p.database = text(r, i[0]);
        p.user = text(r, i[1]);
        p.clActive = int(num(r, i[2]));
        p.clWaiting = int(num(r, i[3]));
        p.svActive = int(num(r, i[4]));
        p.svIdle = int(num(r, i[5]));
        p.svUsed = int(num(r, i[6]));
        p.svLogin = int(num(r, i[7]));
        p.maxwaitUs = num(r, maxwait) * 1000000 + num(r, maxwaitUs);
        p.poolMode = text(r, mode);
        out << p;
    }
    return out;
}

Result<QList<PgBouncerStats>> stats(const PgWire::Table &t)
{
    const Result<QList<int>> c = columns(
        t, {QStringLiteral("database"), QStringLiteral("total_xact_count"), QStringLiteral("total_query_count"),
            QStringLiteral("total_wait_time"), QStringLiteral("avg_xact_count"), QStringLiteral("avg_query_count"),
            QStringLiteral("avg_xact_time"), QStringLiteral("avg_wait_time")},
        "SHOW STATS");
    if (!c.ok())
        return c.error();
    const QList<int> &i = c.value();
    QList<PgBouncerStats> out;
    for (const QStringList &r : t.rows) {
        if (text(r, i[0]) == QLatin1String("pgbouncer"))
            continue;
        PgBouncerStats s;
        s.database = text(r, i[0]);
        s.totalXactCount = num(r, i[1]);
        s.totalQueryCount = num(r, i[2]);
        s.totalWaitTimeUs = num(r, i[3]);
        s.avgXactCount = num(r, i[4]);
        s.avgQueryCount = num(r, i[5]);
        s.avgXactTimeUs = num(r, i[6]);
        s.avgWaitTimeUs = num(r, i[7]);
        out << s;
    }
    return out;
}

PgWire::Table tableFromPsql(const QByteArray &text)
{
    PgWire::Table t;
    for (const QByteArray &line : text.split('\n')) {
        const QString l = QString::fromUtf8(line);
        if (l.isEmpty() || (l.startsWith(QLatin1Char('(')) && l.endsWith(QLatin1Char(')'))))
            continue;
        if (t.columns.isEmpty())
            t.columns = l.split(QLatin1Char('|'));
        else
            t.rows << l.split(QLatin1Char('|'));
    }
    return t;
}

} // namespace PgBouncerParser
} // namespace pgha
