#include "cli/DriftOptions.h"

#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "core/validation/Validator.h"

#include <QTextStream>

namespace pgha::cli {

std::optional<DriftOptions::Prepared> DriftOptions::prepare(const QCommandLineParser &p, const QString &verb,
                                                            const QString &file) const
{
    QHash<QString, FieldPosition> positions;
    std::optional<Topology> topology = loadProjectArg(file, &positions);
    if (!topology)
        return std::nullopt;
    if (const int errors = printErrors(file, positions, pgha::validate(*topology, nullptr)); errors > 0) {
        err() << "pgha " << verb << ": the design has " << errors << " error(s); nothing was read or changed\n";
        return std::nullopt;
    }
    DriftSetupOptions o;
    o.secretsFile = p.value(secrets);
    o.journalPath = p.value(deployJournal);
    o.knownHostsFile = p.value(knownHosts);
    o.acceptNewHostKeys = p.isSet(acceptNew);
    Result<DriftSetup> setup = prepareDrift(*topology, o);
    if (!setup.ok()) {
        err() << "pgha " << verb << ": " << setup.error().toString() << "\n";
        return std::nullopt;
    }
    return Prepared{*topology, setup.value()};
}

} // namespace pgha::cli
