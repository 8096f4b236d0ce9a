#include "deploy/RestorePlan.h"

#include "core/generate/GenUtil.h"
#include "core/model/BackupLayout.h"
#include "core/model/Platform.h"
#include "core/model/Topology.h"
#include "core/pki/ClusterTls.h"
#include "deploy/BackupPlan.h"
#include "deploy/DeployScripts.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace pgha {

using namespace DeployScripts;

namespace {

QString asPostgres(const QString &command)
{
    return QStringLiteral("cd / && setpriv --reuid=postgres --regid=postgres --init-groups --reset-env ") + command;
}

QString psql(const Topology &t, const QString &sql)
{
    return asPostgres(QStringLiteral("psql -XAtq -p %1 -d postgres -c %2").arg(t.cluster.postgres.port).arg(q(sql)));
}

// Stops Patroni (which stops PostgreSQL first) and waits until both are gone.
QString stopPatroni(const QString &dataDir)
{
    return QStringLiteral(
               "if [ -d /run/systemd/system ]; then systemctl stop patroni || exit 1\n"
               "elif [ -s /run/patroni.pid ]; then p=$(cat /run/patroni.pid); kill \"$p\" 2>/dev/null\n"
               "  for i in $(seq 900); do kill -0 \"$p\" 2>/dev/null || break; sleep 0.1; done\n"
               "  if kill -0 \"$p\" 2>/dev/null; then echo 'Patroni did not stop within 90 s'; exit 1; fi\n"
               "  rm -f /run/patroni.pid\n"
               "fi\n"
               "for i in $(seq 600); do\n"
               "  if [ -f %1/postmaster.pid ] && kill -0 \"$(head -1 %1/postmaster.pid)\" 2>/dev/null; then sleep 0.1; "
               "else exit 0; fi\n"
               "done\n"
               "echo 'PostgreSQL still runs'; exit 1")
        .arg(q(dataDir));
}

QString startPatroni(const Topology &t, const Host &h)
{
    return startScript(QStringLiteral("patroni"), QStringLiteral("postgres"),
                       QStringLiteral("install -d -o postgres -g postgres -m 2775 /run/postgresql"),
                       asUser(QStringLiteral("postgres"), Platform::patroniBinary(h.os, t.cluster.patroni.install),
                              q(Platform::patroniConfigPath(h.os))));
}

} // namespace

QString normalizeRestoreTime(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,6})?)(Z|[+-]\\d{2}(?::?\\d{2})?)$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    const QString zone = m.captured(3) == QLatin1String("Z") ? QStringLiteral("+00") : m.captured(3);
    return m.captured(1) + QLatin1Char(' ') + m.captured(2) + zone;
}

