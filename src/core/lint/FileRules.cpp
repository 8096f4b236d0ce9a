#include "core/lint/FileRules.h"

namespace pgha::FileRules {

const QList<FileRuleInfo> &table()
{
    static const QList<FileRuleInfo> rules = {
        {"patroni-etcd-v2", Severity::Error, "Patroni talks to etcd through the v2 API"},
        {"patroni-single-etcd", Severity::Warning, "Patroni knows one etcd endpoint"},
        {"patroni-restapi-open", Severity::Error, "REST API without authentication"},
        {"patroni-pgpass-volatile", Severity::Warning, "pgpass in a shared temporary directory"},
        {"patroni-default-password", Severity::Error, "Well-known password in bootstrap users"},
        {"patroni-files-differ", Severity::Warning, "Members' patroni.yml disagree on cluster settings"},
        {"etcd-env-invalid-line", Severity::Warning, "Line an environment file ignores"},
        {"haproxy-server-by-name", Severity::Warning, "HAProxy server named instead of addressed"},
        {"haproxy-no-shutdown-sessions", Severity::Warning, "Sessions survive a demoted primary"},
        {"haproxy-tcp-check", Severity::Error, "Servers checked without Patroni's health endpoint"},
        {"haproxy-stats-open", Severity::Warning, "Statistics page without a password"},
    };
    return rules;
}

QStringList ids()
{
    QStringList out;
    for (const FileRuleInfo &r : table())
        out << QString::fromLatin1(r.id);
    return out;
}

void add(QList<LintFinding> &out, const char *id, Severity severity, const SourceLocation &at, const QString &subject,
         const QString &message, const QString &fix)
{
    LintFinding f;
    f.finding.ruleId = QString::fromLatin1(id);
    f.finding.severity = severity;
    f.finding.subject = subject;
    f.finding.message = message;
    f.finding.fix = fix;
    f.at = at;
    out << f;
}

void check(const LintInputs &inputs, QList<LintFinding> &out)
{
    checkPatroni(inputs, out);
    checkEtcd(inputs, out);
    checkHaproxy(inputs, out);
}

} // namespace pgha::FileRules
