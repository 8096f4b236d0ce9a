#include "core/importer/LiveImport.h"

#include "core/importer/ExtraImport.h"

#include "core/generate/MemberNetworks.h"
#include "core/generate/PatroniConfig.h"
#include "core/lint/LintMapper.h"
#include "core/model/Platform.h"
#include "core/parse/EtcdParser.h"
#include "core/parse/HaproxyStatsParser.h"
#include "core/parse/PatroniParser.h"
#include "core/util/Net.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace pgha::LiveImport {

namespace {

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == qint64(d) ? QString::number(qint64(d)) : QString::number(d);
    }
    if (v.isNull())
        return QStringLiteral("null");
    return QString::fromUtf8(QJsonDocument(v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()))
                                 .toJson(QJsonDocument::Compact));
}

Host *hostNamed(Topology &t, const QString &name)
{
    for (Host &h : t.hosts) {
        if (h.name == name)
            return &h;
    }
    return nullptr;
}

Host *hostAt(Topology &t, const QString &address)
{
    const auto a = IpAddress::parse(address);
    for (Host &h : t.hosts) {
        if (a && IpAddress::parse(h.address) == a)
            return &h;
    }
    return nullptr;
}

// The dynamic configuration: mapped keys into the design, the rest listed.
void applyConfig(const QJsonObject &config, ImportedDesign &out)
{
    Cluster &c = out.topology.cluster;
    PatroniSettings &p = c.patroni;
    for (auto it = config.begin(); it != config.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == QLatin1String("ttl"))
            p.ttl = v.toInt(p.ttl);
        else if (key == QLatin1String("loop_wait"))
            p.loopWait = v.toInt(p.loopWait);
        else if (key == QLatin1String("retry_timeout"))
            p.retryTimeout = v.toInt(p.retryTimeout);
        else if (key == QLatin1String("maximum_lag_on_failover"))
            p.maximumLagOnFailover = qint64(v.toDouble(double(p.maximumLagOnFailover)));
        else if (key == QLatin1String("synchronous_mode")) {
            p.synchronousQuorum = v.toString() == QLatin1String("quorum");
            p.synchronousMode = p.synchronousQuorum || LintMapper::yamlBool(jsonText(v), false);
        } else if (key == QLatin1String("synchronous_mode_strict"))
            p.synchronousModeStrict = LintMapper::yamlBool(jsonText(v), false);
        else if (key == QLatin1String("failsafe_mode"))
            p.failsafeMode = LintMapper::yamlBool(jsonText(v), false);
        else if (key == QLatin1String("postgresql") && v.isObject()) {
            const QJsonObject pg = v.toObject();
            for (auto pit = pg.begin(); pit != pg.end(); ++pit) {
                if (pit.key() == QLatin1String("use_pg_rewind"))
                    c.postgres.usePgRewind = LintMapper::yamlBool(jsonText(pit.value()), false);
                else if (pit.key() == QLatin1String("use_slots"))
                    c.postgres.useSlots = LintMapper::yamlBool(jsonText(pit.value()), true);
                else if (pit.key() != QLatin1String("parameters"))
                    out.unmapped << QStringLiteral("/config: postgresql.%1 = %2").arg(pit.key(), jsonText(pit.value()));
            }
        } else {
            out.unmapped << QStringLiteral("/config: %1 = %2").arg(key, jsonText(v));
        }
    }
}

// Live parameters -> the design's: only what differs from what the generator writes by itself, so that the
// design, generated again, gives the live values back.
void applyParameters(const QMap<QString, QString> &live, Topology &t)
{
    t.cluster.postgres.parameters.clear();
    const QMap<QString, QString> generated = PatroniConfig::postgresParameters(t);
    for (auto it = live.cbegin(); it != live.cend(); ++it) {
        if (generated.value(it.key()) != it.value())
            t.cluster.postgres.parameters.insert(it.key(), it.value());
    }
}

