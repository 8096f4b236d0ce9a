#include "deploy/DeployPlan.h"

#include "deploy/BackupPlan.h"
#include "deploy/DeployScripts.h"

#include "core/generate/GenUtil.h"
#include "core/generate/GeneratedFile.h"
#include "core/generate/HAProxyConfig.h"
#include "core/generate/KeepalivedConfig.h"
#include "core/generate/InstallScript.h"
#include "core/generate/SystemdUnits.h"
#include "core/generate/TlsFiles.h"
#include "core/generate/PatroniPip.h"
#include "core/generate/PgBouncerConfig.h"
#include "core/model/Platform.h"
#include "core/model/Secrets.h"
#include "core/model/Topology.h"
#include "core/pki/ClusterTls.h"
#include "core/util/ShellQuote.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pgha {

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

// The script builders other plans share (DeployScripts.h).
namespace DeployScripts {

QString q(const QString &s)
{
    return shellQuote(s);
}

// Exit 0 when the service runs: systemd's view on systemd hosts, the pid file in direct mode.
QString runningTest(const QString &svc)
{
    return QStringLiteral("if [ -d /run/systemd/system ]; then systemctl is-active --quiet %1; "
                          "else [ -s /run/%1.pid ] && kill -0 \"$(cat /run/%1.pid)\" 2>/dev/null; fi")
        .arg(svc);
}

// A start step's probe: the service runs and, on systemd hosts, is enabled (it comes back after a reboot).
QString startedTest(const QString &svc)
{
    return QStringLiteral("if [ -d /run/systemd/system ]; then systemctl is-enabled --quiet %1 && "
                          "systemctl is-active --quiet %1; "
                          "else [ -s /run/%1.pid ] && kill -0 \"$(cat /run/%1.pid)\" 2>/dev/null; fi")
        .arg(svc);
}

// The service's recent log for the deploy log when a step fails: its journal on systemd hosts, else the file
// the direct start writes.
QString serviceLog(const QString &svc)
{
    return QStringLiteral("if [ -d /run/systemd/system ]; then echo '$ journalctl -u %1 -n 50'; "
                          "journalctl -u %1 -n 50 --no-pager -o short-iso 2>&1; "
                          "else echo '$ tail -n 50 /var/log/%1/%1.log'; tail -n 50 /var/log/%1/%1.log 2>&1; fi")
        .arg(svc);
}

// Starts a service: systemd where it runs, else detached with its log and pid file in the standard places.
// The form `cd /; setsid nohup CMD >log 2>&1 </dev/null & echo $! >pidfile` returns at once and records the
// daemon's own pid (lab notes); setpriv execs, so the pid is the daemon's, not a wrapper's.
// A service started here reads the files as they are now: the changed-file marker goes (a service that was
// already running under systemd keeps it, its reload step follows).
QString startScript(const QString &svc, const QString &user, const QString &prepare, const QString &direct)
{
    const QString logDir = QStringLiteral("/var/log/") + svc;
    return QStringLiteral("%1\n"
                          "if [ -d /run/systemd/system ]; then\n"
                          "  systemctl is-active --quiet %2 || rm -f %6\n"
                          "  systemctl daemon-reload && systemctl enable --quiet %2 && { systemctl reset-failed %2 2>/dev/null; "
                          "systemctl start %2; }\n"
                          "else\n"
                          "  rm -f %6; mkdir -p %3 && chown %4: %3\n"
                          "  cd /; setsid nohup %5 >>%3/%2.log 2>&1 </dev/null & echo $! >/run/%2.pid\n"
                          "fi")
        .arg(prepare, svc, logDir, user, direct, changedMarker(svc));
}

// Day 2: a running service re-reads its changed files through systemd (reload, or restart for etcd, which
// cannot reload), or in direct mode by signal (Patroni: SIGHUP), a soft restart (HAProxy -sf) or a restart
// (etcd). Then the marker goes.
QString reloadScript(const QString &svc, const QString &systemdCmd, const QString &direct, const QString &prepare = {})
{
    return QStringLiteral("%4if [ -d /run/systemd/system ]; then\n"
                          "  systemctl daemon-reload && %1 || exit 1\n"
                          "else\n"
                          "%2\n"
                          "fi\n"
                          "rm -f %3")
        .arg(systemdCmd, direct, changedMarker(svc), prepare.isEmpty() ? QString() : prepare + QLatin1Char('\n'));
}

// Before HAProxy reloads: the servers' states into the file the new process starts from (so that it does not
// begin with every server UP and send writes to a replica), through the admin socket, with python3. A server that
// is new in the (already written) configuration gets a DOWN line of its own, copied from a server of the same
// section: without one HAProxy would start it UP until its first check and send connections to a host whose
// PostgreSQL may not listen yet (seen on scale out: one refused write); it goes UP after `rise` good checks.
QString haproxySaveStateScript()
{
    const QString py = QStringLiteral(
        "import socket, sys\n"
        "s = socket.socket(socket.AF_UNIX); s.settimeout(5); s.connect(sys.argv[1])\n"
        "s.sendall(b'show servers state\\n')\n"
        "text = s.makefile('rb').read().decode()\n"
        "lines = [l for l in text.split('\\n') if l.strip()]\n"
        "rows = [l.split(' ') for l in lines if not l.startswith('#') and len(l.split(' ')) >= 19]\n"
        "have = set((r[1], r[3]) for r in rows)\n"
        "first = {}\n"
        "for r in rows: first.setdefault(r[1], r)\n"
        "ids = {}\n"
        "for r in rows: ids[r[1]] = max(ids.get(r[1], 0), int(r[2]) if r[2].isdigit() else 0)\n"
        "sec = None\n"
        "try: cfg = open(sys.argv[2]).read().split('\\n')\n"
        "except OSError: cfg = []\n"
        "for l in cfg:\n"
        "    t = l.split()\n"
        "    if not t or t[0].startswith('#'): continue\n"
        "    if not l[0].isspace(): sec = t[1] if t[0] in ('listen', 'backend') and len(t) > 1 else None; continue\n"
        "    if t[0] != 'server' or len(t) < 3 or sec not in first or (sec, t[1]) in have: continue\n"
        "    addr, _, port = t[2].rpartition(':')\n"
        "    r = list(first[sec]); ids[sec] += 1\n"
        "    r[2] = str(ids[sec]); r[3] = t[1]; r[4] = addr.strip('[]'); r[5] = '0'; r[6] = '0'; r[9] = '0'; r[12] = '0'\n"
        "    r[18] = port\n"
        "    if 'port' in t[3:] and len(r) > 21: r[21] = t[t.index('port', 3) + 1]\n"
        "    lines.append(' '.join(r)); have.add((sec, t[1]))\n"
        "sys.stdout.write('\\n'.join(lines) + '\\n')\n");
    return QStringLiteral("if [ -S %1 ]; then python3 -c %2 %1 %4 >%3.tmp && mv -f %3.tmp %3 || rm -f %3.tmp; fi")
        .arg(q(HAProxyConfig::adminSocketPath()), q(py), q(HAProxyConfig::serverStatePath()),
             q(Platform::haproxyConfigPath()));
}

// Which running service reads the file at PATH on H (empty: none).
QString serviceOfFile(const Host &h, const QString &path)
{
    if (h.has(Role::Postgres) && (path == Platform::patroniConfigPath(h.os) || path == SystemdUnits::patroniUnitPath()))
        return QStringLiteral("patroni");
    if (h.has(Role::Etcd) && (path == Platform::etcdConfigYamlPath() || path == Platform::etcdEnvFilePath(h.os)))
        return QStringLiteral("etcd");
    if (h.has(Role::HAProxy) && path == Platform::haproxyConfigPath())
        return QStringLiteral("haproxy");
    if (path == Platform::pgbouncerConfigPath() || path == Platform::pgbouncerUserlistPath())
        return QStringLiteral("pgbouncer");
    if (h.has(Role::HAProxy) && path == KeepalivedConfig::configPath())
        return QStringLiteral("keepalived");
    return {};
}

QString asUser(const QString &user, const QString &binary, const QString &args)
{
    return QStringLiteral("setpriv --reuid=%1 --regid=%1 --init-groups --reset-env \"$(command -v %2)\" %3")
        .arg(user, binary, args);
}

// GET an HTTP URL on the host with the Python every Patroni host has; with auth, "user:password" comes
// through stdin so that it never shows in a command line.
// GET url with python3 on the host, printing the body; over https the server is verified against caFile.
QString httpGet(const QString &url, bool authFromStdin, const QString &caFile = {})
{
    if (!caFile.isEmpty()) {
        const QString py = QStringLiteral("import sys, ssl, urllib.request as u\n"
                                          "c = ssl.create_default_context(cafile=sys.argv[2])\n"
                                          "print(u.urlopen(sys.argv[1], timeout=3, context=c).read().decode())\n");
        return QStringLiteral("python3 -c %1 %2 %3").arg(q(py), q(url), q(caFile));
    }
    const QString py = authFromStdin
        ? QStringLiteral("import sys, base64, urllib.request as u\n"
                         "c = sys.stdin.readline().strip()\n"
                         "r = u.Request(sys.argv[1], headers={'Authorization': 'Basic ' + "
                         "base64.b64encode(c.encode()).decode()})\n"
                         "print(u.urlopen(r, timeout=3).read().decode())\n")
        : QStringLiteral("import sys, urllib.request as u\n"
                         "print(u.urlopen(sys.argv[1], timeout=3).read().decode())\n");
    return QStringLiteral("python3 -c %1 %2").arg(q(py), q(url));
}

QString ownerFor(const Host &h, const QString &path)
{
    if (path.startsWith(ClusterTls::dir() + QLatin1Char('/')))
        return TlsFiles::ownerOf(path, h.os);  // keys 0600 owned by the daemon reading them
    if (path.startsWith(QLatin1String("/etc/pgbouncer/")))
        return Platform::pgbouncerUser(h.os);
    const QString pgHome = Platform::postgresHome(h.os);
    if (path.startsWith(QLatin1String("/etc/patroni/")) || (!pgHome.isEmpty() && path.startsWith(pgHome + QLatin1Char('/'))))
        return QStringLiteral("postgres");
    return QStringLiteral("root");
}

// The normalised path, the same the generated files name (GenUtil::postgresDataDir).
QString pgDataDir(const Topology &t, const Host &h)
{
    return GenUtil::postgresDataDir(t, h);
}


QString hostPortUrl(const QString &scheme, const QString &address, int port, const QString &path = {})
{
    const QString a = address.contains(QLatin1Char(':')) ? QLatin1Char('[') + address + QLatin1Char(']') : address;
    return QStringLiteral("%1://%2:%3%4").arg(scheme, a).arg(port).arg(path);
}

DeployOp waitOp(const QString &title, const QString &script, DeployOp::Until until, int timeoutSec)
{
    DeployOp op;
    op.kind = DeployOp::Kind::WaitFor;
    op.title = title;
    op.script = script;
    op.until = until;
    op.timeoutSec = timeoutSec;
    return op;
}

DeployOp runOp(const QString &title, const QString &script, const QString &diagnose = {})
{
    DeployOp op;
    op.kind = DeployOp::Kind::Run;
    op.title = title;
    op.script = script;
    op.diagnose = diagnose;
    return op;
}

} // namespace DeployScripts
using namespace DeployScripts;

