// The deploy phases on every host: the checks, the packages, Patroni from pip, the files (DeployPlanContext.h).
#include "deploy/DeployPlanContext.h"

#include "deploy/DeployScripts.h"

#include "core/generate/Firewall.h"

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

#include <algorithm>

namespace pgha {
namespace DeployPhases {

using namespace DeployScripts;

void addHostChecks(DeployPlanContext &x)
{
    DeployPlan &plan = x.plan;
    const Topology &topology = x.topology;
    const PlanOptions &options = x.options;
    const Cluster &c = x.topology.cluster;
    const QList<const Host *> &hosts = x.hosts;
    // 1. Check every host before anything changes anywhere.
    for (const Host *h : hosts) {
        DeployStep s;
        s.id = QStringLiteral("check:") + h->name;
        s.host = h->name;
        s.title = QCoreApplication::translate("pgha::Deploy", "check the host");
        DeployOp op;
        op.kind = DeployOp::Kind::CheckHost;
        op.title = QCoreApplication::translate("pgha::Deploy", "OS, free ports, disk, existing data");
        HostCheck &ck = op.check;
        ck.address = h->address;
        ck.osFamily = Platform::osFamily(h->os) == OsFamily::Rhel ? QStringLiteral("rhel") : QStringLiteral("debian");
        QString script = QStringLiteral(
            "[ -r /etc/os-release ] && . /etc/os-release\n"
            "echo \"os_id=${ID:-unknown}\"; echo \"os_like=${ID_LIKE:-}\"; echo \"os_version=${VERSION_ID:-}\"\n"
            "if [ -d /run/systemd/system ]; then echo init=systemd; else echo init=direct; fi\n"
            "echo \"free_kb=$(df -Pk /var/lib 2>/dev/null | awk 'NR==2{print $4}')\"\n"
            "(ss -Htln 2>/dev/null || netstat -ltn 2>/dev/null) | awk '{print \"listen=\" $4}'\n");
        if (h->has(Role::Etcd)) {
            ck.ports << qMakePair(c.etcd.clientPort, QStringLiteral("etcd")) << qMakePair(c.etcd.peerPort, QStringLiteral("etcd"));
            ck.etcdDataDir = Platform::etcdDataDir();
            ck.allowExistingEtcdData = options.adoptExistingData || options.ownedData.contains(QStringLiteral("etcd:") + h->name);
            script += QStringLiteral("[ -d %1/member ] && echo etcddata=present\n").arg(q(ck.etcdDataDir));
        }
        if (h->has(Role::Postgres)) {
            ck.ports << qMakePair(c.postgres.port, QStringLiteral("patroni"))
                     << qMakePair(c.patroni.restApiPort, QStringLiteral("patroni"));
            ck.pgDataDir = pgDataDir(topology, *h);
            ck.allowExistingPgData = options.adoptExistingData || options.ownedData.contains(QStringLiteral("pgdata:") + h->name);
            script += QStringLiteral("[ -f %1/PG_VERSION ] && echo pgdata=present\n").arg(q(ck.pgDataDir));
        }
        if (h->has(Role::HAProxy)) {
            ck.ports << qMakePair(c.haproxy.primaryPort, QStringLiteral("haproxy"))
                     << qMakePair(c.haproxy.replicaPort, QStringLiteral("haproxy"))
                     << qMakePair(c.haproxy.statsPort, QStringLiteral("haproxy"));
        }
        if (PgBouncerConfig::runsOn(topology, *h))
            ck.ports << qMakePair(c.pooler.port, QStringLiteral("pgbouncer"));
        for (const QString &svc : {QStringLiteral("etcd"), QStringLiteral("patroni"), QStringLiteral("haproxy"),
                                   QStringLiteral("pgbouncer")})
            script += QStringLiteral("if %1; then echo running=%2; fi\n").arg(runningTest(svc), svc);
        script += QStringLiteral("true");
        op.script = script;
        s.ops << op;
        plan.steps << s;
    }
}

void addPackages(DeployPlanContext &x)
{
    DeployPlan &plan = x.plan;
    const Topology &topology = x.topology;
    const Cluster &c = x.topology.cluster;
    const QList<const Host *> &hosts = x.hosts;
    const QList<const Host *> &pgHosts = x.pgHosts;
    // 2. Packages (already installed: nothing to do).
    for (const Host *h : hosts) {
        const QStringList pkgs = InstallScript::packages(topology, *h);
        if (pkgs.isEmpty())
            continue;
        DeployStep s;
        s.id = QStringLiteral("packages:") + h->name;
        s.host = h->name;
        s.title = QCoreApplication::translate("pgha::Deploy", "install packages");
        s.deps << QStringLiteral("check:") + h->name;
        const QString list = shellJoin(pkgs);
        if (Platform::osFamily(h->os) == OsFamily::Rhel) {
            s.probe = QStringLiteral("rpm -q %1 >/dev/null 2>&1").arg(list);
            s.ops << runOp(QStringLiteral("install ") + pkgs.join(QLatin1Char(' ')),
                           QStringLiteral("dnf install -y %1 || yum install -y %1").arg(list));
        } else {
            s.probe = QStringLiteral("for p in %1; do dpkg-query -W -f='${Status}' \"$p\" 2>/dev/null | "
                                     "grep -q 'install ok installed' || exit 1; done").arg(list);
            s.ops << runOp(QStringLiteral("install ") + pkgs.join(QLatin1Char(' ')),
                           QStringLiteral("export DEBIAN_FRONTEND=noninteractive; apt-get update -q && "
                                          "apt-get install -y -q --no-install-recommends %1").arg(list));
        }
        plan.steps << s;
    }

    // 2b. Patroni from pip: the pinned set into the virtualenv (the same exact install already there: nothing).
    if (c.patroni.install == PatroniInstall::Pip) {
        for (const Host *h : pgHosts) {
            DeployStep s;
            s.id = QStringLiteral("patroni-pip:") + h->name;
            s.host = h->name;
            s.title = QCoreApplication::translate("pgha::Deploy", "install Patroni %1 with pip").arg(c.patroni.version);
            s.deps << QStringLiteral("check:") + h->name;
            if (plan.step(QStringLiteral("packages:") + h->name))
                s.deps << QStringLiteral("packages:") + h->name;
            s.probe = PatroniPip::probeScript(topology, *h);
            s.ops << runOp(QCoreApplication::translate("pgha::Deploy", "pip install the pinned Patroni %1 into %2")
                               .arg(c.patroni.version, Platform::patroniVenvDir()),
                           QStringLiteral("set -e\n") + PatroniPip::installScript(topology, *h));
            x.pipIds.insert(h->name, s.id);
            plan.steps << s;
        }
    }
}

void addFiles(DeployPlanContext &x)
{
    DeployPlan &plan = x.plan;
    const Bundle &bundle = x.bundle;
    const QList<const Host *> &hosts = x.hosts;
    // 3. Files: only after every host passed its check.
    for (const Host *h : hosts) {
        DeployStep s;
        s.id = QStringLiteral("files:") + h->name;
        s.host = h->name;
        s.title = QCoreApplication::translate("pgha::Deploy", "write the configuration files");
        s.deps = x.checkIds;
        if (plan.step(QStringLiteral("packages:") + h->name))
            s.deps << QStringLiteral("packages:") + h->name;
        DeployOp op;
        op.kind = DeployOp::Kind::WriteFiles;
        op.title = QCoreApplication::translate("pgha::Deploy", "place the generated files");
        for (const GeneratedFile *g : bundle.filesOf(h->name)) {
            if (!g->path.startsWith(QLatin1Char('/')))
                continue;  // bundle-only files (the runbook) stay on the controlling machine
            FileToWrite f;
            f.path = g->path;
            f.content = g->content;
            f.mode = g->mode;
            f.secret = g->secret;
            f.owner = ownerFor(*h, g->path);
            f.service = serviceOfFile(*h, g->path);
            op.files << f;
            if (g->path == Platform::etcdConfigYamlPath())
                x.hasEtcdYaml[h->name] = true;
        }
        if (op.files.isEmpty())
            continue;
        const bool firewall = std::any_of(op.files.cbegin(), op.files.cend(), [](const FileToWrite &f) {
            return f.service == QLatin1String("firewall");
        });
        s.ops << op;
        plan.steps << s;
        if (!firewall)
            continue;
        // The firewall belongs to the install script, which loads it; a day-2 change of its sources (a host
        // joins or leaves) is loaded here, but only where that table is loaded already: never switched on here.
        DeployStep fw;
        fw.id = QStringLiteral("reload:firewall:") + h->name;
        fw.host = h->name;
        fw.title = QCoreApplication::translate("pgha::Deploy", "the firewall re-reads its changed rules (where it is on)");
        fw.deps = QStringList{s.id};
        fw.probe = QStringLiteral("[ ! -e %1 ]").arg(changedMarker(QStringLiteral("firewall")));
        fw.ops << runOp(QStringLiteral("nft -f %1").arg(Firewall::nftPath()),
                        QStringLiteral("if nft list table inet pgha >/dev/null 2>&1; then\n"
                                       "  nft -f %1 || exit 1\n"
                                       "  echo 'firewall table inet pgha reloaded'\n"
                                       "else\n"
                                       "  echo 'firewall table inet pgha not loaded: left off (the install script loads it)'\n"
                                       "fi\n"
                                       "rm -f %2")
                            .arg(q(Firewall::nftPath()), changedMarker(QStringLiteral("firewall"))));
        plan.steps << fw;
    }
}

} // namespace DeployPhases
} // namespace pgha
