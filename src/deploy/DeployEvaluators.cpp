// Judging what a host answered: a CheckHost op's facts, a WaitFor op's output (through core/parse).
#include "deploy/DeployEvaluators.h"

#include "core/generate/HAProxyConfig.h"
#include "core/parse/HaproxyStatsParser.h"
#include "core/parse/PatroniParser.h"

#include <QCoreApplication>
#include <QSet>

namespace pgha {

QStringList evaluateHostCheck(const HostCheck &check, const QByteArray &output)
{
    QMultiMap<QString, QString> facts;
    for (const QByteArray &line : output.split('\n')) {
        const int eq = line.indexOf('=');
        if (eq > 0)
            facts.insert(QString::fromUtf8(line.left(eq)).trimmed(), QString::fromUtf8(line.mid(eq + 1)).trimmed());
    }
    QStringList problems;
    const QString id = facts.value(QStringLiteral("os_id"));
    const QString like = facts.value(QStringLiteral("os_like"));
    const QStringList family = QString(id + QLatin1Char(' ') + like).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const bool isDebian = family.contains(QStringLiteral("debian")) || family.contains(QStringLiteral("ubuntu"));
    const bool isRhel = family.contains(QStringLiteral("rhel")) || family.contains(QStringLiteral("fedora"))
        || family.contains(QStringLiteral("centos"));
    if (check.osFamily == QLatin1String("debian") && !isDebian)
        problems << QCoreApplication::translate("pgha::Deploy", "the design says a Debian-family OS, the host runs \"%1 %2\"")
                        .arg(id, facts.value(QStringLiteral("os_version")));
    if (check.osFamily == QLatin1String("rhel") && !isRhel)
        problems << QCoreApplication::translate("pgha::Deploy", "the design says a RHEL-family OS, the host runs \"%1 %2\"")
                        .arg(id, facts.value(QStringLiteral("os_version")));
    bool okFree = false;
    const qint64 freeKb = facts.value(QStringLiteral("free_kb")).toLongLong(&okFree);
    if (okFree && freeKb < check.minFreeKb)
        problems << QCoreApplication::translate("pgha::Deploy", "only %1 MiB free under /var/lib").arg(freeKb / 1024);
    const QStringList running = facts.values(QStringLiteral("running"));
    const QStringList listening = facts.values(QStringLiteral("listen"));
    for (const auto &port : check.ports) {
        const QString suffix = QLatin1Char(':') + QString::number(port.first);
        for (const QString &l : listening) {
            if (!l.endsWith(suffix))
                continue;
            const QString addr = l.left(l.size() - suffix.size());
            const bool here = addr == check.address || addr == QLatin1String("0.0.0.0") || addr == QLatin1String("*")
                || addr == QLatin1String("[::]") || addr == QLatin1String("::") || addr == QLatin1Char('[') + check.address + QLatin1Char(']');
            if (here && !running.contains(port.second)) {
                problems << QCoreApplication::translate("pgha::Deploy", "port %1 is already in use on %2 (%3) by something other than %4")
                                .arg(port.first)
                                .arg(check.address, l, port.second);
                break;
            }
        }
    }
    if (!check.pgDataDir.isEmpty() && facts.contains(QStringLiteral("pgdata")) && !check.allowExistingPgData
        && !running.contains(QStringLiteral("patroni")))
        problems << QCoreApplication::translate("pgha::Deploy", "%1 already holds a PostgreSQL data directory (PG_VERSION) that this deploy did not "
                                   "create: refusing to initialise over it. Move it away, or adopt it as it is with "
                                   "--adopt-existing-data (it is then never removed)")
                        .arg(check.pgDataDir);
    if (!check.etcdDataDir.isEmpty() && facts.contains(QStringLiteral("etcddata")) && !check.allowExistingEtcdData
        && !running.contains(QStringLiteral("etcd")))
        problems << QCoreApplication::translate("pgha::Deploy", "%1 already holds etcd data (member/) that this deploy did not create: refusing to "
                                   "bootstrap a new cluster over it. Move it away, or adopt it with --adopt-existing-data")
                        .arg(check.etcdDataDir);
    return problems;
}

bool evaluateWait(const DeployOp &op, int exitCode, const QByteArray &output, QString *progress)
{
    auto say = [progress](const QString &s) {
        if (progress)
            *progress = s;
    };
    if (op.until == DeployOp::Until::ExitZero) {
        say(QString::fromUtf8(output).trimmed().section(QLatin1Char('\n'), -1));
        return exitCode == 0;
    }
    if (exitCode != 0) {
        say(QString::fromUtf8(output).trimmed().section(QLatin1Char('\n'), -1));
        return false;
    }
    if (op.until == DeployOp::Until::HAProxyOnePrimary) {
        // The one CSV parser (core/parse), the pool found by the name the generator gave it.
        const Result<QList<HaproxyPool>> pools = HaproxyStatsParser::parse(output);
        if (!pools.ok()) {
            say(pools.error().message);
            return false;
        }
        const HaproxyPool *primary = nullptr;
        for (const HaproxyPool &p : pools.value()) {
            if (p.name == HAProxyConfig::primaryProxyName())
                primary = &p;
        }
        const int servers = primary ? int(primary->servers.size()) : 0;
        const int up = primary ? int(primary->upServers().size()) : 0;
        say(QCoreApplication::translate("pgha::Deploy", "%1 of %2 servers UP in the primary pool").arg(up).arg(servers));
        return servers > 0 && up == 1;
    }
    // The one /cluster parser (core/parse): roles normalised (Patroni 3 "master", 4 "primary" -> leader).
    const Result<PatroniParser::ClusterInfo> cluster = PatroniParser::parseCluster(output);
    if (!cluster.ok()) {
        say(cluster.error().message);
        return false;
    }
    int leaders = 0;
    int replicasOk = 0;
    QStringList seen;
    for (const MemberState &m : cluster->members) {
        seen << m.name + QLatin1Char(' ') + m.role + QLatin1Char(' ') + m.state;
        if (m.isLeader() && m.isRunning())
            ++leaders;
        else if (m.isReplica() && m.isRunning() && m.lagBytes >= 0)
            ++replicasOk;
    }
    say(seen.join(QStringLiteral(", ")));
    if (op.until == DeployOp::Until::PatroniLeader)
        return leaders == 1;
    return leaders == 1 && leaders + replicasOk >= op.expectedMembers;
}

} // namespace pgha
