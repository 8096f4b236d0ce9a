#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Secrets.h"
#include "core/model/Topology.h"

namespace pgha::TlsFiles {

// The host's TLS files under /etc/pgha/tls: the CA certificate (every host with a role), the host
// certificate, and one copy of its key per daemon user that reads it (etcd.key for etcd, postgres.key for
// Patroni and PostgreSQL, pgbouncer.key for PgBouncer; 0600 each, owned by that user, see InstallScript::ownerOf). Empty when TLS is off
// or the secrets do not hold the material yet (ClusterTls::fillMissing makes it).
QList<GeneratedFile> files(const Topology &topology, const Secrets &secrets, const Host &host);

// The user that owns a TLS file on a host of OSID ("etcd", "postgres", PgBouncer's user, "root").
QString ownerOf(const QString &path, const QString &osId);

} // namespace pgha::TlsFiles
