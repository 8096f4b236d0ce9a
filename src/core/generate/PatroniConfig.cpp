#include "core/generate/PatroniConfig.h"

#include "core/generate/ExtraMerge.h"
#include "core/model/ExtraYaml.h"

#include "core/generate/GenUtil.h"
#include "core/generate/MemberNetworks.h"
#include "core/generate/PgBouncerConfig.h"
#include "core/generate/PgBackRestConfig.h"
#include "core/model/Platform.h"
#include "core/model/Secrets.h"
#include "core/pki/ClusterTls.h"
#include "core/util/Net.h"

#include <QSet>

namespace pgha::PatroniConfig {

namespace {

QString line(int indent, const QString &text)
{
    return QString(indent, QLatin1Char(' ')) + text + QLatin1Char('\n');
}

QString kv(int indent, const QString &key, const QString &value)
{
    return line(indent, key + QStringLiteral(": ") + value);
}

QString str(const QString &s)
{
    return GenUtil::yamlString(s);
}

QString num(qint64 n)
{
    return QString::number(n);
}

// Megabytes a "160MB"-style size means (units as PostgreSQL reads them); -1 when unreadable.
qint64 sizeInMb(const QString &value)
{
    QString v = value.trimmed();
    qint64 factorKb = 1024;  // wal_keep_size without a unit is MB
    const struct { const char *unit; qint64 kb; } units[] = {
        {"kB", 1}, {"MB", 1024}, {"GB", 1024 * 1024}, {"TB", qint64(1024) * 1024 * 1024}};
    for (const auto &u : units) {
        if (v.endsWith(QLatin1String(u.unit))) {
            v.chop(int(qstrlen(u.unit)));
            factorKb = u.kb;
            break;
        }
    }
    bool ok = false;
    const qint64 n = v.trimmed().toLongLong(&ok);
    return ok ? n * factorKb / 1024 : -1;
}

void authBlock(QString *out, const QString &role, const QString &user, const QString &password,
               bool verifyServer = false)
{
    *out += line(4, role + QLatin1Char(':'));
    *out += kv(6, QStringLiteral("username"), str(user));
    *out += kv(6, QStringLiteral("password"), str(password));
    if (verifyServer) {
        // primary_conninfo and pg_rewind's connection check the primary's certificate and name.
        *out += kv(6, QStringLiteral("sslmode"), str(QStringLiteral("verify-full")));
        *out += kv(6, QStringLiteral("sslrootcert"), str(ClusterTls::caPath()));
    }
}

} // namespace

QMap<QString, QString> postgresParameters(const Topology &topology)
{
    const PostgresSettings &pg = topology.cluster.postgres;
    const int nPg = int(topology.hostsWith(Role::Postgres).size());
    QMap<QString, QString> p;
    p.insert(QStringLiteral("wal_level"), QStringLiteral("replica"));
    p.insert(QStringLiteral("hot_standby"), QStringLiteral("on"));
    // pg_rewind needs hint bits in WAL unless data checksums already force them.
    p.insert(QStringLiteral("wal_log_hints"), QStringLiteral("on"));
    p.insert(QStringLiteral("password_encryption"), QStringLiteral("scram-sha-256"));
    const QString senders = QString::number(qMax(10, nPg + 4));
    p.insert(QStringLiteral("max_wal_senders"), senders);
    p.insert(QStringLiteral("max_replication_slots"), senders);
    if (pg.version >= 13)
        p.insert(QStringLiteral("wal_keep_size"), QStringLiteral("128MB"));
    else
        p.insert(QStringLiteral("wal_keep_segments"), QStringLiteral("8"));

    for (auto it = pg.parameters.cbegin(); it != pg.parameters.cend(); ++it)
        p.insert(it.key(), it.value());
    // Backups on: WAL archiving into the repository (these win over the design's own values).
    const QMap<QString, QString> archive = PgBackRestConfig::archiveParameters(topology);
    for (auto it = archive.cbegin(); it != archive.cend(); ++it)
        p.insert(it.key(), it.value());

    // The same intent under the name the version understands (16 MB WAL segments).
    if (pg.version >= 13 && p.contains(QStringLiteral("wal_keep_segments"))) {
        const QString segs = p.take(QStringLiteral("wal_keep_segments"));
        if (!pg.parameters.contains(QStringLiteral("wal_keep_size"))) {
            bool ok = false;
            const qint64 n = segs.toLongLong(&ok);
            if (ok)
                p.insert(QStringLiteral("wal_keep_size"), QString::number(n * 16) + QStringLiteral("MB"));
        }
    } else if (pg.version < 13 && p.contains(QStringLiteral("wal_keep_size"))) {
        const qint64 mb = sizeInMb(p.take(QStringLiteral("wal_keep_size")));
        if (mb >= 0 && !pg.parameters.contains(QStringLiteral("wal_keep_segments")))
            p.insert(QStringLiteral("wal_keep_segments"), QString::number((mb + 15) / 16));
    }
    return p;
}

namespace {

// The hosts' networks (memberNetworks); an address that does not parse (the validator reports it) keeps its own
// line.
QStringList memberLines(const Topology &topology, const QList<const Host *> &hosts)
{
    const MemberNetworks m = memberNetworks(topology, hosts);
    QStringList out = m.networks;
    for (const Host *h : m.unparsed)
        out << GenUtil::hostCidr(h->address);
    return out;
}

} // namespace

QStringList pgHba(const Topology &topology)
{
    const Cluster &c = topology.cluster;
    const bool tls = GenUtil::tls(topology);
    // With TLS every network line is hostssl: a connection without TLS matches none and is refused.
    const QString net = tls ? QStringLiteral("hostssl") : QStringLiteral("host");
    const QString scram = QStringLiteral("scram-sha-256");
    // Role names always mean that role (quoted when not a plain identifier or when a keyword such as "all").
    const QString superuser = GenUtil::hbaName(c.users.superuser);
    const QString replication = GenUtil::hbaName(c.users.replication);
    const QString rewind = GenUtil::hbaName(c.users.rewind);
    QStringList out;
    QSet<QString> seen;  // hashed: a 200-host design has as many replication lines
    auto add = [&out, &seen](const QStringList &fields) {
        const QString l = fields.join(QLatin1Char(' '));
        if (!seen.contains(l)) {
            seen.insert(l);
            out << l;
        }
    };
    // Patroni runs as the OS user postgres and reaches its server through the socket.
    add({QStringLiteral("local"), QStringLiteral("all"), QStringLiteral("postgres"), QStringLiteral("peer")});
    add({QStringLiteral("local"), QStringLiteral("all"), QStringLiteral("all"), scram});
    if (tls) {
        // Before anything else, so that no later line (an extra rule included) admits a plain-text client.
        add({QStringLiteral("hostnossl"), QStringLiteral("all"), QStringLiteral("all"), QStringLiteral("0.0.0.0/0"),
             QStringLiteral("reject")});
        add({QStringLiteral("hostnossl"), QStringLiteral("all"), QStringLiteral("all"), QStringLiteral("::/0"),
             QStringLiteral("reject")});
    }
    // The privileged roles (superuser, replication, rewind) only from the members themselves and the admin
    // subnets. Loopback connections (also between loopback addresses, as in the lab) arrive from 127.0.0.1.
    // Superuser and rewind share a line (a user list), so each member network costs two lines, not three.
    QStringList superAndRewind{superuser, rewind};
    superAndRewind.removeDuplicates();
    const auto privileged = [&](const QString &cidr, bool admin) {
        if (admin) {
            add({net, QStringLiteral("all"), superuser, cidr, scram});
            return;
        }
        add({net, QStringLiteral("all"), superAndRewind.join(QLatin1Char(',')), cidr, scram});
        add({net, QStringLiteral("replication"), replication, cidr, scram});
    };
    privileged(QStringLiteral("127.0.0.1/32"), false);
    // The members' addresses folded into the fewest networks that hold exactly them (consecutive addresses
    // share a line; a members_only subnet of members only is one line): the file grows with the number of
    // address ranges, not with the number of members (docs/generated-files.md, "pg_hba").
    for (const QString &cidr : memberLines(topology, topology.hostsWith(Role::Postgres)))
        privileged(GenUtil::hbaWord(cidr), false);
    for (const Subnet &s : topology.subnets) {
        if (s.admin)
            privileged(GenUtil::hbaWord(s.cidr), true);
    }
    // Without TLS the deploy proves routing by logging in through HAProxy as the superuser (with TLS the
    // certificates prove it): only then is the superuser admitted from the HAProxy hosts.
    if (!tls) {
        for (const Host *h : topology.hostsWith(Role::HAProxy))
            privileged(GenUtil::hostCidr(h->address), true);
    }
    // PgBouncer's auth_query role only from the pooler hosts (docs/pooler.md).
    const bool pooler = c.pooler.enabled;
    if (pooler) {
        for (const QString &cidr : PgBouncerConfig::hbaSources(topology))
            add({net, QStringLiteral("all"), GenUtil::hbaName(c.pooler.authUser), GenUtil::hbaWord(cidr), scram});
    }
    // From anywhere else the privileged roles are refused, whatever line would admit "all" below.
    QStringList roles{superuser, rewind};
    if (pooler)
        roles << GenUtil::hbaName(c.pooler.authUser);
    roles.removeDuplicates();
    for (const QString &any : {QStringLiteral("0.0.0.0/0"), QStringLiteral("::/0")})
        add({QStringLiteral("host"), QStringLiteral("all"), roles.join(QLatin1Char(',')), any,
             QStringLiteral("reject")});

    // Subnets that connect to PostgreSQL: those of the PostgreSQL hosts (monitoring), of the HAProxy hosts
    // (HAProxy connects from its own address), and the client subnets.
    QStringList subnetNames;
    for (const Host &h : topology.hosts) {
        if ((h.has(Role::Postgres) || h.has(Role::HAProxy)) && !h.subnet.isEmpty() && !subnetNames.contains(h.subnet))
            subnetNames << h.subnet;
    }
    for (const Subnet &s : topology.subnets) {
        if (subnetNames.contains(s.name) || s.clients)
            add({net, QStringLiteral("all"), QStringLiteral("all"), GenUtil::hbaWord(s.cidr), scram});
    }
    // A host outside any known subnet still needs to reach the servers.
    QList<const Host *> outside;
    for (const Host &h : topology.hosts) {
        if ((h.has(Role::Postgres) || h.has(Role::HAProxy)) && !topology.subnetByName(h.subnet))
            outside << &h;
    }
    for (const QString &cidr : memberLines(topology, outside))
        add({net, QStringLiteral("all"), QStringLiteral("all"), GenUtil::hbaWord(cidr), scram});
    // The design's own entries, each field escaped for pg_hba: a name can only ever be that name.
    for (const HbaRule &r : c.extraHba) {
        QStringList fields{GenUtil::hbaWord(r.type), GenUtil::hbaNameList(r.database, false),
                           GenUtil::hbaNameList(r.user, true)};
        if (!r.address.isEmpty())
            fields << GenUtil::hbaWord(r.address);
        fields << GenUtil::hbaWord(r.method);
        add(fields);
    }
    return out;
}

QString pgpassPath(const Host &host)
{
    return Platform::postgresHome(host.os) + QStringLiteral("/.pgpass_patroni");
}

QByteArray yaml(const Topology &topology, const Secrets &secrets, const Host &host)
{
    return yaml(topology, secrets, host, pgHba(topology));
}

QByteArray yaml(const Topology &topology, const Secrets &secrets, const Host &host, const QStringList &hba)
{
    const Cluster &c = topology.cluster;
    const PatroniSettings &pt = c.patroni;
    const PostgresSettings &pg = c.postgres;
    const QString restApi = GenUtil::hostPort(host.address, pt.restApiPort);
    const QString pgAddr = GenUtil::hostPort(host.address, pg.port);

    QString s = QString::fromUtf8(GenUtil::header(
        QStringLiteral("Patroni configuration of %1, cluster %2 (PostgreSQL %3)")
            .arg(host.name, c.name, QString::number(pg.version))));
    s += kv(0, QStringLiteral("scope"), str(c.name));
    s += kv(0, QStringLiteral("namespace"), str(c.ns));
    s += kv(0, QStringLiteral("name"), str(host.name));
    s += QLatin1Char('\n');

    s += line(0, QStringLiteral("restapi:"));
    s += kv(2, QStringLiteral("listen"), str(restApi));
    s += kv(2, QStringLiteral("connect_address"), str(restApi));
    const bool tls = GenUtil::tls(topology);
    if (tls) {
        s += kv(2, QStringLiteral("certfile"), str(ClusterTls::certPath()));
        s += kv(2, QStringLiteral("keyfile"), str(ClusterTls::postgresKeyPath()));
        // Without cafile the members' calls to each other (they present certfile) fail.
        s += kv(2, QStringLiteral("cafile"), str(ClusterTls::caPath()));
        // GET/OPTIONS (HAProxy's checks, the monitor) without a client certificate; unsafe methods need one.
        s += kv(2, QStringLiteral("verify_client"), str(QStringLiteral("optional")));
    }
    // Protects the unsafe endpoints (POST/PATCH/...); GET/OPTIONS health checks stay open for HAProxy.
    s += line(2, QStringLiteral("authentication:"));
    s += kv(4, QStringLiteral("username"), str(secrets.restApiUser));
    s += kv(4, QStringLiteral("password"), str(secrets.restApiPassword));
    s += QLatin1Char('\n');

    if (tls) {
        // patronictl on the host (run as postgres): the host's certificate passes verify_client.
        s += line(0, QStringLiteral("ctl:"));
        s += kv(2, QStringLiteral("certfile"), str(ClusterTls::certPath()));
        s += kv(2, QStringLiteral("keyfile"), str(ClusterTls::postgresKeyPath()));
        s += kv(2, QStringLiteral("cacert"), str(ClusterTls::caPath()));
        s += QLatin1Char('\n');
    }

    // Every member, so that Patroni survives the loss of the one it happens to talk to.
    s += line(0, QStringLiteral("etcd3:"));
    s += line(2, QStringLiteral("hosts:"));
    for (const QString &hp : GenUtil::etcdClientHostPorts(topology))
        s += line(2, QStringLiteral("- ") + str(hp));
    if (tls) {
        // "https://" inside hosts is refused ("Invalid IPv6 URL"); the scheme goes here.
        s += kv(2, QStringLiteral("protocol"), str(QStringLiteral("https")));
        s += kv(2, QStringLiteral("cacert"), str(ClusterTls::caPath()));
        s += kv(2, QStringLiteral("cert"), str(ClusterTls::certPath()));
        s += kv(2, QStringLiteral("key"), str(ClusterTls::postgresKeyPath()));
    }
    s += QLatin1Char('\n');

    s += line(0, QStringLiteral("bootstrap:"));
    s += line(2, QStringLiteral("dcs:"));
    s += kv(4, QStringLiteral("ttl"), num(pt.ttl));
    s += kv(4, QStringLiteral("loop_wait"), num(pt.loopWait));
    s += kv(4, QStringLiteral("retry_timeout"), num(pt.retryTimeout));
    s += kv(4, QStringLiteral("maximum_lag_on_failover"), num(pt.maximumLagOnFailover));
    s += kv(4, QStringLiteral("synchronous_mode"),
            pt.synchronousMode && pt.synchronousQuorum ? QStringLiteral("quorum") : GenUtil::yamlBool(pt.synchronousMode));
    if (pt.synchronousMode)
        s += kv(4, QStringLiteral("synchronous_mode_strict"), GenUtil::yamlBool(pt.synchronousModeStrict));
    s += kv(4, QStringLiteral("failsafe_mode"), GenUtil::yamlBool(pt.failsafeMode));
    s += line(4, QStringLiteral("postgresql:"));
    s += kv(6, QStringLiteral("use_pg_rewind"), GenUtil::yamlBool(pg.usePgRewind));
    s += kv(6, QStringLiteral("use_slots"), GenUtil::yamlBool(pg.useSlots));
    s += line(6, QStringLiteral("parameters:"));
    const QMap<QString, QString> params = postgresParameters(topology);
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        s += kv(8, str(it.key()), GenUtil::yamlParamValue(it.value()));
    s += line(2, QStringLiteral("initdb:"));
    s += line(2, QStringLiteral("- encoding: UTF8"));
    if (pg.dataChecksums)
        s += line(2, QStringLiteral("- data-checksums"));
    // Patroni 3.0.2's --validate-config demands a non-empty bootstrap.pg_hba, but Patroni (3.0.2 and 4.x,
    // Bootstrap -> append_pg_hba) never writes it when postgresql.pg_hba is set, as it always is here: one line
    // (the first of the real list) satisfies the validator without repeating the whole list.
    s += line(2, QStringLiteral("pg_hba:"));
    if (!hba.isEmpty())
        s += line(2, QStringLiteral("- ") + str(hba.first()));
    s += QLatin1Char('\n');

    s += line(0, QStringLiteral("postgresql:"));
    s += kv(2, QStringLiteral("listen"), str(pgAddr));
    s += kv(2, QStringLiteral("connect_address"), str(pgAddr));
    s += kv(2, QStringLiteral("data_dir"), str(GenUtil::postgresDataDir(topology, host)));
    s += kv(2, QStringLiteral("bin_dir"), str(GenUtil::postgresBinDir(topology, host)));
    s += kv(2, QStringLiteral("pgpass"), str(pgpassPath(host)));
    s += line(2, QStringLiteral("authentication:"));
    authBlock(&s, QStringLiteral("superuser"), c.users.superuser, secrets.superuserPassword);
    authBlock(&s, QStringLiteral("replication"), c.users.replication, secrets.replicationPassword, tls);
    // Always present: Patroni 3.0.2's --validate-config demands it even with use_pg_rewind off, and the
    // role it creates costs nothing while leaving pg_rewind one DCS setting away.
    authBlock(&s, QStringLiteral("rewind"), c.users.rewind, secrets.rewindPassword, tls);
    if (tls) {
        // Local parameters: the file paths are this host's. The key is 0600 owned by postgres (0640 would be
        // FATAL on restart).
        s += line(2, QStringLiteral("parameters:"));
        s += kv(4, QStringLiteral("ssl"), str(QStringLiteral("on")));
        s += kv(4, QStringLiteral("ssl_cert_file"), str(ClusterTls::certPath()));
        s += kv(4, QStringLiteral("ssl_key_file"), str(ClusterTls::postgresKeyPath()));
        s += kv(4, QStringLiteral("ssl_ca_file"), str(ClusterTls::caPath()));
        s += kv(4, QStringLiteral("ssl_min_protocol_version"), str(QStringLiteral("TLSv1.2")));
    }
    s += line(2, QStringLiteral("pg_hba:"));
    for (const QString &l : hba)
        s += line(2, QStringLiteral("- ") + str(l));
    s += PgBackRestConfig::patroniLines(topology);
    s += QLatin1Char('\n');

    // No watchdog device is assumed; 'off' quoted, since a bare off is a YAML boolean Patroni rejects.
    s += line(0, QStringLiteral("watchdog:"));
    s += kv(2, QStringLiteral("mode"), str(QStringLiteral("off")));
    s += QLatin1Char('\n');

    s += line(0, QStringLiteral("tags:"));
    s += kv(2, QStringLiteral("nofailover"), GenUtil::yamlBool(host.tags.nofailover));
    s += kv(2, QStringLiteral("noloadbalance"), GenUtil::yamlBool(host.tags.noloadbalance));
    s += kv(2, QStringLiteral("clonefrom"), GenUtil::yamlBool(host.tags.clonefrom));
    s += kv(2, QStringLiteral("nosync"), GenUtil::yamlBool(host.tags.nosync));
    // cluster.extra / hosts[].extra: merged in after, never over a generated key (ExtraMerge).
    return ExtraMerge::patroni(s.toUtf8(), ExtraYaml::effectivePatroni(c, host), nullptr);
}

QList<GeneratedFile> files(const Topology &topology, const Secrets &secrets, const Host &host)
{
    if (!host.has(Role::Postgres))
        return {};
    return files(topology, secrets, host, pgHba(topology));
}

QList<GeneratedFile> files(const Topology &topology, const Secrets &secrets, const Host &host, const QStringList &hba)
{
    if (!host.has(Role::Postgres))
        return {};
    return {GenUtil::makeFile(host.name, Platform::patroniConfigPath(host.os), yaml(topology, secrets, host, hba),
                              0600, FileSyntax::Yaml, true)};
}

} // namespace pgha::PatroniConfig
