#include "core/validation/RuleContext.h"
#include "core/validation/rules/Rules.h"

#include <QCoreApplication>
#include <QHash>

namespace pgha::rules {

namespace {

constexpr int kMinLength = 16;

// Defaults seen in guides and images (the Percona guide uses qaz123 three times and replPasswd).
const char *const kKnownDefaults[] = {"qaz123",   "postgres", "password", "admin",    "secret",   "123456",
                                      "12345678", "replpasswd", "changeme", "patroni", "haproxy", "replicator",
                                      "root",     "letmein",  "qwerty",   "welcome",  "password123", "rewind"};

} // namespace

bool isKnownDefaultSecret(const QString &secret)
{
    const QString s = secret.toLower();
    for (const char *d : kKnownDefaults) {
        if (s == QLatin1String(d))
            return true;
    }
    return false;
}

void weakSecret(const RuleContext &c, Findings &out)
{
    if (!c.secrets)
        return;
    const Secrets &s = *c.secrets;
    const UserNames &u = c.topology.cluster.users;
    struct Entry
    {
        const char *key;
        const QString &value;
        QString user;
    };
    const Entry entries[] = {
        {"superuser_password", s.superuserPassword, u.superuser},
        {"replication_password", s.replicationPassword, u.replication},
        {"rewind_password", s.rewindPassword, u.rewind},
        {"restapi_password", s.restApiPassword, s.restApiUser},
        {"haproxy_stats_password", s.haproxyStatsPassword, s.haproxyStatsUser},
        {"pooler_auth_password", s.poolerAuthPassword, c.topology.cluster.pooler.authUser},
    };
    QHash<QString, const char *> firstUse;
    for (const Entry &e : entries) {
        if (e.value.isEmpty())
            continue;  // generated later from the CSPRNG
        const QString subject = QStringLiteral("secrets.") + QString::fromLatin1(e.key);
        const QString fix = QCoreApplication::translate("pgha::Rules", "Leave %1 empty so that pgha generates one (32 random characters), or "
                                           "use at least %2 random characters.")
                                .arg(QString::fromLatin1(e.key))
                                .arg(kMinLength);
        if (isKnownDefaultSecret(e.value)) {
            addFinding(out, "weak-secret", Severity::Error, subject,
                       QCoreApplication::translate("pgha::Rules", "%1 is a well-known default password.").arg(QString::fromLatin1(e.key)), fix);
        } else if (e.value.compare(e.user, Qt::CaseInsensitive) == 0) {
            addFinding(out, "weak-secret", Severity::Error, subject,
                       QCoreApplication::translate("pgha::Rules", "%1 is the account's own user name.").arg(QString::fromLatin1(e.key)), fix);
        } else if (e.value.size() < kMinLength) {
            addFinding(out, "weak-secret", Severity::Warning, subject,
                       QCoreApplication::translate("pgha::Rules", "%1 has %2 characters, fewer than %3.")
                           .arg(QString::fromLatin1(e.key))
                           .arg(e.value.size())
                           .arg(kMinLength),
                       fix);
        }
        const auto it = firstUse.constFind(e.value);
        if (it != firstUse.cend()) {
            addFinding(out, "weak-secret", Severity::Warning, subject,
                       QCoreApplication::translate("pgha::Rules", "%1 is the same as %2, so one leak opens both accounts.")
                           .arg(QString::fromLatin1(e.key), QString::fromLatin1(it.value())),
                       QCoreApplication::translate("pgha::Rules", "Give every account its own password."));
        } else {
            firstUse.insert(e.value, e.key);
        }
    }
}

} // namespace pgha::rules
