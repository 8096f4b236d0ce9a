#pragma once

#include "core/pki/PemPair.h"
#include "core/util/Result.h"

#include <QMap>
#include <QString>

namespace pgha {

// The cluster's TLS material (secrets file key "tls"). Generated once and stored, so that every export of a
// design holds the same certificates; see ClusterTls::fillMissing().
struct TlsMaterial
{
    PemPair ca;                   // the cluster CA; ca.keyPem empty for a supplied CA without its key
    QMap<QString, PemPair> hosts; // per host name: the host's leaf (serverAuth + clientAuth)
    PemPair admin;                // client certificate for etcdctl, curl, patronictl and the monitor

    bool isEmpty() const { return ca.isEmpty() && hosts.isEmpty() && admin.isEmpty(); }
    bool operator==(const TlsMaterial &o) const { return ca == o.ca && hosts == o.hosts && admin == o.admin; }
    bool operator!=(const TlsMaterial &o) const { return !(*this == o); }
};

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
    QString poolerAuthPassword;  // cluster.pooler.auth_user's password (PgBouncer's auth_query role)
    QString vipPassword;  // keepalived's VRRP auth_pass (1-8 characters); empty = no VRRP authentication
    TlsMaterial tls;

    bool operator==(const Secrets &o) const
    {
        return superuserPassword == o.superuserPassword && replicationPassword == o.replicationPassword
            && rewindPassword == o.rewindPassword && restApiUser == o.restApiUser
            && restApiPassword == o.restApiPassword && haproxyStatsUser == o.haproxyStatsUser
            && haproxyStatsPassword == o.haproxyStatsPassword && poolerAuthPassword == o.poolerAuthPassword
            && vipPassword == o.vipPassword && tls == o.tls;
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
// PGHA_RESTAPI_PASSWORD, PGHA_HAPROXY_STATS_USER, PGHA_HAPROXY_STATS_PASSWORD, PGHA_POOLER_AUTH_PASSWORD,
// PGHA_VIP_PASSWORD over *secrets.
void applyEnvironment(Secrets *secrets);

// Reads a secrets YAML file (keys: superuser_password, replication_password, rewind_password,
// restapi_user, restapi_password, haproxy_stats_user, haproxy_stats_password, pooler_auth_password,
// vip_password (optional), and "tls": a mapping with
// ca: {cert, key}, admin: {cert, key}, hosts: {<host name>: {cert, key}}, PEM text as literal blocks).
// Refused unless the file's mode gives no access to group or others (0600 or stricter) on POSIX.
Result<Secrets> loadFile(const QString &path);

// Writes the secrets file atomically with mode 0600.
Result<void> saveFile(const Secrets &secrets, const QString &path);

} // namespace SecretStore
} // namespace pgha
