#pragma once

#include "core/model/Secrets.h"
#include "core/model/Topology.h"
#include "core/util/Result.h"

#include <QString>
#include <QStringList>

namespace pgha {

// The cluster's certificates as the topology needs them: which names and addresses each host's certificate
// must carry, where the files live on the hosts, and filling in what the secrets do not hold yet.
namespace ClusterTls {

constexpr int kCaDays = 3650;
constexpr int kLeafDays = 825;

// Files on the hosts (all under /etc/pgha/tls). One leaf per host serves etcd (server and peer client),
// Patroni's REST API and etcd client, and PostgreSQL; its key is copied once per daemon user, 0600 each.
QString dir();                  // /etc/pgha/tls
QString caPath();               // /etc/pgha/tls/ca.crt
QString certPath();             // /etc/pgha/tls/host.crt
QString etcdKeyPath();          // /etc/pgha/tls/etcd.key (etcd:etcd 0600)
QString postgresKeyPath();      // /etc/pgha/tls/postgres.key (postgres:postgres 0600)
QString pgbouncerKeyPath();     // /etc/pgha/tls/pgbouncer.key (PgBouncer's user, 0600)

struct Sans
{
    QStringList dns;
    QStringList ip;
};

// Every name and address the host is reached by: its name, its address (as IP and, for tools that match only
// DNS entries, as DNS text), localhost/127.0.0.1/::1 (local tools, and etcd checks a loopback peer's source
// address). A PostgreSQL host also carries every HAProxy host's name and address, so that a client going
// through HAProxy can use sslmode=verify-full whichever member answers.
Sans hostSans(const Topology &topology, const Host &host);
bool needsCertificate(const Host &host);  // runs etcd, PostgreSQL or a backup repository (pgBackRest)
// The same, and a HAProxy host that runs PgBouncer (cluster.pooler placement haproxy) with TLS on.
bool needsCertificate(const Topology &topology, const Host &host);

// Why the stored certificate of host cannot be used as it is (not signed by the CA, key mismatch, names
// missing, expired); empty when it can.
QString problemWith(const Topology &topology, const TlsMaterial &tls, const Host &host);

// Fills what TLS needs and the secrets lack: a CA (cluster.security.ca generated), a leaf per host that has
// none or whose stored one does not fit (problemWith), the admin client certificate. Does nothing when TLS is
// off. Returns one line per item issued ("CA", "host node1", "admin"); an error when a supplied CA has no key
// and something must be issued, or no CA was supplied at all.
Result<QStringList> fillMissing(const Topology &topology, Secrets *secrets);

} // namespace ClusterTls
} // namespace pgha
