#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "cli/PlanRun.h"
#include "core/generate/Generator.h"
#include "core/validation/Validator.h"
#include "deploy/DeployJournal.h"
#include "deploy/DeployPlan.h"
#include "deploy/DeploySetup.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

// pgha deploy: builds the cluster over SSH. Exit codes (docs/cli.md, docs/deploy.md): 0 done or nothing to
// do, 1 a step failed (the journal says where; a rerun resumes), 2 bad input, 3 host key refused, 4 cancelled.
namespace pgha::cli {


int deploy(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Project file (*.pgha.yaml) or template:NAME."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Print every command and every file for every host; change nothing."));
    const QCommandLineOption yes(QStringLiteral("yes"), QStringLiteral("Do not ask for confirmation."));
    const QCommandLineOption only(QStringLiteral("only"), QStringLiteral("Deploy to this host only (repeatable)."),
                                  QStringLiteral("HOST"));
    const QCommandLineOption secretsOpt(QStringLiteral("secrets"), QStringLiteral("Secrets file (mode 0600)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption acceptNew(QStringLiteral("accept-new-host-keys"),
                                       QStringLiteral("Accept and remember host keys never seen before (a changed key "
                                                      "is refused regardless)."));
    const QCommandLineOption knownHosts(QStringLiteral("known-hosts"),
                                        QStringLiteral("known_hosts file to use instead of ~/.ssh/known_hosts."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption journalOpt(QStringLiteral("journal"),
                                        QStringLiteral("Deploy journal (JSON); the generated secrets are kept beside it."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption adopt(QStringLiteral("adopt-existing-data"),
                                   QStringLiteral("Use existing PostgreSQL/etcd data directories as they are instead "
                                                  "of refusing (they are never removed)."));
    for (const auto &o : {dryRun, yes, only, secretsOpt, acceptNew, knownHosts, journalOpt, adopt})
        p.addOption(o);
    int code = 0;
    if (!parseArgs(p, QStringLiteral("deploy"), args, &code))
        return code;
    if (p.positionalArguments().size() != 1) {
        err() << "usage: pgha deploy FILE [--dry-run] [--yes] [--only HOST]... [--secrets FILE] "
                 "[--accept-new-host-keys] [--known-hosts FILE] [--journal FILE] [--adopt-existing-data]\n";
        return 2;
    }
    const QString projectArg = p.positionalArguments().first();
    QHash<QString, FieldPosition> positions;
    const std::optional<Topology> topology = loadProjectArg(projectArg, &positions);
    if (!topology)
        return 2;
    // The design first, before any path is built from it (the journal's name holds cluster.name) and before
    // anything is read or written beside the journal.
    if (const int errors = printErrors(projectArg, positions, validate(*topology, nullptr)); errors > 0) {
        err() << "pgha deploy: the design has " << errors << " error(s); nothing was deployed or written\n";
        return 2;
    }
    for (const QString &h : p.values(only)) {
        if (!topology->hostByName(h)) {
            err() << "pgha deploy: --only " << h << ": no such host in the design\n";
            return 2;
        }
    }

    DeploySetupOptions so;
    so.projectPath = projectArg;
    so.journalPath = p.value(journalOpt);
    so.secretsFile = p.value(secretsOpt);
    so.knownHostsFile = p.value(knownHosts);
    so.acceptNewHostKeys = p.isSet(acceptNew);
    so.adoptExistingData = p.isSet(adopt);
    so.onlyHosts = p.values(only);
    so.dryRun = p.isSet(dryRun);
    Result<DeploySetup> setup = prepareDeploy(*topology, so);
    if (!setup.ok()) {
        err() << "error: " << setup.error().toString() << "\n";
        return 2;
    }

    // Again with the passwords (weak-secret, secret-invalid).
    if (const int errors = printErrors(projectArg, positions, validate(*topology, &setup->secrets)); errors > 0) {
        err() << "pgha deploy: the design has " << errors << " error(s); nothing was deployed or written\n";
        return 2;
    }
    const DeployPlan &plan = setup->plan;

    if (p.isSet(dryRun)) {
        out() << "# pgha deploy --dry-run: " << plan.steps.size() << " steps on " << plan.targets.size()
              << " hosts; nothing is changed\n";
        for (auto it = plan.targets.begin(); it != plan.targets.end(); ++it)
            out() << "# host " << it.key() << ": " << it->user << "@" << it->address << " port " << it->port << "\n";
        out() << plan.dryRunText();
        out().flush();
        return 0;
    }

    if (!p.isSet(yes)) {
        if (!isatty(STDIN_FILENO)) {
            err() << "pgha deploy: stdin is not a terminal, so I cannot ask for confirmation: pass --yes\n";
            return 2;
        }
        const QString a = readLineFromTerminal(QStringLiteral("Deploy cluster \"%1\" to %2 host(s) (%3)? [y/N] ")
                                              .arg(topology->cluster.name)
                                              .arg(plan.targets.size())
                                              .arg(QStringList(plan.targets.keys()).join(QStringLiteral(", "))),
                                          true);
        if (a.trimmed().toLower() != QLatin1String("y") && a.trimmed().toLower() != QLatin1String("yes")) {
            err() << "pgha deploy: not confirmed; nothing was changed\n";
            return 4;
        }
    }

    // Validated and confirmed: only now is anything written (the generated passwords, then the journal).
    if (const Result<void> kept = keepGeneratedSecrets(&setup.value()); !kept.ok()) {
        err() << "error: " << kept.error().toString() << "\n";
        return 2;
    }
    if (!setup->generatedSecretsFile.isEmpty())
        err() << "note: generated the missing passwords and kept them in " << setup->generatedSecretsFile
              << " (mode 0600) so that a rerun uses the same ones\n";
    out() << "pgha deploy: cluster \"" << topology->cluster.name << "\", " << plan.steps.size() << " steps on "
          << plan.targets.size() << " hosts\n";
    out().flush();
    return runPlan(plan, setup->journal);
}

} // namespace pgha::cli
