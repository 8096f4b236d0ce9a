#pragma once

#include "deploy/DeployStep.h"

#include <QString>

namespace pgha {

struct Host;
struct Topology;

// The shell snippets and op builders the deploy plan is made of (DeployScripts.cpp), shared with the
// plans built beside it (BackupPlan). Each script runs as root with sh on its host; systemd where it runs, else
// the lab's direct mode (pid file /run/SVC.pid, log /var/log/SVC/SVC.log).
namespace DeployScripts {

QString q(const QString &s);                 // shellQuote
QString runningTest(const QString &svc);     // exit 0 when the service runs
QString startedTest(const QString &svc);     // ... and, under systemd, is enabled
QString serviceLog(const QString &svc);      // its recent log, for a failed step
// Starts SVC: `systemctl enable + start` under systemd, else DIRECT detached as a daemon (after PREPARE).
QString startScript(const QString &svc, const QString &user, const QString &prepare, const QString &direct);
// `setpriv` to USER running BINARY (found on PATH) with ARGS (already quoted).
QString asUser(const QString &user, const QString &binary, const QString &args);
QString hostPortUrl(const QString &scheme, const QString &address, int port, const QString &path = {});
QString httpGet(const QString &url, bool authFromStdin, const QString &caFile = {});
DeployOp waitOp(const QString &title, const QString &script, DeployOp::Until until, int timeoutSec);
DeployOp runOp(const QString &title, const QString &script, const QString &diagnose = {});
// Day 2: SVC re-reads its changed files: SYSTEMDCMD under systemd, else DIRECT (after PREPARE); the marker goes.
QString reloadScript(const QString &svc, const QString &systemdCmd, const QString &direct, const QString &prepare = {});
// Before HAProxy reloads: the servers' states saved for the new process (new servers start DOWN).
QString haproxySaveStateScript();
QString serviceOfFile(const Host &h, const QString &path);  // the running service that reads PATH on H, or ""
QString ownerFor(const Host &h, const QString &path);       // the owner a generated file gets on H
QString pgDataDir(const Topology &t, const Host &h);        // GenUtil::postgresDataDir

} // namespace DeployScripts
} // namespace pgha
