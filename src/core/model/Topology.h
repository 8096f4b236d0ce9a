#pragma once

#include "core/model/PoolerSettings.h"

#include <QFlags>
#include <QList>
#include <QMap>
#include <QString>

#include "core/model/VipSettings.h"
#include "core/model/BackupSettings.h"
#include "core/model/ExtraSettings.h"

namespace pgha {

// What a host runs. Postgres always means PostgreSQL managed by Patroni.
enum class Role : quint8 {
    Postgres = 0x1,
    Etcd = 0x2,
    HAProxy = 0x4,
    Backup = 0x8,  // the pgBackRest repository host (BackupSettings)
};
Q_DECLARE_FLAGS(Roles, Role)

QString roleKey(Role role);                    // "postgres", "etcd", "haproxy", "backup" (project-file spelling)
bool roleFromKey(const QString &key, Role *out);
QList<Role> allRoles();

struct SshSettings
{
    QString user = QStringLiteral("root");
    int port = 22;
    QString identityFile;  // optional; empty = agent / ~/.ssh/config / defaults

    bool operator==(const SshSettings &o) const
    {
        return user == o.user && port == o.port && identityFile == o.identityFile;
    }
    bool operator!=(const SshSettings &o) const { return !(*this == o); }
};

// Patroni member tags.
struct HostTags
{
    bool nofailover = false;
    bool noloadbalance = false;
    bool nosync = false;
    bool clonefrom = false;

    bool operator==(const HostTags &o) const
    {
        return nofailover == o.nofailover && noloadbalance == o.noloadbalance && nosync == o.nosync
            && clonefrom == o.clonefrom;
    }
    bool operator!=(const HostTags &o) const { return !(*this == o); }
};

// Where an item sits on the designer's canvas (scene coordinates). Saved in the project file.
struct CanvasPos
{
    double x = 0;
    double y = 0;
    bool operator==(const CanvasPos &o) const { return x == o.x && y == o.y; }
    bool operator!=(const CanvasPos &o) const { return !(*this == o); }
};

struct CanvasRect
{
    double x = 0;
    double y = 0;
    double width = 0;   // 0 = let the canvas lay it out
    double height = 0;
    bool operator==(const CanvasRect &o) const
    {
        return x == o.x && y == o.y && width == o.width && height == o.height;
    }
    bool operator!=(const CanvasRect &o) const { return !(*this == o); }
};

struct Host
{
    // Runtime identity for the GUI and undo commands; never saved, not part of equality.
    quint32 uid = 0;

    QString name;
    QString address;
    QString subnet;              // name of a Subnet; may be empty
    QString os = QStringLiteral("rhel8");  // an id from Platform::knownOsIds()
    Roles roles;
    SshSettings ssh;
    HostTags tags;
    CanvasPos pos;
    int vipPriority = 0;         // keepalived priority 1-254 on an HAProxy host; 0 = by host order
    ExtraSettings extra;         // hosts[].extra: settings the design has no key for (adds to cluster.extra)

    bool has(Role r) const { return roles.testFlag(r); }
    bool operator==(const Host &o) const;
    bool operator!=(const Host &o) const { return !(*this == o); }
};

struct Subnet
{
    quint32 uid = 0;  // runtime only, see Host::uid

    QString name;
    QString cidr;         // e.g. "10.104.0.0/24" or "fd00::/64"
    bool clients = false; // client applications connect from here (pg_hba, firewall)
    bool admin = false;   // administrators and the monitor connect from here (2379, 8008, 7000, superuser)
    // No machine but this design's hosts uses an address here: pg_hba and the firewall may then admit the whole
    // subnet instead of the exact networks of its hosts, where every design host in it is admitted anyway
    // (memberNetworks, core/generate/MemberNetworks.h).
    bool membersOnly = false;
    CanvasRect rect;

