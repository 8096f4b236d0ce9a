#include "cli/StatusTable.h"

#include "monitor/RepositoryView.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>

namespace pgha::cli {

namespace {

QString roleTitle(const MemberState &m)
{
    if (m.role.isEmpty())
        return {};
    QString r = m.role;
    r.replace(QLatin1Char('_'), QLatin1Char(' '));
    QStringList words = r.split(QLatin1Char(' '));
    for (QString &w : words)
        w[0] = w[0].toUpper();
    return words.join(QLatin1Char(' '));
}

QString lagMb(qint64 bytes)
{
    if (bytes < 0)
        return {};
    // Like patronictl: whole MB, rounded.
    return QString::number((bytes + 524288) / 1048576);
}

QString tagsText(const MemberState &m)
{
    QStringList parts;
    for (auto it = m.tags.cbegin(); it != m.tags.cend(); ++it) {
        if (it.value() != QLatin1String("false"))
            parts << it.key() + QLatin1String(": ") + it.value();
    }
    return parts.join(QLatin1String(", "));
}

QString sizeText(qint64 bytes)
{
    if (bytes >= 1048576)
        return QString::number(double(bytes) / 1048576.0, 'f', 1) + QStringLiteral(" MiB");
    return QString::number((bytes + 1023) / 1024) + QStringLiteral(" KiB");
}

} // namespace

void printStatusTable(QTextStream &s, const ClusterState &st)
{
    // Patroni 4.1+ reports receive and replay lag apart: two more columns, only when a member has them.
    bool splitLag = false;
    for (const MemberState &m : st.members)
        splitLag = splitLag || m.receiveLagBytes >= 0 || m.replayLagBytes >= 0;
    QStringList head = {QStringLiteral("Member"), QStringLiteral("Host"), QStringLiteral("Role"),
                        QStringLiteral("State"), QStringLiteral("TL"), QStringLiteral("Lag in MB")};
    if (splitLag)
        head << QStringLiteral("Receive lag") << QStringLiteral("Replay lag");
    head << QStringLiteral("Pending restart") << QStringLiteral("Tags");
    QList<QStringList> rows;
    for (const MemberState &m : st.members) {
        QString host = m.host;
        if (m.port > 0 && m.port != 5432)
            host += QLatin1Char(':') + QString::number(m.port);
        QStringList row{m.name, host, roleTitle(m), m.state,
                        m.timeline > 0 ? QString::number(m.timeline) : QString(), lagMb(m.lagBytes)};
        if (splitLag)
            row << lagMb(m.receiveLagBytes) << lagMb(m.replayLagBytes);
        row << (m.pendingRestart ? QStringLiteral("*") : QString()) << tagsText(m);
        rows << row;
    }
    const int lastNumeric = splitLag ? 7 : 5;
    QList<int> width;
    for (int c = 0; c < head.size(); ++c) {
        int w = int(head.at(c).size());
        for (const QStringList &r : rows)
            w = std::max(w, int(r.at(c).size()));
        width << w;
    }
    QString rule = QStringLiteral("+");
    for (int w : width)
        rule += QString(w + 2, QLatin1Char('-')) + QLatin1Char('+');
    QString title = QStringLiteral("+ Cluster: ") + (st.scope.isEmpty() ? QStringLiteral("?") : st.scope)
        + (st.paused ? QStringLiteral(" (maintenance mode) ") : QStringLiteral(" "));
    s << (title.size() < rule.size() ? title + rule.mid(title.size()) : title) << "\n";
    auto line = [&](const QStringList &cells) {
        s << "|";
        for (int c = 0; c < cells.size(); ++c) {
            const bool right = c >= 4 && c <= lastNumeric;
            s << " " << (right ? cells.at(c).rightJustified(width.at(c)) : cells.at(c).leftJustified(width.at(c)))
              << " |";
        }
        s << "\n";
    };
    line(head);
    s << rule << "\n";
    for (const QStringList &r : rows)
        line(r);
    s << rule << "\n";

    if (st.etcdMonitored) {
        QString leader;
        qint64 term = 0;
        for (const EtcdMemberState &e : st.etcd) {
            if (e.isLeader)
                leader = e.name;
            term = std::max(term, e.raftTerm);
        }
        s << "etcd: " << st.etcdHealthyCount() << "/" << st.etcd.size() << " healthy, quorum "
          << (st.etcdHasQuorum() ? "ok" : "LOST") << ", leader " << (leader.isEmpty() ? QStringLiteral("none") : leader)
          << ", raft term " << term << "\n";
        for (const EtcdMemberState &e : st.etcd) {
            s << "  " << (e.name.isEmpty() ? QStringLiteral("?") : e.name) << "  " << e.clientUrl << "  "
              << (e.healthy ? "healthy" : (e.reachable ? "unhealthy" : "unreachable"));
            if (e.isLeader)
                s << "  leader";
            if (!e.version.isEmpty())
                s << "  v" << e.version << "  db " << sizeText(e.dbSize);
            if (!e.healthy && !e.error.isEmpty())
                s << "  (" << e.error << ")";
            s << "\n";
        }
    }
    if (st.haproxyMonitored) {
        for (const HaproxyInstance &h : st.haproxy) {
            s << "HAProxy " << h.name << ":";
            if (!h.reachable) {
                s << " unreachable (" << h.error << ")\n";
                continue;
            }
            s << "\n";
            for (const HaproxyPool &p : h.pools) {
                const QStringList up = p.upServers();
                s << "  " << p.name << " (" << p.kind << "): "
                  << (up.isEmpty() ? QStringLiteral("NO SERVER UP") : QStringLiteral("UP ") + up.join(QLatin1String(", ")))
                  << ", " << p.sessions << " sessions\n";
            }
        }
    }
    if (!st.vip.address.isEmpty()) {
        s << "Floating address " << st.vip.address << ": "
          << (st.vip.holders.isEmpty() ? QStringLiteral("HELD BY NO HAPROXY HOST")
              : st.vip.holders.size() == 1 ? QStringLiteral("on ") + st.vip.holders.first()
                                           : QStringLiteral("ON SEVERAL HOSTS ") + st.vip.holders.join(QLatin1String(", ")))
          << "\n";
        for (const QString &u : st.vip.unreachable)
            s << "  not asked: " << u << "\n";
    }
    if (st.poolerMonitored) {
        for (const PoolerInstance &p : st.poolers) {
            s << "PgBouncer " << p.name << " (" << p.endpoint << "):";
            if (!p.reachable) {
                s << (p.authFailed ? " authentication failed (" : " unreachable (") << p.error << ")\n";
                continue;
            }
            s << " clients " << p.clientsActive() << " active, " << p.clientsWaiting() << " waiting; servers "
              << p.serversActive() << " active\n";
            for (const PgBouncerPool &pool : p.pools)
                s << "  pool " << pool.database << "/" << pool.user << " (" << pool.poolMode << "): clients "
                  << pool.clActive << " active, " << pool.clWaiting << " waiting; servers " << pool.svActive
                  << " active, " << pool.svIdle << " idle, " << pool.svUsed << " used; max wait "
                  << QString::number(double(pool.maxwaitUs) / 1e6, 'f', 1) << " s\n";
            for (const PgBouncerStats &stat : p.stats)
                s << "  stats " << stat.database << ": " << stat.totalXactCount << " transactions, "
                  << stat.totalQueryCount << " queries; " << stat.avgXactCount << " xact/s, avg wait "
                  << stat.avgWaitTimeUs << " us\n";
        }
    }
    if (st.archiverMonitored) {
        const ArchiverStatus &a = st.archiver.status;
        auto when = [](const QDateTime &t) { return t.isValid() ? t.toString(Qt::ISODate) : QStringLiteral("never"); };
        s << "WAL archiving";
        if (!st.archiver.member.isEmpty())
            s << " on " << st.archiver.member;
        if (!st.archiver.read) {
            s << ": not read (" << st.archiver.error << ")\n";
        } else {
            s << ": " << (a.failing() ? "FAILING" : "ok") << "; archived " << a.archivedCount << ", last "
              << (a.lastArchivedWal.isEmpty() ? QStringLiteral("-") : a.lastArchivedWal) << " at "
              << when(a.lastArchivedTime) << "; failed " << a.failedCount << ", last "
              << (a.lastFailedWal.isEmpty() ? QStringLiteral("-") : a.lastFailedWal) << " at " << when(a.lastFailedTime)
              << "\n";
        }
    }
    if (st.repositoryMonitored) {
        s << "Backups";
        if (!st.repository.host.isEmpty())
            s << " (repository on " << st.repository.host << ")";
        s << ": " << RepositoryView::describe(st.repository, st.time) << "\n";
    }
    if (!st.tls.isEmpty()) {
        s << "TLS certificates presented:\n";
        for (const TlsEndpointState &t : st.tls) {
            s << "  " << t.name << "  " << t.endpoint << "  " << t.service;
            if (t.notAfter.isValid())
                s << "  " << t.subject << "  expires " << t.notAfter.toString(Qt::ISODate) << "  (" << t.daysLeft
                  << " days left)";
            if (!t.error.isEmpty())
                s << "  CERTIFICATE PROBLEM: " << t.error;
            s << "\n";
        }
    }
    s << "Verdict: " << verdictKey(st.verdict) << "\n";
    for (const QString &r : st.reasons)
        s << "  - " << r << "\n";
}

} // namespace pgha::cli
