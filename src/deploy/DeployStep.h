#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace pgha {

// A file the deploy places on a host (from the generated bundle).
struct FileToWrite
{
    QString path;
    QByteArray content;
    int mode = 0644;
    QString owner = QStringLiteral("root");  // user; the group is the user's own
    bool secret = false;                     // never printed in full, even by a dry run
    // The service that reads this file ("patroni", "etcd", "haproxy"; empty = none). Writing a changed file
    // leaves the marker /run/pgha/changed-SERVICE on the host; the plan's reload step of a service that was
    // already running re-reads its files (systemctl reload/restart) and removes the marker.
    QString service;
};

// What a host must look like before anything is changed on it.
struct HostCheck
{
    QString address;                // ports count as busy only when bound here or on a wildcard
    QString osFamily;               // "debian" or "rhel": compared with ID / ID_LIKE of /etc/os-release
    QList<QPair<int, QString>> ports;  // port -> the service that may hold it (busy is fine when it runs)
    QString pgDataDir;              // guarded unless allowExistingPgData
    QString etcdDataDir;            // guarded unless allowExistingEtcdData
    bool allowExistingPgData = false;
    bool allowExistingEtcdData = false;
    qint64 minFreeKb = 1024 * 1024;
};

// One remote operation of a step.
struct DeployOp
{
    enum class Kind { Run, WriteFiles, CheckHost, WaitFor };
    // What a WaitFor waits for, judged on the controlling machine from the script's output.
    enum class Until { ExitZero, PatroniLeader, PatroniReplicasRunning, HAProxyOnePrimary };

    Kind kind = Kind::Run;
    QString title;
    QString script;      // sh script run as root on the host
    QByteArray input;    // stdin of the script; holds secrets, so never printed
    QString inputNote;   // what the input is, for the dry run ("the superuser password")
    QList<FileToWrite> files;
    HostCheck check;
    Until until = Until::ExitZero;
    int expectedMembers = 0;  // PatroniReplicasRunning
    int timeoutSec = 120;
    // Run when the op fails (not on an SSH failure or a cancel): its output goes to the deploy log, e.g. the
    // last 50 lines of the failing service's journal (journalctl -u SVC -n 50) or, without systemd, its log file.
    QString diagnose;
    QString service;  // the service whose log explains a failure ("etcd", "patroni", "haproxy"); may be empty
};

// A step of the plan: runs on one host, after its dependencies. The probe, when set, is run first: exit 0
// means the host is already as the step would leave it, so the step does nothing (idempotence).
struct DeployStep
{
    QString id;      // "files:node1", "etcd-quorum", ...
    QString host;
    QString title;
    QStringList deps;
    QString probe;
    QList<DeployOp> ops;
};

enum class StepOutcome { Changed, Unchanged, Failed, Cancelled, SkippedDone };
QString stepOutcomeKey(StepOutcome o);  // "changed", "unchanged", "failed", "cancelled", "done-earlier"

} // namespace pgha

Q_DECLARE_METATYPE(pgha::StepOutcome)
Q_DECLARE_METATYPE(pgha::DeployStep)
