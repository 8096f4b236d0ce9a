#include "deploy/HaproxyScalePlan.h"

#include "core/drift/DriftReport.h"
#include "core/generate/GenUtil.h"
#include "core/model/Platform.h"
#include "core/pki/ClusterTls.h"
#include "core/model/Topology.h"
#include "deploy/ApplyPlan.h"
#include "deploy/DeployScripts.h"
#include "deploy/PatroniScripts.h"

#include <QCoreApplication>

namespace pgha {

using namespace DeployScripts;

namespace {

QStringList joiningHosts(const DriftReport &report)
{
    QStringList out;
    for (const DriftItem &i : report.withFix(DriftItem::Fix::AddHaproxy))
        if (i.area == DriftItem::Area::Topology && !out.contains(i.host))
            out << i.host;
    return out;
}

// The leaving host's services stopped (HAProxy, then keepalived: a floating address it holds moves to a peer);
// nothing else touched, its files stay.
QString stopScript()
{
    return QStringLiteral("[ -e %1 ] || echo 'no %1 here'\n"
                          "for s in haproxy keepalived; do\n"
                          "  if [ -d /run/systemd/system ]; then systemctl is-active --quiet \"$s\" || "
                          "systemctl is-enabled --quiet \"$s\" 2>/dev/null || continue\n"
                          "  else [ -s /run/$s.pid ] || continue; fi\n"
                          "  echo \"stopping $s\"\n"
                          "  case $s in\n"
                          "  haproxy) %2 ;;\n"
                          "  keepalived) %3 ;;\n"
                          "  esac\n"
                          "done\n"
                          "if %4; then echo 'HAProxy still runs'; exit 1; fi\n"
                          "echo 'HAProxy stopped; its files kept'")
        .arg(q(Platform::haproxyConfigPath()), PatroniScripts::stopService(QStringLiteral("haproxy"), true),
             PatroniScripts::stopService(QStringLiteral("keepalived"), true), runningTest(QStringLiteral("haproxy")));
}

} // namespace

HaproxyScaleFirst appendHaproxyScaleFirst(ApplyPlan *out, const Topology &topology, const DeployPlan &deployPlan,
                                          const DriftReport &report)
{
    HaproxyScaleFirst first;
    DeployPlan &plan = out->plan;
    for (const QString &h : joiningHosts(report)) {
        const DeployStep *check = deployPlan.step(QStringLiteral("check:") + h);
        if (!check || plan.step(check->id))
            continue;
        DeployStep s = *check;
        s.deps.clear();
        plan.steps << s;
        first.checks << s.id;
    }

    // A leaving host is reached like the design's HAProxy hosts (its SSH user, port and key).
    SshTarget like;
    const QList<const Host *> haHosts = topology.hostsWith(Role::HAProxy);
    const Host *model = haHosts.isEmpty() ? (topology.hosts.isEmpty() ? nullptr : &topology.hosts.first()) : haHosts.first();
    if (model)
        like = deployPlan.targets.value(model->name);
    for (const DriftItem &i : report.withFix(DriftItem::Fix::RemoveHaproxy)) {
        const std::optional<SshTarget> target = leavingHostTarget(like, i.host, i.address);
        if (!target || topology.hostByName(i.host) || !model) {
            out->notPlanned << QCoreApplication::translate("pgha::Deploy", "topology %1: HAProxy not stopped (its name or address %2 is not usable)")
                                   .arg(i.host, i.address);
            continue;
        }
        plan.targets.insert(i.host, *target);
        DeployStep s;
        s.id = QStringLiteral("haproxy-stop:") + i.host;
        s.host = i.host;
        s.title = QCoreApplication::translate("pgha::Deploy", "stop HAProxy on the host that leaves (its files kept)");
        s.probe = QStringLiteral("! { %1; } && ! { %2; }").arg(runningTest(QStringLiteral("haproxy")), runningTest(QStringLiteral("keepalived")));
        DeployOp o;
        o.kind = DeployOp::Kind::Run;
        o.title = QCoreApplication::translate("pgha::Deploy", "stop HAProxy and keepalived, disable them under systemd");
        o.script = stopScript();
        o.timeoutSec = 90;
        o.diagnose = serviceLog(QStringLiteral("haproxy"));
        s.ops << o;
        plan.steps << s;
        first.stops << s.id;
    }
    return first;
}

namespace {

// TLS: PostgreSQL on MEMBER re-reads its (rewritten) certificate, then presents one that names every joining host.
DeployStep tlsReloadStep(const Topology &topology, const Host &member, const QStringList &joiningAddresses, const QStringList &deps)
{
    const int port = topology.cluster.postgres.port;
    DeployStep s;
    s.id = QStringLiteral("pg-tls-reload:") + member.name;
    s.host = member.name;
    s.title = QCoreApplication::translate("pgha::Deploy", "PostgreSQL presents its new certificate (it names the joining HAProxy host)");
    s.deps = deps;
    QString verify;
    for (const QString &a : joiningAddresses)
        verify += QStringLiteral("openssl s_client -starttls postgres -connect %1 -CAfile %2 -verify_return_error -verify_ip %3 "
                                 "</dev/null >/dev/null 2>&1 || { echo 'the certificate does not name %4 yet'; exit 1; }\n")
                      .arg(q(GenUtil::hostPort(member.address, port)), q(ClusterTls::caPath()), q(a), a);
    DeployOp reload;
    reload.kind = DeployOp::Kind::Run;
    reload.title = QCoreApplication::translate("pgha::Deploy", "reload PostgreSQL (pg_reload_conf)");
    reload.script = QStringLiteral("setpriv --reuid=postgres --regid=postgres --init-groups --reset-env "
                                   "\"$(command -v psql || echo %1/psql)\" -h /run/postgresql -p %2 -d postgres -XAtq "
                                   "-c 'select pg_reload_conf()' </dev/null")
                        .arg(q(GenUtil::postgresBinDir(topology, member)))
                        .arg(port);
    reload.timeoutSec = 30;
    s.probe = verify + QStringLiteral("true");
    s.ops << reload << waitOp(QCoreApplication::translate("pgha::Deploy", "its certificate names the joining HAProxy host"),
                              verify + QStringLiteral("echo 'the certificate names the joining HAProxy host'"),
                              DeployOp::Until::ExitZero, 30);
    return s;
}

} // namespace

QStringList appendHaproxyJoins(DeployPlan *plan, const Topology &topology, const DeployPlan &deployPlan,
                               const DriftReport &report, const QStringList &phase)
{
    QStringList next;
    QStringList before = phase;  // what every joining host waits for
    const QStringList joining = joiningHosts(report);
    if (topology.cluster.security.tls && !joining.isEmpty()) {
        QStringList addresses;
        for (const QString &h : joining)
            if (const Host *host = topology.hostByName(h); host && plan->step(QStringLiteral("check:") + h))
                addresses << host->address;
        QStringList reloads;
        for (const Host *m : topology.hostsWith(Role::Postgres)) {
            if (addresses.isEmpty() || report.unreachable.contains(m->name))
                continue;
            const DeployStep s = tlsReloadStep(topology, *m, addresses, phase);
            plan->steps << s;
            reloads << s.id;
        }
        if (!reloads.isEmpty())
            before = reloads;
    }
    for (const QString &h : joining) {
        if (!plan->step(QStringLiteral("check:") + h))
            continue;
        QStringList prev = before;
        if (!prev.contains(QStringLiteral("check:") + h))
            prev << QStringLiteral("check:") + h;
        // The deploy's own steps for this host, in its order, each after the one before.
        for (const QString &kind : {QStringLiteral("packages:"), QStringLiteral("files:"), QStringLiteral("haproxy-start:"),
                                    QStringLiteral("haproxy-ready:")}) {
            const DeployStep *d = deployPlan.step(kind + h);
            if (!d)
                continue;
            if (plan->step(d->id)) {  // a host that also joins as a database member: its packages and files are there
                prev = QStringList{d->id};
                continue;
            }
            DeployStep s = *d;
            s.deps = prev;
            plan->steps << s;
            prev = QStringList{s.id};
        }
        const QString ready = QStringLiteral("haproxy-ready:") + h;
        if (!plan->step(ready))
            continue;
        next << ready;
        // After it routes: keepalived (the floating address), PgBouncer in front of it, the routing proof.
        const QStringList after = {QStringLiteral("keepalived-start:") + h, QStringLiteral("pgbouncer-start:") + h,
                                   QStringLiteral("pgbouncer-ready:") + h, QStringLiteral("routing:") + h};
        for (const QString &id : after) {
            const DeployStep *d = deployPlan.step(id);
            if (!d || plan->step(id))
                continue;
            DeployStep s = *d;
            s.deps = QStringList{id.startsWith(QLatin1String("pgbouncer-ready:")) ? QStringLiteral("pgbouncer-start:") + h : ready};
            plan->steps << s;
            next << s.id;
        }
    }
    return next.isEmpty() ? phase : next;
}

} // namespace pgha
