#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Secrets.h"
#include "core/model/Topology.h"

#include <QByteArray>
#include <QList>
#include <QString>

// PgBouncer (cluster.pooler, docs/pooler.md): pgbouncer.ini and the auth_file per pooler host, the pg_hba lines
// the pooler needs, and the SQL that creates its auth_query role and lookup function.
namespace pgha::PgBouncerConfig {

// The pooler runs on HOST: enabled, and HOST is a database host (placement database) or a HAProxy host
// (placement haproxy).
bool runsOn(const Topology &topology, const Host &host);
QList<const Host *> hosts(const Topology &topology);

// Where the pooler on HOST sends its server connections: the host's own PostgreSQL through its socket directory
// (database), or the host's HAProxy primary port (haproxy: PgBouncer cannot follow the leader, HAProxy can).
QString serverAddress(const Topology &topology, const Host &host);
QString socketDir();  // /run/postgresql: PostgreSQL's socket directory on every family
int serverPort(const Topology &topology);

// The auth_query PgBouncer runs as auth_user: a SECURITY DEFINER function in schema pgha_pooler that returns
// the SCRAM secret of an ordinary login role (never a superuser's or a replication role's).
QString authQuery();

QByteArray ini(const Topology &topology, const Host &host);
// auth_file: the auth_user alone, with its password (every other user comes from auth_query).
QByteArray userlist(const Topology &topology, const Secrets &secrets);
// A word of pgbouncer.ini/auth_file: "..." with '"' doubled; control characters (refused by the validator)
// become '?'.
QString quoted(const QString &value);

// The auth_user's SCRAM-SHA-256 verifier (ScramClient::verifier, 4096 iterations), computed on the controlling
// machine: ALTER ROLE stores it as it is, so the clear text never reaches the server (nor its log through
// log_statement or an error). Its salt is derived from the cluster, the user and the password (stable: the same
// plan fingerprint on every run).
QByteArray authVerifier(const Topology &topology, const Secrets &secrets);

// SQL for psql (as the superuser, through the socket) on the leader: creates or updates the auth_user with its
// password as the verifier above, and the lookup function in the postgres and template1 databases (PgBouncer 1.18
// runs auth_query in the database the client asks for; databases created later copy template1). Holds the
// verifier (still kept private: it allows offline guessing and posing as the server to this role): the deploy
// passes it on stdin only. Idempotent.
QByteArray authSetupSql(const Topology &topology, const Secrets &secrets);

// pg_hba: the auth_user from the pooler hosts (and 127.0.0.1) only; the generator rejects it elsewhere.
QStringList hbaSources(const Topology &topology);

// pgbouncer.ini, userlist.txt (0600, PgBouncer's user) on every pooler host; empty when the pooler is off.
QList<GeneratedFile> files(const Topology &topology, const Secrets &secrets, const Host &host);

} // namespace pgha::PgBouncerConfig
