#include "core/model/BackupLayout.h"
#include "core/util/OnCalendar.h"
#include "core/util/Grammar.h"
#include "core/validation/RuleContext.h"
#include "core/validation/rules/Rules.h"

#include <QCoreApplication>

// Backups with pgBackRest (docs/backups.md): where the repository is, the grammars of the values that reach
// pgbackrest.conf, Patroni's archive_command and the systemd timers, retention against the schedule, and the
// archive timeout (the window of WAL an idle primary can lose).
namespace pgha::rules {

namespace {

void addField(Findings &out, const char *rule, Severity severity, const QString &field, const QString &message,
              const QString &fix)
{
    addFinding(out, rule, severity, field, message, fix);
    out.last().field = field;
}

} // namespace

void noBackups(const RuleContext &c, Findings &out)
{
    if (BackupLayout::enabled(c.topology) || c.postgresHosts.isEmpty())
        return;
    addFinding(out, "no-backups", Severity::Warning, QStringLiteral("cluster"),
               QCoreApplication::translate("pgha::Rules", "No backups: the cluster has no pgBackRest repository, so a dropped table or a lost cluster cannot "
                  "be restored, whatever failover does."),
               QCoreApplication::translate("pgha::Rules", "Add a host with the role backup (a dedicated repository host), or set cluster.backup."));
}

void backupRepository(const RuleContext &c, Findings &out)
{
    const Topology &t = c.topology;
    if (!BackupLayout::enabled(t))
        return;
    const QString field = QStringLiteral("cluster.backup.repository");
    const QString &name = t.cluster.backup.repository;
    if (BackupLayout::local(t)) {
        addField(out, "backup-repository", Severity::Warning, field,
                 QCoreApplication::translate("pgha::Rules", "The backup repository is local: each database host keeps its backups on its own disks, which the "
                    "loss of that machine takes with it, and only the host that was primary at backup time has them."),
                 QCoreApplication::translate("pgha::Rules", "Add a dedicated host with the role backup and name it in cluster.backup.repository."));
        return;
    }
    const Host *repo = BackupLayout::repositoryHost(t);
    if (!repo) {
        const QString message = name.isEmpty()
            ? QCoreApplication::translate("pgha::Rules", "Backups are on but there is not exactly one host with the role backup to hold the repository.")
            : QCoreApplication::translate("pgha::Rules", "cluster.backup.repository names \"%1\", which is no host of the design.").arg(name.left(80));
        addField(out, "backup-repository", Severity::Error, field, message,
                 QCoreApplication::translate("pgha::Rules", "Give one host the role backup, or name it (or local) in cluster.backup.repository."));
        return;
    }
    if (!repo->has(Role::Backup)) {
        addField(out, "backup-repository", Severity::Error, field,
                 QCoreApplication::translate("pgha::Rules", "The repository host %1 does not have the role backup.").arg(repo->name),
                 QCoreApplication::translate("pgha::Rules", "Add the role backup to %1, or name the host that has it.").arg(repo->name));
    } else if (repo->has(Role::Postgres)) {
        addFinding(out, "backup-repository", Severity::Warning, RuleContext::hostSubject(*repo),
                   QCoreApplication::translate("pgha::Rules", "The backup repository lives on the database host %1: losing that machine loses a member and "
                      "the backups together.").arg(repo->name),
                   QCoreApplication::translate("pgha::Rules", "Move the role backup to a dedicated host."));
    } else if (repo->has(Role::HAProxy) || repo->has(Role::Etcd)) {
        addFinding(out, "backup-repository", Severity::Info, RuleContext::hostSubject(*repo),
                   QCoreApplication::translate("pgha::Rules", "The backup repository shares the host %1 with HAProxy or etcd: backups compete with them for "
                      "disk and network.").arg(repo->name),
                   QCoreApplication::translate("pgha::Rules", "A dedicated repository host is recommended."));
    }
}

void backupInvalid(const RuleContext &c, Findings &out)
{
    const Topology &t = c.topology;
    if (!BackupLayout::enabled(t))
        return;
    const BackupSettings &b = t.cluster.backup;
    if (const QString problem = Grammar::dataDirProblem(b.path); !problem.isEmpty())
        addField(out, "backup-invalid", Severity::Error, QStringLiteral("cluster.backup.path"),
                 QCoreApplication::translate("pgha::Rules", "The repository path is unusable: %1.").arg(problem),
                 QCoreApplication::translate("pgha::Rules", "Use an absolute path of letters, digits and _ . + @ / - such as /var/lib/pgbackrest."));
    const struct { const char *key; const QString &value; bool optional; } schedules[] = {
        {"full", b.full, false}, {"diff", b.diff, true}};
    for (const auto &s : schedules) {
        if (s.optional && s.value.isEmpty())
            continue;
        if (!Grammar::hasControlCharacter(s.value) && OnCalendar::parse(s.value))
            continue;
        addField(out, "backup-invalid", Severity::Error, QStringLiteral("cluster.backup.") + QLatin1String(s.key),
                 QCoreApplication::translate("pgha::Rules", "The %1 backup schedule is not in the accepted OnCalendar form.").arg(QLatin1String(s.key)),
                 QCoreApplication::translate("pgha::Rules", "Write [weekdays ]*-*-* HH:MM[:SS] such as \"Sun *-*-* 01:00:00\" or \"Mon..Sat *-*-* 01:00\", or "
                    "daily / weekly."));
    }
    if (b.transport == QLatin1String("tls") && !t.cluster.security.tls && !BackupLayout::local(t))
        addField(out, "backup-invalid", Severity::Error, QStringLiteral("cluster.backup.transport"),
                 QCoreApplication::translate("pgha::Rules", "The backup transport tls needs the cluster's certificates, and cluster.security.tls is off."),
                 QCoreApplication::translate("pgha::Rules", "Turn cluster.security.tls on (recommended), or set cluster.backup.transport: ssh."));
    if (b.transport == QLatin1String("ssh") && !BackupLayout::local(t))
        addField(out, "backup-invalid", Severity::Warning, QStringLiteral("cluster.backup.transport"),
                 QCoreApplication::translate("pgha::Rules", "With the transport ssh the postgres users of the repository and database hosts need SSH keys "
                    "to each other, which the deploy does not distribute."),
                 QCoreApplication::translate("pgha::Rules", "Use transport: tls (pgBackRest's TLS server with the cluster CA), or set up the keys yourself."));
}

void backupRetention(const RuleContext &c, Findings &out)
{
    const Topology &t = c.topology;
    if (!BackupLayout::enabled(t))
        return;
    const BackupSettings &b = t.cluster.backup;
    const std::optional<OnCalendar::Schedule> full = OnCalendar::parse(b.full);
    if (!full)
        return;  // backup-invalid
    const int gap = OnCalendar::maxGapDays(*full);
    const QString field = QStringLiteral("cluster.backup.retention_full");
    if (b.retentionFull < 2) {
        addField(out, "backup-retention", Severity::Warning, field,
                 QCoreApplication::translate("pgha::Rules", "retention_full 1 keeps a single full backup: while the next full runs, or when it fails, there is no "
                    "older one, and the restore window shrinks to the days since the last full."),
                 QCoreApplication::translate("pgha::Rules", "Keep at least 2 full backups."));
    } else if (b.retentionFull * gap < 7) {
        addField(out, "backup-retention", Severity::Warning, field,
                 QCoreApplication::translate("pgha::Rules", "Full backups every %1 day(s) with retention_full %2 keep less than a week to restore from.")
                     .arg(gap)
                     .arg(b.retentionFull),
                 QCoreApplication::translate("pgha::Rules", "Raise retention_full so that retention_full times the days between full backups is 7 or more."));
    }
    if (const std::optional<OnCalendar::Schedule> diff = OnCalendar::parse(b.diff);
        diff && !b.diff.isEmpty() && OnCalendar::maxGapDays(*diff) > gap)
        addField(out, "backup-retention", Severity::Warning, QStringLiteral("cluster.backup.diff"),
                 QCoreApplication::translate("pgha::Rules", "Differential backups run less often than full ones and never help."),
                 QCoreApplication::translate("pgha::Rules", "Schedule diff backups between the full ones (e.g. Mon..Sat) or leave diff empty."));
}

void backupArchiveTimeout(const RuleContext &c, Findings &out)
{
    const Topology &t = c.topology;
    if (!BackupLayout::enabled(t))
        return;
    const int s = t.cluster.backup.archiveTimeout;
    const QString field = QStringLiteral("cluster.backup.archive_timeout");
    if (s == 0 || s > 3600)
        addField(out, "backup-archive-timeout", Severity::Warning, field,
                 s == 0 ? QCoreApplication::translate("pgha::Rules", "archive_timeout 0: a quiet primary may keep its last writes out of the archive for hours, "
                             "and a restore loses them.")
                        : QCoreApplication::translate("pgha::Rules", "archive_timeout %1 s: a quiet primary's last writes reach the archive only after that "
                             "long, and a restore loses them.").arg(s),
                 QCoreApplication::translate("pgha::Rules", "Use 60 to 300 seconds."));
    else if (s < 30)
        addField(out, "backup-archive-timeout", Severity::Warning, field,
                 QCoreApplication::translate("pgha::Rules", "archive_timeout %1 s: each forced switch archives a whole 16 MB segment, up to %2 GB a day even when "
                    "idle.").arg(s).arg(16 * 86400 / s / 1024),
                 QCoreApplication::translate("pgha::Rules", "Use 60 to 300 seconds."));
}

} // namespace pgha::rules