// Subnets from the members' pg_hba: the generator writes "NET all all CIDR scram-sha-256" for each subnet of the
// database and HAProxy hosts and for client subnets; a host takes the most specific one holding its address.
void subnetsFromHba(Topology &t, const QStringList &lines)
{
    static const QRegularExpression subnetLine(
        QStringLiteral("^(host|hostssl) all all (\\S+) scram-sha-256$"));
    int n = 0;
    for (const QString &line : lines) {
        const QRegularExpressionMatch m = subnetLine.match(line.simplified());
        if (!m.hasMatch())
            continue;
        const auto cidr = Cidr::parse(m.captured(2));
        if (!cidr || !cidr->hadPrefix)
            continue;
        Subnet s;
        s.name = n == 0 ? QStringLiteral("net") : QStringLiteral("net%1").arg(n + 1);
        s.cidr = m.captured(2);
        ++n;
        bool holdsHost = false;
        for (Host &h : t.hosts) {
            const auto a = IpAddress::parse(h.address);
            if (!a || !cidr->contains(*a))
                continue;
            const Subnet *current = t.subnetByName(h.subnet);
            const auto currentCidr = current ? Cidr::parse(current->cidr) : std::nullopt;
            if (!currentCidr || currentCidr->prefix < cidr->prefix)
                h.subnet = s.name;
            holdsHost = true;
        }
        s.clients = !holdsHost;
        t.subnets << s;
    }
}

// The generator names a subnet's network in the members' replication line only when the design declared the
// subnet members_only (memberNetworks): such a line marks the subnet again, so that the design derives it.
void membersOnlyFromHba(Topology &t, const QStringList &lines)
{
    static const QRegularExpression replicationLine(QStringLiteral("^(host|hostssl) replication \\S+ (\\S+) scram-sha-256$"));
    for (const QString &line : lines) {
        const QRegularExpressionMatch m = replicationLine.match(line.simplified());
        const QString net = m.hasMatch() ? canonicalNetwork(m.captured(2)) : QString();
        for (Subnet &s : t.subnets) {
            if (!net.isEmpty() && canonicalNetwork(s.cidr) == net)
                s.membersOnly = true;
        }
    }
}

} // namespace

