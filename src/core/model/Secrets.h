#pragma once

#include "core/util/Result.h"

#include <QString>

namespace pgha {

// The passwords a cluster needs. Never stored in the project file.
struct Secrets
{
    QString superuserPassword;
    QString replicationPassword;
    QString rewindPassword;
    QString restApiUser = QStringLiteral("patroni");
    QString restApiPassword;
    QString haproxyStatsUser = QStringLiteral("haproxy");
    QString haproxyStatsPassword;

    bool operator==(const Secrets &o) const
    {
        return superuserPassword == o.superuserPassword && replicationPassword == o.replicationPassword
            && rewindPassword == o.rewindPassword && restApiUser == o.restApiUser
            && restApiPassword == o.restApiPassword && haproxyStatsUser == o.haproxyStatsUser
            && haproxyStatsPassword == o.haproxyStatsPassword;
    }
    bool operator!=(const Secrets &o) const { return !(*this == o); }
};

// Where the secrets came from, so that the CLI can tell the user what it generated.
enum class SecretSource { Generated, Environment, File };

namespace SecretStore {

// 24+ characters from the system CSPRNG (QRandomGenerator::system()), alphabet safe in YAML, shell,
// HAProxy and libpq connection strings without quoting.
QString generatePassword(int length = 32);

// Fills every empty password with a generated one.
void fillMissing(Secrets *secrets);

// Reads PGHA_SUPERUSER_PASSWORD, PGHA_REPLICATION_PASSWORD, PGHA_REWIND_PASSWORD, PGHA_RESTAPI_USER,
// PGHA_RESTAPI_PASSWORD, PGHA_HAPROXY_STATS_USER, PGHA_HAPROXY_STATS_PASSWORD over *secrets.
void applyEnvironment(Secrets *secrets);

// Reads a secrets YAML file (keys: superuser_password, replication_password, rewind_password,
// restapi_user, restapi_password, haproxy_stats_user, haproxy_stats_password).
// Refused unless the file's mode gives no access to group or others (0600 or stricter) on POSIX.
Result<Secrets> loadFile(const QString &path);

// Writes the secrets file atomically with mode 0600.
Result<void> saveFile(const Secrets &secrets, const QString &path);

} // namespace SecretStore
} // namespace pgha
