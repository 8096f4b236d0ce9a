#pragma once

#include <QStringList>

class QTextStream;

namespace pgha::cli {

// Each command takes its own arguments (without the command name) and returns the process exit code.
// Exit codes shared by all commands: 0 success, 1 the command ran and found a problem, 2 bad input
// (unreadable file, bad arguments). Commands add their own codes in docs/cli.md.
int validate(const QStringList &args);
int lint(const QStringList &args);      // lint FILE...: real patroni.yml, etcd and haproxy.cfg files
int importDesign(const QStringList &args);  // import --url URL -o FILE: a running cluster as a design
int generate(const QStringList &args);
int exportBundle(const QStringList &args);
int secrets(const QStringList &args);
int deploy(const QStringList &args);
int certs(const QStringList &args);   // certs renew
int diff(const QStringList &args);    // design vs running cluster (docs/day2.md)
int apply(const QStringList &args);   // the plan built from the drift
int backup(const QStringList &args);   // a pgBackRest backup (CmdBackup.cpp)
int backups(const QStringList &args);  // the repository's backups
int restore(const QStringList &args);  // whole-cluster point-in-time restore
int status(const QStringList &args);
int action(const QString &name, const QStringList &args);  // switchover, failover, restart, reload, reinit, pause, resume

QTextStream &out();
QTextStream &err();

} // namespace pgha::cli
