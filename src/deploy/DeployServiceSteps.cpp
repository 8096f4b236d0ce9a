// The deploy phases of the cluster services: etcd, Patroni, PgBouncer (DeployPlanContext.h).
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

void addEtcd(DeployPlanContext &x)
{
    DeployPlan &plan = x.plan;
    const Cluster &c = x.topology.cluster;
    const bool tls = x.tls;
    const QString &scheme = x.scheme;
    const QList<const Host *> &etcdHosts = x.etcdHosts;
    // 4. etcd on every member, then quorum.
    QStringList etcdStartIds;
    QMap<QString, QString> etcdDirect;  // the direct-mode command line by host, for a restart
    for (const Host *h : etcdHosts) {
        DeployStep s;
        s.id = QStringLiteral("etcd-start:") + h->name;
        s.host = h->name;
        s.title = QCoreApplication::translate("pgha::Deploy", "start etcd");
        s.deps = x.filesDep(h);
        s.probe = startedTest(QStringLiteral("etcd"));
        const QString direct = x.hasEtcdYaml.value(h->name)
            ? asUser(QStringLiteral("etcd"), QStringLiteral("etcd"),
                     QStringLiteral("--config-file ") + q(Platform::etcdConfigYamlPath()))
            : QStringLiteral("setpriv --reuid=etcd --regid=etcd --init-groups --reset-env sh -c %1")
                  .arg(q(QStringLiteral("set -a; . ") + Platform::etcdEnvFilePath(h->os) + QStringLiteral("; exec etcd")));
        s.ops << runOp(QCoreApplication::translate("pgha::Deploy", "start etcd"),
                       startScript(QStringLiteral("etcd"), QStringLiteral("etcd"),
                                   QStringLiteral("install -d -o etcd -g etcd -m 0700 /var/lib/etcd"), direct),
                       serviceLog(QStringLiteral("etcd")));
        etcdStartIds << s.id;
        etcdDirect.insert(h->name, direct);
        plan.steps << s;
    }
    // One member at a time: etcd cannot reload, and restarting every member at once would lose the quorum.
    QStringList etcdReloadIds;
    for (const Host *h : etcdHosts) {
        const QString direct = etcdDirect.value(h->name);
        etcdReloadIds << x.addReload(
            h, QStringLiteral("etcd"),
            QStringList{QStringLiteral("etcd-start:") + h->name} + (etcdReloadIds.isEmpty() ? QStringList{} : QStringList{etcdReloadIds.last()}),
            QStringLiteral("systemctl restart etcd"),
            QStringLiteral("  p=$(cat /run/etcd.pid); kill \"$p\"\n"
                           "  for i in $(seq 100); do kill -0 \"$p\" 2>/dev/null || break; sleep 0.1; done\n"
                           "  cd /; setsid nohup %1 >>/var/log/etcd/etcd.log 2>&1 </dev/null & echo $! >/run/etcd.pid")
                .arg(direct));
    }
    if (!etcdHosts.isEmpty()) {
        QStringList endpoints;
        for (const Host *h : etcdHosts)
            endpoints << hostPortUrl(scheme, h->address, c.etcd.clientPort);
        // With TLS etcd admits only clients with a certificate from the cluster CA: the member's own.
        const QString tlsArgs = tls ? QStringLiteral(" --cacert=%1 --cert=%2 --key=%3")
                                          .arg(q(ClusterTls::caPath()), q(ClusterTls::certPath()),
                                               q(ClusterTls::etcdKeyPath()))
                                    : QString();
        DeployStep s;
        s.id = x.quorumId = QStringLiteral("etcd-quorum");
        s.host = etcdHosts.first()->name;
        s.title = QCoreApplication::translate("pgha::Deploy", "wait for etcd quorum");
        s.deps = etcdStartIds + etcdReloadIds;
        s.ops << waitOp(QCoreApplication::translate("pgha::Deploy", "every etcd member healthy"),
                        QStringLiteral("ETCDCTL_API=3 etcdctl --endpoints=%1 --command-timeout=3s%2 endpoint health")
                            .arg(q(endpoints.join(QLatin1Char(','))), tlsArgs),
                        DeployOp::Until::ExitZero, 90);
        s.ops.last().diagnose = serviceLog(QStringLiteral("etcd"));
        s.ops.last().service = QStringLiteral("etcd");
        plan.steps << s;
    }
}