DeployPlan buildPlan(const Topology &topology, const Bundle &bundle, const Secrets &secrets,
                     const PlanOptions &options)
{
    DeployPlan plan;
    const Cluster &c = topology.cluster;
    const bool tls = c.security.tls;
    const QString scheme = tls ? QStringLiteral("https") : QStringLiteral("http");
    QList<const Host *> hosts;
    for (const Host &h : topology.hosts)
        hosts << &h;
    const QList<const Host *> etcdHosts = topology.hostsWith(Role::Etcd);
    const QList<const Host *> pgHosts = topology.hostsWith(Role::Postgres);
    const QList<const Host *> haHosts = topology.hostsWith(Role::HAProxy);

    for (const Host *h : hosts) {
        SshTarget t = sshTargetOf(*h);
        t.knownHostsFile = options.knownHostsFile;
        t.acceptNewHostKeys = options.acceptNewHostKeys;
        plan.targets.insert(h->name, t);
    }

    QStringList checkIds;
    for (const Host *h : hosts)
        checkIds << QStringLiteral("check:") + h->name;

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
    QMap<QString, QString> pipIds;
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
            pipIds.insert(h->name, s.id);
            plan.steps << s;
        }
    }

    // 3. Files: only after every host passed its check.
    QMap<QString, bool> hasEtcdYaml;
    for (const Host *h : hosts) {
        DeployStep s;
        s.id = QStringLiteral("files:") + h->name;
        s.host = h->name;
        s.title = QCoreApplication::translate("pgha::Deploy", "write the configuration files");
        s.deps = checkIds;
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
                hasEtcdYaml[h->name] = true;
        }
        if (op.files.isEmpty())
            continue;
        s.ops << op;
        plan.steps << s;
    }
    auto filesDep = [&plan](const Host *h) {
        const QString id = QStringLiteral("files:") + h->name;
        return plan.step(id) ? QStringList{id} : QStringList{};
    };

    // Day 2: a service that was already running re-reads the files this run changed (changedMarker()).
    const auto addReload = [&plan](const Host *h, const QString &svc, const QStringList &deps, const QString &systemdCmd,
                                   const QString &direct, const QString &prepare = {}) {
        DeployStep s;
        s.id = QStringLiteral("reload:%1:%2").arg(svc, h->name);
        s.host = h->name;
        s.title = QCoreApplication::translate("pgha::Deploy", "%1 re-reads its changed files").arg(svc);
        s.deps = deps;
        s.probe = QStringLiteral("[ ! -e %1 ]").arg(changedMarker(svc));
        s.ops << runOp(systemdCmd.section(QLatin1Char(' '), 0, 2), reloadScript(svc, systemdCmd, direct, prepare), serviceLog(svc));
        plan.steps << s;
        return s.id;
    };

    // 4. etcd on every member, then quorum.
    QStringList etcdStartIds;
    QMap<QString, QString> etcdDirect;  // the direct-mode command line by host, for a restart
    for (const Host *h : etcdHosts) {
        DeployStep s;
        s.id = QStringLiteral("etcd-start:") + h->name;
        s.host = h->name;
        s.title = QCoreApplication::translate("pgha::Deploy", "start etcd");
        s.deps = filesDep(h);
        s.probe = startedTest(QStringLiteral("etcd"));
        const QString direct = hasEtcdYaml.value(h->name)
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
        etcdReloadIds << addReload(
            h, QStringLiteral("etcd"),
            QStringList{QStringLiteral("etcd-start:") + h->name} + (etcdReloadIds.isEmpty() ? QStringList{} : QStringList{etcdReloadIds.last()}),
            QStringLiteral("systemctl restart etcd"),
            QStringLiteral("  p=$(cat /run/etcd.pid); kill \"$p\"\n"
                           "  for i in $(seq 100); do kill -0 \"$p\" 2>/dev/null || break; sleep 0.1; done\n"
                           "  cd /; setsid nohup %1 >>/var/log/etcd/etcd.log 2>&1 </dev/null & echo $! >/run/etcd.pid")
                .arg(direct));
    }
    QString quorumId;
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
        s.id = quorumId = QStringLiteral("etcd-quorum");
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

    // 5. Patroni: one node bootstraps, the others join once there is a leader.
    QStringList patroniStartIds;
    QString leaderId;
    const auto patroniStart = [&](const Host *h, const QStringList &deps) {
        DeployStep s;
        s.id = QStringLiteral("patroni-start:") + h->name;
        s.host = h->name;
        s.title = QCoreApplication::translate("pgha::Deploy", "start Patroni");
        s.deps = deps + filesDep(h);
        if (pipIds.contains(h->name))
            s.deps << pipIds.value(h->name);
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
        patroniStart(first, quorumId.isEmpty() ? QStringList{} : QStringList{quorumId});
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
            rep.deps << addReload(h, QStringLiteral("patroni"), {QStringLiteral("patroni-start:") + h->name},
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

    // 5b. PgBouncer (docs/pooler.md): the auth_query role and lookup function on the leader, then PgBouncer on
    // each pooler host. On the database hosts it must listen before HAProxy sends clients to its port.
    const bool poolerOn = c.pooler.enabled && !pgHosts.isEmpty();
    const bool poolerOnDb = poolerOn && c.pooler.placement == PoolerPlacement::Database;
    QStringList poolerReadyIds;
    const auto poolerStart = [&](const Host *h, const QStringList &deps) {
        const QString user = Platform::pgbouncerUser(h->os);
        const QString ini = q(Platform::pgbouncerConfigPath());
        DeployStep s;
        s.id = QStringLiteral("pgbouncer-start:") + h->name;
        s.host = h->name;
        s.title = QCoreApplication::translate("pgha::Deploy", "start PgBouncer");
        s.deps = deps + filesDep(h);
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
        r.deps << addReload(h, QStringLiteral("pgbouncer"), {s.id}, QStringLiteral("systemctl reload pgbouncer"),
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
        poolerReadyIds << r.id;
    };
    if (poolerOn) {
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
        if (poolerOnDb) {
            for (const Host *h : pgHosts)
                poolerStart(h, {s.id});
        }
    }

    // 6. HAProxy, ready when exactly one server is UP in the primary pool (all are UP before the first check).
    for (const Host *h : haHosts) {
        DeployStep s;
        s.id = QStringLiteral("haproxy-start:") + h->name;
        s.host = h->name;
        s.title = QCoreApplication::translate("pgha::Deploy", "start HAProxy");
        s.deps = filesDep(h);
        if (plan.step(QStringLiteral("patroni-replicas")))
            s.deps << QStringLiteral("patroni-replicas");
        if (poolerOnDb)
            s.deps << poolerReadyIds;  // HAProxy's servers are the poolers
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
        r.deps << addReload(h, QStringLiteral("haproxy"), {s.id}, QStringLiteral("systemctl reload haproxy"),
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
        if (poolerOn && !poolerOnDb)
            poolerStart(h, {r.id, QStringLiteral("pooler-auth")});  // in front of this host's HAProxy
    }

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
                   << addReload(h, QStringLiteral("keepalived"), {s.id}, QStringLiteral("systemctl reload keepalived"),
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
            const QString loginUser = poolerOnDb ? c.pooler.authUser : c.users.superuser;
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
            w.input = (poolerOnDb ? secrets.poolerAuthPassword : secrets.superuserPassword).toUtf8() + '\n';
            w.inputNote = poolerOnDb ? QCoreApplication::translate("pgha::Deploy", "the PgBouncer auth_user's password")
                                     : QCoreApplication::translate("pgha::Deploy", "the superuser password");
            s.ops << w;
            plan.steps << s;
        }
    }

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
