#include "deploy/BackupPlan.h"

#include "core/model/BackupLayout.h"
#include "core/model/Topology.h"
#include "deploy/DeployScripts.h"

#include <QCoreApplication>

namespace pgha {

using namespace DeployScripts;

namespace {

// pgbackrest as postgres with the design's configuration and stanza, then ARGS.
QString pgbackrest(const Topology &t, const QString &args)
{
    return asUser(QStringLiteral("postgres"), QStringLiteral("pgbackrest"),
                  q(QStringLiteral("--config=") + BackupLayout::configPath())
                      + QLatin1Char(' ') + q(QStringLiteral("--stanza=") + BackupLayout::stanza(t))
                      + QLatin1Char(' ') + args);
}

// Exit 0 on a replica (nothing to do there: only the primary backs up into its local repository).
QString onlyOnPrimary(const Topology &t)
{
    return QStringLiteral("cd /; r=$(setpriv --reuid=postgres --regid=postgres --init-groups --reset-env psql -XAtq -p %1 -d "
                          "postgres -c 'select pg_is_in_recovery()') || exit 1\n"
                          "if [ \"$r\" = t ]; then echo 'a replica: the primary backs up'; exit 0; fi\n")
        .arg(t.cluster.postgres.port);
}

QString stanzaOk(const Topology &t)
{
    // status code 0 (ok) or 2 (no valid backups yet): the stanza exists.
    return pgbackrest(t, QStringLiteral("info --output=json"))
        + QStringLiteral(" | python3 -c 'import json,sys; d=json.load(sys.stdin); "
                         "sys.exit(0 if d and d[0][\"status\"][\"code\"] in (0, 2) else 1)'");
}


// The hosts a backup runs on: the repository host, or every database host with a local repository (each skips
// the run while it is a replica).
QList<const Host *> backupRunners(const Topology &t)
{
    QList<const Host *> runners;
    if (BackupLayout::local(t))
        runners = t.hostsWith(Role::Postgres);
    else if (const Host *h = t.hostByName(backupHost(t)))
        runners << h;
    return runners;
}

// A pgBackRest backup of TYPE on H as a step with the id ID.
DeployStep backupStep(const Topology &t, const QString &type, const Host &h, const QString &id)
{
    DeployStep s;
    s.id = id;
    s.host = h.name;
    s.title = QCoreApplication::translate("pgha::Deploy", "pgBackRest %1 backup").arg(type);
    QString script = BackupLayout::local(t) ? onlyOnPrimary(t) : QString();
    script += pgbackrest(t, QStringLiteral("--type=%1 backup").arg(q(type)));
    script += QLatin1Char('\n') + pgbackrest(t, QStringLiteral("info"));
    DeployOp op = runOp(QCoreApplication::translate("pgha::Deploy", "pgbackrest --type=%1 backup").arg(type), script,
                        QStringLiteral("tail -n 30 %1/*backup.log 2>&1").arg(BackupLayout::logPath()));
    op.timeoutSec = 6 * 3600;
    s.ops << op;
    return s;
}

// cluster.backup.initial_full: a first full backup once the stanza is checked, the deploy's last step.
void appendInitialFullBackup(DeployPlan *plan, const Topology &t)
{
    if (!BackupLayout::enabled(t) || !t.cluster.backup.initialFull || !plan->step(QStringLiteral("pgbackrest-check")))
        return;
    // Done once: a full backup in the repository (or, with a local repository, this host being a replica) means
    // there is nothing to do, so a resumed or repeated deploy takes no second one.
    const QString hasFull = pgbackrest(t, QStringLiteral("info --output=json"))
        + QStringLiteral(" | python3 -c 'import json,sys; d=json.load(sys.stdin); "
                         "sys.exit(0 if d and any(b[\"type\"] == \"full\" for b in d[0].get(\"backup\", [])) else 1)'");
    for (const Host *h : backupRunners(t)) {
        DeployStep s = backupStep(t, QStringLiteral("full"), *h, QStringLiteral("backup-initial-full:") + h->name);
        s.title = QCoreApplication::translate("pgha::Deploy", "a first full backup");
        s.deps = QStringList{QStringLiteral("pgbackrest-check")};
        s.probe = (BackupLayout::local(t) ? onlyOnPrimary(t) : QString()) + hasFull;
        plan->steps << s;
    }
}

} // namespace

QString backupHost(const Topology &t)
{
    if (!BackupLayout::enabled(t))
        return {};
    if (const Host *repo = BackupLayout::repositoryHost(t))
        return repo->name;
    const QList<const Host *> pg = t.hostsWith(Role::Postgres);
    return BackupLayout::local(t) && !pg.isEmpty() ? pg.first()->name : QString();
}

QMap<QString, SshTarget> sshTargets(const Topology &topology, const PlanOptions &options)
{
    QMap<QString, SshTarget> out;
    for (const Host &h : topology.hosts) {
        SshTarget t;
        t.hostName = h.name;
        t.address = h.address;
        t.port = h.ssh.port;
        t.user = h.ssh.user;
        t.identityFile = h.ssh.identityFile;
        t.knownHostsFile = options.knownHostsFile;
        t.acceptNewHostKeys = options.acceptNewHostKeys;
        out.insert(h.name, t);
    }
    return out;
}

void appendBackupSteps(DeployPlan *plan, const Topology &t)
{
    const QString host = backupHost(t);
    if (host.isEmpty())
        return;
    const auto filesDep = [plan](const QString &h) {
        const QString id = QStringLiteral("files:") + h;
        return plan->step(id) ? QStringList{id} : QStringList{};
    };
    const QString leaderId = QStringLiteral("patroni-leader");
    const QString prepare = QStringLiteral("install -d -o postgres -g postgres -m 0750 %1")
                                .arg(q(BackupLayout::logPath()));

    // 1. pgBackRest's TLS server wherever a peer connects to (TLS transport only).
    QStringList serverIds;
    for (const Host &h : t.hosts) {
        if (!BackupLayout::runsServer(t, h))
            continue;
        DeployStep s;
        s.id = QStringLiteral("pgbackrest-server:") + h.name;
        s.host = h.name;
        s.title = QCoreApplication::translate("pgha::Deploy", "start pgBackRest's TLS server");
        s.deps = filesDep(h.name);
        if (plan->step(QStringLiteral("packages:") + h.name))
            s.deps << QStringLiteral("packages:") + h.name;
        s.probe = startedTest(QStringLiteral("pgbackrest"));
        QString prep = prepare;
        if (h.has(Role::Backup))
            prep += QStringLiteral("\ninstall -d -o postgres -g postgres -m 0750 %1").arg(q(t.cluster.backup.path));
        s.ops << runOp(QCoreApplication::translate("pgha::Deploy", "start pgbackrest server"),
                       startScript(QStringLiteral("pgbackrest"), QStringLiteral("postgres"), prep,
                                   asUser(QStringLiteral("postgres"), QStringLiteral("pgbackrest"),
                                          q(QStringLiteral("--config=") + BackupLayout::configPath())
                                              + QStringLiteral(" server"))),
                       serviceLog(QStringLiteral("pgbackrest")));
        serverIds << s.id;
        plan->steps << s;
    }

    // 2. The stanza, once the leader runs (archive-push fails until then; PostgreSQL retries), then check.
    DeployStep st;
    st.id = QStringLiteral("pgbackrest-stanza");
    st.host = host;
    st.title = QCoreApplication::translate("pgha::Deploy", "create the pgBackRest stanza");
    st.deps = serverIds + filesDep(host);
    if (plan->step(leaderId))
        st.deps << leaderId;
    st.probe = stanzaOk(t);
    QString stPrep = prepare;
    if (BackupLayout::local(t) || t.hostByName(host)->has(Role::Backup))
        stPrep += QStringLiteral("\ninstall -d -o postgres -g postgres -m 0750 %1").arg(q(t.cluster.backup.path));
    // Retried: the TLS servers may still be starting.
    st.ops << runOp(QCoreApplication::translate("pgha::Deploy", "the repository directory"), stPrep, {});
    st.ops << waitOp(QCoreApplication::translate("pgha::Deploy", "pgbackrest stanza-create"), pgbackrest(t, QStringLiteral("stanza-create")),
                     DeployOp::Until::ExitZero, 120);
    plan->steps << st;

    DeployStep ck;
    ck.id = QStringLiteral("pgbackrest-check");
    ck.host = host;
    ck.title = QCoreApplication::translate("pgha::Deploy", "check WAL archiving into the repository");
    ck.deps = QStringList{st.id};
    ck.ops << waitOp(QCoreApplication::translate("pgha::Deploy", "pgbackrest check (a WAL segment reaches the archive)"), pgbackrest(t, QStringLiteral("check")),
                     DeployOp::Until::ExitZero, 180);
    plan->steps << ck;

    // 3. The schedule: the timers under systemd, else the crontab where cron exists.
    const QString cron = QStringLiteral("/etc/pgha/pgbackrest.crontab");
    for (const Host &h : t.hosts) {
        if (!BackupLayout::runsSchedule(t, h))
            continue;
        QStringList timers{QStringLiteral("pgha-backup-full.timer")};
        if (!t.cluster.backup.diff.isEmpty())
            timers << QStringLiteral("pgha-backup-diff.timer");
        DeployStep s;
        s.id = QStringLiteral("backup-schedule:") + h.name;
        s.host = h.name;
        s.title = QCoreApplication::translate("pgha::Deploy", "enable the backup schedule");
        s.deps = QStringList{ck.id} + filesDep(h.name);
        s.probe = QStringLiteral("if [ -d /run/systemd/system ]; then systemctl is-enabled --quiet %1 && "
                                 "systemctl is-active --quiet %1; else ! command -v crontab >/dev/null || "
                                 "crontab -u postgres -l 2>/dev/null | cmp -s - %2; fi")
                      .arg(timers.join(QLatin1Char(' ')), cron);
        s.ops << runOp(QCoreApplication::translate("pgha::Deploy", "systemd timers, or the crontab without systemd"),
                       QStringLiteral("if [ -d /run/systemd/system ]; then systemctl daemon-reload && "
                                      "systemctl enable --now %1; "
                                      "elif command -v crontab >/dev/null; then crontab -u postgres %2; "
                                      "else echo 'no systemd and no cron: the schedule is not active here'; fi")
                           .arg(timers.join(QLatin1Char(' ')), cron),
                       {});
        plan->steps << s;
    }

    // 4. The first full backup, when the design asks for it (cluster.backup.initial_full).
    appendInitialFullBackup(plan, t);
}

DeployPlan backupPlan(const Topology &t, const QString &type, const PlanOptions &options)
{
    DeployPlan plan;
    plan.targets = sshTargets(t, options);
    for (const Host *h : backupRunners(t))
        plan.steps << backupStep(t, type, *h, QStringLiteral("backup-%1:%2").arg(type, h->name));
    return plan;
}

QString backupInfoScript(const Topology &t)
{
    return pgbackrest(t, QStringLiteral("info --output=json"));
}

} // namespace pgha
