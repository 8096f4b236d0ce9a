#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "core/lint/Linter.h"
#include "core/model/Platform.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace pgha::cli {

namespace {

// pgha-findings/1 (as validate) with "files" and, per finding, where it stands: file, line, column, key.
QJsonObject reportJson(const LintReport &report)
{
    QJsonArray list;
    for (const LintFinding &f : report.findings) {
        QJsonObject o = findingJson(f.finding);
        o.insert(QStringLiteral("file"), f.at.file);
        o.insert(QStringLiteral("line"), f.at.line);
        o.insert(QStringLiteral("column"), f.at.column);
        o.insert(QStringLiteral("key"), f.at.key);
        list.append(o);
    }
    return QJsonObject{
        {QStringLiteral("schema"), QStringLiteral("pgha-findings/1")},
        {QStringLiteral("file"), report.files.join(QLatin1Char(' '))},
        {QStringLiteral("files"), QJsonArray::fromStringList(report.files)},
        {QStringLiteral("summary"),
         QJsonObject{{QStringLiteral("errors"), report.count(Severity::Error)},
                     {QStringLiteral("warnings"), report.count(Severity::Warning)},
                     {QStringLiteral("info"), report.count(Severity::Info)}}},
        {QStringLiteral("findings"), list}};
}

} // namespace

int lint(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QStringLiteral("patroni.yml, etcd's config (YAML or environment file) or haproxy.cfg; "
                                           "several files are judged together."),
                            QStringLiteral("FILE..."));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("Output: text or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption pgVersion(QStringLiteral("postgres-version"),
                                       QStringLiteral("PostgreSQL major version the files are for (default: from "
                                                      "bin_dir or data_dir)."),
                                       QStringLiteral("N"));
    const QCommandLineOption os(QStringLiteral("os"),
                                QStringLiteral("Operating system of the hosts (rhel8, rhel9, debian12, ...)."),
                                QStringLiteral("ID"));
    p.addOption(format);
    p.addOption(pgVersion);
    p.addOption(os);
    int code = 0;
    if (!parseArgs(p, QStringLiteral("lint"), args, &code))
        return code;
    if (p.positionalArguments().isEmpty()) {
        err() << "usage: pgha lint FILE... [--format text|json] [--postgres-version N] [--os ID]\n";
        return 2;
    }
    const QString fmt = p.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json")) {
        err() << "pgha lint: --format must be text or json\n";
        return 2;
    }
    LintOptions options;
    if (p.isSet(pgVersion)) {
        bool ok = false;
        options.postgresVersion = p.value(pgVersion).toInt(&ok);
        if (!ok || options.postgresVersion < 9 || options.postgresVersion > 99) {
            err() << "pgha lint: --postgres-version must be a major version such as 16\n";
            return 2;
        }
    }
    if (p.isSet(os)) {
        options.os = p.value(os);
        if (!Platform::knownOsIds().contains(options.os)) {
            err() << "pgha lint: --os must be one of " << Platform::knownOsIds().join(QStringLiteral(", ")) << "\n";
            return 2;
        }
    }
    const Result<LintReport> report = Linter::lintFiles(p.positionalArguments(), options);
    if (!report.ok()) {
        err() << "error: " << report.error().toString() << "\n";
        err().flush();
        return 2;
    }
    if (fmt == QLatin1String("json")) {
        out() << QJsonDocument(reportJson(report.value())).toJson(QJsonDocument::Indented);
    } else {
        for (const LintFinding &f : report->findings) {
            out() << f.at.toString() << ": " << severityKey(f.finding.severity) << " [" << f.finding.ruleId << "] "
                  << f.finding.subject << ": " << f.finding.message << "\n";
            if (!f.finding.fix.isEmpty())
                out() << "    fix: " << f.finding.fix << "\n";
        }
        out() << report->count(Severity::Error) << " error(s), " << report->count(Severity::Warning)
              << " warning(s), " << report->count(Severity::Info) << " info\n";
    }
    out().flush();
    return report->count(Severity::Error) > 0 ? 1 : 0;
}

} // namespace pgha::cli
