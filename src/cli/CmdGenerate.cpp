#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "core/bundle/BundleWriter.h"
#include "core/generate/Generator.h"
#include "core/pki/ClusterTls.h"
#include "core/validation/Validator.h"

#include <QFileInfo>
#include <QTextStream>

namespace pgha::cli {

namespace {

enum class Target { Directory, TarGz };

int run(const QString &command, Target target, const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Project file (*.pgha.yaml) or template:NAME."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    target == Target::Directory ? QStringLiteral("Output directory.")
                                                                : QStringLiteral("Output .tar.gz file."),
                                    QStringLiteral("PATH"));
    const QCommandLineOption secretsOpt(QStringLiteral("secrets"), QStringLiteral("Secrets file (mode 0600)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("Write the files even when the design has errors."));
    p.addOption(output);
    p.addOption(secretsOpt);
    p.addOption(force);
    int code = 0;
    if (!parseArgs(p, command, args, &code))
        return code;
    if (p.positionalArguments().size() != 1 || !p.isSet(output)) {
        err() << "usage: pgha " << command << " FILE -o " << (target == Target::Directory ? "DIR" : "BUNDLE.tar.gz")
              << " [--secrets FILE] [--force]\n";
        return 2;
    }
    QHash<QString, FieldPosition> positions;
    const std::optional<Topology> topology = loadProjectArg(p.positionalArguments().first(), &positions);
    if (!topology)
        return 2;
    std::optional<Secrets> secrets = resolveSecrets(p.value(secretsOpt));
    if (!secrets)
        return 2;

    const Findings findings = validate(*topology, &*secrets);
    const int errors = printErrors(p.positionalArguments().first(), positions, findings);
    if (errors > 0 && !p.isSet(force)) {
        err() << "pgha " << command << ": the design has " << errors
              << " error(s); nothing was written (fix them, or pass --force)\n";
        return 1;
    }

    if (!fillTls(*topology, &*secrets, p.value(secretsOpt)))
        return 2;
    const Bundle bundle = generateBundle(*topology, *secrets);
    const Result<void> written = target == Target::Directory
        ? writeBundleToDirectory(bundle, p.value(output))
        : writeBundleTarGz(bundle, p.value(output));
    if (!written.ok()) {
        err() << "error: " << written.error().toString() << "\n";
        return 2;
    }
    out() << "wrote " << bundle.files.size() << " files to " << p.value(output) << "\n";
    return 0;
}

} // namespace

int generate(const QStringList &args)
{
    return run(QStringLiteral("generate"), Target::Directory, args);
}

int exportBundle(const QStringList &args)
{
    return run(QStringLiteral("export"), Target::TarGz, args);
}

int secrets(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Secrets file to write (mode 0600)."), QStringLiteral("FILE"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("Replace FILE when it exists (its passwords are lost)."));
    p.addOption(output);
    p.addOption(force);
    p.addPositionalArgument(QStringLiteral("DESIGN"),
                            QStringLiteral("Optional project file: also issue its TLS material (CA, host and admin "
                                           "certificates)."),
                            QStringLiteral("[DESIGN]"));
    int code = 0;
    if (!parseArgs(p, QStringLiteral("secrets"), args, &code))
        return code;
    if (!p.isSet(output) || p.positionalArguments().size() > 1) {
        err() << "usage: pgha secrets -o FILE [DESIGN] [--force]\n";
        return 2;
    }
    // The passwords of a deployed cluster may be the only copy: never replace them by accident.
    const QFileInfo existing(p.value(output));
    if ((existing.exists() || existing.isSymLink()) && !p.isSet(force)) {
        err() << "error: " << p.value(output)
              << ": exists; refusing to overwrite it (its passwords would be lost). Pass --force to replace it\n";
        return 2;
    }
    Secrets s;
    SecretStore::applyEnvironment(&s);
    SecretStore::fillMissing(&s);
    if (!p.positionalArguments().isEmpty()) {
        const std::optional<Topology> topology = loadProjectArg(p.positionalArguments().first());
        if (!topology)
            return 2;
        const Result<QStringList> issued = ClusterTls::fillMissing(*topology, &s);
        if (!issued.ok()) {
            err() << "error: " << issued.error().toString() << "\n";
            return 2;
        }
    }
    const Result<void> r = SecretStore::saveFile(s, p.value(output));
    if (!r.ok()) {
        err() << "error: " << r.error().toString() << "\n";
        return 2;
    }
    out() << "wrote " << p.value(output) << " (mode 0600)\n";
    return 0;
}

} // namespace pgha::cli
