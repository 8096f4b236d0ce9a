#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "cli/DriftOptions.h"
#include "cli/DriftTable.h"
#include "cli/PlanRun.h"
#include "deploy/ApplyPlan.h"
#include "deploy/DriftSetup.h"
#include "deploy/OperationJournal.h"

#include <QCoreApplication>
#include <QTextStream>

#include <unistd.h>

// pgha apply: the plan built from the drift (docs/cli.md "apply", docs/day2.md), shown, confirmed, then run by the
// deploy's runner with its own journal. Exit codes: 0 done or nothing to do, 1 a step failed (or drift remains
// that apply does not plan), 2 bad input, 3 host key refused, 4 cancelled or not confirmed.
namespace pgha::cli {

int apply(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Project file (*.pgha.yaml)."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Print the plan (every command, every file); change nothing."));
    const QCommandLineOption yes(QStringLiteral("yes"), QStringLiteral("Do not ask for confirmation."));
    const QCommandLineOption journalOpt(QStringLiteral("journal"),
                                        QStringLiteral("Journal of the apply (JSON); default: apply.journal.json "
                                                       "beside the deploy's journal."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption purge(QStringLiteral("purge"),
                                   QStringLiteral("Scale in: also delete the data directory of a member that leaves "
                                                  "(kept by default)."));
    for (const auto &o : {dryRun, yes, journalOpt, purge})
        p.addOption(o);
    const DriftOptions drift;
    drift.addTo(p);
    int code = 0;
    if (!parseArgs(p, QStringLiteral("apply"), args, &code))
        return code;
    if (p.positionalArguments().size() != 1) {
        err() << "usage: pgha apply FILE [--dry-run] [--yes] [--purge] [--secrets FILE] [--journal FILE] [--deploy-journal FILE] "
                 "[--known-hosts FILE] [--accept-new-host-keys]\n";
        return 2;
    }
    const std::optional<DriftOptions::Prepared> prepared = drift.prepare(p, QStringLiteral("apply"), p.positionalArguments().first());
    if (!prepared)
        return 2;
    const Topology *topology = &prepared->topology;
    const DriftSetup *setup = &prepared->setup;
    const DriftRun run = runDrift(*setup, sshSessionFactory());
    if (run.hostKeyRefused) {
        err() << "pgha apply: a host key was refused (unknown or changed); nothing was changed\n";
        return 3;
    }
    printDriftTable(out(), run.report);
    const ApplyPlan ap = buildApplyPlan(*topology, setup->deploy.secrets, setup->deploy.plan, setup->design, run.report,
                                          ApplyOptions{p.isSet(purge)});
    if (!ap.notPlanned.isEmpty()) {
        out() << "# not planned by pgha apply (do these by hand):\n";
        for (const QString &l : ap.notPlanned)
            out() << "#   " << l << "\n";
    }
    if (!ap.etcdTransition.isEmpty())
        for (const QString &l : ap.etcdTransition.split(QLatin1Char('\n')))
            out() << "# " << l << "\n";
    const DeployPlan &plan = ap.plan;
    if (plan.steps.isEmpty()) {
        out() << (ap.notPlanned.isEmpty() ? "nothing to do\n" : "nothing apply can do\n");
        out().flush();
        return ap.notPlanned.isEmpty() ? 0 : 1;
    }
    out() << "# the plan: " << plan.steps.size() << " steps on " << plan.targets.size() << " hosts\n";
    for (const DeployStep &s : plan.steps)
        out() << "#   " << s.id << " [" << s.host << "] " << s.title
              << (s.deps.isEmpty() ? QString() : QStringLiteral(" (after ") + s.deps.join(QStringLiteral(", ")) + QLatin1Char(')'))
              << "\n";
    if (p.isSet(dryRun)) {
        out() << "# --dry-run: nothing is changed\n" << plan.dryRunText();
        out().flush();
        return 0;
    }
    if (!p.isSet(yes)) {
        if (!isatty(STDIN_FILENO)) {
            err() << "pgha apply: stdin is not a terminal, so I cannot ask for confirmation: pass --yes\n";
            return 4;
        }
        const QString a = readLineFromTerminal(QStringLiteral("Apply %1 steps to cluster \"%2\"? [y/N] ")
                                                   .arg(plan.steps.size())
                                                   .arg(topology->cluster.name),
                                               true);
        if (a.trimmed().toLower() != QLatin1String("y") && a.trimmed().toLower() != QLatin1String("yes")) {
            err() << "pgha apply: not confirmed; nothing was changed\n";
            return 4;
        }
    }
    // Certificates issued for a host that joins (TLS designs) are kept with the secrets before they reach it, so that
    // the next diff and apply expect the same files.
    DeploySetup kept = setup->deploy;
    const QString keptIn = kept.secretsToKeep;
    if (const Result<void> k = keepGeneratedSecrets(&kept); !k.ok()) {
        err() << "pgha apply: " << k.error().toString() << "\n";
        return 2;
    }
    if (!keptIn.isEmpty())
        out() << "pgha apply: the new hosts' certificates are kept in " << keptIn << "\n";
    QString journalPath = p.value(journalOpt);
    if (journalPath.isEmpty())
        journalPath = applyJournalPath(*topology, p.isSet(drift.deployJournal) ? p.value(drift.deployJournal) : QString());
    Result<DeployJournal> journal = DeployJournal::load(journalPath);
    if (!journal.ok()) {
        err() << "pgha apply: " << journal.error().toString() << "\n";
        return 2;
    }
    out() << "pgha apply: cluster \"" << topology->cluster.name << "\", journal " << journalPath << "\n";
    out().flush();
    return runPlan(plan, journal.value());
}

} // namespace pgha::cli
