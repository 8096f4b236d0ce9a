#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "core/validation/Validator.h"
#include "cli/DriftTable.h"
#include "deploy/DriftSetup.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

// pgha diff: the design against the files on each host, Patroni's dynamic configuration, the running values and
// the topology (docs/cli.md "diff", docs/day2.md). Exit codes: 0 no drift, 1 drift, 2 bad input, 3 host key refused.
namespace pgha::cli {

int diff(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Project file (*.pgha.yaml)."));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("Output: table or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption secretsOpt(QStringLiteral("secrets"),
                                        QStringLiteral("Secrets file the cluster was deployed with (mode 0600); "
                                                       "default: the one the deploy kept."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption journalOpt(QStringLiteral("journal"),
                                        QStringLiteral("The deploy's journal (its kept secrets are found beside it)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption acceptNew(QStringLiteral("accept-new-host-keys"),
                                       QStringLiteral("Accept and remember host keys never seen before."));
    const QCommandLineOption knownHosts(QStringLiteral("known-hosts"), QStringLiteral("known_hosts file."),
                                        QStringLiteral("FILE"));
    for (const auto &o : {format, secretsOpt, journalOpt, acceptNew, knownHosts})
        p.addOption(o);
    int code = 0;
    if (!parseArgs(p, QStringLiteral("diff"), args, &code))
        return code;
    const QString fmt = p.value(format);
    if (p.positionalArguments().size() != 1 || (fmt != QLatin1String("table") && fmt != QLatin1String("json"))) {
        err() << "usage: pgha diff FILE [--format table|json] [--secrets FILE] [--journal FILE] [--known-hosts FILE] "
                 "[--accept-new-host-keys]\n";
        return 2;
    }
    const QString projectArg = p.positionalArguments().first();
    QHash<QString, FieldPosition> positions;
    const std::optional<Topology> topology = loadProjectArg(projectArg, &positions);
    if (!topology)
        return 2;
    if (const int errors = printErrors(projectArg, positions, pgha::validate(*topology, nullptr)); errors > 0) {
        err() << "pgha diff: the design has " << errors << " error(s)\n";
        return 2;
    }
    DriftSetupOptions o;
    o.secretsFile = p.value(secretsOpt);
    o.journalPath = p.value(journalOpt);
    o.knownHostsFile = p.value(knownHosts);
    o.acceptNewHostKeys = p.isSet(acceptNew);
    const Result<DriftSetup> setup = prepareDrift(*topology, o);
    if (!setup.ok()) {
        err() << "pgha diff: " << setup.error().toString() << "\n";
        return 2;
    }
    const DriftRun run = runDrift(setup.value(), sshSessionFactory());
    if (fmt == QLatin1String("json")) {
        QJsonObject j = driftToJson(run.report);
        j.insert(QStringLiteral("seconds"), run.seconds);
        out() << QJsonDocument(j).toJson(QJsonDocument::Indented);
    } else {
        printDriftTable(out(), run.report);
        out() << QStringLiteral("read %1 hosts in %2 s\n").arg(run.report.hosts.size()).arg(run.seconds, 0, 'f', 2);
    }
    out().flush();
    if (run.hostKeyRefused) {
        err() << "pgha diff: a host key was refused (unknown or changed); see docs/deploy.md\n";
        return 3;
    }
    return run.report.hasDrift() ? 1 : 0;
}

} // namespace pgha::cli