void addPatroni(DeployPlanContext &x)
{
    DeployPlan &plan = x.plan;
    const Topology &topology = x.topology;
    const Cluster &c = x.topology.cluster;
    const bool tls = x.tls;
    const QString &scheme = x.scheme;
    const QList<const Host *> &pgHosts = x.pgHosts;
    // 5. Patroni: one node bootstraps, the others join once there is a leader.
    QStringList patroniStartIds;
    QString leaderId;
    const auto patroniStart = [&](const Host *h, const QStringList &deps) {
        DeployStep s;
        s.id = QStringLiteral("patroni-start:") + h->name;
        s.host = h->name;
        s.title = QCoreApplication::translate("pgha::Deploy", "start Patroni");
        s.deps = deps + x.filesDep(h);
        if (x.pipIds.contains(h->name))
            s.deps << x.pipIds.value(h->name);
        s.probe = startedTest(QStringLiteral("patroni"));
        const QString dataDir = pgDataDir(topology, *h);
        // Only the missing components of the path are created; an existing parent keeps its owner.
        const QString prepare = GenUtil::dataDirScript(dataDir)
            + QStringLiteral("install -d -o postgres -g postgres -m 2775 /run/postgresql");
        s.ops << runOp(QCoreApplication::translate("pgha::Deploy", "start Patroni"),
                       startScript(QStringLiteral("patroni"), QStringLiteral("postgres"), prepare,
                                   asUser(QStringLiteral("postgres"),
                                          Platform::patroniBinary(h->os, c.patroni.install),
                                          q(Platform::patroniConfigPath(h->os)))),
                       serviceLog(QStringLiteral("patroni")));
        patroniStartIds << s.id;
        plan.steps << s;
    };
    if (!pgHosts.isEmpty()) {
        const Host *first = pgHosts.first();
        const QString clusterUrl = hostPortUrl(scheme, first->address, c.patroni.restApiPort,
                                               QStringLiteral("/cluster"));
        const QString ca = tls ? ClusterTls::caPath() : QString();
        patroniStart(first, x.quorumId.isEmpty() ? QStringList{} : QStringList{x.quorumId});
        DeployStep lead;
        lead.id = leaderId = QStringLiteral("patroni-leader");
        lead.host = first->name;
        lead.title = QCoreApplication::translate("pgha::Deploy", "wait for the Patroni leader");
        lead.deps = QStringList{patroniStartIds.first()};
        lead.ops << waitOp(QCoreApplication::translate("pgha::Deploy", "a leader in /cluster"), httpGet(clusterUrl, false, ca),
                           DeployOp::Until::PatroniLeader, 180);
        lead.ops.last().diagnose = serviceLog(QStringLiteral("patroni"));
        lead.ops.last().service = QStringLiteral("patroni");
        plan.steps << lead;
        for (int i = 1; i < pgHosts.size(); ++i)
            patroniStart(pgHosts.at(i), {leaderId});
        DeployStep rep;
        rep.id = QStringLiteral("patroni-replicas");
        rep.host = first->name;
        rep.title = QCoreApplication::translate("pgha::Deploy", "wait until every replica runs");
        rep.deps = patroniStartIds;
        for (const Host *h : pgHosts)
            rep.deps << x.addReload(h, QStringLiteral("patroni"), {QStringLiteral("patroni-start:") + h->name},
                                  QStringLiteral("systemctl reload patroni"),
                                  QStringLiteral("  kill -HUP \"$(cat /run/patroni.pid)\""));
        DeployOp w = waitOp(QCoreApplication::translate("pgha::Deploy", "every member running, replicas with a known lag"), httpGet(clusterUrl, false, ca),
                            DeployOp::Until::PatroniReplicasRunning, 300);
        w.expectedMembers = int(pgHosts.size());
        w.diagnose = serviceLog(QStringLiteral("patroni"));
        w.service = QStringLiteral("patroni");
        rep.ops << w;
        plan.steps << rep;
    }
}

