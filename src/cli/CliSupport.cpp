#include "cli/CliSupport.h"

#include "cli/Commands.h"
#include "core/pki/ClusterTls.h"

#include <QCoreApplication>
#include <QTextStream>

namespace pgha::cli {

bool parseArgs(QCommandLineParser &parser, const QString &command, const QStringList &args, int *exitCode)
{
    parser.setApplicationDescription(QStringLiteral("pgha ") + command);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(QStringList{QStringLiteral("pgha ") + command} + args)) {
        err() << "pgha " << command << ": " << parser.errorText() << "\n";
        *exitCode = 2;
        return false;
    }
    if (parser.isSet(help)) {
        // Qt names the program by its full path in the usage line; users type "pgha <command>".
        QString text = parser.helpText();
        const QString program = QCoreApplication::arguments().value(0);
        const int at = program.isEmpty() ? -1 : int(text.indexOf(program));
        if (at >= 0)
            text.replace(at, program.size(), QStringLiteral("pgha ") + command);
        out() << text;
        *exitCode = 0;
        return false;
    }
    return true;
}

std::optional<Topology> loadProjectArg(const QString &arg, QHash<QString, FieldPosition> *positions)
{
    Result<LoadedProject> r = arg.startsWith(QLatin1String("template:"))
        ? ProjectFile::loadTemplate(arg.mid(9))
        : ProjectFile::load(arg);
    if (!r.ok()) {
        err() << "error: " << r.error().toString() << "\n";
        return std::nullopt;
    }
    for (const LoadWarning &w : r->warnings)
        err() << "warning: " << w.toString() << "\n";
    err().flush();
    if (positions)
        *positions = r->positions;
    return r->topology;
}

QString findingLocation(const QString &file, const QHash<QString, FieldPosition> &positions, const Finding &f)
{
    if (f.field.isEmpty())
        return {};
    const auto it = positions.constFind(f.field);
    if (it == positions.cend())
        return QStringLiteral("%1: %2").arg(file, f.field);
    return QStringLiteral("%1:%2:%3: %4").arg(file).arg(it->line).arg(it->column).arg(f.field);
}

QJsonObject findingJson(const Finding &f)
{
    return QJsonObject{{QStringLiteral("rule"), f.ruleId},
                       {QStringLiteral("severity"), severityKey(f.severity)},
                       {QStringLiteral("subject"), f.subject},
                       {QStringLiteral("message"), f.message},
                       {QStringLiteral("fix"), f.fix},
                       {QStringLiteral("quick_fix"), f.quickFix}};
}

int printErrors(const QString &file, const QHash<QString, FieldPosition> &positions, const Findings &findings)
{
    int errors = 0;
    for (const Finding &f : findings) {
        if (f.severity != Severity::Error)
            continue;
        ++errors;
        err() << "error [" << f.ruleId << "] " << f.subject << ": " << f.message << "\n";
        const QString at = findingLocation(file, positions, f);
        if (!at.isEmpty())
            err() << "    at: " << at << "\n";
    }
    err().flush();
    return errors;
}

std::optional<Secrets> resolveSecrets(const QString &secretsFile)
{
    Secrets s;
    if (!secretsFile.isEmpty()) {
        Result<Secrets> r = SecretStore::loadFile(secretsFile);
        if (!r.ok()) {
            err() << "error: " << r.error().toString() << "\n";
            return std::nullopt;
        }
        s = r.value();
    }
    SecretStore::applyEnvironment(&s);
    const Secrets before = s;
    SecretStore::fillMissing(&s);
    if (before != s) {
        err() << "note: passwords not given by --secrets or PGHA_*_PASSWORD were generated; "
                 "they are only in the generated files (mode 0600). Use `pgha secrets -o FILE` to keep a set.\n";
        err().flush();
    }
    return s;
}

bool fillTls(const Topology &topology, Secrets *secrets, const QString &secretsFile)
{
    const Result<QStringList> issued = ClusterTls::fillMissing(topology, secrets);
    if (!issued.ok()) {
        err() << "error: " << issued.error().toString() << "\n";
        return false;
    }
    if (issued->isEmpty())
        return true;
    if (secretsFile.isEmpty()) {
        err() << "note: TLS material issued (" << issued->join(QStringLiteral(", "))
              << ") is only in the generated files; pass --secrets FILE to keep one set.\n";
    } else {
        const Result<void> saved = SecretStore::saveFile(*secrets, secretsFile);
        if (!saved.ok()) {
            err() << "error: " << saved.error().toString() << "\n";
            return false;
        }
        err() << "note: TLS material issued (" << issued->join(QStringLiteral(", ")) << ") and stored in "
              << secretsFile << "\n";
    }
    err().flush();
    return true;
}

} // namespace pgha::cli