    bool operator==(const Subnet &o) const
    {
        return name == o.name && cidr == o.cidr && clients == o.clients && admin == o.admin
            && membersOnly == o.membersOnly && rect == o.rect;
    }
    bool operator!=(const Subnet &o) const { return !(*this == o); }
};

struct PostgresSettings
{
    int version = 15;
    QString distribution = QStringLiteral("percona");  // percona | pgdg | os
    int port = 5432;
    // PostgreSQL parameters, in addition to those the generator needs; values as text, in order of the file.
    QMap<QString, QString> parameters;
    bool usePgRewind = true;
    bool useSlots = true;
    bool dataChecksums = true;
    QString dataDir;  // empty = the platform default for OS, distribution and version
    // The server package's exact distribution version ("15.14-0+deb12u1"); empty = whatever the repository has.
    // `pgha apply` installs it rolling (deploy/UpgradePlan).
    QString packageVersion;

    bool operator==(const PostgresSettings &o) const
    {
        return version == o.version && distribution == o.distribution && port == o.port
            && parameters == o.parameters && usePgRewind == o.usePgRewind && useSlots == o.useSlots
            && dataChecksums == o.dataChecksums && dataDir == o.dataDir && packageVersion == o.packageVersion;
    }
    bool operator!=(const PostgresSettings &o) const { return !(*this == o); }
};

// How Patroni reaches a host: the distribution's package, or pip into a virtualenv (Platform::patroniVenvDir()).
enum class PatroniInstall : quint8 { Package, Pip };
QString patroniInstallKey(PatroniInstall install);  // "package", "pip" (project-file spelling)
bool patroniInstallFromKey(const QString &key, PatroniInstall *out);

struct PatroniSettings
{
    PatroniInstall install = PatroniInstall::Package;
    // "4.1.5". Pip: the exact release installed (required). Package: the distribution's, informational;
    // empty = whatever the package carries (Platform::patroniPackageVersion()).
    QString version;
    int ttl = 30;
    int loopWait = 10;
    int retryTimeout = 10;
    qint64 maximumLagOnFailover = 1048576;
    bool synchronousMode = false;
    bool synchronousQuorum = false;  // synchronous_mode: quorum (Patroni 4.0+); only with synchronousMode
    bool synchronousModeStrict = false;
    bool failsafeMode = true;
    int restApiPort = 8008;
    // Pip: a directory on each host holding the wheels of the pinned set; pip then installs from it alone
    // (--no-index --find-links), never from PyPI. Empty = PyPI (or the host's pip configuration).
    QString pipFindLinks;

    bool operator==(const PatroniSettings &o) const
    {
        return install == o.install && version == o.version && pipFindLinks == o.pipFindLinks && ttl == o.ttl && loopWait == o.loopWait && retryTimeout == o.retryTimeout
            && maximumLagOnFailover == o.maximumLagOnFailover && synchronousMode == o.synchronousMode
            && synchronousQuorum == o.synchronousQuorum
            && synchronousModeStrict == o.synchronousModeStrict && failsafeMode == o.failsafeMode
            && restApiPort == o.restApiPort;
    }
    bool operator!=(const PatroniSettings &o) const { return !(*this == o); }
};

struct EtcdSettings
{
    int clientPort = 2379;
    int peerPort = 2380;
    QString token;  // initial-cluster-token; empty = "<cluster name>-etcd"

    bool operator==(const EtcdSettings &o) const
    {
        return clientPort == o.clientPort && peerPort == o.peerPort && token == o.token;
    }
    bool operator!=(const EtcdSettings &o) const { return !(*this == o); }
};

struct HAProxySettings
{
    int primaryPort = 5000;
    int replicaPort = 5001;
    int statsPort = 7000;
    int maxconn = 100;          // global maxconn
    int serverMaxconn = 100;    // per backend server
    int checkIntervalMs = 1000; // "inter"
    int fall = 3;
    int rise = 2;

