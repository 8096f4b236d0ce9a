#include "deploy/ApplyPlan.h"

#include "core/generate/GenUtil.h"
#include "core/generate/PatroniConfig.h"
#include "core/model/Secrets.h"
#include "core/model/Topology.h"
#include "core/pki/ClusterTls.h"
#include "core/util/ShellQuote.h"
#include "deploy/EtcdScalePlan.h"
#include "deploy/HaproxyScalePlan.h"
#include "deploy/PatroniScripts.h"
#include "deploy/UpgradePlan.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace pgha {

namespace {


DeployOp runOp(const QString &title, const QString &script, int timeoutSec, DeployOp::Kind kind = DeployOp::Kind::Run)
{
    DeployOp o;
    o.kind = kind;
    o.title = title;
    o.script = script;
    o.timeoutSec = timeoutSec;
    return o;
}

// {"a.b.c": v} -> {"a": {"b": {"c": v}}}
void insertPath(QJsonObject *root, const QStringList &path, const QJsonValue &v)
{
    if (path.size() == 1) {
        root->insert(path.first(), v);
        return;
    }
    QJsonObject child = root->value(path.first()).toObject();
    insertPath(&child, path.mid(1), v);
    root->insert(path.first(), child);
}

// Waits until Patroni wrote the design's pg_hba lines into the data directory (it does on reload, then reloads
// PostgreSQL).
QString hbaWrittenScript(const Topology &t, const Host &h)
{
    QString printf = QStringLiteral("printf '%s\\n'");
    for (const QString &l : PatroniConfig::pgHba(t))
        printf += QLatin1Char(' ') + shellQuote(l);
    return QStringLiteral("w=$(mktemp)\n%1 >\"$w\"\n"
                          "grep -v '^#' %2 | grep -v '^[[:space:]]*$' | cmp -s - \"$w\"; rc=$?; rm -f \"$w\"\n"
                          "[ $rc = 0 ] || { echo 'pg_hba.conf does not hold the design'\"'\"'s lines yet'; exit 1; }\n"
                          "echo 'pg_hba.conf holds the design'\"'\"'s lines'")
        .arg(printf, shellQuote(GenUtil::postgresDataDir(t, h) + QStringLiteral("/pg_hba.conf")));
}

} // namespace

