#include "deploy/DeployPlan.h"

#include "deploy/BackupPlan.h"
#include "deploy/DeployPlanContext.h"
#include "deploy/DeployScripts.h"

#include "core/model/Topology.h"

#include <QCoreApplication>
#include <QSet>

namespace pgha {

using namespace DeployScripts;

QString changedMarker(const QString &service)
{
    return QStringLiteral("/run/pgha/changed-") + service;
}

QString stepOutcomeKey(StepOutcome o)
{
    switch (o) {
    case StepOutcome::Changed: return QStringLiteral("changed");
    case StepOutcome::Unchanged: return QStringLiteral("unchanged");
    case StepOutcome::Failed: return QStringLiteral("failed");
    case StepOutcome::Cancelled: return QStringLiteral("cancelled");
    case StepOutcome::SkippedDone: return QStringLiteral("done-earlier");
    }
    return QStringLiteral("unknown");
}

DeployPlanContext::DeployPlanContext(DeployPlan &p, const Topology &t, const Bundle &b, const Secrets &s,
                                     const PlanOptions &o)
    : plan(p), topology(t), bundle(b), secrets(s), options(o)
{
    tls = t.cluster.security.tls;
    scheme = tls ? QStringLiteral("https") : QStringLiteral("http");
    for (const Host &h : t.hosts)
        hosts << &h;
    etcdHosts = t.hostsWith(Role::Etcd);
    pgHosts = t.hostsWith(Role::Postgres);
    haHosts = t.hostsWith(Role::HAProxy);
    for (const Host *h : hosts)
        checkIds << QStringLiteral("check:") + h->name;
}

QStringList DeployPlanContext::filesDep(const Host *h) const
{
    const QString id = QStringLiteral("files:") + h->name;
    return plan.step(id) ? QStringList{id} : QStringList{};
}

QString DeployPlanContext::addReload(const Host *h, const QString &svc, const QStringList &deps,
                                     const QString &systemdCmd, const QString &direct, const QString &prepare)
{
    DeployStep s;
    s.id = QStringLiteral("reload:%1:%2").arg(svc, h->name);
    s.host = h->name;
    s.title = QCoreApplication::translate("pgha::Deploy", "%1 re-reads its changed files").arg(svc);
    s.deps = deps;
    s.probe = QStringLiteral("[ ! -e %1 ]").arg(changedMarker(svc));
    s.ops << runOp(systemdCmd.section(QLatin1Char(' '), 0, 2), reloadScript(svc, systemdCmd, direct, prepare), serviceLog(svc));
    plan.steps << s;
    return s.id;
}

DeployPlan buildPlan(const Topology &topology, const Bundle &bundle, const Secrets &secrets,
                     const PlanOptions &options)
{
    DeployPlan plan;
    DeployPlanContext x(plan, topology, bundle, secrets, options);
    for (const Host *h : x.hosts) {
        SshTarget t = sshTargetOf(*h);
        t.knownHostsFile = options.knownHostsFile;
        t.acceptNewHostKeys = options.acceptNewHostKeys;
        plan.targets.insert(h->name, t);
    }

    DeployPhases::addHostChecks(x);
    DeployPhases::addPackages(x);
    DeployPhases::addFiles(x);
    DeployPhases::addEtcd(x);
    DeployPhases::addPatroni(x);
    DeployPhases::addPooler(x);
    DeployPhases::addHaproxy(x);
    DeployPhases::addVip(x);
    DeployPhases::addRouting(x);

    // 8. Backups (pgBackRest): TLS servers, stanza-create and check after the leader, the schedule.
    appendBackupSteps(&plan, topology);

    // Secrets reach scripts through stdin only (DeployOp::input), never their command lines.
    // --only: keep the chosen hosts' steps; dependencies on the others count as met.
    if (!options.onlyHosts.isEmpty()) {
        QList<DeployStep> kept;
        QSet<QString> keptIds;
        for (const DeployStep &s : plan.steps)
            if (options.onlyHosts.contains(s.host)) {
                kept << s;
                keptIds.insert(s.id);
            }
        for (DeployStep &s : kept) {
            QStringList deps;
            for (const QString &d : s.deps)
                if (keptIds.contains(d))
                    deps << d;
            s.deps = deps;
        }
        plan.steps = kept;
    }
    return plan;
}

} // namespace pgha
