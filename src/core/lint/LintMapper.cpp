#include "core/lint/LintMapper.h"

#include "core/util/Net.h"

#include <QRegularExpression>
#include <QUrl>

namespace pgha::LintMapper {

namespace {

bool isIp(const QString &s)
{
    return IpAddress::parse(s).has_value();
}

class Mapper
{
public:
    Mapper(const LintInputs &in, const LintOptions &options) : m_in(in), m_options(options) {}

    MappedDesign run()
    {
        Topology &t = m_out.topology;
        t.hosts.clear();
        t.subnets.clear();
        if (!m_options.os.isEmpty())
            m_defaultOs = m_options.os;
        for (int i = 0; i < m_in.patroni.size(); ++i)
            mapPatroni(m_in.patroni.at(i), i);
        for (const ConfigFile &f : m_in.etcd)
            mapEtcd(f);
        if (m_in.etcd.isEmpty() && !m_in.patroni.isEmpty())
            mapPatroniEtcdEndpoints(m_in.patroni.first());
        for (int i = 0; i < m_in.haproxy.size(); ++i)
            mapHaproxy(m_in.haproxy.at(i), i);
        m_out.memberCountKnown = !m_in.haproxy.isEmpty() || m_in.patroni.size() > 1;
        for (Host &h : t.hosts)
            h.os = m_defaultOs;
        t.cluster.security.tls = m_tls;
        if (!m_out.locations.contains(QStringLiteral("cluster.security.tls")) && !m_tls)
            m_out.locations.insert(QStringLiteral("cluster.security.tls"), m_out.locations.value(QStringLiteral("cluster")));
        t.assignUids();
        return m_out;
    }

private:
    const LintInputs &m_in;
    const LintOptions &m_options;
    MappedDesign m_out;
    QString m_defaultOs = QStringLiteral("rhel8");
    bool m_tls = true;
    int m_placeholders = 0;

    static SourceLocation at(const ConfigFile &f, const ConfigEntry *e)
    {
        if (!e)
            return SourceLocation{f.path, 0, 0, {}};
        return SourceLocation{f.path, e->line, e->column, e->key};
    }

    // The first file that names a value wins (the others are copies for other nodes).
    void place(const QString &name, const SourceLocation &loc)
    {
        if (!m_out.locations.contains(name))
            m_out.locations.insert(name, loc);
    }
    void place(const QString &name, const ConfigFile &f, const QString &key)
    {
        if (const ConfigEntry *e = f.find(key))
            place(name, at(f, e));
    }

    void notTls(const SourceLocation &loc)
    {
        m_tls = false;
        place(QStringLiteral("cluster.security.tls"), loc);
        place(QStringLiteral("cluster.security"), loc);
    }

    QString placeholderAddress()
    {
        // TEST-NET-1 (RFC 5737): never a real host's, so the address rules stay quiet about it.
        return QStringLiteral("192.0.2.%1").arg(++m_placeholders);
    }

    Host *hostNamed(const QString &name)
    {
        for (Host &h : m_out.topology.hosts) {
            if (h.name == name)
                return &h;
        }
        return nullptr;
    }
    Host *hostAt(const QString &address)
    {
        const auto a = IpAddress::parse(address);
        if (!a)
            return nullptr;
        for (Host &h : m_out.topology.hosts) {
            if (IpAddress::parse(h.address) == a)
                return &h;
        }
        return nullptr;
    }
    // The host a member entry means: by address, then by name; a new one when neither is known.
    Host *member(const QString &name, const QString &address, const SourceLocation &loc)
    {
        Host *h = isIp(address) ? hostAt(address) : nullptr;
        if (!h && !name.isEmpty())
            h = hostNamed(name);
        if (h)
            return h;
        Host n;
        n.name = name.isEmpty() ? QStringLiteral("etcd%1").arg(m_out.topology.count(Role::Etcd) + 1) : name;
        n.address = address;
        if (address.isEmpty() || !isIp(address)) {
            // A name (haproxy's "server node1 node1:5432"): the file rules say what that costs.
            n.address = placeholderAddress();
            m_out.placeholderHosts.insert(n.name);
        }
        n.subnet = QString();
        m_out.topology.hosts.append(n);
        place(QStringLiteral("hosts/") + n.name, loc);
        return &m_out.topology.hosts.last();
    }

