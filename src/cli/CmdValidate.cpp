#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "core/validation/Validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace pgha::cli {

namespace {

QJsonObject findingsJson(const QString &file, const Findings &findings)
{
    QJsonArray list;
    for (const Finding &f : findings) {
        // pgha-findings/1 is stable (docs/cli.md): the field's position is in the text output only.
        list.append(findingJson(f));
    }
    return QJsonObject{
        {QStringLiteral("schema"), QStringLiteral("pgha-findings/1")},
        {QStringLiteral("file"), file},
        {QStringLiteral("summary"),
         QJsonObject{{QStringLiteral("errors"), countSeverity(findings, Severity::Error)},
                     {QStringLiteral("warnings"), countSeverity(findings, Severity::Warning)},
                     {QStringLiteral("info"), countSeverity(findings, Severity::Info)}}},
        {QStringLiteral("findings"), list}};
}

} // namespace

int validate(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Project file (*.pgha.yaml) or template:NAME."));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("Output: text or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption secretsOpt(QStringLiteral("secrets"),
                                        QStringLiteral("Secrets file (mode 0600) whose passwords are checked too."),
                                        QStringLiteral("FILE"));
    p.addOption(format);
    p.addOption(secretsOpt);
    int code = 0;
    if (!parseArgs(p, QStringLiteral("validate"), args, &code))
        return code;
    if (p.positionalArguments().size() != 1) {
        err() << "usage: pgha validate FILE [--format text|json] [--secrets FILE]\n";
        return 2;
    }
    const QString fmt = p.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json")) {
        err() << "pgha validate: --format must be text or json\n";
        return 2;
    }
    const QString file = p.positionalArguments().first();
    QHash<QString, FieldPosition> positions;
    const std::optional<Topology> topology = loadProjectArg(file, &positions);
    if (!topology)
        return 2;

    std::optional<Secrets> secrets;
    if (p.isSet(secretsOpt)) {
        Result<Secrets> r = SecretStore::loadFile(p.value(secretsOpt));
        if (!r.ok()) {
            err() << "error: " << r.error().toString() << "\n";
            return 2;
        }
        secrets = r.value();
    }
    const Findings findings = validate(*topology, secrets ? &*secrets : nullptr);

    if (fmt == QLatin1String("json")) {
        out() << QJsonDocument(findingsJson(file, findings)).toJson(QJsonDocument::Indented);
    } else {
        for (const Finding &f : findings) {
            out() << severityKey(f.severity) << " [" << f.ruleId << "] " << f.subject << ": " << f.message << "\n";
            const QString at = findingLocation(file, positions, f);
            if (!at.isEmpty())
                out() << "    at: " << at << "\n";
            if (!f.fix.isEmpty())
                out() << "    fix: " << f.fix << "\n";
        }
        out() << countSeverity(findings, Severity::Error) << " error(s), "
              << countSeverity(findings, Severity::Warning) << " warning(s), "
              << countSeverity(findings, Severity::Info) << " info\n";
    }
    out().flush();
    return countSeverity(findings, Severity::Error) > 0 ? 1 : 0;
}

} // namespace pgha::cli
