// ProjectFile's reader, the cluster block: cluster.postgres, .patroni, .etcd, .haproxy, .users, .pg_hba,
// .security, .pooler, .vip, .backup (docs/project-file.md). Subnets and hosts: ProjectFileReader.cpp.
#include "core/project/ClusterReader.h"
#include "core/project/ExtraSettingsYaml.h"

#include "core/model/Topology.h"
#include "core/util/Grammar.h"

#include <QRegularExpression>

namespace pgha {
namespace ProjectRead {
namespace {

void readPostgres(const ProjectFieldReader &r, const YAML::Node &n, PostgresSettings *pg)
{
    const QString f = QStringLiteral("cluster.postgres");
    r.requireMap(n, f);
    r.checkKeys(n, f, {"version", "distribution", "port", "parameters", "use_pg_rewind", "use_slots",
                       "data_checksums", "data_dir", "package_version"});
    if (n["version"])
        pg->version = int(r.integer(n["version"], f + QStringLiteral(".version"), 9, 99));
    if (n["distribution"]) {
        pg->distribution = r.str(n["distribution"], f + QStringLiteral(".distribution"));
        if (pg->distribution != QLatin1String("percona") && pg->distribution != QLatin1String("pgdg")
            && pg->distribution != QLatin1String("os"))
            r.fail(n["distribution"], f + QStringLiteral(".distribution"),
                   QStringLiteral("\"%1\" is not one of percona, pgdg, os").arg(pg->distribution));
    }
    if (n["port"])
        pg->port = r.port(n["port"], f + QStringLiteral(".port"));
    if (n["parameters"]) {
        const YAML::Node p = n["parameters"];
        const QString pf = f + QStringLiteral(".parameters");
        if (p.IsNull()) {
        } else {
            r.requireMap(p, pf);
            for (auto it = p.begin(); it != p.end(); ++it) {
                const QString k = QString::fromStdString(it->first.Scalar());
                pg->parameters.insert(k, r.str(it->second, pf + QLatin1Char('.') + k));
                r.mark(it->first, pf + QLatin1Char('.') + k);  // findings about a parameter point at its name
            }
        }
    }
    if (n["use_pg_rewind"])
        pg->usePgRewind = r.boolean(n["use_pg_rewind"], f + QStringLiteral(".use_pg_rewind"));
    if (n["use_slots"])
        pg->useSlots = r.boolean(n["use_slots"], f + QStringLiteral(".use_slots"));
    if (n["data_checksums"])
        pg->dataChecksums = r.boolean(n["data_checksums"], f + QStringLiteral(".data_checksums"));
    if (n["data_dir"])
        pg->dataDir = r.str(n["data_dir"], f + QStringLiteral(".data_dir"));
    if (n["package_version"]) {
        // Reaches apt-get's / dnf's command line: a distribution version's characters only.
        pg->packageVersion = r.str(n["package_version"], f + QStringLiteral(".package_version"));
        static const QRegularExpression pkg(QStringLiteral("^([0-9]{1,9}:)?[0-9][A-Za-z0-9.+~_-]{0,63}$"));
        if (!pg->packageVersion.isEmpty() && !pkg.match(pg->packageVersion).hasMatch())
            r.fail(n["package_version"], f + QStringLiteral(".package_version"),
                   QStringLiteral("\"%1\" is not a package version such as \"15.14-0+deb12u1\"").arg(pg->packageVersion));
    }
}

void readPatroni(const ProjectFieldReader &r, const YAML::Node &n, PatroniSettings *p)
{
    const QString f = QStringLiteral("cluster.patroni");
    r.requireMap(n, f);
    r.checkKeys(n, f, {"install", "version", "ttl", "loop_wait", "retry_timeout", "maximum_lag_on_failover",
                       "synchronous_mode", "synchronous_mode_strict", "failsafe_mode", "restapi_port", "pip_find_links"});
    if (n["install"]) {
        const QString key = r.str(n["install"], f + QStringLiteral(".install"));
        if (!patroniInstallFromKey(key, &p->install))
            r.fail(n["install"], f + QStringLiteral(".install"),
                   QStringLiteral("\"%1\" is not one of package, pip").arg(key));
    }
    if (n["version"]) {
        // Reaches pip's command line and the install scripts: digits and dots only.
        p->version = r.str(n["version"], f + QStringLiteral(".version"));
        static const QRegularExpression exact(QStringLiteral("^[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}$"));
        if (!exact.match(p->version).hasMatch())
            r.fail(n["version"], f + QStringLiteral(".version"),
                   QStringLiteral("\"%1\" is not an exact Patroni release such as \"4.1.5\"").arg(p->version));
    }
    if (p->install == PatroniInstall::Pip && p->version.isEmpty())
        r.fail(n["install"], f + QStringLiteral(".version"),
               QStringLiteral("install: pip needs the exact release to install, e.g. version: \"4.1.5\""));
    const auto sec = [&](const char *key, int *out) {
        if (n[key])
            *out = int(r.integer(n[key], f + QLatin1Char('.') + QLatin1String(key), 0, 86400));
    };
    sec("ttl", &p->ttl);
    sec("loop_wait", &p->loopWait);
    sec("retry_timeout", &p->retryTimeout);
    if (n["maximum_lag_on_failover"])
        p->maximumLagOnFailover = r.integer(n["maximum_lag_on_failover"],
                                            f + QStringLiteral(".maximum_lag_on_failover"), 0,
                                            Q_INT64_C(1) << 50);
    if (n["synchronous_mode"]) {
        const YAML::Node m = n["synchronous_mode"];
        // true | false | quorum (Patroni 4.0+)
        p->synchronousQuorum = m.IsScalar() && m.Scalar() == "quorum";
        p->synchronousMode = p->synchronousQuorum || r.boolean(m, f + QStringLiteral(".synchronous_mode"));
    }
    if (n["synchronous_mode_strict"])
        p->synchronousModeStrict =
            r.boolean(n["synchronous_mode_strict"], f + QStringLiteral(".synchronous_mode_strict"));
    if (n["failsafe_mode"])
        p->failsafeMode = r.boolean(n["failsafe_mode"], f + QStringLiteral(".failsafe_mode"));
    if (n["restapi_port"])
        p->restApiPort = r.port(n["restapi_port"], f + QStringLiteral(".restapi_port"));
    if (n["pip_find_links"]) {
        p->pipFindLinks = r.str(n["pip_find_links"], f + QStringLiteral(".pip_find_links"));
        const QString why = Grammar::dataDirProblem(p->pipFindLinks);
        if (!p->pipFindLinks.isEmpty() && !why.isEmpty())
            r.fail(n["pip_find_links"], f + QStringLiteral(".pip_find_links"),
                   QStringLiteral("the wheel directory \"%1\" %2").arg(p->pipFindLinks, why));
    }
}

void readEtcd(const ProjectFieldReader &r, const YAML::Node &n, EtcdSettings *e)
{
    const QString f = QStringLiteral("cluster.etcd");
    r.requireMap(n, f);
    r.checkKeys(n, f, {"client_port", "peer_port", "token"});
    if (n["client_port"])
        e->clientPort = r.port(n["client_port"], f + QStringLiteral(".client_port"));
    if (n["peer_port"])
        e->peerPort = r.port(n["peer_port"], f + QStringLiteral(".peer_port"));
    if (n["token"])
        e->token = r.str(n["token"], f + QStringLiteral(".token"));
}

void readHAProxy(const ProjectFieldReader &r, const YAML::Node &n, HAProxySettings *h)
{
    const QString f = QStringLiteral("cluster.haproxy");
    r.requireMap(n, f);
    r.checkKeys(n, f, {"primary_port", "replica_port", "stats_port", "maxconn", "server_maxconn",
                       "check_interval_ms", "fall", "rise"});
    if (n["primary_port"])
        h->primaryPort = r.port(n["primary_port"], f + QStringLiteral(".primary_port"));
    if (n["replica_port"])
        h->replicaPort = r.port(n["replica_port"], f + QStringLiteral(".replica_port"));
    if (n["stats_port"])
        h->statsPort = r.port(n["stats_port"], f + QStringLiteral(".stats_port"));
    if (n["maxconn"])
        h->maxconn = int(r.integer(n["maxconn"], f + QStringLiteral(".maxconn"), 1, 10000000));
    if (n["server_maxconn"])
        h->serverMaxconn = int(r.integer(n["server_maxconn"], f + QStringLiteral(".server_maxconn"), 1, 10000000));
    if (n["check_interval_ms"])
        h->checkIntervalMs =
            int(r.integer(n["check_interval_ms"], f + QStringLiteral(".check_interval_ms"), 10, 3600000));
    if (n["fall"])
        h->fall = int(r.integer(n["fall"], f + QStringLiteral(".fall"), 1, 1000));
    if (n["rise"])
        h->rise = int(r.integer(n["rise"], f + QStringLiteral(".rise"), 1, 1000));
}

void readUsers(const ProjectFieldReader &r, const YAML::Node &n, UserNames *u)
{
    const QString f = QStringLiteral("cluster.users");
    r.requireMap(n, f);
    r.checkKeys(n, f, {"superuser", "replication", "rewind"});
    const auto name = [&](const char *key, QString *out) {
        if (!n[key])
            return;
        const QString field = f + QLatin1Char('.') + QLatin1String(key);
        *out = r.str(n[key], field);
        if (out->isEmpty())
            r.fail(n[key], field, QStringLiteral("a user name cannot be empty"));
    };
    name("superuser", &u->superuser);
    name("replication", &u->replication);
    name("rewind", &u->rewind);
    // A password here would end up in version control: refuse it outright.
}

void readSecurity(const ProjectFieldReader &r, const YAML::Node &n, SecuritySettings *sec)
{
    const QString f = QStringLiteral("cluster.security");
    r.requireMap(n, f);
    r.checkKeys(n, f, {"tls", "ca", "cert_warn_days"});
    if (n["tls"])
        sec->tls = r.boolean(n["tls"], f + QStringLiteral(".tls"));
    if (n["ca"]) {
        sec->ca = r.str(n["ca"], f + QStringLiteral(".ca"));
        if (sec->ca != QLatin1String("generated") && sec->ca != QLatin1String("supplied"))
            r.fail(n["ca"], f + QStringLiteral(".ca"),
                   QStringLiteral("unknown value \"%1\" (expected generated or supplied)").arg(sec->ca));
    }
    if (n["cert_warn_days"])
        sec->certWarnDays = int(r.integer(n["cert_warn_days"], f + QStringLiteral(".cert_warn_days"), 1, 3650));
}

void readPooler(const ProjectFieldReader &r, const YAML::Node &n, PoolerSettings *p)
{
    const QString f = QStringLiteral("cluster.pooler");
    r.requireMap(n, f);
    r.checkKeys(n, f, {"enabled", "placement", "port", "pool_mode", "default_pool_size", "max_client_conn",
                       "auth_user"});
    if (n["enabled"])
        p->enabled = r.boolean(n["enabled"], f + QStringLiteral(".enabled"));
    if (n["placement"]) {
        const QString key = r.str(n["placement"], f + QStringLiteral(".placement"));
        if (!poolerPlacementFromKey(key, &p->placement))
            r.fail(n["placement"], f + QStringLiteral(".placement"),
                   QStringLiteral("\"%1\" is not one of database, haproxy").arg(key));
    }
    if (n["port"])
        p->port = r.port(n["port"], f + QStringLiteral(".port"));
    if (n["pool_mode"]) {
        // Reaches pgbouncer.ini as a bare word: one of PgBouncer's three modes, nothing else.
        p->poolMode = r.str(n["pool_mode"], f + QStringLiteral(".pool_mode"));
        if (!isPoolMode(p->poolMode))
            r.fail(n["pool_mode"], f + QStringLiteral(".pool_mode"),
                   QStringLiteral("\"%1\" is not one of session, transaction, statement").arg(p->poolMode));
    }
    if (n["default_pool_size"])
        p->defaultPoolSize = int(r.integer(n["default_pool_size"], f + QStringLiteral(".default_pool_size"), 1, 100000));
    if (n["max_client_conn"])
        p->maxClientConn = int(r.integer(n["max_client_conn"], f + QStringLiteral(".max_client_conn"), 1, 1000000));
    if (n["auth_user"]) {
        // A role name (rule invalid-role-name checks its grammar); empty is refused here.
        p->authUser = r.str(n["auth_user"], f + QStringLiteral(".auth_user"));
        if (p->authUser.isEmpty())
            r.fail(n["auth_user"], f + QStringLiteral(".auth_user"), QStringLiteral("a user name cannot be empty"));
    }
}

void readVip(const ProjectFieldReader &r, const YAML::Node &n, VipSettings *vip)
{
    const QString f = QStringLiteral("cluster.vip");
    if (n.IsNull())
        return;
    r.requireMap(n, f);
    r.checkKeys(n, f, {"address", "virtual_router_id", "interface"});
    if (!n["address"])
        r.fail(n, f + QStringLiteral(".address"), QStringLiteral("a floating address needs an address"));
    vip->address = r.str(n["address"], f + QStringLiteral(".address"));
    if (vip->address.isEmpty())
        r.fail(n["address"], f + QStringLiteral(".address"), QStringLiteral("the address cannot be empty"));
    // The range keepalived accepts is the rule vip-router-id's (docs/validation-rules.md).
    if (n["virtual_router_id"])
        vip->virtualRouterId = int(r.integer(n["virtual_router_id"], f + QStringLiteral(".virtual_router_id"), 0, 65535));
    if (n["interface"])
        vip->interface = r.str(n["interface"], f + QStringLiteral(".interface"));
}

// cluster.backup (docs/backups.md): present = backups on. The grammars of path and schedules are the rule
// backup-invalid's (BackupRules.cpp), so that designer edits meet the same check.
void readBackup(const ProjectFieldReader &r, const YAML::Node &n, BackupSettings *b)
{
    const QString f = QStringLiteral("cluster.backup");
    b->enabled = true;
    if (n.IsNull())
        return;
    r.requireMap(n, f);
    r.checkKeys(n, f, {"repository", "transport", "path", "retention_full", "full", "diff", "archive_timeout",
                       "tls_port", "initial_full"});
    if (n["repository"])
        b->repository = r.str(n["repository"], f + QStringLiteral(".repository"));
    if (n["transport"]) {
        b->transport = r.str(n["transport"], f + QStringLiteral(".transport"));
        if (b->transport != QLatin1String("tls") && b->transport != QLatin1String("ssh"))
            r.fail(n["transport"], f + QStringLiteral(".transport"),
                   QStringLiteral("\"%1\" is not one of tls, ssh").arg(b->transport));
    }
    if (n["path"])
        b->path = r.str(n["path"], f + QStringLiteral(".path"));
    if (n["retention_full"])
        b->retentionFull = int(r.integer(n["retention_full"], f + QStringLiteral(".retention_full"), 1, 9999));
    if (n["full"])
        b->full = r.str(n["full"], f + QStringLiteral(".full"));
    if (n["diff"])
        b->diff = n["diff"].IsNull() ? QString() : r.str(n["diff"], f + QStringLiteral(".diff"));
    if (n["archive_timeout"])
        b->archiveTimeout = int(r.integer(n["archive_timeout"], f + QStringLiteral(".archive_timeout"), 0, 86400));
    if (n["tls_port"])
        b->tlsPort = r.port(n["tls_port"], f + QStringLiteral(".tls_port"));
    if (n["initial_full"])
        b->initialFull = r.boolean(n["initial_full"], f + QStringLiteral(".initial_full"));
}

void readHba(const ProjectFieldReader &r, const YAML::Node &n, QList<HbaRule> *rules)
{
    const QString f = QStringLiteral("cluster.pg_hba");
    if (!n.IsSequence())
        r.fail(n, f, QStringLiteral("expected a list of rules"));
    for (std::size_t i = 0; i < n.size(); ++i) {
        const YAML::Node e = n[i];
        const QString ef = f + QStringLiteral("[%1]").arg(i);
        r.requireMap(e, ef);
        r.mark(e, ef);
        r.checkKeys(e, ef, {"type", "database", "user", "address", "method"});
        HbaRule rule;
        if (e["type"])
            rule.type = r.str(e["type"], ef + QStringLiteral(".type"));
        if (e["database"])
            rule.database = r.str(e["database"], ef + QStringLiteral(".database"));
        if (e["user"])
            rule.user = r.str(e["user"], ef + QStringLiteral(".user"));
        if (e["address"])
            rule.address = r.str(e["address"], ef + QStringLiteral(".address"));
        if (e["method"])
            rule.method = r.str(e["method"], ef + QStringLiteral(".method"));
        rules->append(rule);
    }
}

} // namespace

void refuseSecrets(const ProjectFieldReader &r, const YAML::Node &map, const QString &field)
{
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString key = QString::fromStdString(it->first.Scalar()).toLower();
        if (key.contains(QLatin1String("password")) || key == QLatin1String("secrets"))
            r.fail(it->first, ProjectFieldReader::join(field, key),
                   QStringLiteral("secrets are never stored in the project file; pass them with --secrets FILE "
                                  "or PGHA_*_PASSWORD environment variables"));
    }
}

void readCluster(const ProjectFieldReader &r, const YAML::Node &n, Cluster *c)
{
    const QString f = QStringLiteral("cluster");
    r.requireMap(n, f);
    refuseSecrets(r, n, f);
    r.checkKeys(n, f, {"name", "namespace", "postgres", "patroni", "etcd", "haproxy", "users", "pg_hba",
                       "security", "pooler", "vip", "backup", "extra"});
    if (n["name"])
        c->name = r.str(n["name"], QStringLiteral("cluster.name"));
    if (n["namespace"])
        c->ns = r.str(n["namespace"], QStringLiteral("cluster.namespace"));
    if (n["postgres"])
        readPostgres(r, n["postgres"], &c->postgres);
    if (n["patroni"])
        readPatroni(r, n["patroni"], &c->patroni);
    if (n["etcd"])
        readEtcd(r, n["etcd"], &c->etcd);
    if (n["haproxy"])
        readHAProxy(r, n["haproxy"], &c->haproxy);
    if (n["users"]) {
        refuseSecrets(r, n["users"], QStringLiteral("cluster.users"));
        readUsers(r, n["users"], &c->users);
    }
    if (n["pg_hba"])
        readHba(r, n["pg_hba"], &c->extraHba);
    if (n["security"])
        readSecurity(r, n["security"], &c->security);
    if (n["pooler"]) {
        refuseSecrets(r, n["pooler"], QStringLiteral("cluster.pooler"));
        readPooler(r, n["pooler"], &c->pooler);
    }
    if (n["vip"])
        readVip(r, n["vip"], &c->vip);
    if (n["backup"])
        readBackup(r, n["backup"], &c->backup);
    if (n["extra"])
        ExtraSettingsYaml::read(r, n["extra"], QStringLiteral("cluster.extra"), &c->extra);
}

} // namespace ProjectRead
} // namespace pgha