void poolerStart(DeployPlanContext &x, const Host *h, const QStringList &deps)
{
    DeployPlan &plan = x.plan;
    const Cluster &c = x.topology.cluster;
    const QString user = Platform::pgbouncerUser(h->os);
    const QString ini = q(Platform::pgbouncerConfigPath());
    DeployStep s;
    s.id = QStringLiteral("pgbouncer-start:") + h->name;
    s.host = h->name;
    s.title = QCoreApplication::translate("pgha::Deploy", "start PgBouncer");
    s.deps = deps + x.filesDep(h);
    s.probe = startedTest(QStringLiteral("pgbouncer"));
    s.ops << runOp(QCoreApplication::translate("pgha::Deploy", "start PgBouncer"),
                   startScript(QStringLiteral("pgbouncer"), user, QStringLiteral("true"),
                               asUser(user, QStringLiteral("pgbouncer"), ini)),
                   serviceLog(QStringLiteral("pgbouncer")));
    plan.steps << s;
    DeployStep r;
    r.id = QStringLiteral("pgbouncer-ready:") + h->name;
    r.host = h->name;
    r.title = QCoreApplication::translate("pgha::Deploy", "wait for PgBouncer to listen");
    r.deps = QStringList{s.id};
    r.deps << x.addReload(h, QStringLiteral("pgbouncer"), {s.id}, QStringLiteral("systemctl reload pgbouncer"),
                        QStringLiteral("  kill -HUP \"$(cat /run/pgbouncer.pid)\""));
    DeployOp w = waitOp(QCoreApplication::translate("pgha::Deploy", "PgBouncer accepts connections on port %1").arg(c.pooler.port),
                        QStringLiteral("python3 -c %1 %2 %3")
                            .arg(q(QStringLiteral("import socket, sys\n"
                                                  "socket.create_connection((sys.argv[1], int(sys.argv[2])), 3).close()\n")),
                                 q(h->address), QString::number(c.pooler.port)),
                        DeployOp::Until::ExitZero, 60);
    w.diagnose = serviceLog(QStringLiteral("pgbouncer"));
    w.service = QStringLiteral("pgbouncer");
    r.ops << w;
    plan.steps << r;
    x.poolerReadyIds << r.id;
}

void addPooler(DeployPlanContext &x)
{
    DeployPlan &plan = x.plan;
    const Topology &topology = x.topology;
    const Secrets &secrets = x.secrets;
    const Cluster &c = x.topology.cluster;
    const QList<const Host *> &pgHosts = x.pgHosts;
    // 5b. PgBouncer (docs/pooler.md): the auth_query role and lookup function on the leader, then PgBouncer on
    // each pooler host. On the database hosts it must listen before HAProxy sends clients to its port.
    x.poolerOn = c.pooler.enabled && !pgHosts.isEmpty();
    x.poolerOnDb = x.poolerOn && c.pooler.placement == PoolerPlacement::Database;
    if (x.poolerOn) {
        // The role and the function, idempotently, on the primary through its socket as postgres (peer); the
        // SQL holds the role's password and reaches psql on stdin only.
        const Host *first = pgHosts.first();
        DeployStep s;
        s.id = QStringLiteral("pooler-auth");
        s.host = first->name;
        s.title = QCoreApplication::translate("pgha::Deploy", "create PgBouncer's auth_query role and lookup function");
        s.deps = QStringList{QStringLiteral("patroni-replicas")};
        const QString psql = QStringLiteral("setpriv --reuid=postgres --regid=postgres --init-groups --reset-env "
                                            "\"$(command -v psql || echo %1/psql)\" -h /run/postgresql -p %2 -d postgres -XAtq")
                                 .arg(q(GenUtil::postgresBinDir(topology, *first)))
                                 .arg(c.postgres.port);
        DeployOp w = waitOp(QCoreApplication::translate("pgha::Deploy", "role %1 and pgha_pooler.lookup() in postgres and template1")
                                .arg(c.pooler.authUser),
                            QStringLiteral("r=$(%1 -c 'select pg_is_in_recovery()' </dev/null) || exit 1\n"
                                           "[ \"$r\" = f ] || { echo 'not the primary (yet)'; exit 1; }\n"
                                           "%1 -v ON_ERROR_STOP=1 -f - >/dev/null && echo 'auth_query role and function: ok'")
                                .arg(psql),
                            DeployOp::Until::ExitZero, 120);
        w.input = PgBouncerConfig::authSetupSql(topology, secrets);
        w.inputNote = QCoreApplication::translate("pgha::Deploy", "SQL with the PgBouncer auth_user's password");
        s.ops << w;
        plan.steps << s;
        if (x.poolerOnDb) {
            for (const Host *h : pgHosts)
                poolerStart(x, h, {s.id});
        }
    }
}

} // namespace DeployPhases
} // namespace pgha
