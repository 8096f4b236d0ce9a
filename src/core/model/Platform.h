#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pgha {

enum class OsFamily { Rhel, Debian, Unknown };

// What we know about the operating systems and package sources we generate for.
// Everything OS- or distribution-specific that the validators and generators need is answered here.
namespace Platform {

QStringList knownOsIds();                         // rhel8, rhel9, debian12, ubuntu22.04, ubuntu24.04
QString osDisplayName(const QString &osId);       // "Red Hat Enterprise Linux 8"
OsFamily osFamily(const QString &osId);           // Unknown for an id not in knownOsIds()
QStringList knownDistributions();                 // percona, pgdg, os
QString distributionDisplayName(const QString &distribution);

// PostgreSQL major versions the distribution ships for the OS (empty when it ships none).
QList<int> postgresVersions(const QString &osId, const QString &distribution);

// Paths on the target host.
QString postgresBinDir(const QString &osId, const QString &distribution, int version);
QString postgresDataDir(const QString &osId, const QString &distribution, int version);
QString patroniConfigPath(const QString &osId);   // /etc/patroni/patroni.yml (RHEL) or /etc/patroni/config.yml (Debian)
QString patroniBinary(const QString &osId);       // the patroni executable
bool patroniPackageHasUnit(const QString &osId, const QString &distribution);
QString etcdEnvFilePath(const QString &osId);      // /etc/etcd/etcd.conf (RHEL) or /etc/default/etcd (Debian)
QString etcdConfigYamlPath();                      // /etc/etcd/etcd.conf.yaml
QString etcdDataDir();                             // /var/lib/etcd/<...>
QString haproxyConfigPath();                       // /etc/haproxy/haproxy.cfg
QString postgresHome(const QString &osId);         // home of the postgres user (pgpass lives there)

// The roles a host's packages are chosen for.
struct PackageRoles
{
    bool postgres = false;  // PostgreSQL (with contrib), Patroni and its etcd client library
    bool etcd = false;      // etcd server and client (etcdctl)
    bool haproxy = false;   // HAProxy, and python3 for the deploy's readiness probe of its stats
    bool tls = false;       // the cluster uses TLS: Debian's python3-etcd then needs python3-idna (tls-notes)
};

// The one package list: what a host installs for its roles, OS and the cluster's distribution, in install
// order, no duplicates. The exported install script and the SSH deploy both install exactly this.
QStringList packages(const QString &osId, const QString &distribution, int postgresVersion, PackageRoles roles);

} // namespace Platform
} // namespace pgha
