#include "core/model/Platform.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace pgha::Platform {

namespace {
struct OsEntry
{
    const char *id;
    const char *name;
    OsFamily family;
    QList<int> osPostgres;  // versions in the OS's own repositories
};

const QList<OsEntry> &osTable()
{
    // OS package versions: RHEL 8 AppStream streams 12/13/15/16, RHEL 9 ships 13 and streams 15/16,
    // Debian 12 ships 15, Ubuntu 22.04 ships 14, Ubuntu 24.04 ships 16.
    static const QList<OsEntry> table = {
        {"rhel8", "Red Hat Enterprise Linux 8 (and compatible)", OsFamily::Rhel, {12, 13, 15, 16}},
        {"rhel9", "Red Hat Enterprise Linux 9 (and compatible)", OsFamily::Rhel, {13, 15, 16}},
        {"debian12", "Debian 12 (bookworm)", OsFamily::Debian, {15}},
        {"ubuntu22.04", "Ubuntu 22.04 LTS", OsFamily::Debian, {14}},
        {"ubuntu24.04", "Ubuntu 24.04 LTS", OsFamily::Debian, {16}},
    };
    return table;
}

const OsEntry *findOs(const QString &id)
{
    for (const OsEntry &e : osTable()) {
        if (id == QLatin1String(e.id))
            return &e;
    }
    return nullptr;
}
} // namespace

QStringList knownOsIds()
{
    QStringList ids;
    for (const OsEntry &e : osTable())
        ids << QString::fromLatin1(e.id);
    return ids;
}

QString osDisplayName(const QString &osId)
{
    const OsEntry *e = findOs(osId);
    return e ? QString::fromLatin1(e->name) : osId;
}

OsFamily osFamily(const QString &osId)
{
    const OsEntry *e = findOs(osId);
    return e ? e->family : OsFamily::Unknown;
}

QStringList knownDistributions()
{
    return {QStringLiteral("percona"), QStringLiteral("pgdg"), QStringLiteral("os")};
}

QString distributionDisplayName(const QString &distribution)
{
    if (distribution == QLatin1String("percona"))
        return QCoreApplication::translate("pgha::Platform", "Percona Distribution for PostgreSQL");
    if (distribution == QLatin1String("pgdg"))
        return QCoreApplication::translate("pgha::Platform", "PostgreSQL Global Development Group (PGDG)");
    if (distribution == QLatin1String("os"))
        return QCoreApplication::translate("pgha::Platform", "The operating system's own packages");
    return distribution;
}

QList<int> postgresVersions(const QString &osId, const QString &distribution)
{
    const OsEntry *e = findOs(osId);
    if (!e)
        return {};
    // Percona and PGDG ship every community-supported major (14-18 as of late 2026) for these OSes.
    if (distribution == QLatin1String("percona") || distribution == QLatin1String("pgdg"))
        return {14, 15, 16, 17, 18};
    if (distribution == QLatin1String("os"))
        return e->osPostgres;
    return {};
}

QString postgresBinDir(const QString &osId, const QString &distribution, int version)
{
    const QString v = QString::number(version);
    if (osFamily(osId) == OsFamily::Rhel) {
        if (distribution == QLatin1String("os"))
            return QStringLiteral("/usr/bin");
        return QStringLiteral("/usr/pgsql-") + v + QStringLiteral("/bin");
    }
    return QStringLiteral("/usr/lib/postgresql/") + v + QStringLiteral("/bin");
}

QString postgresDataDir(const QString &osId, const QString &distribution, int version)
{
    const QString v = QString::number(version);
    if (osFamily(osId) == OsFamily::Rhel) {
        if (distribution == QLatin1String("os"))
            return QStringLiteral("/var/lib/pgsql/data");
        return QStringLiteral("/var/lib/pgsql/") + v + QStringLiteral("/data");
    }
    // Not .../main: that is where Debian's postgresql-common puts its own cluster.
    return QStringLiteral("/var/lib/postgresql/") + v + QStringLiteral("/patroni");
}

