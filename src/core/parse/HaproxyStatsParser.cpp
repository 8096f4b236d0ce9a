#include "core/parse/HaproxyStatsParser.h"

#include "core/generate/HAProxyConfig.h"

#include <QHash>
#include <QRegularExpression>

namespace pgha::HaproxyStatsParser {

QString poolKind(const QString &proxyName)
{
    // The names our generator gives (HAProxyConfig), then the usual names of hand-written configurations.
    if (proxyName == HAProxyConfig::primaryProxyName())
        return QStringLiteral("primary");
    if (proxyName == HAProxyConfig::replicaProxyName())
        return QStringLiteral("replica");
    static const QRegularExpression primary(
        QStringLiteral("(^|[^a-z])(primary|master|leader|write|writer|rw)([^a-z]|$)"));
    static const QRegularExpression replica(
        QStringLiteral("(^|[^a-z])(replica|replicas|standby|standbys|read|reader|readonly|ro)([^a-z]|$)"));
    const QString n = proxyName.toLower();
    if (replica.match(n).hasMatch())
        return QStringLiteral("replica");
    if (primary.match(n).hasMatch())
        return QStringLiteral("primary");
    return QStringLiteral("other");
}

Result<QList<HaproxyPool>> parse(const QByteArray &csv)
{
    const QList<QByteArray> lines = csv.split('\n');
    if (lines.isEmpty() || !lines.first().startsWith("# "))
        return Error(QStringLiteral("HAProxy stats: not CSV (no \"# pxname,...\" header)"));
    QHash<QByteArray, int> col;
    const QList<QByteArray> header = lines.first().mid(2).split(',');
    for (int i = 0; i < header.size(); ++i)
        col.insert(header.at(i).trimmed(), i);
    for (const char *needed : {"pxname", "svname", "scur", "status"}) {
        if (!col.contains(needed))
            return Error(QStringLiteral("HAProxy stats: no \"%1\" column").arg(QLatin1String(needed)));
    }
    auto field = [&col](const QList<QByteArray> &row, const char *name) -> QString {
        const int i = col.value(name, -1);
        return i >= 0 && i < row.size() ? QString::fromUtf8(row.at(i)) : QString();
    };

    QList<HaproxyPool> pools;
    QHash<QString, int> index;
    for (int li = 1; li < lines.size(); ++li) {
        const QByteArray &line = lines.at(li);
        if (line.trimmed().isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> row = line.split(',');
        const QString px = field(row, "pxname");
        const QString sv = field(row, "svname");
        if (px == QLatin1String("stats") || sv == QLatin1String("FRONTEND"))
            continue;
        int pi = index.value(px, -1);
        if (pi < 0) {
            HaproxyPool p;
            p.name = px;
            p.kind = poolKind(px);
            pools.append(p);
            pi = int(pools.size()) - 1;
            index.insert(px, pi);
        }
        HaproxyPool &pool = pools[pi];
        if (sv == QLatin1String("BACKEND")) {
            pool.sessions = field(row, "scur").toInt();
            continue;
        }
        HaproxyServerState s;
        s.name = sv;
        s.status = field(row, "status");
        s.sessions = field(row, "scur").toInt();
        s.checkStatus = field(row, "check_status");
        s.checkDesc = field(row, "check_desc");
        pool.servers.append(s);
    }
    // A proxy without servers (a pure frontend) is no pool.
    QList<HaproxyPool> out;
    for (const HaproxyPool &p : pools) {
        if (!p.servers.isEmpty())
            out.append(p);
    }
    return out;
}

} // namespace pgha::HaproxyStatsParser
