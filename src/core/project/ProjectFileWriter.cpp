// ProjectFile's writer: Topology -> *.pgha.yaml text, and the atomic save. The reader is ProjectFileReader.cpp.
#include "core/project/ProjectFile.h"
#include "core/project/ExtraSettingsYaml.h"

#include <QSaveFile>

#include <yaml-cpp/yaml.h>

namespace pgha {
namespace ProjectFile {

namespace {

void emitFlowMap(YAML::Emitter &y)
{
    y << YAML::Flow << YAML::BeginMap;
}

// Scalars that YAML would read as another type (on, off, yes, 1e3 ...) keep their text through quoting.
void emitText(YAML::Emitter &y, const QString &s)
{
    y << YAML::DoubleQuoted << s.toStdString();
}

void emitNumber(YAML::Emitter &y, double v)
{
    y << QString::number(v, 'g', 15).toStdString();
}

} // namespace

QByteArray serialize(const Topology &t)
{
    YAML::Emitter y;
    y.SetIndent(2);
    y << YAML::BeginMap;
    y << YAML::Key << "format" << YAML::Value << Topology::kFormat;
    y << YAML::Key << "cluster" << YAML::Value << YAML::BeginMap;
    const Cluster &c = t.cluster;
    y << YAML::Key << "name" << YAML::Value << c.name.toStdString();
    y << YAML::Key << "namespace" << YAML::Value << c.ns.toStdString();

    y << YAML::Key << "postgres" << YAML::Value << YAML::BeginMap;
    y << YAML::Key << "version" << YAML::Value << c.postgres.version;
    y << YAML::Key << "distribution" << YAML::Value << c.postgres.distribution.toStdString();
    y << YAML::Key << "port" << YAML::Value << c.postgres.port;
    y << YAML::Key << "use_pg_rewind" << YAML::Value << c.postgres.usePgRewind;
    y << YAML::Key << "use_slots" << YAML::Value << c.postgres.useSlots;
    y << YAML::Key << "data_checksums" << YAML::Value << c.postgres.dataChecksums;
    if (!c.postgres.dataDir.isEmpty())
        y << YAML::Key << "data_dir" << YAML::Value << c.postgres.dataDir.toStdString();
    if (!c.postgres.packageVersion.isEmpty())
        y << YAML::Key << "package_version" << YAML::Value << YAML::DoubleQuoted << c.postgres.packageVersion.toStdString();
    y << YAML::Key << "parameters" << YAML::Value << YAML::BeginMap;
    for (auto it = c.postgres.parameters.cbegin(); it != c.postgres.parameters.cend(); ++it) {
        y << YAML::Key << it.key().toStdString() << YAML::Value;
        emitText(y, it.value());
    }
    y << YAML::EndMap << YAML::EndMap;

    y << YAML::Key << "patroni" << YAML::Value;
    emitFlowMap(y);
    if (c.patroni.install != PatroniInstall::Package)
        y << YAML::Key << "install" << YAML::Value << patroniInstallKey(c.patroni.install).toStdString();
    if (!c.patroni.version.isEmpty())
        y << YAML::Key << "version" << YAML::Value << YAML::DoubleQuoted << c.patroni.version.toStdString();
    y << YAML::Key << "ttl" << YAML::Value << c.patroni.ttl;
    y << YAML::Key << "loop_wait" << YAML::Value << c.patroni.loopWait;
    y << YAML::Key << "retry_timeout" << YAML::Value << c.patroni.retryTimeout;
    y << YAML::Key << "maximum_lag_on_failover" << YAML::Value << c.patroni.maximumLagOnFailover;
    if (c.patroni.synchronousMode && c.patroni.synchronousQuorum)
        y << YAML::Key << "synchronous_mode" << YAML::Value << "quorum";
    else
        y << YAML::Key << "synchronous_mode" << YAML::Value << c.patroni.synchronousMode;
    y << YAML::Key << "synchronous_mode_strict" << YAML::Value << c.patroni.synchronousModeStrict;
    y << YAML::Key << "failsafe_mode" << YAML::Value << c.patroni.failsafeMode;
    y << YAML::Key << "restapi_port" << YAML::Value << c.patroni.restApiPort;
    if (!c.patroni.pipFindLinks.isEmpty())
        y << YAML::Key << "pip_find_links" << YAML::Value << c.patroni.pipFindLinks.toStdString();
    y << YAML::EndMap;

    y << YAML::Key << "etcd" << YAML::Value;
    emitFlowMap(y);
    y << YAML::Key << "client_port" << YAML::Value << c.etcd.clientPort;
    y << YAML::Key << "peer_port" << YAML::Value << c.etcd.peerPort;
    if (!c.etcd.token.isEmpty())
        y << YAML::Key << "token" << YAML::Value << c.etcd.token.toStdString();
    y << YAML::EndMap;

    y << YAML::Key << "haproxy" << YAML::Value;
    emitFlowMap(y);
    y << YAML::Key << "primary_port" << YAML::Value << c.haproxy.primaryPort;
    y << YAML::Key << "replica_port" << YAML::Value << c.haproxy.replicaPort;
    y << YAML::Key << "stats_port" << YAML::Value << c.haproxy.statsPort;
    y << YAML::Key << "maxconn" << YAML::Value << c.haproxy.maxconn;
    y << YAML::Key << "server_maxconn" << YAML::Value << c.haproxy.serverMaxconn;
    y << YAML::Key << "check_interval_ms" << YAML::Value << c.haproxy.checkIntervalMs;
    y << YAML::Key << "fall" << YAML::Value << c.haproxy.fall;
    y << YAML::Key << "rise" << YAML::Value << c.haproxy.rise;
    y << YAML::EndMap;

    y << YAML::Key << "users" << YAML::Value;
    emitFlowMap(y);
    y << YAML::Key << "superuser" << YAML::Value << c.users.superuser.toStdString();
    y << YAML::Key << "replication" << YAML::Value << c.users.replication.toStdString();
    y << YAML::Key << "rewind" << YAML::Value << c.users.rewind.toStdString();
    y << YAML::EndMap;

    if (!c.extraHba.isEmpty()) {
        y << YAML::Key << "pg_hba" << YAML::Value << YAML::BeginSeq;
        for (const HbaRule &h : c.extraHba) {
            emitFlowMap(y);
            y << YAML::Key << "type" << YAML::Value << h.type.toStdString();
            y << YAML::Key << "database" << YAML::Value << h.database.toStdString();
            y << YAML::Key << "user" << YAML::Value << h.user.toStdString();
            if (!h.address.isEmpty())
                y << YAML::Key << "address" << YAML::Value << h.address.toStdString();
            y << YAML::Key << "method" << YAML::Value << h.method.toStdString();
            y << YAML::EndMap;
        }
        y << YAML::EndSeq;
    }
    y << YAML::Key << "security" << YAML::Value;
    emitFlowMap(y);
    y << YAML::Key << "tls" << YAML::Value << c.security.tls;
    y << YAML::Key << "ca" << YAML::Value << c.security.ca.toStdString();
    y << YAML::Key << "cert_warn_days" << YAML::Value << c.security.certWarnDays;
    y << YAML::EndMap;
    if (c.pooler != PoolerSettings()) {  // absent = off: designs without a pooler keep their bytes
        y << YAML::Key << "pooler" << YAML::Value;
        emitFlowMap(y);
        y << YAML::Key << "enabled" << YAML::Value << c.pooler.enabled;
        y << YAML::Key << "placement" << YAML::Value << poolerPlacementKey(c.pooler.placement).toStdString();
        y << YAML::Key << "port" << YAML::Value << c.pooler.port;
        y << YAML::Key << "pool_mode" << YAML::Value << c.pooler.poolMode.toStdString();
        y << YAML::Key << "default_pool_size" << YAML::Value << c.pooler.defaultPoolSize;
        y << YAML::Key << "max_client_conn" << YAML::Value << c.pooler.maxClientConn;
        y << YAML::Key << "auth_user" << YAML::Value;
        emitText(y, c.pooler.authUser);
        y << YAML::EndMap;
    }
    if (c.vip.enabled()) {
        y << YAML::Key << "vip" << YAML::Value;
        emitFlowMap(y);
        y << YAML::Key << "address" << YAML::Value;
        emitText(y, c.vip.address);
        y << YAML::Key << "virtual_router_id" << YAML::Value << c.vip.virtualRouterId;
        y << YAML::Key << "interface" << YAML::Value;
        emitText(y, c.vip.interface);
        y << YAML::EndMap;
    }
    if (c.backup.enabled) {
        const BackupSettings &b = c.backup;
        y << YAML::Key << "backup" << YAML::Value;
        emitFlowMap(y);
        if (!b.repository.isEmpty()) {
            y << YAML::Key << "repository" << YAML::Value;
            emitText(y, b.repository);
        }
        y << YAML::Key << "transport" << YAML::Value << b.transport.toStdString();
        y << YAML::Key << "path" << YAML::Value;
        emitText(y, b.path);
        y << YAML::Key << "retention_full" << YAML::Value << b.retentionFull;
        y << YAML::Key << "full" << YAML::Value;
        emitText(y, b.full);
        y << YAML::Key << "diff" << YAML::Value;
        emitText(y, b.diff);
        y << YAML::Key << "archive_timeout" << YAML::Value << b.archiveTimeout;
        y << YAML::Key << "tls_port" << YAML::Value << b.tlsPort;
        if (b.initialFull)
            y << YAML::Key << "initial_full" << YAML::Value << true;
        y << YAML::EndMap;
    }
    if (!c.extra.isEmpty()) {
        y << YAML::Key << "extra" << YAML::Value;
        ExtraSettingsYaml::write(y, c.extra);
    }
    y << YAML::EndMap;  // cluster

    y << YAML::Key << "subnets" << YAML::Value << YAML::BeginSeq;
    for (const Subnet &s : t.subnets) {
        y << YAML::BeginMap;
        y << YAML::Key << "name" << YAML::Value;
        emitText(y, s.name);
        y << YAML::Key << "cidr" << YAML::Value << s.cidr.toStdString();
        if (s.clients)
            y << YAML::Key << "clients" << YAML::Value << true;
        if (s.admin)
            y << YAML::Key << "admin" << YAML::Value << true;
        if (s.membersOnly)
            y << YAML::Key << "members_only" << YAML::Value << true;
        if (s.rect != CanvasRect()) {
            y << YAML::Key << "canvas" << YAML::Value;
            emitFlowMap(y);
            y << YAML::Key << "x" << YAML::Value;
            emitNumber(y, s.rect.x);
            y << YAML::Key << "y" << YAML::Value;
            emitNumber(y, s.rect.y);
            y << YAML::Key << "width" << YAML::Value;
            emitNumber(y, s.rect.width);
            y << YAML::Key << "height" << YAML::Value;
            emitNumber(y, s.rect.height);
            y << YAML::EndMap;
        }
        y << YAML::EndMap;
    }
    y << YAML::EndSeq;

    y << YAML::Key << "hosts" << YAML::Value << YAML::BeginSeq;
    for (const Host &h : t.hosts) {
        y << YAML::BeginMap;
        y << YAML::Key << "name" << YAML::Value;
        emitText(y, h.name);
        y << YAML::Key << "address" << YAML::Value << h.address.toStdString();
        if (!h.subnet.isEmpty()) {
            y << YAML::Key << "subnet" << YAML::Value;
            emitText(y, h.subnet);
        }
        y << YAML::Key << "os" << YAML::Value << h.os.toStdString();
        y << YAML::Key << "roles" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (Role r : allRoles()) {
            if (h.has(r))
                y << roleKey(r).toStdString();
        }
        y << YAML::EndSeq;
        y << YAML::Key << "ssh" << YAML::Value;
        emitFlowMap(y);
        y << YAML::Key << "user" << YAML::Value << h.ssh.user.toStdString();
        y << YAML::Key << "port" << YAML::Value << h.ssh.port;
        if (!h.ssh.identityFile.isEmpty())
            y << YAML::Key << "identity_file" << YAML::Value << h.ssh.identityFile.toStdString();
        y << YAML::EndMap;
        if (h.tags != HostTags()) {
            y << YAML::Key << "tags" << YAML::Value;
            emitFlowMap(y);
            y << YAML::Key << "nofailover" << YAML::Value << h.tags.nofailover;
            y << YAML::Key << "noloadbalance" << YAML::Value << h.tags.noloadbalance;
            y << YAML::Key << "nosync" << YAML::Value << h.tags.nosync;
            y << YAML::Key << "clonefrom" << YAML::Value << h.tags.clonefrom;
            y << YAML::EndMap;
        }
        if (h.vipPriority != 0)
            y << YAML::Key << "vip_priority" << YAML::Value << h.vipPriority;
        if (!h.extra.isEmpty()) {
            y << YAML::Key << "extra" << YAML::Value;
            ExtraSettingsYaml::write(y, h.extra);
        }
        if (h.pos != CanvasPos()) {
            y << YAML::Key << "canvas" << YAML::Value;
            emitFlowMap(y);
            y << YAML::Key << "x" << YAML::Value;
            emitNumber(y, h.pos.x);
            y << YAML::Key << "y" << YAML::Value;
            emitNumber(y, h.pos.y);
            y << YAML::EndMap;
        }
        y << YAML::EndMap;
    }
    y << YAML::EndSeq;
    y << YAML::EndMap;

    QByteArray out("# PG HA Designer project (docs/project-file.md). No secrets are stored here.\n");
    out += y.c_str();
    out += '\n';
    return out;
}

Result<void> save(const Topology &topology, const QString &path)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("cannot write: ") + f.errorString(), path};
    const QByteArray data = serialize(topology);
    if (f.write(data) != data.size())
        return Error{QStringLiteral("cannot write: ") + f.errorString(), path};
    if (!f.commit())
        return Error{QStringLiteral("cannot write: ") + f.errorString(), path};
    return {};
}

} // namespace ProjectFile
} // namespace pgha
