#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "cli/DriftOptions.h"
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
    p.addOption(format);
    const DriftOptions drift;
    drift.addTo(p);
    int code = 0;
    if (!parseArgs(p, QStringLiteral("diff"), args, &code))
        return code;
    const QString fmt = p.value(format);
    if (p.positionalArguments().size() != 1 || (fmt != QLatin1String("table") && fmt != QLatin1String("json"))) {
        err() << "usage: pgha diff FILE [--format table|json] [--secrets FILE] [--deploy-journal FILE] [--known-hosts FILE] "
                 "[--accept-new-host-keys]\n";
        return 2;
    }
    const std::optional<DriftOptions::Prepared> prepared = drift.prepare(p, QStringLiteral("diff"), p.positionalArguments().first());
    if (!prepared)
        return 2;
    const DriftRun run = runDrift(prepared->setup, sshSessionFactory());
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
