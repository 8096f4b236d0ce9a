// The deploy phases in front of the cluster: HAProxy, keepalived, the routing proof (DeployPlanContext.h).
#include "deploy/DeployPlanContext.h"

#include "deploy/DeployScripts.h"

#include "core/generate/GenUtil.h"
#include "core/generate/GeneratedFile.h"
#include "core/generate/HAProxyConfig.h"
#include "core/generate/InstallScript.h"
#include "core/generate/KeepalivedConfig.h"
#include "core/generate/PatroniPip.h"
#include "core/generate/PgBouncerConfig.h"
#include "core/generate/SystemdUnits.h"
#include "core/generate/TlsFiles.h"
#include "core/model/Platform.h"
#include "core/model/Secrets.h"
#include "core/model/Topology.h"
#include "core/pki/ClusterTls.h"
#include "core/util/ShellQuote.h"

#include <QCoreApplication>

namespace pgha {
namespace DeployPhases {

using namespace DeployScripts;

void addHaproxy(DeployPlanContext &x)
{
    DeployPlan &plan = x.plan;
    const Secrets &secrets = x.secrets;
    const Cluster &c = x.topology.cluster;
    const QList<const Host *> &haHosts = x.haHosts;
    // 6. HAProxy, ready when exactly one server is UP in the primary pool (all are UP before the first check).
    for (const Host *h : haHosts) {
        DeployStep s;
        s.id = QStringLiteral("haproxy-start:") + h->name;
        s.host = h->name;
        s.title = QCoreApplication::translate("pgha::Deploy", "start HAProxy");
        s.deps = x.filesDep(h);
        if (plan.step(QStringLiteral("patroni-replicas")))
            s.deps << QStringLiteral("patroni-replicas");
        if (x.poolerOnDb)
            s.deps << x.poolerReadyIds;  // HAProxy's servers are the poolers
        s.probe = startedTest(QStringLiteral("haproxy"));
        const QString cfg = q(Platform::haproxyConfigPath());
        s.ops << runOp(QCoreApplication::translate("pgha::Deploy", "start HAProxy"),
                       startScript(QStringLiteral("haproxy"), QStringLiteral("root"),
                                   // An empty saved state ("1": the file's version) until the first reload saves one.
                                   QStringLiteral("mkdir -p /run/haproxy && { [ -s %2 ] || echo 1 >%2; } && haproxy -c -q -f %1 || exit 1")
                                       .arg(cfg, q(HAProxyConfig::serverStatePath())),
                                   QStringLiteral("\"$(command -v haproxy)\" -db -f %1").arg(cfg)),
                       serviceLog(QStringLiteral("haproxy")));
        plan.steps << s;

        DeployStep r;
        r.id = QStringLiteral("haproxy-ready:") + h->name;
        r.host = h->name;
        r.title = QCoreApplication::translate("pgha::Deploy", "wait for HAProxy to route to the leader");
        r.deps = QStringList{s.id};
        r.deps << x.addReload(h, QStringLiteral("haproxy"), {s.id}, QStringLiteral("systemctl reload haproxy"),
                            // -x: the listening sockets from the old process (none refused during the handover).
                            QStringLiteral("  haproxy -c -q -f %1 || exit 1\n"
                                           "  old=$(cat /run/haproxy.pid)\n"
                                           "  x=; [ -S %2 ] && x=\"-x %2\"\n"
                                           "  cd /; setsid nohup \"$(command -v haproxy)\" -db -f %1 $x -sf \"$old\" "
                                           ">>/var/log/haproxy/haproxy.log 2>&1 </dev/null & echo $! >/run/haproxy.pid")
                                .arg(cfg, q(HAProxyConfig::adminSocketPath())),
                            haproxySaveStateScript());
        DeployOp w = waitOp(QCoreApplication::translate("pgha::Deploy", "exactly one server UP in the primary pool"),
                            httpGet(hostPortUrl(QStringLiteral("http"), h->address, c.haproxy.statsPort,
                                                QStringLiteral("/;csv")),
                                    true),
                            DeployOp::Until::HAProxyOnePrimary, 90);
        w.input = (secrets.haproxyStatsUser + QLatin1Char(':') + secrets.haproxyStatsPassword).toUtf8() + '\n';
        w.inputNote = QCoreApplication::translate("pgha::Deploy", "the HAProxy stats user and password");
        w.diagnose = serviceLog(QStringLiteral("haproxy"));
        w.service = QStringLiteral("haproxy");
        plan.steps << r;
        plan.steps.last().ops << w;
        if (x.poolerOn && !x.poolerOnDb)
            poolerStart(x, h, {r.id, QStringLiteral("pooler-auth")});  // in front of this host's HAProxy
    }
}

void addVip(DeployPlanContext &x)
{
    DeployPlan &plan = x.plan;
    const Cluster &c = x.topology.cluster;
    const QList<const Host *> &haHosts = x.haHosts;
    // 6b. The floating address: keepalived on each HAProxy host once its HAProxy routes (the track script checks
    // it), then the address answers on the primary port (docs/vip.md).
    if (c.vip.enabled() && haHosts.size() >= 2) {
        QStringList vipIds;
        for (const Host *h : haHosts) {
            DeployStep s;
            s.id = QStringLiteral("keepalived-start:") + h->name;
            s.host = h->name;
            s.title = QCoreApplication::translate("pgha::Deploy", "start keepalived (floating address %1)").arg(c.vip.address);
            s.deps = QStringList{QStringLiteral("haproxy-ready:") + h->name};
            s.probe = startedTest(QStringLiteral("keepalived"));
            const QString conf = q(KeepalivedConfig::configPath());
            QString prepare = QStringLiteral("sysctl -q -p %1 || exit 1\n").arg(q(KeepalivedConfig::sysctlPath()));
            if (c.vip.interface.isEmpty())
                prepare += KeepalivedConfig::interfaceScript(*h);
            prepare += QStringLiteral("keepalived -t -f %1 || exit 1").arg(conf);
            s.ops << runOp(QCoreApplication::translate("pgha::Deploy", "start keepalived"),
                           startScript(QStringLiteral("keepalived"), QStringLiteral("root"), prepare,
                                       QStringLiteral("\"$(command -v keepalived)\" -n -l -D -f %1 -p /run/keepalived.pid").arg(conf)),
                           serviceLog(QStringLiteral("keepalived")));
            plan.steps << s;
            vipIds << s.id
                   << x.addReload(h, QStringLiteral("keepalived"), {s.id}, QStringLiteral("systemctl reload keepalived"),
                                QStringLiteral("  kill -HUP \"$(cat /run/keepalived.pid)\""));
        }
        DeployStep v;
        v.id = QStringLiteral("vip-ready");
        v.host = haHosts.first()->name;
        v.title = QCoreApplication::translate("pgha::Deploy", "wait for the floating address");
        v.deps = vipIds;
        DeployOp w = waitOp(QCoreApplication::translate("pgha::Deploy", "HAProxy answers on %1").arg(GenUtil::hostPort(c.vip.address, c.haproxy.primaryPort)),
                            QStringLiteral("timeout 2 bash -c %1").arg(q(QStringLiteral("</dev/tcp/%1/%2").arg(c.vip.address, QString::number(c.haproxy.primaryPort)))),
                            DeployOp::Until::ExitZero, 60);
        w.diagnose = serviceLog(QStringLiteral("keepalived"));
        w.service = QStringLiteral("keepalived");
        v.ops << w;
        plan.steps << v;
    }
}

void addRouting(DeployPlanContext &x)
{
    DeployPlan &plan = x.plan;
    const Secrets &secrets = x.secrets;
    const Cluster &c = x.topology.cluster;
    const bool tls = x.tls;
    const QString &scheme = x.scheme;
    const QList<const Host *> &pgHosts = x.pgHosts;
    const QList<const Host *> &haHosts = x.haHosts;
    // 7. The proof: a write through the primary port, a read from a replica through the replica port.
    if (!pgHosts.isEmpty()) {
        for (const Host *h : haHosts) {
            DeployStep s;
            s.id = QStringLiteral("routing:") + h->name;
            s.host = pgHosts.first()->name;  // a host with psql
            s.title = QCoreApplication::translate("pgha::Deploy", "check writes and reads through HAProxy on %1").arg(h->name);
            s.deps = QStringList{QStringLiteral("haproxy-ready:") + h->name};
            if (tls) {
                // The privileged roles are not admitted through HAProxy (pg_hba), so no login here: each port's
                // TLS handshake shows which member answers. Port 5000 must present the leader's certificate
                // (as /cluster names it), port 5001 another member's, both verified against the cluster CA
                // and HAProxy's address.
                const QString clusterUrl = hostPortUrl(scheme, pgHosts.first()->address, c.patroni.restApiPort,
                                                       QStringLiteral("/cluster"));
                const QString py = QStringLiteral(
                    "import json, ssl, sys, urllib.request as u\n"
                    "c = ssl.create_default_context(cafile=sys.argv[2])\n"
                    "d = json.load(u.urlopen(sys.argv[1], timeout=3, context=c))\n"
                    "print(next(m['name'] for m in d['members'] if m.get('role') in ('leader', 'master')))\n");
                const auto endpoint = [&](int port) {
                    return q(hostPortUrl(QStringLiteral("x"), h->address, port).mid(4));  // "host:port", IPv6 in []
                };
                DeployOp w = waitOp(
                    QCoreApplication::translate("pgha::Deploy", "port %1 reaches the leader, port %2 a replica (by their certificates)")
                        .arg(c.haproxy.primaryPort)
                        .arg(c.haproxy.replicaPort),
                    QStringLiteral(
                        "ldr=$(python3 -c %1 %2 %3) || exit 1\n"
                        "cn() { openssl s_client -starttls postgres -connect \"$1\" -CAfile %3 -verify_return_error "
                        "-verify_ip %4 </dev/null 2>/dev/null | openssl x509 -noout -subject -nameopt multiline "
                        "| sed -n 's/^ *commonName *= *//p'; }\n"
                        "p=$(cn %5)\n"
                        "[ \"$p\" = \"$ldr\" ] || { echo \"port %6 reached '$p', the leader is $ldr\"; exit 1; }\n"
                        "r=$(cn %7)\n"
                        "{ [ -n \"$r\" ] && [ \"$r\" != \"$ldr\" ]; } || { echo \"port %8 reached '$r' (the leader is $ldr)\"; exit 1; }\n"
                        "echo \"port %6 reaches the leader $ldr, port %8 the replica $r (certificates verified): ok\"")
                        .arg(q(py), q(clusterUrl), q(ClusterTls::caPath()), q(h->address), endpoint(c.haproxy.primaryPort))
                        .arg(c.haproxy.primaryPort)
                        .arg(endpoint(c.haproxy.replicaPort))
                        .arg(c.haproxy.replicaPort),
                    DeployOp::Until::ExitZero, 60);
                s.ops << w;
                plan.steps << s;
                continue;
            }
            // Through PgBouncer on the database hosts the superuser is not admitted (the lookup function never
            // returns a superuser): the auth_user proves the path instead.
            const QString loginUser = x.poolerOnDb ? c.pooler.authUser : c.users.superuser;
            const auto conninfo = [&](int port) {
                // One .arg() pass: a value holding "%2" is never substituted again; values quoted for libpq.
                return q(QStringLiteral("host=%1 port=%2 user=%3 dbname=postgres connect_timeout=3")
                             .arg(GenUtil::conninfoValue(h->address), QString::number(port),
                                  GenUtil::conninfoValue(loginUser)));
            };
            DeployOp w = waitOp(
                QCoreApplication::translate("pgha::Deploy", "write via port %1, read from a replica via port %2").arg(c.haproxy.primaryPort).arg(c.haproxy.replicaPort),
                QStringLiteral(
                    "read -r PGPASSWORD; export PGPASSWORD\n"
                    "w=$(psql %1 -XAtq -c 'create temp table pgha_deploy_check(x int) on commit drop; insert into pgha_deploy_check "
                    "values (1); select count(*) from pgha_deploy_check where not pg_is_in_recovery()') || exit 1\n"
                    "[ \"$w\" = 1 ] || { echo 'the primary port reached a server in recovery'; exit 1; }\n"
                    "r=$(psql %2 -XAtq -c 'select pg_is_in_recovery()') || exit 1\n"
                    "[ \"$r\" = t ] || { echo 'the replica port reached the primary'; exit 1; }\n"
                    "echo 'write through the primary port and read from a replica through the replica port: ok'")
                    .arg(conninfo(c.haproxy.primaryPort), conninfo(c.haproxy.replicaPort)),
                DeployOp::Until::ExitZero, 60);
            w.input = (x.poolerOnDb ? secrets.poolerAuthPassword : secrets.superuserPassword).toUtf8() + '\n';
            w.inputNote = x.poolerOnDb ? QCoreApplication::translate("pgha::Deploy", "the PgBouncer auth_user's password")
                                     : QCoreApplication::translate("pgha::Deploy", "the superuser password");
            s.ops << w;
            plan.steps << s;
        }
    }
}

} // namespace DeployPhases
} // namespace pgha
