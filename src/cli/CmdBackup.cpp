#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "cli/PlanRun.h"
#include "core/model/BackupLayout.h"
#include "core/parse/PgBackRestInfoParser.h"
#include "core/util/DataPaths.h"
#include "deploy/BackupInfo.h"
#include "deploy/BackupPlan.h"
#include "deploy/DeployJournal.h"
#include "deploy/RemoteSession.h"
#include "deploy/OperationJournal.h"
#include "deploy/RestorePlan.h"
#include "deploy/RestoreSetup.h"
#include "monitor/RepositoryView.h"

#include <QDateTime>
#include <QTimeZone>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

#include <unistd.h>

// pgha backup / pgha backups (docs/cli.md, docs/backups.md): a backup as a plan for the one runner and journal;
// the repository's list from `pgbackrest info --output=json` over SSH. Exit codes as deploy: 0 done, 1 failed,
// 2 bad input, 3 host key refused, 4 cancelled or not confirmed.
namespace pgha::cli {

namespace {

struct SshOptions
{
    QCommandLineOption acceptNew{QStringLiteral("accept-new-host-keys"),
                                 QStringLiteral("Accept and remember host keys never seen before.")};
    QCommandLineOption knownHosts{QStringLiteral("known-hosts"), QStringLiteral("known_hosts file."),
                                  QStringLiteral("FILE")};
    PlanOptions planOptions(const QCommandLineParser &p) const
    {
        PlanOptions o;
        o.knownHostsFile = p.value(knownHosts);
        o.acceptNewHostKeys = p.isSet(acceptNew);
        return o;
    }
};

// The design, with backups on and a host that runs them; nullopt after printing why.
std::optional<Topology> loadBackupDesign(const QString &verb, const QCommandLineParser &p)
{
    if (p.positionalArguments().size() != 1) {
        err() << "pgha " << verb << ": give one project FILE\n";
        return std::nullopt;
    }
    std::optional<Topology> t = loadProjectArg(p.positionalArguments().first());
    if (!t)
        return std::nullopt;
    if (!BackupLayout::enabled(*t)) {
        err() << "pgha " << verb << ": the design has no backups (add a host with the role backup; docs/backups.md)\n";
        return std::nullopt;
    }
    if (backupHost(*t).isEmpty()) {
        err() << "pgha " << verb << ": cluster.backup.repository names no usable host (pgha validate says more)\n";
        return std::nullopt;
    }
    return t;
}

// The journal of VERB's run (deploy/OperationJournal); nullopt after printing why.
std::optional<DeployJournal> loadJournal(const QString &verb, const Topology &t, const QString &path)
{
    Result<DeployJournal> journal = loadOperationJournal(t, verb, path);
    if (!journal.ok()) {
        err() << "pgha " << verb << ": " << journal.error().toString() << "\n";
        return std::nullopt;
    }
    return journal.value();
}

QString utc(qint64 epoch)
{
    return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

int backup(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Project file (*.pgha.yaml)."));
    const QCommandLineOption type(QStringLiteral("type"), QStringLiteral("full, diff or incr (default full)."),
                                  QStringLiteral("TYPE"), QStringLiteral("full"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), QStringLiteral("Print the plan; change nothing."));
    const QCommandLineOption yes(QStringLiteral("yes"), QStringLiteral("Do not ask for confirmation."));
    const QCommandLineOption journalOpt(QStringLiteral("journal"),
                                        QStringLiteral("Journal of the run (default: the cluster's backup.journal.json)."),
                                        QStringLiteral("FILE"));
    const SshOptions ssh;
    for (const auto &o : {type, dryRun, yes, journalOpt, ssh.acceptNew, ssh.knownHosts})
        p.addOption(o);
    int code = 0;
    if (!parseArgs(p, QStringLiteral("backup"), args, &code))
        return code;
    const QString t = p.value(type);
    if (t != QLatin1String("full") && t != QLatin1String("diff") && t != QLatin1String("incr")) {
        err() << "pgha backup: --type is full, diff or incr, not \"" << t.left(40) << "\"\n";
        return 2;
    }
    const std::optional<Topology> topology = loadBackupDesign(QStringLiteral("backup"), p);
    if (!topology)
        return 2;
    const DeployPlan plan = backupPlan(*topology, t, ssh.planOptions(p));
    out() << "# pgha backup: a " << t << " backup of cluster \"" << topology->cluster.name << "\" into the repository on "
          << backupHost(*topology) << "\n";
    if (p.isSet(dryRun)) {
        out() << plan.dryRunText();
        return 0;
    }
    if (!p.isSet(yes)) {
        if (!isatty(STDIN_FILENO)) {
            err() << "pgha backup: stdin is not a terminal, so I cannot ask for confirmation: pass --yes\n";
            return 4;
        }
        const QString a = readLineFromTerminal(QStringLiteral("Start the %1 backup? [y/N] ").arg(t), true).trimmed().toLower();
        if (a != QLatin1String("y") && a != QLatin1String("yes")) {
            err() << "pgha backup: not confirmed\n";
            return 4;
        }
    }
    const std::optional<DeployJournal> journal = loadJournal(QStringLiteral("backup"), *topology, p.value(journalOpt));
    if (!journal)
        return 2;
    return runPlan(plan, *journal);
}

int restore(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Project file (*.pgha.yaml)."));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("Restore to this moment: YYYY-MM-DD HH:MM:SS[.ffffff] with a zone (+00, Z)."),
                                QStringLiteral("TIMESTAMP"));
    const QCommandLineOption latest(QStringLiteral("latest"), QStringLiteral("Restore to the end of the WAL archive."));
    const QCommandLineOption timeline(QStringLiteral("timeline"),
                                      QStringLiteral("Recover along this timeline (default: the one the cluster runs on)."),
                                      QStringLiteral("N"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), QStringLiteral("Print the plan; change nothing."));
    const QCommandLineOption yes(QStringLiteral("yes"), QStringLiteral("Do not ask for confirmation."));
    const QCommandLineOption journalOpt(QStringLiteral("journal"),
                                        QStringLiteral("Journal of the run (default: the cluster's restore.journal.json)."),
                                        QStringLiteral("FILE"));
    const SshOptions ssh;
    for (const auto &o : {to, latest, timeline, dryRun, yes, journalOpt, ssh.acceptNew, ssh.knownHosts})
        p.addOption(o);
    int code = 0;
    if (!parseArgs(p, QStringLiteral("restore"), args, &code))
        return code;
    if (p.isSet(to) == p.isSet(latest)) {
        err() << "pgha restore: give either --to TIMESTAMP or --latest\n";
        return 2;
    }
    RestoreTarget target;
    if (p.isSet(to)) {
        target.time = normalizeRestoreTime(p.value(to));
        if (target.time.isEmpty()) {
            err() << "pgha restore: --to \"" << p.value(to).left(60)
                  << "\" is not YYYY-MM-DD HH:MM:SS[.ffffff] with a zone such as +00 or Z\n";
            return 2;
        }
    }
    if (p.isSet(timeline)) {
        bool ok = false;
        target.timeline = p.value(timeline).toInt(&ok);
        if (!ok || target.timeline < 1 || target.timeline > 1000000) {
            err() << "pgha restore: --timeline is a timeline number (1, 2, ...)\n";
            return 2;
        }
    }
    const std::optional<Topology> topology = loadBackupDesign(QStringLiteral("restore"), p);
    if (!topology)
        return 2;
    const Result<RestoreSetup> setup = prepareRestore(*topology, target, ssh.planOptions(p), p.value(journalOpt));
    if (!setup.ok()) {
        err() << "pgha restore: " << setup.error().toString() << "\n";
        return 2;
    }
    target = setup->target;
    const DeployPlan &plan = setup->plan;
    out() << "# pgha restore: cluster \"" << topology->cluster.name << "\" to "
          << (target.time.isEmpty() ? QStringLiteral("the end of the WAL archive") : target.time)
          << "; every member's data directory is kept as <data_dir>.before-restore-" << target.stamp << "\n";
    for (const DeployStep &s : plan.steps)
        out() << "#   [" << s.host << "] " << s.title << " (" << s.id << ")\n";
    if (p.isSet(dryRun)) {
        out() << plan.dryRunText();
        return 0;
    }
    if (!p.isSet(yes)) {
        if (!isatty(STDIN_FILENO)) {
            err() << "pgha restore: stdin is not a terminal, so I cannot ask for confirmation: pass --yes\n";
            return 4;
        }
        const QString a = readLineFromTerminal(
            QStringLiteral("Stop cluster \"%1\" and restore it? Writes after the target are lost. [y/N] ")
                .arg(topology->cluster.name),
            true).trimmed().toLower();
        if (a != QLatin1String("y") && a != QLatin1String("yes")) {
            err() << "pgha restore: not confirmed; nothing was changed\n";
            return 4;
        }
    }
    keepRestoreStamp(setup.value());
    return runPlan(plan, setup->journal);
}

int backups(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Project file (*.pgha.yaml)."));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("table or json (pgBackRest's own)."),
                                    QStringLiteral("FORMAT"), QStringLiteral("table"));
    const SshOptions ssh;
    for (const auto &o : {format, ssh.acceptNew, ssh.knownHosts})
        p.addOption(o);
    int code = 0;
    if (!parseArgs(p, QStringLiteral("backups"), args, &code))
        return code;
    const std::optional<Topology> topology = loadBackupDesign(QStringLiteral("backups"), p);
    if (!topology)
        return 2;
    const BackupInfo info = fetchBackupInfo(*topology, ssh.planOptions(p), sshSessionFactory());
    if (!info.error.isEmpty()) {
        err() << "pgha backups: " << info.error << "\n";
        return info.hostKeyRefused ? 3 : 1;
    }
    if (p.value(format) == QLatin1String("json")) {
        out() << QString::fromUtf8(info.json);
        return 0;
    }
    const Result<QList<PgBackRestInfoParser::Stanza>> parsed = PgBackRestInfoParser::parse(info.json);
    if (!parsed.ok()) {
        err() << "pgha backups: " << parsed.error().toString() << "\n";
        return 1;
    }
    int problems = 0;
    for (const PgBackRestInfoParser::Stanza &s : parsed.value()) {
        out() << "stanza " << s.name << ": " << s.statusMessage << " (status " << s.statusCode << ")"
              << (s.backupLockHeld ? QStringLiteral(", a backup is running") : QString()) << "\n";
        if (s.statusCode != 0 && s.statusCode != 2)
            ++problems;
        for (const PgBackRestInfoParser::Archive &a : s.archives)
            out() << "  WAL archive " << a.id << ": " << a.min << " .. " << a.max << "\n";
        out() << QStringLiteral("  %1 %2 %3 %4 %5 %6\n")
                     .arg(QStringLiteral("label"), -26)
                     .arg(QStringLiteral("type"), -5)
                     .arg(QStringLiteral("stopped (UTC)"), -20)
                     .arg(QStringLiteral("size"), -10)
                     .arg(QStringLiteral("in repo"), -10)
                     .arg(QStringLiteral("WAL range"));
        for (const PgBackRestInfoParser::Backup &b : s.backups)
            out() << QStringLiteral("  %1 %2 %3 %4 %5 %6 .. %7%8\n")
                         .arg(b.label, -26)
                         .arg(b.type, -5)
                         .arg(utc(b.stopEpoch), -20)
                         .arg(RepositoryView::size(b.size), -10)
                         .arg(RepositoryView::size(b.repoSize), -10)
                         .arg(b.walStart, b.walStop, b.error ? QStringLiteral(" (checksum errors)") : QString());
        if (s.backups.isEmpty())
            out() << "  (no backups yet)\n";
    }
    return problems > 0 ? 1 : 0;
}

} // namespace pgha::cli
