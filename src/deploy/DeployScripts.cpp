#include "deploy/DeployScripts.h"

#include "deploy/DeployPlan.h"

#include "core/generate/Firewall.h"
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

namespace pgha {

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
QString reloadScript(const QString &svc, const QString &systemdCmd, const QString &direct, const QString &prepare)
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
    if (path == Firewall::nftPath())
        return QStringLiteral("firewall");
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
QString httpGet(const QString &url, bool authFromStdin, const QString &caFile)
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


QString hostPortUrl(const QString &scheme, const QString &address, int port, const QString &path)
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

DeployOp runOp(const QString &title, const QString &script, const QString &diagnose)
{
    DeployOp op;
    op.kind = DeployOp::Kind::Run;
    op.title = title;
    op.script = script;
    op.diagnose = diagnose;
    return op;
}

} // namespace DeployScripts

} // namespace pgha
