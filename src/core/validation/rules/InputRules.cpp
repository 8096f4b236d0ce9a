#include "core/util/Grammar.h"
#include "core/validation/RuleContext.h"
#include "core/validation/rules/Rules.h"

#include <QCoreApplication>

// The strict grammars of values that reach a shell, a config file, pg_hba, a connection string or an env file
// (docs/project-file.md, "Grammars"). Messages quote the offending value with its control characters made
// visible, so that a finding never carries a raw newline into a terminal or a log.
namespace pgha::rules {

namespace {

QString visible(const QString &s)
{
    QString out;
    for (const QChar c : s.left(80)) {
        if (Grammar::hasControlCharacter(QString(c)))
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return s.size() > 80 ? out + QStringLiteral("...") : out;
}

void addField(Findings &out, const char *rule, const QString &subject, const QString &field, const QString &message,
              const QString &fix)
{
    addFinding(out, rule, Severity::Error, subject, message, fix);
    out.last().field = field;
}

} // namespace

void invalidRoleName(const RuleContext &c, Findings &out)
{
    const UserNames &u = c.topology.cluster.users;
    const PoolerSettings &pooler = c.topology.cluster.pooler;
    const struct { const char *key; const QString &value; const char *prefix; bool used; } users[] = {
        {"superuser", u.superuser, "cluster.users.", true}, {"replication", u.replication, "cluster.users.", true},
        {"rewind", u.rewind, "cluster.users.", true},
        // PgBouncer's auth_query role: reaches pgbouncer.ini, userlist.txt, pg_hba and the deploy's SQL.
        {"auth_user", pooler.authUser, "cluster.pooler.", pooler.enabled}};
    for (const auto &e : users) {
        if (!e.used || Grammar::isRoleName(e.value))
            continue;
        const QString field = QLatin1String(e.prefix) + QLatin1String(e.key);
        addField(out, "invalid-role-name", field, field,
                 QCoreApplication::translate("pgha::Rules", "The %1 role name \"%2\" is not a lower-case PostgreSQL identifier.")
                     .arg(QLatin1String(e.key), visible(e.value)),
                 QCoreApplication::translate("pgha::Rules", "Use 1-63 characters from a-z, 0-9 and '_', not starting with a digit (e.g. "
                                "\"postgres\", \"replicator\", \"rewind_user\")."));
    }
}

void invalidEtcdToken(const RuleContext &c, Findings &out)
{
    const QString &token = c.topology.cluster.etcd.token;
    if (token.isEmpty() || Grammar::isEtcdToken(token))
        return;  // empty: derived from the cluster name
    const QString field = QStringLiteral("cluster.etcd.token");
    addField(out, "invalid-etcd-token", field, field,
             QCoreApplication::translate("pgha::Rules", "The etcd cluster token \"%1\" holds characters outside letters, digits, '_', '.' and "
                            "'-'.").arg(visible(token)),
             QCoreApplication::translate("pgha::Rules", "Use 1-128 characters from letters, digits, '_', '.' and '-', starting with a letter or "
                            "digit, or leave it empty (the cluster name + \"-etcd\")."));
}

void pgParamInvalid(const RuleContext &c, Findings &out)
{
    const QMap<QString, QString> &params = c.topology.cluster.postgres.parameters;
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        const QString field = QStringLiteral("cluster.postgres.parameters.") + it.key();
        if (!Grammar::isParameterName(it.key())) {
            addField(out, "pg-param-invalid", QStringLiteral("cluster.postgres.parameters"), field,
                     it.key().compare(QLatin1String("password"), Qt::CaseInsensitive) == 0
                         ? QCoreApplication::translate("pgha::Rules", "\"password\" is not a PostgreSQL parameter, and a password never belongs "
                                          "in the project file.")
                         : QCoreApplication::translate("pgha::Rules", "\"%1\" is not a PostgreSQL parameter name.").arg(visible(it.key())),
                     QCoreApplication::translate("pgha::Rules", "Use the parameter's name as postgresql.conf spells it: letters, digits and "
                                    "'_', with at most one '.' for an extension's parameter."));
        } else if (Grammar::hasControlCharacter(it.value())) {
            addField(out, "pg-param-invalid", QStringLiteral("cluster.postgres.parameters.") + it.key(), field,
                     QCoreApplication::translate("pgha::Rules", "The value of %1 holds a control character (a line break, say).").arg(it.key()),
                     QCoreApplication::translate("pgha::Rules", "Write the value on one line without control characters."));
        }
    }
}

void dataDirInvalid(const RuleContext &c, Findings &out)
{
    const QString &dir = c.topology.cluster.postgres.dataDir;
    if (dir.isEmpty())
        return;  // the platform default
    const QString problem = Grammar::dataDirProblem(dir);
    if (problem.isEmpty())
        return;
    const QString field = QStringLiteral("cluster.postgres.data_dir");
    addField(out, "data-dir-invalid", field, field,
             QStringLiteral("data_dir \"%1\" %2.").arg(visible(dir), problem),
             QCoreApplication::translate("pgha::Rules", "Write an absolute, normalised path from letters, digits and _ . + @ / - (e.g. "
                            "/srv/pgsql/16/data), or leave data_dir empty for the platform default."));
}

void secretInvalid(const RuleContext &c, Findings &out)
{
    if (!c.secrets)
        return;
    const Secrets &s = *c.secrets;
    const struct { const char *key; const QString &value; bool user; } entries[] = {
        {"superuser_password", s.superuserPassword, false},
        {"replication_password", s.replicationPassword, false},
        {"rewind_password", s.rewindPassword, false},
        {"restapi_user", s.restApiUser, true},
        {"restapi_password", s.restApiPassword, false},
        {"haproxy_stats_user", s.haproxyStatsUser, true},
        {"haproxy_stats_password", s.haproxyStatsPassword, false},
        {"pooler_auth_password", s.poolerAuthPassword, false},
    };
    for (const auto &e : entries) {
        const QString subject = QStringLiteral("secrets.") + QLatin1String(e.key);
        if (Grammar::hasControlCharacter(e.value)) {
            addFinding(out, "secret-invalid", Severity::Error, subject,
                       QCoreApplication::translate("pgha::Rules", "%1 holds a control character (a line break, say).").arg(QLatin1String(e.key)),
                       QCoreApplication::translate("pgha::Rules", "Use printable characters only, or leave it empty so that pgha generates one."));
        } else if (e.user && (e.value.contains(QLatin1Char(':')) || e.value.contains(QLatin1Char(' '))
                              || e.value.contains(QLatin1Char('\t')))) {
            addFinding(out, "secret-invalid", Severity::Error, subject,
                       QCoreApplication::translate("pgha::Rules", "%1 holds ':' or a space, which HTTP basic auth and HAProxy's \"stats auth "
                                      "user:password\" cannot carry.").arg(QLatin1String(e.key)),
                       QCoreApplication::translate("pgha::Rules", "Use a user name of letters, digits, '_' and '-'."));
        }
    }
}

} // namespace pgha::rules
