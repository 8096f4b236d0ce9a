#include "core/generate/PgBouncerConfig.h"

#include "core/generate/GenUtil.h"
#include "core/model/Platform.h"
#include "core/pki/ClusterTls.h"
#include "core/util/ScramClient.h"

#include <QCryptographicHash>

namespace pgha::PgBouncerConfig {

namespace {

// A SQL string literal (standard_conforming_strings, on since PostgreSQL 9.1): quotes doubled.
QString sqlLiteral(const QString &v)
{
    QString q = v;
    q.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

// A SQL identifier, always quoted: the name means exactly that role.
QString sqlIdent(const QString &v)
{
    QString q = v;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

// One value of pgbouncer.ini: plain when made of [A-Za-z0-9_.:/@+-], else quoted().
QString iniValue(const QString &v)
{
    static const QString safe = QStringLiteral("_.:/@+-");
    bool plain = !v.isEmpty();
    for (const QChar c : v)
        plain = plain && ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                          || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || safe.contains(c));
    return plain ? v : quoted(v);
}

QString kv(const QString &key, const QString &value)
{
    return key + QStringLiteral(" = ") + value + QLatin1Char('\n');
}

} // namespace

bool runsOn(const Topology &topology, const Host &host)
{
    const PoolerSettings &p = topology.cluster.pooler;
    if (!p.enabled)
        return false;
    return p.placement == PoolerPlacement::Database ? host.has(Role::Postgres) : host.has(Role::HAProxy);
}

QList<const Host *> hosts(const Topology &topology)
{
    QList<const Host *> out;
    for (const Host &h : topology.hosts) {
        if (runsOn(topology, h))
            out << &h;
    }
    return out;
}

QString serverAddress(const Topology &topology, const Host &host)
{
    // On a database host: PostgreSQL's socket (pg_hba's "local ... scram-sha-256"), so that the server sees the
    // client's own user from this host alone and no TLS is needed on the way.
    if (topology.cluster.pooler.placement == PoolerPlacement::Database)
        return socketDir();
    return host.address;
}

QString socketDir()
{
    return QStringLiteral("/run/postgresql");
}

int serverPort(const Topology &topology)
{
    const Cluster &c = topology.cluster;
    return c.pooler.placement == PoolerPlacement::HAProxy ? c.haproxy.primaryPort : c.postgres.port;
}

QString authQuery()
{
    return QStringLiteral("SELECT usename, passwd FROM pgha_pooler.lookup($1)");
}

QString quoted(const QString &value)
{
    QString q = QStringLiteral("\"");
    for (const QChar c : value) {
        if (c == QLatin1Char('"'))
            q += QStringLiteral("\"\"");
        else
            q += (c.unicode() < 0x20 || c.unicode() == 0x7f) ? QLatin1Char('?') : c;
    }
    return q + QLatin1Char('"');
}

QByteArray ini(const Topology &topology, const Host &host)
{
    const Cluster &c = topology.cluster;
    const PoolerSettings &p = c.pooler;
    const bool tls = GenUtil::tls(topology);
    const bool front = p.placement == PoolerPlacement::HAProxy;
    QString s = QString::fromUtf8(GenUtil::header(
        front ? QStringLiteral("PgBouncer on %1 for cluster %2: pooled connections to HAProxy's primary port %3")
                    .arg(host.name, c.name, QString::number(c.haproxy.primaryPort))
              : QStringLiteral("PgBouncer on %1 for cluster %2: pooled connections to this host's PostgreSQL; "
                               "HAProxy sends its clients here")
                    .arg(host.name, c.name),
        QStringLiteral(";")));
    s += QStringLiteral("\n[databases]\n");
    s += QStringLiteral("; every database by the name the client asks for\n");
    // One .arg() pass: a value holding "%2" is never substituted again.
    s += QStringLiteral("* = host=%1 port=%2\n")
             .arg(GenUtil::conninfoValue(serverAddress(topology, host)), QString::number(serverPort(topology)));
    s += QStringLiteral("\n[pgbouncer]\n");
    s += kv(QStringLiteral("listen_addr"), iniValue(host.address));
    s += kv(QStringLiteral("listen_port"), QString::number(p.port));
    s += QStringLiteral("; no Unix socket: clients come through HAProxy or the network\n");
    s += kv(QStringLiteral("unix_socket_dir"), QString());
    s += QStringLiteral("; every user but auth_user is looked up with auth_query, so users created later need no "
                        "change here\n");
    s += kv(QStringLiteral("auth_type"), QStringLiteral("scram-sha-256"));
    s += kv(QStringLiteral("auth_file"), Platform::pgbouncerUserlistPath());
    s += kv(QStringLiteral("auth_user"), iniValue(p.authUser));
    s += kv(QStringLiteral("auth_query"), authQuery());
    // A list setting: PgBouncer does not unquote its elements, so only a plain name goes there (the validator
    // refuses any other auth_user anyway).
    if (iniValue(p.authUser) == p.authUser) {
        s += QStringLiteral("; SHOW POOLS / SHOW STATS on the admin console for the dashboard\n");
        s += kv(QStringLiteral("stats_users"), p.authUser);
    }
    s += kv(QStringLiteral("pool_mode"), isPoolMode(p.poolMode) ? p.poolMode : QStringLiteral("session"));
    s += kv(QStringLiteral("default_pool_size"), QString::number(p.defaultPoolSize));
    s += kv(QStringLiteral("max_client_conn"), QString::number(p.maxClientConn));
    // JDBC sends extra_float_digits in its startup packet; without this PgBouncer refuses the connection.
    s += kv(QStringLiteral("ignore_startup_parameters"), QStringLiteral("extra_float_digits"));
    // After a failover the pool's server connections to the old primary break: retry soon, not after 15 s.
    s += kv(QStringLiteral("server_login_retry"), QStringLiteral("1"));
    s += kv(QStringLiteral("server_connect_timeout"), QStringLiteral("5"));
    if (tls) {
        // Towards clients: the host's certificate from the cluster CA; plain-text clients are refused.
        s += front ? QStringLiteral("; TLS towards clients (the host's certificate) and towards PostgreSQL through "
                                    "HAProxy (verified by name against the cluster CA)\n")
                   : QStringLiteral("; TLS towards clients (the host's certificate); PostgreSQL is reached through its "
                                    "socket\n");
        s += kv(QStringLiteral("client_tls_sslmode"), QStringLiteral("require"));
        s += kv(QStringLiteral("client_tls_cert_file"), ClusterTls::certPath());
        s += kv(QStringLiteral("client_tls_key_file"), ClusterTls::pgbouncerKeyPath());
        s += kv(QStringLiteral("client_tls_ca_file"), ClusterTls::caPath());
        s += kv(QStringLiteral("client_tls_protocols"), QStringLiteral("secure"));
        if (front) {
            // The PostgreSQL hosts' certificates carry every HAProxy host's address: verify-full holds whichever
            // member HAProxy's primary port reaches.
            s += kv(QStringLiteral("server_tls_sslmode"), QStringLiteral("verify-full"));
            s += kv(QStringLiteral("server_tls_ca_file"), ClusterTls::caPath());
            s += kv(QStringLiteral("server_tls_protocols"), QStringLiteral("secure"));
        }
    }
    return s.toUtf8();
}

QByteArray userlist(const Topology &topology, const Secrets &secrets)
{
    return (quoted(topology.cluster.pooler.authUser) + QLatin1Char(' ') + quoted(secrets.poolerAuthPassword)
            + QLatin1Char('\n'))
        .toUtf8();
}

QByteArray authVerifier(const Topology &topology, const Secrets &secrets)
{
    // The salt: stable for the same cluster, user and password (the plan's fingerprint, by which a deploy
    // resumes, covers this SQL), different for each of them, and as costly to test a guessed password against
    // as the verifier itself (4096 PBKDF2 rounds): never a fast hash of the password in the clear.
    const QString context = QStringLiteral("pgha-pooler-salt:%1:%2").arg(topology.cluster.name, topology.cluster.pooler.authUser);
    const QByteArray salt = QCryptographicHash::hash(ScramClient::verifier(secrets.poolerAuthPassword, context.toUtf8()),
                                                     QCryptographicHash::Sha256)
                                .left(16);
    return ScramClient::verifier(secrets.poolerAuthPassword, salt);
}

QByteArray authSetupSql(const Topology &topology, const Secrets &secrets)
{
    const QString user = topology.cluster.pooler.authUser;
    const QString ident = sqlIdent(user);
    QString s = QStringLiteral("\\set ON_ERROR_STOP on\n");
    // The role: created once, its password (re)set on every run; never a superuser.
    s += QStringLiteral("SELECT format('CREATE ROLE %I LOGIN', %1) WHERE NOT EXISTS (SELECT FROM pg_roles WHERE "
                        "rolname = %1)\\gexec\n")
             .arg(sqlLiteral(user));
    s += QStringLiteral("ALTER ROLE %1 WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD %2;\n")
             .arg(ident, sqlLiteral(QString::fromLatin1(authVerifier(topology, secrets))));
    for (const char *db : {"postgres", "template1"}) {
        s += QStringLiteral("\\connect %1\n").arg(QLatin1String(db));
        s += QStringLiteral(
                 "CREATE SCHEMA IF NOT EXISTS pgha_pooler;\n"
                 "REVOKE ALL ON SCHEMA pgha_pooler FROM PUBLIC;\n"
                 "GRANT USAGE ON SCHEMA pgha_pooler TO %1;\n"
                 // Zero rows for an unknown, expired, password-less or privileged role: PgBouncer then refuses.
                 "CREATE OR REPLACE FUNCTION pgha_pooler.lookup(p_user text)\n"
                 "  RETURNS TABLE (usename name, passwd text)\n"
                 "  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS\n"
                 "$pgha$\n"
                 "  SELECT rolname, rolpassword FROM pg_catalog.pg_authid\n"
                 "   WHERE rolname = p_user AND rolcanlogin AND NOT rolsuper AND NOT rolreplication\n"
                 "     AND rolpassword IS NOT NULL AND (rolvaliduntil IS NULL OR rolvaliduntil > now())\n"
                 "$pgha$;\n"
                 "REVOKE ALL ON FUNCTION pgha_pooler.lookup(text) FROM PUBLIC;\n"
                 "GRANT EXECUTE ON FUNCTION pgha_pooler.lookup(text) TO %1;\n")
                 .arg(ident);
    }
    return s.toUtf8();
}

QStringList hbaSources(const Topology &topology)
{
    QStringList out{QStringLiteral("127.0.0.1/32")};
    for (const Host *h : hosts(topology)) {
        const QString cidr = GenUtil::hostCidr(h->address);
        if (!out.contains(cidr))
            out << cidr;
    }
    return out;
}

QList<GeneratedFile> files(const Topology &topology, const Secrets &secrets, const Host &host)
{
    if (!runsOn(topology, host))
        return {};
    return {GenUtil::makeFile(host.name, Platform::pgbouncerConfigPath(), ini(topology, host), 0644, FileSyntax::Ini),
            GenUtil::makeFile(host.name, Platform::pgbouncerUserlistPath(), userlist(topology, secrets), 0600,
                              FileSyntax::Text, true)};
}

} // namespace pgha::PgBouncerConfig
