#include "deploy/UpgradePlan.h"

#include "core/generate/GenUtil.h"
#include "core/model/Platform.h"
#include "core/model/Topology.h"
#include "core/pki/ClusterTls.h"
#include "core/util/ShellQuote.h"
#include "deploy/PatroniScripts.h"

#include <QCoreApplication>
#include <QSet>

namespace pgha {

namespace {

DeployOp runOp(const QString &title, const QString &script, int timeoutSec)
{
    DeployOp o;
    o.title = title;
    o.script = script;
    o.timeoutSec = timeoutSec;
    return o;
}

// apt-get / dnf: the server package (and RHEL's separate contrib) at the design's exact version; the probe
// exits 0 when the server package already is at it.
QPair<QString, QString> packageScripts(const Topology &t, const Host &h)
{
    const PostgresSettings &pg = t.cluster.postgres;
    const QStringList pkgs = Platform::postgresPackages(h.os, pg.distribution, pg.version);
    const bool rhel = Platform::osFamily(h.os) == OsFamily::Rhel;
    QStringList pinned;
    for (const QString &p : pkgs)
        pinned << shellQuote(Platform::pinnedPackage(h.os, p, pg.packageVersion));
    const QString server = shellQuote(pkgs.value(0));
    const QString want = shellQuote(pg.packageVersion);
    if (rhel)
        return {QStringLiteral("[ \"$(rpm -q --qf '%{VERSION}-%{RELEASE}' %1 2>/dev/null)\" = %2 ]").arg(server, want),
                QStringLiteral("dnf install -y %1").arg(pinned.join(QLatin1Char(' ')))};
    return {QStringLiteral("[ \"$(dpkg-query -W -f='${Version}' %1 2>/dev/null)\" = %2 ]").arg(server, want),
            QStringLiteral("export DEBIAN_FRONTEND=noninteractive; apt-get update -q && apt-get install -y -q "
                           "--no-install-recommends -o Dpkg::Options::=--force-confold %1\n"
                           "got=\"$(dpkg-query -W -f='${Version}' %2)\"; [ \"$got\" = %3 ] || { echo \"%2 is at $got\" >&2; exit 1; }")
                .arg(pinned.join(QLatin1Char(' ')), server, want)};
}

} // namespace

QStringList appendRollingSteps(DeployPlan *plan, const Topology &topology, const DeployPlan &deployPlan,
                               const DriftDesign &design, const DriftReport &report, bool restart,
                               const QStringList &phase)
{
    const Cluster &c = topology.cluster;
    const QString keyPath = ClusterTls::postgresKeyPath();
    QSet<QString> patroniUp;
    QSet<QString> postgresUp;
    for (const DriftItem &i : report.withFix(DriftItem::Fix::Upgrade)) {
        if (i.key == QLatin1String("patroni.version"))
            patroniUp.insert(i.host);
        else if (i.key == QLatin1String("postgresql.package_version"))
            postgresUp.insert(i.host);
    }
    if (!restart && patroniUp.isEmpty() && postgresUp.isEmpty())
        return phase;

    // The order: replicas as /cluster lists them, the design's other members, the leader last.
    QStringList order;
    for (const auto &r : report.replicas)
        if (design.pgHosts.contains(r.first))
            order << r.first;
    for (const QString &h : design.pgHosts)
        if (!order.contains(h) && h != report.leader)
            order << h;
    if (!report.leader.isEmpty())
        order << report.leader;

    const int members = int(design.pgHosts.size());
    QStringList prev = phase;
    for (const QString &name : std::as_const(order)) {
        const Host *h = topology.hostByName(name);
        if (!h)
            continue;
        const bool upPatroni = patroniUp.contains(name);
        const bool upPostgres = postgresUp.contains(name);
        const bool upgrade = upPatroni || upPostgres;
        if (!restart && !upgrade)
            continue;
        const QString rest = PatroniScripts::restUrl(topology, *h);
        PatroniScripts::RollAction action;
        if (upgrade) {
            DeployStep in;
            in.id = QStringLiteral("upgrade-install:") + name;
            in.host = name;
            in.title = QCoreApplication::translate("pgha::Deploy", "install the design's release (the running one stays until the restart)");
            in.deps = prev;
            QStringList probes;
            if (upPatroni) {
                // The deploy's own step: the pinned set into the design's virtualenv, with its probe.
                const DeployStep *pip = deployPlan.step(QStringLiteral("patroni-pip:") + name);
                if (!pip)
                    continue;  // not a pip design: the drift never asks for it
                in.ops << pip->ops;
                probes << pip->probe;
                action.patroniVersion = c.patroni.version;
                // Patroni itself restarted (it stops and starts its PostgreSQL): stopped, then the deploy's start.
                const DeployStep *start = deployPlan.step(QStringLiteral("patroni-start:") + name);
                if (!start || start->ops.isEmpty())
                    continue;
                action.restartCommand = PatroniScripts::stopService(QStringLiteral("patroni"))
                    + QStringLiteral("\nif [ ! -d /run/systemd/system ] && pgrep -x patroni >/dev/null; then "
                                     "echo 'Patroni did not stop'; exit 1; fi\n")
                    + start->ops.first().script;
            }
            if (upPostgres) {
                const QPair<QString, QString> pkg = packageScripts(topology, *h);
                in.ops << runOp(QCoreApplication::translate("pgha::Deploy", "install PostgreSQL's package %1").arg(c.postgres.packageVersion),
                                pkg.second, 900);
                probes << pkg.first;
                action.postgresBinDir = GenUtil::postgresBinDir(topology, *h);
            }
            in.probe = QStringLiteral("( ") + probes.join(QStringLiteral(" ) && ( ")) + QStringLiteral(" )");
            plan->steps << in;
            prev = QStringList{in.id};
        }
        DeployStep s;
        s.id = (upgrade ? QStringLiteral("upgrade-restart:") : QStringLiteral("restart:")) + name;
        s.host = name;
        s.title = name == report.leader
            ? QCoreApplication::translate("pgha::Deploy", "switch over to a healthy replica, then restart the former leader")
            : upgrade ? QCoreApplication::translate("pgha::Deploy", "restart so that the new release runs (rolling, one member at a time)")
                      : QCoreApplication::translate("pgha::Deploy", "restart PostgreSQL (rolling, one member at a time)");
        s.deps = prev;
        s.probe = PatroniScripts::rollDone(rest, keyPath, action);
        // Only the leader's step switches over; a replica that leads by the time its turn comes (a failover in
        // between) makes its restart refuse, and the run stops: the next apply plans from the new leader.
        if (name == report.leader)
            s.ops << runOp(QCoreApplication::translate("pgha::Deploy", "switch over if this member leads"),
                           PatroniScripts::switchoverAway(rest, name, keyPath), 180);
        s.ops << runOp(upgrade ? QCoreApplication::translate("pgha::Deploy", "restart, wait for the new release and until every replica streams again")
                               : QCoreApplication::translate("pgha::Deploy", "restart through Patroni, wait until every replica streams again"),
                       PatroniScripts::rollMember(rest, name, members, c.patroni.maximumLagOnFailover, keyPath, action), 420);
        plan->steps << s;
        prev = QStringList{s.id};
    }
    return prev;
}

} // namespace pgha