ApplyPlan buildApplyPlan(const Topology &topology, const Secrets &secrets, const DeployPlan &deployPlan,
                         const DriftDesign &design, const DriftReport &report, const ApplyOptions &options)
{
    ApplyPlan out;
    DeployPlan &plan = out.plan;
    const Cluster &c = topology.cluster;
    const bool tls = c.security.tls;
    const QString keyPath = ClusterTls::postgresKeyPath();
    auto rest = [&](const QString &name) {
        const Host *h = topology.hostByName(name);
        return h ? PatroniScripts::restUrl(topology, *h) : QString();
    };
    QStringList phase;  // the ids the next phase waits for

    // 0. Scale out: the new hosts are checked before anything changes anywhere.
    QStringList adding;
    QStringList addChecks;
    for (const DriftItem &i : report.withFix(DriftItem::Fix::AddMember)) {
        if (i.area != DriftItem::Area::Topology || adding.contains(i.host))
            continue;
        const DeployStep *check = deployPlan.step(QStringLiteral("check:") + i.host);
        if (!check)
            continue;
        adding << i.host;
        DeployStep s = *check;
        s.deps.clear();
        plan.steps << s;
        addChecks << s.id;
    }
    // HAProxy hosts that join are checked, those that leave stopped, before the files change (HaproxyScalePlan.h).
    const HaproxyScaleFirst haproxyFirst = appendHaproxyScaleFirst(&out, topology, deployPlan, report);
    addChecks << haproxyFirst.checks << haproxyFirst.stops;

    // 0b. etcd's membership, one member at a time, before any file changes.
    const EtcdScaleSteps etcdScale = addEtcdScaleSteps(&plan, topology, deployPlan, design, report, addChecks, options.purge);
    out.notPlanned << etcdScale.notPlanned;
    out.etcdTransition = etcdScale.transition;

    // 1. Files, then the services that read them.
    QStringList fileHosts;
    QMap<QString, QSet<QString>> services;  // host -> services with a changed file
    for (const DriftItem &i : report.withFix(DriftItem::Fix::RewriteFile)) {
        if (!fileHosts.contains(i.host))
            fileHosts << i.host;
        if (!i.service.isEmpty())
            services[i.host].insert(i.service);
    }
    QString lastEtcd;
    for (const QString &h : std::as_const(fileHosts)) {
        const DeployStep *files = deployPlan.step(QStringLiteral("files:") + h);
        if (!files)
            continue;
        if (plan.step(files->id))
            continue;  // a new etcd member's own files (etcdScale)
        DeployStep s = *files;
        s.deps = addChecks + (etcdScale.growOnly ? QStringList{etcdScale.quorum} : etcdScale.done);
        plan.steps << s;
        phase << s.id;
    }
    for (const QString &svc : {QStringLiteral("patroni"), QStringLiteral("haproxy"), QStringLiteral("etcd"), QStringLiteral("keepalived"),
                              QStringLiteral("firewall")}) {
        for (const QString &h : std::as_const(fileHosts)) {
            if (!services.value(h).contains(svc))
                continue;
            const DeployStep *reload = deployPlan.step(QStringLiteral("reload:%1:%2").arg(svc, h));
            if (!reload)
                continue;
            DeployStep s = *reload;
            s.deps = QStringList{QStringLiteral("files:") + h};
            if (svc == QLatin1String("etcd")) {
                // One member at a time: never a lost quorum; after etcd's membership changed.
                if (etcdScale.growOnly)
                    s.deps << etcdScale.done;
                if (!lastEtcd.isEmpty())
                    s.deps << lastEtcd;
                lastEtcd = s.id;
                const Host *eh = topology.hostByName(h);
                if (eh)
                    s.ops << runOp(QCoreApplication::translate("pgha::Deploy", "every etcd member healthy again (before the next restart)"),
                                   etcdAllHealthyScript(topology, GenUtil::serviceUrl(topology, eh->address, c.etcd.clientPort)), 90,
                                   DeployOp::Kind::WaitFor);
            }
            plan.steps << s;
            phase << s.id;
            const Host *host = topology.hostByName(h);
            if (svc == QLatin1String("patroni") && host && host->has(Role::Postgres)) {
                DeployStep hba;
                hba.id = QStringLiteral("pg-hba:") + h;
                hba.host = h;
                hba.title = QCoreApplication::translate("pgha::Deploy", "Patroni wrote the design's pg_hba.conf and reloaded PostgreSQL");
                hba.deps = QStringList{s.id};
                hba.ops << runOp(QCoreApplication::translate("pgha::Deploy", "pg_hba.conf holds the design's lines"), hbaWrittenScript(topology, *host), 60,
                                 DeployOp::Kind::WaitFor);
                plan.steps << hba;
                phase << hba.id;
            }
        }
    }

    if (etcdScale.growOnly) {
        // The members' firewalls admit the new etcd members before they are added; what follows the files phase
        // waits for the growth too.
        QStringList firewall;
        for (const DeployStep &s : std::as_const(plan.steps))
            if (s.id.startsWith(QLatin1String("reload:firewall:")))
                firewall << s.id;
        for (DeployStep &s : plan.steps)
            if (s.id.startsWith(QLatin1String("etcd-member-add:")))
                s.deps << firewall;
        phase << etcdScale.done;
    }
    if (phase.isEmpty())
        phase = etcdScale.done;

    // The member that runs the cluster-wide REST calls: the leader, else the first PostgreSQL host that answered.
    QString restHost = report.leader;
    if (restHost.isEmpty()) {
        for (const QString &h : design.pgHosts)
            if (!report.unreachable.contains(h)) {
                restHost = h;
                break;
            }
    }

    // Scale out: the new member's packages, files and Patroni after the other members admit it (pg_hba).
    if (!adding.isEmpty()) {
        if (phase.isEmpty())
            phase = addChecks;
        QStringList started;
        for (const QString &h : std::as_const(adding)) {
            QStringList prev = phase;
            prev << QStringLiteral("check:") + h;
            for (const QString &kind : {QStringLiteral("packages:"), QStringLiteral("patroni-pip:"), QStringLiteral("files:"),
                                        QStringLiteral("patroni-start:")}) {
                const DeployStep *d = deployPlan.step(kind + h);
                if (!d)
                    continue;
                DeployStep s = *d;
                s.deps = prev;
                plan.steps << s;
                prev = QStringList{s.id};
            }
            started << prev;
        }
        if (const DeployStep *replicas = deployPlan.step(QStringLiteral("patroni-replicas"))) {
            DeployStep s = *replicas;
            s.id = QStringLiteral("joined");
            s.title = QCoreApplication::translate("pgha::Deploy", "wait until every member runs, the new ones as replicas");
            s.deps = started;
            plan.steps << s;
            phase = QStringList{s.id};
        } else {
            phase = started;
        }
    }

    // HAProxy hosts that join: after the members admit them (pg_hba) and the new database members run.
    phase = appendHaproxyJoins(&plan, topology, deployPlan, report, phase.isEmpty() ? addChecks : phase);

    // Scale in: after the files phase took the member out of HAProxy and pg_hba.
    if (!restHost.isEmpty()) {
        SshTarget like;  // the leaving host is no longer in the design: reached like its database hosts
        for (const QString &h : design.pgHosts)
            if (deployPlan.targets.contains(h)) {
                like = deployPlan.targets.value(h);
                break;
            }
        QStringList gone;
        for (const DriftItem &i : report.withFix(DriftItem::Fix::RemoveMember)) {
            const std::optional<SshTarget> target = leavingHostTarget(like, i.host, i.address);
            if (!target || topology.hostByName(i.host)) {
                out.notPlanned << QCoreApplication::translate("pgha::Deploy", "topology %1: not removed (its name or address %2 from /cluster is not usable)")
                                      .arg(i.host, i.address);
                continue;
            }
            const SshTarget &t = *target;
            plan.targets.insert(i.host, t);
            Host leaving;
            leaving.name = i.host;
            leaving.address = t.address;
            if (const Host *first = topology.hostByName(design.pgHosts.value(0)))
                leaving.os = first->os;
            const QString url = PatroniScripts::restUrl(topology, leaving);
            DeployStep stop;
            stop.id = QStringLiteral("leave:") + i.host;
            stop.host = i.host;
            stop.title = QCoreApplication::translate("pgha::Deploy", "stop Patroni on the member that leaves (it must not lead)");
            stop.deps = phase;
            stop.ops << runOp(QCoreApplication::translate("pgha::Deploy", "refuse if it leads"), PatroniScripts::refuseIfLeads(url, i.host, keyPath), 30);
            stop.ops << runOp(QCoreApplication::translate("pgha::Deploy", "stop Patroni (and its PostgreSQL)"),
                              PatroniScripts::stopService(QStringLiteral("patroni"), true), 120);
            plan.steps << stop;
            DeployStep wait;
            wait.id = QStringLiteral("left:") + i.host;
            wait.host = restHost;
            wait.title = QCoreApplication::translate("pgha::Deploy", "wait until /cluster no longer lists %1").arg(i.host);
            wait.deps = QStringList{stop.id};
            wait.ops << runOp(QCoreApplication::translate("pgha::Deploy", "%1 gone from /cluster").arg(i.host),
                              PatroniScripts::memberGone(rest(restHost), i.host, c.patroni.ttl * 3 + 30, keyPath), c.patroni.ttl * 3 + 60);
            plan.steps << wait;
            gone << wait.id;
            if (options.purge) {
                const QString dataDir = GenUtil::postgresDataDir(topology, leaving);
                DeployStep purge;
                purge.id = QStringLiteral("purge:") + i.host;
                purge.host = i.host;
                purge.title = QCoreApplication::translate("pgha::Deploy", "delete the data directory of the member that left (--purge)");
                purge.deps = QStringList{wait.id};
                purge.ops << runOp(QCoreApplication::translate("pgha::Deploy", "delete %1").arg(dataDir),
                                   QStringLiteral("if pgrep -x postgres >/dev/null || pgrep -x patroni >/dev/null; then\n"
                                                  "  echo 'PostgreSQL or Patroni still runs here: the data stays'; exit 1\nfi\n"
                                                  "if [ -f %1/PG_VERSION ]; then rm -rf %1 && echo deleted %1; else echo no data directory at %1; fi")
                                       .arg(shellQuote(dataDir)),
                                   120);
                plan.steps << purge;
                gone << purge.id;
            }
        }
        if (!gone.isEmpty())
            phase = gone;
    }

    // 2. Dynamic configuration.
    const QList<DriftItem> dynamic = report.withFix(DriftItem::Fix::PatchConfig);
    QSet<QString> restartKeys;
    if (!dynamic.isEmpty() && !restHost.isEmpty()) {
        QJsonObject patch;
        for (const DriftItem &i : dynamic) {
            insertPath(&patch, i.key.split(QLatin1Char('.')), design.dcs.value(i.key, QJsonValue(QJsonValue::Null)));
            if (i.needsRestart)
                restartKeys.insert(i.key);
        }
        QStringList expectPending;
        for (const DriftItem &i : report.items) {
            if (i.area == DriftItem::Area::Running && restartKeys.contains(i.key) && !expectPending.contains(i.host))
                expectPending << i.host;
        }
        DeployStep s;
        s.id = QStringLiteral("patch-config");
        s.host = restHost;
        s.title = QCoreApplication::translate("pgha::Deploy", "PATCH Patroni's dynamic configuration, read it back");
        s.deps = phase;
        DeployOp o = runOp(QCoreApplication::translate("pgha::Deploy", "PATCH /config (%1 keys), read back").arg(dynamic.size()),
                           PatroniScripts::patchConfig(rest(restHost), QString::fromUtf8(QJsonDocument(patch).toJson(QJsonDocument::Compact)),
                                                       expectPending, keyPath),
                           150);
        s.ops << o;
        plan.steps << s;
        phase = QStringList{s.id};
    }

    // 3. Reloads of sighup parameters PostgreSQL has not taken (without a dynamic change, Patroni would not).
    QStringList reloadIds;
    for (const DriftItem &i : report.withFix(DriftItem::Fix::Reload)) {
        const QString id = QStringLiteral("pg-reload:") + i.host;
        if (plan.step(id) || !topology.hostByName(i.host))
            continue;
        DeployStep s;
        s.id = id;
        s.host = i.host;
        s.title = QCoreApplication::translate("pgha::Deploy", "reload PostgreSQL's parameters through Patroni");
        s.deps = phase;
        s.ops << runOp(QCoreApplication::translate("pgha::Deploy", "POST /reload"), PatroniScripts::reloadMember(rest(i.host), keyPath), 60);
        plan.steps << s;
        reloadIds << id;
    }
    if (!reloadIds.isEmpty())
        phase = reloadIds;

    // 4. Rolling restart and upgrades: replicas one at a time, the leader last (after a switchover).
    bool restart = !restartKeys.isEmpty();
    for (const DriftItem &i : report.items)
        restart = restart || (i.needsRestart && i.fix == DriftItem::Fix::RollingRestart);
    phase = appendRollingSteps(&plan, topology, deployPlan, design, report, restart, phase);
    Q_UNUSED(tls);

    // The REST calls that change something authenticate: the user and password through stdin, never argv.
    const QByteArray credentials = (secrets.restApiUser + QLatin1Char(':') + secrets.restApiPassword).toUtf8() + '\n';
    for (DeployStep &s : plan.steps) {
        if (!s.id.startsWith(QLatin1String("patch-config")) && !s.id.startsWith(QLatin1String("pg-reload:"))
            && !s.id.startsWith(QLatin1String("restart:")) && !s.id.startsWith(QLatin1String("upgrade-restart:")))
            continue;
        for (DeployOp &o : s.ops) {
            o.input = credentials;
            o.inputNote = QCoreApplication::translate("pgha::Deploy", "the REST API user and password");
        }
    }

    for (const DriftItem &i : report.withFix(DriftItem::Fix::Manual))
        out.notPlanned << QStringLiteral("%1 %2 %3: design %4, cluster %5%6")
                              .arg(driftAreaKey(i.area), i.host.isEmpty() ? QStringLiteral("*") : i.host, i.key,
                                   i.design.isEmpty() ? QStringLiteral("-") : i.design,
                                   i.actual.isEmpty() ? QStringLiteral("-") : i.actual,
                                   i.note.isEmpty() ? QString() : QStringLiteral(" (") + i.note + QLatin1Char(')'));
    for (const DeployStep &s : std::as_const(plan.steps))
        if (!plan.targets.contains(s.host))
            plan.targets.insert(s.host, deployPlan.targets.value(s.host));
    return out;
}

} // namespace pgha
