#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Topology.h"

#include <QMap>
#include <QStringList>

namespace pgha {

struct Secrets;

namespace PatroniConfig {

// The PostgreSQL parameters written to bootstrap.dcs: what replication needs, then the design's own,
// made valid for the version (wal_keep_segments <-> wal_keep_size across 13).
QMap<QString, QString> postgresParameters(const Topology &topology);

// pg_hba lines, in order: local access, loopback superuser/replication, replication from the PostgreSQL
// hosts (their addresses folded into the fewest networks holding exactly them: exactNetworks()), the
// cluster's subnets (scram-sha-256), then cluster.extraHba.
QStringList pgHba(const Topology &topology);

QString pgpassPath(const Host &host);  // in the postgres user's home, never /tmp

// patroni.yml for a host with the postgres role. The overload takes pgHba(topology) computed once for
// all hosts (it does not depend on the host).
QByteArray yaml(const Topology &topology, const Secrets &secrets, const Host &host);
QByteArray yaml(const Topology &topology, const Secrets &secrets, const Host &host, const QStringList &hba);

// The file at Platform::patroniConfigPath(), mode 0600 (passwords); empty for other hosts.
QList<GeneratedFile> files(const Topology &topology, const Secrets &secrets, const Host &host);
QList<GeneratedFile> files(const Topology &topology, const Secrets &secrets, const Host &host, const QStringList &hba);

} // namespace PatroniConfig
} // namespace pgha