    void mapPatroni(const ConfigFile &f, int index);
    void mapPatroniCluster(const ConfigFile &f);
    void mapPatroniEtcdEndpoints(const ConfigFile &f);
    void mapEtcd(const ConfigFile &f);
    void mapHaproxy(const HaproxyCfg &cfg, int index);
};

void Mapper::mapPatroni(const ConfigFile &f, int index)
{
    QString pgHost, apiHost;
    int pgPort = 0, apiPort = 0, apiListenPort = 0;
    splitHostPort(f.value(QStringLiteral("postgresql.connect_address")), &pgHost, &pgPort);
    splitHostPort(f.value(QStringLiteral("restapi.connect_address")), &apiHost, &apiPort);
    QString ignored;
    splitHostPort(f.value(QStringLiteral("restapi.listen")), &ignored, &apiListenPort);
    const ConfigEntry *nameEntry = f.find(QStringLiteral("name"));
    Host h;
    h.name = nameEntry ? nameEntry->value : QStringLiteral("patroni%1").arg(index + 1);
    h.address = pgHost.isEmpty() ? apiHost : pgHost;
    h.roles = Role::Postgres;
    h.tags.nofailover = yamlBool(f.value(QStringLiteral("tags.nofailover")), false);
    h.tags.noloadbalance = yamlBool(f.value(QStringLiteral("tags.noloadbalance")), false);
    h.tags.nosync = yamlBool(f.value(QStringLiteral("tags.nosync")), false);
    h.tags.clonefrom = yamlBool(f.value(QStringLiteral("tags.clonefrom")), false);
    const SourceLocation hostLoc = at(f, nameEntry ? nameEntry : f.find(QStringLiteral("postgresql.connect_address")));
    const QString field = QStringLiteral("hosts[%1]").arg(m_out.topology.hosts.size());
    if (h.address.isEmpty()) {
        h.address = placeholderAddress();
        m_out.placeholderHosts.insert(h.name);
    }
    // Each patroni.yml is one member: two files with one name or address are the copy mistake the rules report.
    m_out.topology.hosts.append(h);
    m_out.locations.insert(QStringLiteral("hosts/") + h.name, hostLoc);
    m_out.locations.insert(field + QStringLiteral(".name"), hostLoc);
    place(field + QStringLiteral(".address"), f, QStringLiteral("postgresql.connect_address"));
    if (index == 0) {
        mapPatroniCluster(f);
        PostgresSettings &pg = m_out.topology.cluster.postgres;
        if (pgPort > 0)
            pg.port = pgPort;
        const int rest = apiPort > 0 ? apiPort : apiListenPort;
        if (rest > 0)
            m_out.topology.cluster.patroni.restApiPort = rest;
    }
}

void Mapper::mapPatroniCluster(const ConfigFile &f)
{
    Cluster &c = m_out.topology.cluster;
    place(QStringLiteral("cluster"), at(f, f.find(QStringLiteral("scope"))));
    c.name = f.value(QStringLiteral("scope"));
    place(QStringLiteral("cluster.name"), f, QStringLiteral("scope"));
    QString ns = f.value(QStringLiteral("namespace"));
    while (ns.startsWith(QLatin1Char('/')))
        ns.remove(0, 1);
    while (ns.endsWith(QLatin1Char('/')))
        ns.chop(1);
    c.ns = f.has(QStringLiteral("namespace")) ? ns : QStringLiteral("service");  // Patroni's default "/service/"
    place(QStringLiteral("cluster.namespace"), f, QStringLiteral("namespace"));

    // Dynamic settings: bootstrap.dcs (what a new cluster starts with).
    const QString dcs = QStringLiteral("bootstrap.dcs.");
    PatroniSettings &p = c.patroni;
    const auto intOf = [&](const char *key, auto *target) {
        const QString k = dcs + QLatin1String(key);
        if (const ConfigEntry *e = f.find(k)) {
            bool ok = false;
            const qint64 v = e->value.toLongLong(&ok);
            if (ok)
                *target = decltype(+*target)(v);
            place(QStringLiteral("cluster.patroni.") + QLatin1String(key), at(f, e));
        }
    };
    intOf("ttl", &p.ttl);
    intOf("loop_wait", &p.loopWait);
    intOf("retry_timeout", &p.retryTimeout);
    intOf("maximum_lag_on_failover", &p.maximumLagOnFailover);
    const QString sync = f.value(dcs + QStringLiteral("synchronous_mode")).trimmed().toLower();
    p.synchronousQuorum = sync == QLatin1String("quorum");
    p.synchronousMode = p.synchronousQuorum || yamlBool(sync, false);
    p.synchronousModeStrict = yamlBool(f.value(dcs + QStringLiteral("synchronous_mode_strict")), false);
    p.failsafeMode = yamlBool(f.value(dcs + QStringLiteral("failsafe_mode")), false);  // Patroni's default: off
    for (const char *key : {"synchronous_mode", "synchronous_mode_strict", "failsafe_mode"})
        place(QStringLiteral("cluster.patroni.") + QLatin1String(key), f, dcs + QLatin1String(key));
    place(QStringLiteral("cluster.patroni"), f, QStringLiteral("bootstrap.dcs"));

    PostgresSettings &pg = c.postgres;
    pg.usePgRewind = yamlBool(f.value(dcs + QStringLiteral("postgresql.use_pg_rewind")), false);
    pg.useSlots = yamlBool(f.value(dcs + QStringLiteral("postgresql.use_slots")), true);
    pg.parameters.clear();
    for (const QString &section : QStringList{dcs + QStringLiteral("postgresql.parameters"), QStringLiteral("postgresql.parameters")}) {
        for (const ConfigEntry *e : f.children(section)) {
            const QString name = ConfigFile::childName(section, e->key);
            pg.parameters.insert(name, e->value);
            m_out.locations.insert(QStringLiteral("cluster.postgres.parameters.") + name, at(f, e));
        }
        place(QStringLiteral("cluster.postgres.parameters"), f, section);
    }
    pg.dataChecksums = false;
    for (const ConfigEntry *e : f.children(QStringLiteral("bootstrap.initdb"))) {
        if (e->value == QLatin1String("data-checksums"))
            pg.dataChecksums = true;
    }
    pg.dataDir = f.value(QStringLiteral("postgresql.data_dir"));
    place(QStringLiteral("cluster.postgres.data_dir"), f, QStringLiteral("postgresql.data_dir"));

    // The major version: --postgres-version, else the number in bin_dir (/usr/pgsql-12/bin,
    // /usr/lib/postgresql/16/bin) or data_dir (/var/lib/pgsql/16/data).
    static const QRegularExpression versionInPath(QStringLiteral("(?:pgsql-|pgsql/|postgresql/|postgresql-)(\\d{1,2})(?:/|$)"));
    const QString binDir = f.value(QStringLiteral("postgresql.bin_dir"));
    if (m_options.postgresVersion > 0) {
        pg.version = m_options.postgresVersion;
    } else {
        for (const QString &key : {QStringLiteral("postgresql.bin_dir"), QStringLiteral("postgresql.data_dir")}) {
            const QRegularExpressionMatch m = versionInPath.match(f.value(key));
            if (m.hasMatch()) {
                pg.version = m.captured(1).toInt();
                place(QStringLiteral("cluster.postgres.version"), f, key);
                break;
            }
        }
    }
    place(QStringLiteral("cluster.postgres.version"), f, QStringLiteral("postgresql"));
    place(QStringLiteral("cluster.postgres.distribution"), m_out.locations.value(QStringLiteral("cluster.postgres.version")));
    if (m_options.os.isEmpty() && binDir.startsWith(QLatin1String("/usr/lib/postgresql/")))
        m_defaultOs = QStringLiteral("debian12");

    // Users and their passwords (the secrets rules judge them like a secrets file's).
    const QString auth = QStringLiteral("postgresql.authentication.");
    struct Account
    {
        const char *role;
        QString *user;
        QString *password;
        const char *secretKey;
    };
    Secrets &s = m_out.secrets;
    const Account accounts[] = {{"superuser", &c.users.superuser, &s.superuserPassword, "superuser_password"},
                                {"replication", &c.users.replication, &s.replicationPassword, "replication_password"},
                                {"rewind", &c.users.rewind, &s.rewindPassword, "rewind_password"}};
    for (const Account &a : accounts) {
        const QString base = auth + QLatin1String(a.role);
        if (const ConfigEntry *u = f.find(base + QStringLiteral(".username"))) {
            *a.user = u->value;
            place(QStringLiteral("cluster.users.") + QLatin1String(a.role), at(f, u));
        }
        if (const ConfigEntry *pw = f.find(base + QStringLiteral(".password"))) {
            *a.password = pw->value;
            place(QStringLiteral("secrets.") + QLatin1String(a.secretKey), at(f, pw));
        }
    }
    if (const ConfigEntry *u = f.find(QStringLiteral("restapi.authentication.username"))) {
        s.restApiUser = u->value;
        place(QStringLiteral("secrets.restapi_user"), at(f, u));
    }
    if (const ConfigEntry *pw = f.find(QStringLiteral("restapi.authentication.password"))) {
        s.restApiPassword = pw->value;
        place(QStringLiteral("secrets.restapi_password"), at(f, pw));
    }

    // pg_hba: postgresql.pg_hba (what Patroni writes) and bootstrap.pg_hba (the first one); a line in both once.
    QStringList seen;
    for (const QString &list : {QStringLiteral("postgresql.pg_hba"), QStringLiteral("bootstrap.pg_hba")}) {
        for (const ConfigEntry *e : f.children(list)) {
            const QString line = e->value.simplified();
            if (line.isEmpty() || seen.contains(line))
                continue;
            seen << line;
            const HbaRule r = hbaRuleFromLine(line);
            m_out.locations.insert(QStringLiteral("cluster.pg_hba[%1]").arg(c.extraHba.size()), at(f, e));
            c.extraHba << r;
        }
    }

    // TLS: the REST API with a certificate, etcd over https and PostgreSQL with ssl on.
    if (!f.has(QStringLiteral("restapi.certfile")))
        notTls(at(f, f.find(QStringLiteral("restapi"))));
    const QString etcd = patroniEtcdSection(f);
    if (!etcd.isEmpty() && f.value(etcd + QStringLiteral(".protocol")) != QLatin1String("https")
        && !f.has(etcd + QStringLiteral(".cacert")))
        notTls(at(f, f.find(etcd)));
    if (!yamlBool(pg.parameters.value(QStringLiteral("ssl")), false))
        notTls(at(f, f.find(QStringLiteral("postgresql"))));
}

void Mapper::mapPatroniEtcdEndpoints(const ConfigFile &f)
{
    // Without etcd's own files the members are those Patroni names (etcd-quorum needs etcd's files to judge).
    const QString section = patroniEtcdSection(f);
    const SourceLocation loc = at(f, f.find(section));
    place(QStringLiteral("cluster.etcd"), loc);
    for (const QString &endpoint : patroniEtcdEndpoints(f)) {
        QString host;
        int port = 0;
        splitHostPort(endpoint, &host, &port);
        if (port > 0)
            m_out.topology.cluster.etcd.clientPort = port;
        Host *h = member(QString(), host, loc);
        h->roles |= Role::Etcd;
    }
}

void Mapper::mapEtcd(const ConfigFile &f)
{
    EtcdSettings &e = m_out.topology.cluster.etcd;
    const ConfigEntry *cluster = etcdEntry(f, QStringLiteral("initial-cluster"));
    place(QStringLiteral("cluster.etcd"), at(f, cluster ? cluster : etcdEntry(f, QStringLiteral("name"))));
    if (const ConfigEntry *token = etcdEntry(f, QStringLiteral("initial-cluster-token"))) {
        e.token = token->value;
        place(QStringLiteral("cluster.etcd.token"), at(f, token));
    }
    for (const char *key : {"listen-client-urls", "advertise-client-urls", "listen-peer-urls",
                            "initial-advertise-peer-urls"}) {
        const ConfigEntry *urls = etcdEntry(f, QString::fromLatin1(key));
        if (urls && urls->value.contains(QLatin1String("http://")))
            notTls(at(f, urls));
    }
    if (const ConfigEntry *adv = etcdEntry(f, QStringLiteral("advertise-client-urls"))) {
        const int port = QUrl(adv->value.section(QLatin1Char(','), 0, 0).trimmed()).port();
        if (port > 0)
            e.clientPort = port;
    }
    const ConfigEntry *name = etcdEntry(f, QStringLiteral("name"));
    if (!cluster)
        return;
    m_out.etcdMembersKnown = true;
    for (const QString &part : cluster->value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString memberName = part.section(QLatin1Char('='), 0, 0).trimmed();
        const QUrl url(part.section(QLatin1Char('='), 1).trimmed());
        if (url.port() > 0)
            e.peerPort = url.port();
        const SourceLocation loc = at(f, name && name->value == memberName ? name : cluster);
        Host *h = member(memberName, url.host(), loc);
        h->roles |= Role::Etcd;
    }
}

void Mapper::mapHaproxy(const HaproxyCfg &cfg, int index)
{
    HAProxySettings &hp = m_out.topology.cluster.haproxy;
    const auto loc = [&](const HaproxyDirective *d, const HaproxySection *s) {
        if (d)
            return SourceLocation{cfg.path, d->line, 1, d->text};
        return SourceLocation{cfg.path, s ? s->line : 0, 1, s ? s->type + QLatin1Char(' ') + s->name : QString()};
    };
    hp.maxconn = 1 << 20;  // HAProxy derives it from the file descriptor limit when global sets none
    hp.serverMaxconn = 0;  // no per-server limit
    hp.checkIntervalMs = 2000;  // HAProxy's defaults: inter 2s fall 3 rise 2
    hp.fall = 3;
    hp.rise = 2;
    QString bindAddress;
    const HaproxyDirective *defaultServer = nullptr;
    for (const HaproxySection &s : cfg.sections) {
        if (s.type == QLatin1String("global")) {
            if (const HaproxyDirective *d = s.first(QStringLiteral("maxconn"))) {
                hp.maxconn = d->args.value(0).toInt();
                place(QStringLiteral("cluster.haproxy.maxconn"), loc(d, &s));
            }
        } else if (s.type == QLatin1String("defaults")) {
            if (const HaproxyDirective *d = s.first(QStringLiteral("default-server")))
                defaultServer = d;
        }
    }
    for (const HaproxySection &s : cfg.sections) {
        if (s.type != QLatin1String("listen") && s.type != QLatin1String("backend"))
            continue;
        int port = 0;
        if (const HaproxyDirective *b = s.first(QStringLiteral("bind"))) {
            QString host;
            splitHostPort(b->args.value(0), &host, &port);
            if (bindAddress.isEmpty() && isIp(host))
                bindAddress = host;
        }
        const bool stats = s.first(QStringLiteral("stats")) != nullptr;
        if (stats) {
            if (port > 0)
                hp.statsPort = port;
            for (const HaproxyDirective *d : s.all(QStringLiteral("stats"))) {
                if (d->args.value(0) == QLatin1String("auth")) {
                    const QString cred = d->args.value(1);
                    m_out.secrets.haproxyStatsUser = cred.section(QLatin1Char(':'), 0, 0);
                    m_out.secrets.haproxyStatsPassword = cred.section(QLatin1Char(':'), 1);
                    place(QStringLiteral("secrets.haproxy_stats_password"), loc(d, &s));
                }
            }
            continue;
        }
        const HaproxyDirective *chk = s.first(QStringLiteral("option"));
        QString check;
        for (const HaproxyDirective *o : s.all(QStringLiteral("option"))) {
            if (o->args.value(0) == QLatin1String("httpchk"))
                check = o->args.join(QLatin1Char(' '));
        }
        static const QRegularExpression primaryPath(QStringLiteral("/(primary|master|leader|read-write)\\b"));
        static const QRegularExpression replicaPath(QStringLiteral("/(replica|read-only|standby|async|sync)\\b"));
        const bool isPrimary = primaryPath.match(check).hasMatch()
            || (check.isEmpty() && s.name.contains(QLatin1String("primary")));
        const bool isReplica = replicaPath.match(check).hasMatch();
        Q_UNUSED(chk)
        if (isPrimary) {
            if (port > 0)
                hp.primaryPort = port;
            place(QStringLiteral("cluster.haproxy"), loc(nullptr, &s));
            place(QStringLiteral("cluster.haproxy.primary_port"), loc(s.first(QStringLiteral("bind")), &s));
            const HaproxyDirective *ds = s.first(QStringLiteral("default-server"));
            if (!ds)
                ds = defaultServer;
            const QList<const HaproxyDirective *> servers = s.all(QStringLiteral("server"));
            const HaproxyDirective *timing = ds;
            if ((!timing || !timing->hasArg(QStringLiteral("inter"))) && !servers.isEmpty()
                && servers.first()->hasArg(QStringLiteral("inter")))
                timing = servers.first();
            if (timing) {
                const qint64 inter = HaproxyCfgParser::timeMs(timing->argAfter(QStringLiteral("inter")));
                if (inter > 0)
                    hp.checkIntervalMs = int(inter);
                if (timing->hasArg(QStringLiteral("fall")))
                    hp.fall = timing->argAfter(QStringLiteral("fall")).toInt();
                if (timing->hasArg(QStringLiteral("rise")))
                    hp.rise = timing->argAfter(QStringLiteral("rise")).toInt();
            }
            place(QStringLiteral("cluster.haproxy.check_interval_ms"),
                  loc(timing ? timing : (servers.isEmpty() ? nullptr : servers.first()), &s));
            for (const HaproxyDirective *sv : servers) {
                const QString mc = sv->argAfter(QStringLiteral("maxconn"));
                if (!mc.isEmpty() && hp.serverMaxconn == 0) {
                    hp.serverMaxconn = mc.toInt();
                    place(QStringLiteral("cluster.haproxy.server_maxconn"), loc(sv, &s));
                }
                const QString checkPort = sv->argAfter(QStringLiteral("port"));
                if (!checkPort.isEmpty() && m_in.patroni.isEmpty())
                    m_out.topology.cluster.patroni.restApiPort = checkPort.toInt();
            }
        } else if (isReplica && port > 0) {
            hp.replicaPort = port;
            place(QStringLiteral("cluster.haproxy.replica_port"), loc(s.first(QStringLiteral("bind")), &s));
        }
        // Every server of the primary and replica listeners is a PostgreSQL member.
        for (const HaproxyDirective *sv : s.all(QStringLiteral("server"))) {
            QString host;
            int pgPort = 0;
            splitHostPort(sv->args.value(1), &host, &pgPort);
            if (pgPort > 0 && m_in.patroni.isEmpty())
                m_out.topology.cluster.postgres.port = pgPort;
            Host *h = member(sv->args.value(0), host, loc(sv, &s));
            h->roles |= Role::Postgres;
        }
    }
    if (Host *shared = bindAddress.isEmpty() ? nullptr : hostAt(bindAddress)) {
        shared->roles |= Role::HAProxy;  // HAProxy on a database or etcd host
        return;
    }
    Host lb;
    lb.name = index == 0 ? QStringLiteral("haproxy") : QStringLiteral("haproxy%1").arg(index + 1);
    lb.roles = Role::HAProxy;
    lb.address = bindAddress;
    if (lb.address.isEmpty()) {
        lb.address = placeholderAddress();
        m_out.placeholderHosts.insert(lb.name);
    }
    m_out.topology.hosts.append(lb);
    place(QStringLiteral("hosts/") + lb.name, SourceLocation{cfg.path, cfg.sections.isEmpty() ? 0 : cfg.sections.first().line, 1, {}});
    place(QStringLiteral("cluster"), SourceLocation{cfg.path, cfg.sections.isEmpty() ? 0 : cfg.sections.first().line, 1, {}});
}

} // namespace

MappedDesign map(const LintInputs &inputs, const LintOptions &options)
{
    return Mapper(inputs, options).run();
}

} // namespace pgha::LintMapper
