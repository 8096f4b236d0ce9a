#pragma once

#include "core/model/Topology.h"

#include <QByteArray>
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
// The patroni / patronictl executables: the package's in /usr/bin, or the virtualenv's for pip.
QString patroniBinary(const QString &osId, PatroniInstall install = PatroniInstall::Package);
QString patronictlBinary(const QString &osId, PatroniInstall install = PatroniInstall::Package);
// Whether the host's patroni package ships a unit that reads patroniConfigPath(); pip never does.
bool patroniPackageHasUnit(const QString &osId, const QString &distribution);
bool patroniHasPackagedUnit(const QString &osId, const QString &distribution, PatroniInstall install);
// The packages that bring Patroni (package) or the Python to make its virtualenv with (pip).
QStringList patroniPackages(const QString &osId, const QString &distribution, PatroniInstall install);
// The Patroni release the distribution's package carries, where it is one known release ("3.0.2" for Debian 12's
// own package); empty when it varies or is unknown (Percona, PGDG and EPEL follow upstream).
QString patroniPackageVersion(const QString &osId, const QString &distribution);

// Patroni from pip: the virtualenv every host gets, the interpreter that makes it, and the pinned package sets.
QString patroniVenvDir();                          // /opt/patroni
QString venvPython(const QString &osId);           // /usr/bin/python3 (Debian family), /usr/bin/python3.11 (RHEL)
QStringList venvPackages(const QString &osId);     // python3-venv (Debian family), python3.11 python3.11-pip (RHEL)
QStringList patroniPipVersions();                  // releases with a pinned requirements file: "4.1.5"
// The pinned requirements (resources/patroni/patroni-<version>.txt); empty for a release without one.
QByteArray patroniPipRequirements(const QString &version);
QString etcdEnvFilePath(const QString &osId);      // /etc/etcd/etcd.conf (RHEL) or /etc/default/etcd (Debian)
QString etcdConfigYamlPath();                      // /etc/etcd/etcd.conf.yaml
QString etcdDataDir();                             // /var/lib/etcd/<...>
QString haproxyConfigPath();                       // /etc/haproxy/haproxy.cfg
QString pgbouncerConfigPath();                     // /etc/pgbouncer/pgbouncer.ini (every family's package reads it)
QString pgbouncerUserlistPath();                   // /etc/pgbouncer/userlist.txt
// The user the pgbouncer package runs it as: postgres (Debian family), pgbouncer (PGDG's RHEL package).
QString pgbouncerUser(const QString &osId);
QString postgresHome(const QString &osId);         // home of the postgres user (pgpass lives there)

// The roles a host's packages are chosen for.
struct PackageRoles
{
    bool postgres = false;  // PostgreSQL (with contrib), Patroni and its etcd client library
    bool etcd = false;      // etcd server and client (etcdctl)
    bool haproxy = false;   // HAProxy, and python3 for the deploy's readiness probe of its stats
    bool pgbouncer = false; // PgBouncer (cluster.pooler on this host)
    bool keepalived = false; // the floating address (cluster.vip) on an HAProxy host: keepalived (Debian, RHEL base)
    bool pgbackrest = false;  // backups on: a database host or the repository host (pgBackRest)
    bool tls = false;       // the cluster uses TLS: Debian's python3-etcd then needs python3-idna (tls-notes)
    // pip: Patroni comes from PyPI into a virtualenv; the packages bring only the Python to make it with.
    PatroniInstall patroni = PatroniInstall::Package;
};

// The one package list: what a host installs for its roles, OS and the cluster's distribution, in install
// order, no duplicates. The exported install script and the SSH deploy both install exactly this.
QStringList packages(const QString &osId, const QString &distribution, int postgresVersion, PackageRoles roles);
// PostgreSQL's own packages in that list (the server first, then contrib where it is separate).
QStringList postgresPackages(const QString &osId, const QString &distribution, int postgresVersion);
// One package at an exact version, as the OS's installer takes it: "postgresql-15=15.14-0+deb12u1" (apt-get),
// "postgresql15-server-15.14-1PGDG.rhel9" (dnf).
QString pinnedPackage(const QString &osId, const QString &package, const QString &version);

} // namespace Platform
} // namespace pgha
