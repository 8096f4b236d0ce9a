#include "deploy/EtcdScalePlan.h"

#include "core/generate/GenUtil.h"
#include "core/model/Platform.h"
#include "core/model/Topology.h"
#include "core/pki/ClusterTls.h"
#include "core/util/Grammar.h"
#include "core/validation/EtcdTransition.h"
#include "deploy/DeployScripts.h"
#include "deploy/PatroniScripts.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSet>

namespace pgha {

using namespace DeployScripts;

namespace {

// `etcdctl` as a shell function `e` (v3 API, a bounded wait, the host's own certificate under TLS), then the
// member list of the endpoint in $list. Every later line may use e, $ep and $list.
QString etcdctlPrelude(const Topology &t, const QString &endpoint)
{
    const QString tlsArgs = GenUtil::tls(t) ? QStringLiteral(" --cacert=%1 --cert=%2 --key=%3")
                                                  .arg(q(ClusterTls::caPath()), q(ClusterTls::certPath()), q(ClusterTls::etcdKeyPath()))
                                            : QString();
    return QStringLiteral("ep=%1\n"
                          "e() { ETCDCTL_API=3 etcdctl --dial-timeout=3s --command-timeout=5s%2 \"$@\"; }\n"
                          "list=$(e --endpoints=\"$ep\" member list) || { echo \"etcd does not answer at $ep\"; exit 1; }\n")
        .arg(q(endpoint), tlsArgs);
}

// Exits 0 when $list (etcdctl member list: "id, started, name, peer, client, learner") holds PEER.
QString hasPeer(const QString &peer)
{
    return QStringLiteral("printf '%s\\n' \"$list\" | awk -F', ' -v p=%1 '$4 == p {f = 1} END {exit !f}'").arg(q(peer));
}

// Refuses unless every member is started and healthy.
QString allHealthyGuard()
{
    return QStringLiteral(
        "if printf '%s\\n' \"$list\" | grep -q ', unstarted, '; then\n"
        "  echo 'refused: a member was added but has not started (etcdctl member list):'; printf '%s\\n' \"$list\"; exit 1\n"
        "fi\n"
        "e --endpoints=\"$ep\" endpoint health --cluster || { echo 'refused: not every etcd member is healthy'; exit 1; }\n"
        "n=$(printf '%s\\n' \"$list\" | grep -c .)\n");
}

// etcd's own guard (strict-reconfig-check) refuses a membership change until every voting member has been
// connected to the leader for 5 s ("etcdserver: unhealthy cluster", "not enough started members"): right after a
// member joined or restarted. Retried for up to 30 s; any other error fails at once.
QString retryReconfig(const QString &command)
{
    return QStringLiteral("i=0\n"
                          "until out=$(%1 2>&1); do\n"
                          "  case \"$out\" in\n"
                          "    *'unhealthy cluster'*|*'not enough started members'*)\n"
                          "      i=$((i + 1)); [ $i -lt 30 ] || { printf '%s\\n' \"$out\"; exit 1; }; sleep 1;;\n"
                          "    *) printf '%s\\n' \"$out\"; exit 1;;\n"
                          "  esac\n"
                          "done\n"
                          "printf '%s\\n' \"$out\"\n")
        .arg(command);
}

// An op of these steps: etcd's log explains a failure.
DeployOp op(const QString &title, const QString &script, int timeoutSec, DeployOp::Kind kind = DeployOp::Kind::Run)
{
    DeployOp o = kind == DeployOp::Kind::WaitFor ? waitOp(title, script, DeployOp::Until::ExitZero, timeoutSec)
                                                 : runOp(title, script, serviceLog(QStringLiteral("etcd")));
    o.timeoutSec = timeoutSec;
    o.service = QStringLiteral("etcd");
    return o;
}

} // namespace

QString etcdAllHealthyScript(const Topology &topology, const QString &clientUrl)
{
    return etcdctlPrelude(topology, clientUrl) + allHealthyGuard();
}

EtcdScaleSteps addEtcdScaleSteps(DeployPlan *plan, const Topology &topology, const DeployPlan &deployPlan,
                                 const DriftDesign &design, const DriftReport &report, const QStringList &after,
                                 bool purge)
{
    EtcdScaleSteps out;
    const QList<DriftItem> adds = report.withFix(DriftItem::Fix::EtcdAddMember);
    QStringList addHosts;
    for (const DriftItem &i : adds)
        if (i.area == DriftItem::Area::Topology && !addHosts.contains(i.host) && topology.hostByName(i.host))
            addHosts << i.host;
    QList<DriftItem> removes;
    for (const DriftItem &i : report.withFix(DriftItem::Fix::EtcdRemoveMember))
        removes << i;
    if (addHosts.isEmpty() && removes.isEmpty())
        return out;
    const auto &e = topology.cluster.etcd;
    auto peerOf = [&](const QString &h) { return design.etcdPeerUrls.value(h); };
    auto clientOf = [&](const Host &h) { return GenUtil::serviceUrl(topology, h.address, e.clientPort); };

    // The member that runs the membership commands: a host of the design that is a started member and stays.
    const Host *runner = nullptr;
    QSet<QString> leaving;
    for (const DriftItem &i : removes)
        leaving.insert(i.host);
    QStringList joined;          // name=peer of the started members that stay, in list order
    QStringList leavingEntries;  // ... of the leaving ones: part of the list until they are removed
    for (const EtcdParser::Member &m : report.etcdMembers) {
        if (m.name.isEmpty() || m.peerUrls.isEmpty())
            continue;
        (leaving.contains(m.name) ? leavingEntries : joined) << m.name + QLatin1Char('=') + m.peerUrls.first();
        if (!runner && !leaving.contains(m.name) && design.etcdHosts.contains(m.name) && !report.unreachable.contains(m.name))
            runner = topology.hostByName(m.name);
    }
    if (!runner) {
        out.notPlanned << QCoreApplication::translate("pgha::Deploy", "etcd membership: not changed (no member of the design that stays answers)");
        return out;
    }
    const QString runnerUrl = clientOf(*runner);

    QStringList current;
    for (const EtcdParser::Member &m : report.etcdMembers) {
        bool isAdded = false;
        for (const QString &h : std::as_const(addHosts))
            isAdded = isAdded || m.peerUrls.contains(peerOf(h));
        if (!isAdded)
            current << (m.name.isEmpty() ? m.id : m.name);
    }
    QStringList removeNames;
    for (const DriftItem &i : std::as_const(removes))
        removeNames << i.host;
    const EtcdTransition t = planEtcdTransition(current, addHosts, removeNames);
    if (t.refused) {
        for (const Finding &f : t.findings)
            out.notPlanned << QStringLiteral("[%1] %2").arg(f.ruleId, f.message);
        return out;
    }
    QStringList parts{QString::number(t.counts.value(0))};
    for (const EtcdTransition::Step &s : t.steps)
        parts << QStringLiteral("%1 (%2%3)").arg(s.after).arg(s.add ? QLatin1Char('+') : QLatin1Char('-')).arg(s.member);
    out.transition = QCoreApplication::translate("pgha::Deploy", "etcd members, one at a time: %1").arg(parts.join(QStringLiteral(" -> ")));
    for (const Finding &f : t.findings)
        out.transition += QStringLiteral("\n[%1] %2").arg(f.ruleId, f.message);

    // Every new host is checked before anything changes; then the quorum.
    QStringList checks;
    for (const QString &h : std::as_const(addHosts)) {
        const QString id = QStringLiteral("check:") + h;
        if (plan->step(id)) {
            checks << id;
            continue;
        }
        if (const DeployStep *check = deployPlan.step(id)) {
            DeployStep s = *check;
            s.deps = after;
            plan->steps << s;
            checks << s.id;
        }
    }
    DeployStep quorum;
    quorum.id = QStringLiteral("etcd-quorum");
    quorum.host = runner->name;
    quorum.title = QCoreApplication::translate("pgha::Deploy", "etcd: every member started and healthy before its membership changes");
    quorum.deps = after + checks;
    quorum.deps.removeDuplicates();
    quorum.ops << op(QCoreApplication::translate("pgha::Deploy", "etcdctl member list, endpoint health --cluster"),
                     etcdAllHealthyScript(topology, runnerUrl) + QStringLiteral("echo \"$n members, every one healthy\""), 60);
    plan->steps << quorum;
    out.quorum = quorum.id;
    out.growOnly = !addHosts.isEmpty() && removes.isEmpty();
    QString prev = quorum.id;

    // Growth, one member at a time.
    for (const QString &name : std::as_const(addHosts)) {
        const Host *h = topology.hostByName(name);
        const QString peer = peerOf(name);
        QStringList prepared{prev};
        for (const QString &kind : {QStringLiteral("packages:"), QStringLiteral("files:")}) {
            const QString id = kind + name;
            if (plan->step(id)) {  // the files phase writes it already (a running database host gains etcd)
                prepared << id;
                continue;
            }
            const DeployStep *d = deployPlan.step(id);
            if (!d)
                continue;
            DeployStep s = *d;
            s.deps = QStringList{QStringLiteral("check:") + name, quorum.id};
            if (kind == QLatin1String("files:") && plan->step(QStringLiteral("packages:") + name))
                s.deps << QStringLiteral("packages:") + name;
            s.deps.removeDuplicates();
            plan->steps << s;
            prepared << s.id;
        }

        DeployStep add;
        add.id = QStringLiteral("etcd-member-add:") + name;
        add.host = runner->name;
        add.title = QCoreApplication::translate("pgha::Deploy", "etcd member add %1 (on a member that stays)").arg(name);
        add.deps = prepared;
        add.probe = etcdctlPrelude(topology, runnerUrl) + hasPeer(peer);
        add.ops << op(QCoreApplication::translate("pgha::Deploy", "refuse unless every member is healthy and the running ones stay a majority; member add"),
                      etcdctlPrelude(topology, runnerUrl) + QStringLiteral("if %1; then echo %2; exit 0; fi\n").arg(hasPeer(peer), q(name + QStringLiteral(" is a member already")))
                          + allHealthyGuard()
                          + QStringLiteral("[ \"$n\" -ge $(( (n + 1) / 2 + 1 )) ] || { echo \"refused: $n running of $((n + 1)) is no majority "
                                           "until the new member runs\"; exit 1; }\n")
                          + retryReconfig(QStringLiteral("e --endpoints=\"$ep\" member add %1 --peer-urls=%2").arg(q(name), q(peer))),
                      60);
        plan->steps << add;

        // The members before it (the leaving ones are still there) and itself: etcd compares the list.
        const QStringList initial = joined + leavingEntries + QStringList{name + QLatin1Char('=') + peer};
        const QString joinEnv = QStringLiteral("/run/pgha/etcd-join.env");
        const QString dropIn = QStringLiteral("/run/systemd/system/etcd.service.d/pgha-join.conf");
        const QString prepare = QStringLiteral(
                                    "install -d -o etcd -g etcd -m 0700 /var/lib/etcd\n"
                                    "install -d -m 0755 /run/pgha\n"
                                    "printf '%s\\n' %1 %2 >%3\n"
                                    "if [ -d /run/systemd/system ]; then\n"
                                    "  mkdir -p /run/systemd/system/etcd.service.d\n"
                                    "  printf '[Service]\\nEnvironmentFile=%3\\n' >%4\n"
                                    "fi")
                                    .arg(q(QStringLiteral("ETCD_INITIAL_CLUSTER_STATE=\"existing\"")),
                                         q(QStringLiteral("ETCD_INITIAL_CLUSTER=\"%1\"").arg(initial.join(QLatin1Char(',')))), joinEnv, dropIn);
        const QString direct = QStringLiteral("setpriv --reuid=etcd --regid=etcd --init-groups --reset-env sh -c %1")
                                   .arg(q(QStringLiteral("set -a; . %1; . %2; exec etcd").arg(Platform::etcdEnvFilePath(h->os), joinEnv)));
        DeployStep start;
        start.id = QStringLiteral("etcd-start:") + name;
        start.host = name;
        start.title = QCoreApplication::translate("pgha::Deploy", "start etcd as a member joining the running cluster (initial-cluster-state existing)");
        start.deps = QStringList{add.id};
        start.probe = QStringLiteral("if [ -d /run/systemd/system ]; then systemctl is-active --quiet etcd; "
                                     "else [ -s /run/etcd.pid ] && kill -0 \"$(cat /run/etcd.pid)\" 2>/dev/null; fi");
        start.ops << op(QCoreApplication::translate("pgha::Deploy", "start etcd (initial cluster: %1)").arg(initial.join(QLatin1Char(','))),
                        startScript(QStringLiteral("etcd"), QStringLiteral("etcd"), prepare, direct), 60);
        plan->steps << start;

        DeployStep healthy;
        healthy.id = QStringLiteral("etcd-healthy:") + name;
        healthy.host = name;
        healthy.title = QCoreApplication::translate("pgha::Deploy", "wait until %1 is started and every etcd member healthy").arg(name);
        healthy.deps = QStringList{start.id};
        healthy.ops << op(QCoreApplication::translate("pgha::Deploy", "%1 started, every member healthy").arg(name),
                          etcdctlPrelude(topology, runnerUrl)
                              + QStringLiteral("printf '%s\\n' \"$list\" | awk -F', ' -v n=%1 '$3 == n && $2 == \"started\" {f = 1} END {exit !f}' "
                                               "|| { echo %2; exit 1; }\n")
                                    .arg(q(name), q(name + QStringLiteral(" has not started yet")))
                              + allHealthyGuard(),
                          90, DeployOp::Kind::WaitFor);
        healthy.ops.last().diagnose = serviceLog(QStringLiteral("etcd"));
        // Its first start is over: later starts read the design's files alone (the data directory exists now).
        healthy.ops << op(QCoreApplication::translate("pgha::Deploy", "drop the join settings of the first start"),
                          QStringLiteral("rm -f %1\nif [ -f %2 ]; then rm -f %2; systemctl daemon-reload; fi").arg(joinEnv, dropIn), 30);
        plan->steps << healthy;
        prev = healthy.id;
        joined << name + QLatin1Char('=') + peer;
    }

    // Shrink, one member at a time; the member that runs the commands stays.
    SshTarget like = deployPlan.targets.value(runner->name);
    for (const DriftItem &i : std::as_const(removes)) {
        const QString peer = i.actual.section(QLatin1Char(','), 0, 0);
        DeployStep rm;
        rm.id = QStringLiteral("etcd-member-remove:") + i.host;
        rm.host = runner->name;
        rm.title = QCoreApplication::translate("pgha::Deploy", "etcd member remove %1 (on a member that stays; leadership moved away first)").arg(i.host);
        rm.deps = QStringList{prev};
        rm.probe = etcdctlPrelude(topology, runnerUrl) + QStringLiteral("! ") + hasPeer(peer);
        rm.ops << op(QCoreApplication::translate("pgha::Deploy", "every etcd member healthy"), etcdAllHealthyScript(topology, runnerUrl), 60, DeployOp::Kind::WaitFor);
        rm.ops << op(QCoreApplication::translate("pgha::Deploy", "move the leadership away if it leads, then member remove"),
                     etcdctlPrelude(topology, runnerUrl)
                         + QStringLiteral("id=$(printf '%s\\n' \"$list\" | awk -F', ' -v p=%1 '$4 == p {print $1}')\n"
                                          "[ -n \"$id\" ] || { echo %2; exit 0; }\n")
                               .arg(q(peer), q(i.host + QStringLiteral(" is no longer a member")))
                         + allHealthyGuard()
                         + QStringLiteral("[ \"$n\" -ge 2 ] || { echo 'refused: the last member is not removed'; exit 1; }\n"
                                          "status=$(e --endpoints=\"$ep\" endpoint status --cluster) || exit 1\n"
                                          "leader=$(printf '%s\\n' \"$status\" | awk -F', ' '$5 == \"true\" {print $2}')\n"
                                          "if [ \"$leader\" = \"$id\" ]; then\n"
                                          "  from=$(printf '%s\\n' \"$status\" | awk -F', ' -v i=\"$id\" '$2 == i {print $1}')\n"
                                          "  to=$(printf '%s\\n' \"$status\" | awk -F', ' -v u=\"$ep\" '$1 == u {print $2}')\n"
                                          "  e --endpoints=\"$from\" move-leader \"$to\" || exit 1\n"
                                          "fi\n")
                         + retryReconfig(QStringLiteral("e --endpoints=\"$ep\" member remove \"$id\"")),
                     60);
        plan->steps << rm;
        prev = rm.id;

        // etcd stopped on the host that left (a removed member stops by itself; disabled under systemd).
        const QHostAddress address(i.address);
        const Host *inDesign = topology.hostByName(i.host);
        if (!Grammar::isRfc1123HostName(i.host) || (address.isNull() && !inDesign)) {
            out.notPlanned << QCoreApplication::translate("pgha::Deploy", "etcd %1: removed from the member list; etcd not stopped there (its name or address %2 is not usable)")
                                  .arg(i.host, i.address);
            continue;
        }
        if (!deployPlan.targets.contains(i.host)) {
            SshTarget target = like;
            target.hostName = i.host;
            target.address = address.toString();
            plan->targets.insert(i.host, target);
        }
        DeployStep stop;
        stop.id = QStringLiteral("etcd-stop:") + i.host;
        stop.host = i.host;
        stop.title = purge ? QCoreApplication::translate("pgha::Deploy", "stop etcd on the member that left, delete its data directory (--purge)")
                           : QCoreApplication::translate("pgha::Deploy", "stop etcd on the member that left (its data directory kept)");
        stop.deps = QStringList{rm.id};
        stop.ops << op(QCoreApplication::translate("pgha::Deploy", "stop etcd"), PatroniScripts::stopService(QStringLiteral("etcd"), true), 60);
        if (purge)
            stop.ops << op(QCoreApplication::translate("pgha::Deploy", "delete %1").arg(Platform::etcdDataDir()),
                           QStringLiteral("if pgrep -x etcd >/dev/null; then echo 'etcd still runs here: the data stays'; exit 1; fi\n"
                                          "rm -rf %1 && echo deleted %1")
                               .arg(q(Platform::etcdDataDir())),
                           60);
        plan->steps << stop;
        out.done << stop.id;
    }
    out.done << prev;
    for (const DeployStep &s : std::as_const(plan->steps))
        if (!plan->targets.contains(s.host) && deployPlan.targets.contains(s.host))
            plan->targets.insert(s.host, deployPlan.targets.value(s.host));
    return out;
}

} // namespace pgha