Result<ImportedDesign> design(const LiveSources &src)
{
    Result<PatroniParser::ClusterInfo> cluster = PatroniParser::parseCluster(src.cluster);
    if (!cluster.ok())
        return cluster.error();
    if (cluster->members.isEmpty())
        return Error(QStringLiteral("/cluster lists no member"));
    Result<PatroniParser::NodeStatus> node = PatroniParser::parseNode(src.patroni);
    if (!node.ok())
        return node.error();
    Result<QJsonObject> config = PatroniParser::parseConfig(src.config);
    if (!config.ok())
        return config.error();

    ImportedDesign out;
    Topology &t = out.topology;
    QStringList liveHba;
    QString binDir;
    if (!src.files.patroni.isEmpty()) {
        // The members' own files say what the REST API does not: namespace, users, data_dir, pg_hba, TLS, etcd.
        const MappedDesign mapped = LintMapper::map(src.files, LintOptions{});
        t = mapped.topology;
        const ConfigFile &first = src.files.patroni.first();
        // What Patroni writes: postgresql.pg_hba when set (bootstrap.pg_hba is then never used), else bootstrap.pg_hba.
        const QString list = first.has(QStringLiteral("postgresql.pg_hba")) ? QStringLiteral("postgresql.pg_hba")
                                                                           : QStringLiteral("bootstrap.pg_hba");
        {
            for (const ConfigEntry *e : first.children(list)) {
                const QString line = e->value.simplified();
                if (!line.isEmpty() && !liveHba.contains(line))
                    liveHba << line;
            }
        }
        t.cluster.extraHba.clear();
        t.cluster.postgres.dataDir = first.value(QStringLiteral("postgresql.data_dir"));
        binDir = first.value(QStringLiteral("postgresql.bin_dir"));
        for (Host &h : t.hosts) {
            if (mapped.placeholderHosts.contains(h.name))
                h.address.clear();
        }
    } else {
        t.hosts.clear();
        t.subnets.clear();
        t.cluster.ns = QStringLiteral("service");
        t.cluster.security.tls = QUrl(src.restUrl).scheme() == QLatin1String("https");
        out.notes << QStringLiteral("no member's patroni.yml was read (no --ssh-user): namespace, users, data_dir, "
                                    "subnets and etcd hosts are the defaults; check them");
    }
    t.cluster.name = node->scope.isEmpty() ? t.cluster.name : node->scope;

    // Members from /cluster: name, address, PostgreSQL port, REST API port, tags.
    for (const MemberState &m : cluster->members) {
        Host *h = hostNamed(t, m.name);
        if (!h)
            h = hostAt(t, m.host);
        if (!h) {
            Host n;
            n.name = m.name;
            t.hosts << n;
            h = &t.hosts.last();
        }
        h->roles |= Role::Postgres;
        if (IpAddress::parse(m.host))
            h->address = m.host;
        if (m.port > 0)
            t.cluster.postgres.port = m.port;
        const int apiPort = QUrl(m.apiUrl).port();
        if (apiPort > 0)
            t.cluster.patroni.restApiPort = apiPort;
        h->tags.nofailover = LintMapper::yamlBool(m.tags.value(QStringLiteral("nofailover")), false);
        h->tags.noloadbalance = LintMapper::yamlBool(m.tags.value(QStringLiteral("noloadbalance")), false);
        h->tags.nosync = LintMapper::yamlBool(m.tags.value(QStringLiteral("nosync")), false);
        h->tags.clonefrom = LintMapper::yamlBool(m.tags.value(QStringLiteral("clonefrom")), false);
    }

    // Release and major version of the member asked.
    const QJsonObject patroniObj = QJsonDocument::fromJson(src.patroni).object();
    const int serverVersion = patroniObj.value(QStringLiteral("server_version")).toInt();
    if (serverVersion > 0)
        t.cluster.postgres.version = serverVersion >= 100000 ? serverVersion / 10000 : serverVersion / 100;
    if (!node->version.isEmpty())
        t.cluster.patroni.version = node->version;

    // OS and distribution: the pair whose paths are the files' (bin_dir); a data_dir at the default stays unset.
    if (!binDir.isEmpty()) {
        // Several pairs share paths (Debian's own and PGDG's packages): the one whose Patroni package is the
        // running release wins, else the first.
        bool found = false;
        for (const QString &os : Platform::knownOsIds()) {
            for (const QString &dist : Platform::knownDistributions()) {
                if (Platform::postgresBinDir(os, dist, t.cluster.postgres.version) != binDir)
                    continue;
                const bool sameRelease = !node->version.isEmpty() && Platform::patroniPackageVersion(os, dist) == node->version;
                if (found && !sameRelease)
                    continue;
                found = true;
                t.cluster.postgres.distribution = dist;
                for (Host &h : t.hosts)
                    h.os = os;
            }
        }
        if (!found)
            out.notes << QStringLiteral("bin_dir %1 is no known distribution's; the OS and distribution are the defaults").arg(binDir);
        const QString os = t.hosts.isEmpty() ? QString() : t.hosts.first().os;
        if (t.cluster.postgres.dataDir
            == Platform::postgresDataDir(os, t.cluster.postgres.distribution, t.cluster.postgres.version))
            t.cluster.postgres.dataDir.clear();
    }

    applyConfig(config.value(), out);
    QMap<QString, QString> liveParams;
    const QJsonObject params = config->value(QStringLiteral("postgresql")).toObject().value(QStringLiteral("parameters")).toObject();
    for (auto it = params.begin(); it != params.end(); ++it)
        liveParams.insert(it.key(), jsonText(it.value()));
    // Local parameters of the files (postgresql.parameters) the generator writes itself with TLS are not design
    // parameters; others are.
    for (auto it = t.cluster.postgres.parameters.cbegin(); it != t.cluster.postgres.parameters.cend(); ++it) {
        if (!it.key().startsWith(QLatin1String("ssl")) && !liveParams.contains(it.key()))
            liveParams.insert(it.key(), it.value());
    }
    applyParameters(liveParams, t);

    // etcd's own member list names the members (and their client/peer ports).
    if (!src.etcdMembers.isEmpty()) {
        Result<QList<EtcdParser::Member>> members = EtcdParser::parseMemberList(src.etcdMembers);
        if (!members.ok())
            return members.error();
        for (const EtcdParser::Member &m : members.value()) {
            const QUrl peer(m.peerUrls.value(0));
            Host *h = hostNamed(t, m.name);
            if (!h)
                h = hostAt(t, peer.host());
            if (!h) {
                Host n;
                n.name = m.name;
                n.address = peer.host();
                t.hosts << n;
                h = &t.hosts.last();
            }
            h->roles |= Role::Etcd;
            if (peer.port() > 0)
                t.cluster.etcd.peerPort = peer.port();
            const int client = QUrl(m.clientUrls.value(0)).port();
            if (client > 0)
                t.cluster.etcd.clientPort = client;
        }
    } else if (src.files.etcd.isEmpty() && src.files.patroni.isEmpty()) {
        out.notes << QStringLiteral("no etcd member list (--etcd URL) or etcd config: the etcd hosts are not in the design");
    }

    // HAProxy from its statistics page: the host is the page's, the servers are the members.
    if (!src.haproxyCsv.isEmpty()) {
        Result<QList<HaproxyPool>> pools = HaproxyStatsParser::parse(src.haproxyCsv);
        if (!pools.ok())
            return pools.error();
        const QUrl stats(src.haproxyStatsUrl);
        Host *h = hostAt(t, stats.host());
        if (!h && t.hostsWith(Role::HAProxy).isEmpty()) {
            Host n;
            n.name = QStringLiteral("haproxy");
            n.address = stats.host();
            t.hosts << n;
            h = &t.hosts.last();
        }
        if (h)
            h->roles |= Role::HAProxy;
        if (stats.port() > 0)
            t.cluster.haproxy.statsPort = stats.port();
        for (const HaproxyPool &p : pools.value()) {
            for (const HaproxyServerState &s : p.servers) {
                if (!hostNamed(t, s.name))
                    out.unmapped << QStringLiteral("haproxy: %1/%2 is not a Patroni member").arg(p.name, s.name);
            }
        }
    }

    // Subnets from pg_hba (with the files), else one /24 (or /64) around the members.
    if (!liveHba.isEmpty())
        subnetsFromHba(t, liveHba);
    membersOnlyFromHba(t, liveHba);
    for (Host &h : t.hosts) {
        if (!h.subnet.isEmpty() || h.address.isEmpty())
            continue;
        const auto a = IpAddress::parse(h.address);
        if (!a)
            continue;
        const int prefix = a->family == IpAddress::Family::V4 ? 24 : 64;
        const auto net = Cidr::parse(QString(h.address + QLatin1Char('/') + QString::number(prefix)));
        QString cidr;
        if (net) {
            Cidr masked = *net;
            for (int i = prefix; i < (a->family == IpAddress::Family::V4 ? 32 : 128); ++i)
                masked.network.bytes[size_t(i / 8)] &= quint8(~(1u << (7 - i % 8)));
            cidr = masked.toString();
        }
        const Subnet *existing = nullptr;
        for (const Subnet &s : t.subnets) {
            if (s.cidr == cidr)
                existing = &s;
        }
        if (!existing) {
            Subnet s;
            s.name = t.subnets.isEmpty() ? QStringLiteral("net") : QStringLiteral("net%1").arg(t.subnets.size() + 1);
            s.cidr = cidr;
            t.subnets << s;
            existing = &t.subnets.last();
        }
        h.subnet = existing->name;
    }
    // pg_hba lines the design does not derive by itself stay as its extra entries, in their order.
    if (!liveHba.isEmpty()) {
        const QStringList derived = PatroniConfig::pgHba(t);
        for (const QString &line : liveHba) {
            if (derived.contains(line))
                continue;
            QString options;
            const HbaRule r = LintMapper::hbaRuleFromLine(line, &options);
            if (!options.isEmpty())
                out.unmapped << QStringLiteral("pg_hba: %1 (the design has no options field; kept without \"%2\")").arg(line, options);
            t.cluster.extraHba << r;
        }
    }
    // What the files hold and the design does not generate: kept as extra settings, the rest listed.
    if (!src.files.patroni.isEmpty() || !src.files.haproxy.isEmpty() || !src.files.etcd.isEmpty())
        ExtraImport::fill(src.files, &t, &out.kept, &out.unmapped);
    t.assignUids();
    return out;
}

} // namespace pgha::LiveImport