QString patroniConfigPath(const QString &osId)
{
    if (osFamily(osId) == OsFamily::Debian)
        return QStringLiteral("/etc/patroni/config.yml");  // what Debian's patroni.service reads
    return QStringLiteral("/etc/patroni/patroni.yml");
}

QString patroniBinary(const QString &osId, PatroniInstall install)
{
    Q_UNUSED(osId)
    if (install == PatroniInstall::Pip)
        return patroniVenvDir() + QStringLiteral("/bin/patroni");
    return QStringLiteral("/usr/bin/patroni");
}

QString patronictlBinary(const QString &osId, PatroniInstall install)
{
    Q_UNUSED(osId)
    if (install == PatroniInstall::Pip)
        return patroniVenvDir() + QStringLiteral("/bin/patronictl");
    return QStringLiteral("/usr/bin/patronictl");
}

bool patroniHasPackagedUnit(const QString &osId, const QString &distribution, PatroniInstall install)
{
    return install == PatroniInstall::Package && patroniPackageHasUnit(osId, distribution);
}

QStringList patroniPackages(const QString &osId, const QString &distribution, PatroniInstall install)
{
    if (install == PatroniInstall::Pip)
        return venvPackages(osId);
    const bool rhel = osFamily(osId) == OsFamily::Rhel;
    const bool percona = distribution == QLatin1String("percona");
    if (rhel && percona)
        return {QStringLiteral("percona-patroni"), QStringLiteral("python3-python-etcd")};
    if (rhel)
        return {QStringLiteral("patroni"), QStringLiteral("patroni-etcd")};
    if (percona)
        return {QStringLiteral("percona-patroni"), QStringLiteral("python3-etcd")};
    return {QStringLiteral("patroni"), QStringLiteral("python3-etcd")};
}

QString patroniPackageVersion(const QString &osId, const QString &distribution)
{
    if (distribution != QLatin1String("os"))
        return {};
    // The OS's own patroni package (Debian 12 bookworm: 3.0.2, Ubuntu 22.04: 2.1.3, Ubuntu 24.04: 3.2.2).
    if (osId == QLatin1String("debian12"))
        return QStringLiteral("3.0.2");
    if (osId == QLatin1String("ubuntu22.04"))
        return QStringLiteral("2.1.3");
    if (osId == QLatin1String("ubuntu24.04"))
        return QStringLiteral("3.2.2");
    return {};
}

QString patroniVenvDir()
{
    return QStringLiteral("/opt/patroni");
}

QString venvPython(const QString &osId)
{
    // RHEL 8's python3 is 3.6, too old for Patroni 4's pinned set; RHEL 8.8+ and 9 ship python3.11 in AppStream.
    if (osFamily(osId) == OsFamily::Rhel)
        return QStringLiteral("/usr/bin/python3.11");
    return QStringLiteral("/usr/bin/python3");
}

QStringList venvPackages(const QString &osId)
{
    if (osFamily(osId) == OsFamily::Rhel)
        return {QStringLiteral("python3.11"), QStringLiteral("python3.11-pip")};
    return {QStringLiteral("python3"), QStringLiteral("python3-venv")};
}

QStringList patroniPipVersions()
{
    QStringList versions;
    const QStringList files = QDir(QStringLiteral(":/patroni")).entryList({QStringLiteral("patroni-*.txt")}, QDir::Files);
    for (const QString &f : files)
        versions << f.mid(8, f.size() - 12);  // patroni-<version>.txt
    return versions;
}