    bool operator==(const HAProxySettings &o) const
    {
        return primaryPort == o.primaryPort && replicaPort == o.replicaPort && statsPort == o.statsPort
            && maxconn == o.maxconn && serverMaxconn == o.serverMaxconn
            && checkIntervalMs == o.checkIntervalMs && fall == o.fall && rise == o.rise;
    }
    bool operator!=(const HAProxySettings &o) const { return !(*this == o); }
};

struct UserNames
{
    QString superuser = QStringLiteral("postgres");
    QString replication = QStringLiteral("replicator");
    QString rewind = QStringLiteral("rewind_user");

    bool operator==(const UserNames &o) const
    {
        return superuser == o.superuser && replication == o.replication && rewind == o.rewind;
    }
    bool operator!=(const UserNames &o) const { return !(*this == o); }
};

// One pg_hba entry beyond those the generator derives from the subnets.
struct HbaRule
{
    QString type = QStringLiteral("host");  // host | hostssl | local ...
    QString database = QStringLiteral("all");
    QString user = QStringLiteral("all");
    QString address;                          // CIDR; empty for local
    QString method = QStringLiteral("scram-sha-256");

    QString toLine() const;
    bool operator==(const HbaRule &o) const
    {
        return type == o.type && database == o.database && user == o.user && address == o.address
            && method == o.method;
    }
    bool operator!=(const HbaRule &o) const { return !(*this == o); }
};

// TLS between every pair of daemons and for clients (issue 8). The material itself is a secret (Secrets::tls).
struct SecuritySettings
{
    bool tls = true;                                  // off: plain text everywhere (a warning finding)
    QString ca = QStringLiteral("generated");         // generated | supplied (the secrets file holds the CA)
    int certWarnDays = 30;                            // a certificate expiring within this many days is a finding

    bool operator==(const SecuritySettings &o) const
    {
        return tls == o.tls && ca == o.ca && certWarnDays == o.certWarnDays;
    }
    bool operator!=(const SecuritySettings &o) const { return !(*this == o); }
};

struct Cluster
{
    QString name = QStringLiteral("cluster_1");       // Patroni scope
    QString ns = QStringLiteral("percona_lab");       // Patroni namespace (key "namespace")
    PostgresSettings postgres;
    PatroniSettings patroni;
    EtcdSettings etcd;
    HAProxySettings haproxy;
    UserNames users;
    QList<HbaRule> extraHba;
    SecuritySettings security;
    PoolerSettings pooler;
    VipSettings vip;
    BackupSettings backup;
    ExtraSettings extra;  // cluster.extra: settings the design has no key for (ExtraSettings.h)

    bool operator==(const Cluster &o) const
    {
        return name == o.name && ns == o.ns && postgres == o.postgres && patroni == o.patroni
            && etcd == o.etcd && haproxy == o.haproxy && users == o.users && extraHba == o.extraHba
            && security == o.security
            && pooler == o.pooler && vip == o.vip
            && backup == o.backup
            && extra == o.extra;
    }
    bool operator!=(const Cluster &o) const { return !(*this == o); }
};

// The whole design: a plain value, cheap to copy, compared by value.
struct Topology
{
    static constexpr int kFormat = 1;

    Cluster cluster;
    QList<Subnet> subnets;
    QList<Host> hosts;

    const Host *hostByName(const QString &name) const;
    const Host *hostByUid(quint32 uid) const;
    Host *hostByUid(quint32 uid);
    const Subnet *subnetByName(const QString &name) const;
    const Subnet *subnetByUid(quint32 uid) const;
    Subnet *subnetByUid(quint32 uid);
    QList<const Host *> hostsWith(Role role) const;
    int count(Role role) const;

    // Gives every host and subnet without a uid a fresh one (after load, or when adding items).
    void assignUids();
    quint32 nextUid() const;

    bool operator==(const Topology &o) const
    {
        return cluster == o.cluster && subnets == o.subnets && hosts == o.hosts;
    }
    bool operator!=(const Topology &o) const { return !(*this == o); }
};

} // namespace pgha

Q_DECLARE_OPERATORS_FOR_FLAGS(pgha::Roles)