DeployPlan restorePlan(const Topology &t, const RestoreTarget &target, const PlanOptions &options)
{
    DeployPlan plan;
    plan.targets = sshTargets(t, options);
    const QList<const Host *> pg = t.hostsWith(Role::Postgres);
    const QString backupAt = backupHost(t);
    if (pg.isEmpty() || backupAt.isEmpty())
        return plan;
    const Host *first = pg.first();
    const bool tls = t.cluster.security.tls;
    const QString clusterUrl = hostPortUrl(tls ? QStringLiteral("https") : QStringLiteral("http"), first->address,
                                           t.cluster.patroni.restApiPort, QStringLiteral("/cluster"));
    const QString ca = tls ? ClusterTls::caPath() : QString();
    const QString tlFile = QStringLiteral("/run/pgha/restore-timeline");
    const auto step = [](const QString &id, const QString &host, const QString &title, const QStringList &deps) {
        DeployStep s;
        s.id = id;
        s.host = host;
        s.title = title;
        s.deps = deps;
        return s;
    };

    // 1. The timeline to recover along: the one the cluster runs on now (unless given).
    DeployStep tl = step(QStringLiteral("restore-timeline"), first->name, QCoreApplication::translate("pgha::Deploy", "note the cluster's timeline"), {});
    tl.ops << runOp(QCoreApplication::translate("pgha::Deploy", "the timeline of the running cluster"),
                     target.timeline > 0
                         ? QStringLiteral("mkdir -p /run/pgha && echo %1 >%2").arg(target.timeline).arg(tlFile)
                         : QStringLiteral("tl=$(%1) || exit 1\n[ -n \"$tl\" ] || { echo 'no timeline'; exit 1; }\n"
                                          "mkdir -p /run/pgha && echo \"$tl\" >%2 && echo \"timeline $tl\"")
                               .arg(psql(t, QStringLiteral("select case when pg_is_in_recovery() then (select "
                                                           "received_tli from pg_stat_wal_receiver) else (select "
                                                           "timeline_id from pg_control_checkpoint()) end")),
                                    tlFile),
                     {});

    plan.steps << tl;

    // Everything written so far into the archive: the segment holding the target must be there (a stopped primary
    // does not archive its current, partial segment).
    QStringList flushIds;
    for (const Host *h : pg) {
        DeployStep s = step(QStringLiteral("restore-flush:") + h->name, h->name,
                            QCoreApplication::translate("pgha::Deploy", "archive the primary's current WAL"), {tl.id});
        s.ops << runOp(QCoreApplication::translate("pgha::Deploy", "pg_switch_wal() on the primary, wait until archived"),
                       QStringLiteral("r=$(%1 2>/dev/null) || { echo 'PostgreSQL is down here'; exit 0; }\n"
                                      "[ \"$r\" = f ] || { echo 'a replica'; exit 0; }\n"
                                      "w=$(%2) || exit 1\n"
                                      "for i in $(seq 1200); do a=$(%3)\n"
                                      "  if [ -n \"$a\" ] && { [ \"$a\" \\> \"$w\" ] || [ \"$a\" = \"$w\" ]; }; then "
                                      "echo \"archived up to $a\"; exit 0; fi; sleep 0.1; done\n"
                                      "echo \"segment $w not archived within 120 s (last: $a)\"; exit 1")
                           .arg(psql(t, QStringLiteral("select pg_is_in_recovery()")),
                                psql(t, QStringLiteral("select pg_walfile_name(pg_switch_wal())")),
                                psql(t, QStringLiteral("select coalesce(last_archived_wal, '') from pg_stat_archiver"))),
                       {});
        flushIds << s.id;
        plan.steps << s;
    }

    // 2. Stop the replicas, then the leader; then the cluster leaves the DCS.
    QStringList replicaStops;
    for (const Host *h : pg) {
        const QString dataDir = GenUtil::postgresDataDir(t, *h);
        DeployStep s = step(QStringLiteral("restore-stop-replica:") + h->name, h->name,
                             QCoreApplication::translate("pgha::Deploy", "stop Patroni if this member is a replica"), flushIds);
        s.ops << runOp(QCoreApplication::translate("pgha::Deploy", "stop a replica"),
                        QStringLiteral("r=$(%1 2>/dev/null) || r=down\n"
                                       "if [ \"$r\" = f ]; then echo 'the leader: stopped last'; exit 0; fi\n%2")
                            .arg(psql(t, QStringLiteral("select pg_is_in_recovery()")), stopPatroni(dataDir)),
                        serviceLog(QStringLiteral("patroni")));
        replicaStops << s.id;
        plan.steps << s;
    }
    QStringList stops;
    for (const Host *h : pg) {
        DeployStep s = step(QStringLiteral("restore-stop:") + h->name, h->name, QCoreApplication::translate("pgha::Deploy", "stop Patroni"), replicaStops);
        s.ops << runOp(QCoreApplication::translate("pgha::Deploy", "stop Patroni and PostgreSQL"), stopPatroni(GenUtil::postgresDataDir(t, *h)),
                        serviceLog(QStringLiteral("patroni")));
        stops << s.id;
        plan.steps << s;
    }
    const QString cfg = Platform::patroniConfigPath(first->os);
    DeployStep rm = step(QStringLiteral("restore-dcs"), first->name, QCoreApplication::translate("pgha::Deploy", "remove the cluster from the DCS"), stops);
    DeployOp remove = runOp(QCoreApplication::translate("pgha::Deploy", "patronictl remove (the initialize key must go, or the bootstrap method is ignored)"),
                            QStringLiteral("%1 -c %2 remove %3 </dev/stdin")
                                .arg(asPostgres(q(Platform::patronictlBinary(first->os, t.cluster.patroni.install))),
                                     q(cfg), q(t.cluster.name)),
                            {});
    remove.input = (t.cluster.name + QStringLiteral("\nYes I am aware\n")).toUtf8();
    remove.inputNote = QCoreApplication::translate("pgha::Deploy", "the answers to patronictl's questions (the cluster name, \"Yes I am aware\")");
    rm.ops << remove;
    plan.steps << rm;

    // 3. Every data directory kept aside; never deleted here.
    QStringList asideIds;
    for (const Host *h : pg) {
        const QString dataDir = GenUtil::postgresDataDir(t, *h);
        DeployStep s = step(QStringLiteral("restore-aside:") + h->name, h->name,
                             QCoreApplication::translate("pgha::Deploy", "keep the old data directory aside"), {rm.id});
        const QString kept = dataDir + QStringLiteral(".before-restore-") + target.stamp;
        s.ops << runOp(QCoreApplication::translate("pgha::Deploy", "move the data directory aside"),
                        QStringLiteral("if [ -e %1 ]; then echo 'kept already'; elif [ -d %2 ]; then mv %2 %1 && echo "
                                       "\"kept as %3\"; fi\n%4")
                            .arg(q(kept), q(dataDir), GenUtil::commentText(kept), GenUtil::dataDirScript(dataDir)),
                        {});
        asideIds << s.id;
        plan.steps << s;
    }

    // 4. The first member bootstraps from the repository to the target, as the leader.
    const QString restoreCmd = BackupLayout::command(t)
        + (target.time.isEmpty() ? QStringLiteral(" --type=default")
                                 : QStringLiteral(" --type=time %1 --target-action=promote --target-timeline=@TL@")
                                       .arg(q(QStringLiteral("--target=") + target.time)))
        + QStringLiteral(" --delta restore");
    const QString py = QStringLiteral(
        "import sys, yaml\n"
        "src, dst, cmd, tlf = sys.argv[1:5]\n"
        "c = yaml.safe_load(open(src))\n"
        "cmd = cmd.replace('@TL@', open(tlf).read().strip())\n"
        "c['bootstrap']['method'] = 'pitr'\n"
        "c['bootstrap']['pitr'] = {'command': cmd, 'keep_existing_recovery_conf': True, 'no_params': True}\n"
        "c['postgresql']['use_unix_socket'] = True\n"
        "with open(dst, 'w') as f:\n"
        "    yaml.safe_dump(c, f, default_flow_style=False)\n");
    DeployStep boot = step(QStringLiteral("restore-bootstrap"), first->name,
                            QCoreApplication::translate("pgha::Deploy", "restore the first member to the target and bootstrap the cluster from it"), asideIds);
    boot.ops << runOp(QCoreApplication::translate("pgha::Deploy", "Patroni's configuration with the pitr bootstrap"),
                       QStringLiteral("set -e\n[ -f %1.pgha-normal ] || cp -p %1 %1.pgha-normal\n"
                                      "python3 -c %2 %1.pgha-normal %1.pgha-restore %3 %4\n"
                                      "chown postgres:postgres %1.pgha-restore && chmod 0600 %1.pgha-restore\n"
                                      "cp -p %1.pgha-restore %1")
                           .arg(q(cfg), q(py), q(restoreCmd), q(tlFile)),
                       {});
    boot.ops << runOp(QCoreApplication::translate("pgha::Deploy", "start Patroni"), startPatroni(t, *first), serviceLog(QStringLiteral("patroni")));
    DeployOp lead = waitOp(QCoreApplication::translate("pgha::Deploy", "a leader in /cluster (restore, recovery to the target, promotion)"),
                           httpGet(clusterUrl, false, ca), DeployOp::Until::PatroniLeader, 900);
    lead.diagnose = serviceLog(QStringLiteral("patroni"));
    lead.service = QStringLiteral("patroni");
    boot.ops << lead;
    boot.ops << runOp(QCoreApplication::translate("pgha::Deploy", "the normal configuration back"),
                       QStringLiteral("cp -p %1.pgha-normal %1 && rm -f %1.pgha-normal %1.pgha-restore\n"
                                      "if [ -d /run/systemd/system ]; then systemctl reload patroni; "
                                      "else kill -HUP \"$(cat /run/patroni.pid)\"; fi")
                           .arg(q(cfg)),
                       {});

    plan.steps << boot;

    // 5. The new timeline's first segment archived, then a new full backup: only then replicas from the archive.
    DeployStep arch = step(QStringLiteral("restore-archive"), first->name,
                            QCoreApplication::translate("pgha::Deploy", "switch WAL and wait until the new timeline is archived"), {boot.id});
    arch.ops << runOp(QCoreApplication::translate("pgha::Deploy", "pg_switch_wal()"),
                       QStringLiteral("mkdir -p /run/pgha && %1 >/run/pgha/restore-switch && cat /run/pgha/restore-switch")
                           .arg(psql(t, QStringLiteral("select pg_walfile_name(pg_switch_wal())"))),
                       {});
    arch.ops << waitOp(QCoreApplication::translate("pgha::Deploy", "pg_stat_archiver reached the switched segment"),
                        QStringLiteral("w=$(cat /run/pgha/restore-switch); a=$(%1); echo \"archived $a, need $w\"; "
                                       "[ -n \"$a\" ] && [ \"$a\" \\> \"$w\" -o \"$a\" = \"$w\" ]")
                            .arg(psql(t, QStringLiteral("select coalesce(last_archived_wal, '') from pg_stat_archiver"))),
                        DeployOp::Until::ExitZero, 300);
    plan.steps << arch;
    DeployStep full = step(QStringLiteral("restore-full-backup"), backupAt, QCoreApplication::translate("pgha::Deploy", "a new full backup"), {arch.id});
    DeployOp fb = runOp(QCoreApplication::translate("pgha::Deploy", "pgbackrest --type=full backup"),
                        asUser(QStringLiteral("postgres"), QStringLiteral("pgbackrest"),
                               q(QStringLiteral("--config=") + BackupLayout::configPath()) + QLatin1Char(' ')
                                   + q(QStringLiteral("--stanza=") + BackupLayout::stanza(t))
                                   + QStringLiteral(" --type=full backup")),
                        QStringLiteral("tail -n 30 %1/*backup.log 2>&1").arg(BackupLayout::logPath()));
    fb.timeoutSec = 6 * 3600;
    full.ops << fb;
    plan.steps << full;

    // 6. The other members from the repository (empty data directories), then every member running.
    QStringList starts;
    for (int i = 1; i < pg.size(); ++i) {
        DeployStep s = step(QStringLiteral("restore-start:") + pg.at(i)->name, pg.at(i)->name,
                             QCoreApplication::translate("pgha::Deploy", "start Patroni: a replica from the repository"), {full.id});
        s.ops << runOp(QCoreApplication::translate("pgha::Deploy", "start Patroni"), startPatroni(t, *pg.at(i)), serviceLog(QStringLiteral("patroni")));
        starts << s.id;
        plan.steps << s;
    }
    DeployStep rep = step(QStringLiteral("restore-replicas"), first->name, QCoreApplication::translate("pgha::Deploy", "wait until every member runs"),
                           starts.isEmpty() ? QStringList{full.id} : starts);
    DeployOp w = waitOp(QCoreApplication::translate("pgha::Deploy", "every member running, replicas with a known lag"), httpGet(clusterUrl, false, ca),
                        DeployOp::Until::PatroniReplicasRunning, 600);
    w.expectedMembers = int(pg.size());
    w.diagnose = serviceLog(QStringLiteral("patroni"));
    w.service = QStringLiteral("patroni");
    rep.ops << w;
    plan.steps << rep;
    return plan;
}

} // namespace pgha