QByteArray patroniPipRequirements(const QString &version)
{
    QFile f(QStringLiteral(":/patroni/patroni-") + version + QStringLiteral(".txt"));
    if (version.isEmpty() || !f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool patroniPackageHasUnit(const QString &osId, const QString &distribution)
{
    Q_UNUSED(distribution)
    // Debian's and Ubuntu's patroni package ship patroni.service; on RHEL we write our own
    // so that it reads the path we generate.
    return osFamily(osId) == OsFamily::Debian;
}

QString etcdEnvFilePath(const QString &osId)
{
    if (osFamily(osId) == OsFamily::Debian)
        return QStringLiteral("/etc/default/etcd");
    return QStringLiteral("/etc/etcd/etcd.conf");
}

QString etcdConfigYamlPath()
{
    return QStringLiteral("/etc/etcd/etcd.conf.yaml");
}

QString etcdDataDir()
{
    return QStringLiteral("/var/lib/etcd/pgha");
}

QString haproxyConfigPath()
{
    return QStringLiteral("/etc/haproxy/haproxy.cfg");
}

QString pgbouncerConfigPath()
{
    return QStringLiteral("/etc/pgbouncer/pgbouncer.ini");
}

QString pgbouncerUserlistPath()
{
    return QStringLiteral("/etc/pgbouncer/userlist.txt");
}

QString pgbouncerUser(const QString &osId)
{
    return osFamily(osId) == OsFamily::Rhel ? QStringLiteral("pgbouncer") : QStringLiteral("postgres");
}

QString postgresHome(const QString &osId)
{
    if (osFamily(osId) == OsFamily::Rhel)
        return QStringLiteral("/var/lib/pgsql");
    return QStringLiteral("/var/lib/postgresql");
}

QStringList postgresPackages(const QString &osId, const QString &distribution, int postgresVersion)
{
    const QString v = QString::number(postgresVersion);
    const bool rhel = osFamily(osId) == OsFamily::Rhel;
    const bool percona = distribution == QLatin1String("percona");
    const bool pgdg = distribution == QLatin1String("pgdg");
    if (rhel && percona)
        return {QStringLiteral("percona-postgresql%1-server").arg(v), QStringLiteral("percona-postgresql%1-contrib").arg(v)};
    if (rhel && pgdg)
        return {QStringLiteral("postgresql%1-server").arg(v), QStringLiteral("postgresql%1-contrib").arg(v)};
    if (rhel)
        return {QStringLiteral("postgresql-server"), QStringLiteral("postgresql-contrib")};
    if (percona)
        return {QStringLiteral("percona-postgresql-%1").arg(v), QStringLiteral("percona-postgresql-contrib")};
    return {QStringLiteral("postgresql-%1").arg(v)};
}

QString pinnedPackage(const QString &osId, const QString &package, const QString &version)
{
    return package + (osFamily(osId) == OsFamily::Rhel ? QLatin1Char('-') : QLatin1Char('=')) + version;
}

QStringList packages(const QString &osId, const QString &distribution, int postgresVersion, PackageRoles roles)
{
    // Sources: Percona's RHEL guide (etcd + python3-python-etcd, percona-patroni, percona-haproxy), PGDG's
    // patroni-etcd extra, Debian's postgresql-N (contrib included) and python3-etcd.
    const QString v = QString::number(postgresVersion);
    const bool rhel = osFamily(osId) == OsFamily::Rhel;
    const bool percona = distribution == QLatin1String("percona");
    QStringList p;
    if (roles.postgres) {
        p << postgresPackages(osId, distribution, postgresVersion);
        p << patroniPackages(osId, distribution, roles.patroni);
        // Debian's python3-etcd loads pyOpenSSL when python3-openssl is installed, and that path needs idna:
        // without it Patroni waits on etcd forever ("No module named 'idna'"). The pip set pins its own idna.
        if (!rhel && roles.tls && roles.patroni == PatroniInstall::Package)
            p << QStringLiteral("python3-idna");
    }
    if (roles.etcd) {
        if (rhel)
            p << QStringLiteral("etcd");
        else
            p << QStringLiteral("etcd-server") << QStringLiteral("etcd-client");
    }
    if (roles.pgbackrest)
        p << (percona ? QStringLiteral("percona-pgbackrest") : QStringLiteral("pgbackrest"));
    if (roles.haproxy)
        p << (percona ? QStringLiteral("percona-haproxy") : QStringLiteral("haproxy")) << QStringLiteral("python3");
    // Debian's own pgbouncer (1.18 in Debian 12); RHEL's from PGDG (the install script adds its repository for
    // the OS distribution); Percona's build from its repository.
    if (roles.pgbouncer)
        p << (percona ? QStringLiteral("percona-pgbouncer") : QStringLiteral("pgbouncer"));
    if (roles.keepalived)
        p << QStringLiteral("keepalived");
    p.removeDuplicates();
    return p;
}

} // namespace pgha::Platform
