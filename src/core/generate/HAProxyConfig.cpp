#include "core/generate/HAProxyConfig.h"

#include "core/generate/ExtraMerge.h"
#include "core/generate/GenUtil.h"
#include "core/model/Platform.h"
#include "core/model/Secrets.h"
#include "core/pki/ClusterTls.h"

namespace pgha::HAProxyConfig {

namespace {

QString serverLines(const Topology &topology, bool replicasOnly)
{
    const Cluster &c = topology.cluster;
    // PgBouncer on the database hosts: the servers are their poolers; the checks still ask Patroni.
    const bool pooled = c.pooler.enabled && c.pooler.placement == PoolerPlacement::Database;
    const int port = pooled ? c.pooler.port : c.postgres.port;
    QString s;
    for (const Host *h : topology.hostsWith(Role::Postgres)) {
        // Patroni answers /replica with 503 for noloadbalance members anyway; leaving them out says so.
        if (replicasOnly && h->tags.noloadbalance)
            continue;
        s += QStringLiteral("    server %1 %2 maxconn %3 check port %4")
                 .arg(GenUtil::haproxyWord(h->name), GenUtil::haproxyWord(GenUtil::hostPort(h->address, port)),
                      QString::number(c.haproxy.serverMaxconn), QString::number(c.patroni.restApiPort));
        // The check asks Patroni over https and verifies its certificate by name: verifyhost with an IP
        // would not match the IP SANs.
        if (GenUtil::tls(topology))
            s += QStringLiteral(" check-ssl verify required ca-file %1 verifyhost %2")
                     .arg(GenUtil::haproxyWord(ClusterTls::caPath()), GenUtil::haproxyWord(h->name));
        s += QLatin1Char('\n');
    }
    if (s.isEmpty())
        s = QStringLiteral("    # no member may serve reads (all tagged noloadbalance)\n");
    return s;
}

QString checkLines(const Topology &topology, const QString &endpoint)
{
    const HAProxySettings &hp = topology.cluster.haproxy;
    return QStringLiteral("    option httpchk OPTIONS /%1\n"
                          "    http-check expect status 200\n"
                          // A demoted primary must lose its sessions at once, not when they time out.
                          "    default-server inter %2ms fall %3 rise %4 on-marked-down shutdown-sessions\n")
        .arg(endpoint, QString::number(hp.checkIntervalMs), QString::number(hp.fall), QString::number(hp.rise));
}

// The floating address (cluster.vip) too, held or not (ip_nonlocal_bind): clients connect to it.
QString vipBind(const Topology &topology, int port)
{
    if (!topology.cluster.vip.enabled())
        return {};
    return QStringLiteral("    bind %1\n").arg(GenUtil::haproxyWord(GenUtil::hostPort(topology.cluster.vip.address, port)));
}

} // namespace

QByteArray config(const Topology &topology, const Secrets &secrets, const Host &host)
{
    const Cluster &c = topology.cluster;
    const HAProxySettings &hp = c.haproxy;
    QString s = QString::fromUtf8(GenUtil::header(
        QStringLiteral("HAProxy on %1 for cluster %2: port %3 reaches the primary, port %4 the replicas")
            .arg(host.name, c.name, QString::number(hp.primaryPort), QString::number(hp.replicaPort))));
    s += QStringLiteral("global\n"
                        "    maxconn %1\n"
                        "    log /dev/log local0\n"
                        "    user haproxy\n"
                        "    group haproxy\n"
                        // A reload (pgha apply, docs/day2.md) refuses no connection and sends none to the wrong
                        // server: the new process takes the listening sockets over (expose-fd listeners, -x) and
                        // starts from the servers' states saved just before, not with every server UP.
                        "    stats socket %2 mode 600 level admin expose-fd listeners\n"
                        "    server-state-file %3\n")
             .arg(QString::number(hp.maxconn), adminSocketPath(), serverStatePath());
    // cluster.extra / hosts[].extra lines after the generated ones of each section, never a generated directive.
    s += ExtraMerge::haproxyLines(c.extra.haproxyGlobal, host.extra.haproxyGlobal,
                                  ExtraMerge::haproxyDirectiveKeys(s), nullptr);
    QString defaults = QStringLiteral("defaults\n"
                        "    mode tcp\n"
                        "    load-server-state-from-file global\n"
                        "    log global\n"
                        "    option tcplog\n"
                        "    retries 2\n"
                        "    timeout connect 4s\n"
                        // Long client/server timeouts: idle database sessions are normal.
                        "    timeout client 30m\n"
                        "    timeout server 30m\n"
                        "    timeout check 5s\n");
    defaults += ExtraMerge::haproxyLines(c.extra.haproxyDefaults, host.extra.haproxyDefaults,
                                         ExtraMerge::haproxyDirectiveKeys(defaults), nullptr);
    s += QLatin1Char('\n') + defaults + QLatin1Char('\n');
    s += QStringLiteral("listen stats\n"
                        "    mode http\n"
                        "    bind %1\n"
                        "    stats enable\n"
                        "    stats uri /\n"
                        "    stats refresh 10s\n"
                        "    stats auth %2\n"
                        "\n")
             .arg(GenUtil::haproxyWord(GenUtil::hostPort(host.address, hp.statsPort)),
                  GenUtil::haproxyWord(secrets.haproxyStatsUser + QLatin1Char(':') + secrets.haproxyStatsPassword));
    s += QStringLiteral("listen %1\n    bind %2\n")
             .arg(primaryProxyName(), GenUtil::haproxyWord(GenUtil::hostPort(host.address, hp.primaryPort)));
    s += vipBind(topology, hp.primaryPort);
    s += checkLines(topology, QStringLiteral("primary"));
    s += serverLines(topology, false);
    s += QLatin1Char('\n');
    s += QStringLiteral("listen %1\n    bind %2\n")
             .arg(replicaProxyName(), GenUtil::haproxyWord(GenUtil::hostPort(host.address, hp.replicaPort)));
    s += vipBind(topology, hp.replicaPort);
    s += QStringLiteral("    balance roundrobin\n");
    s += checkLines(topology, QStringLiteral("replica"));
    s += serverLines(topology, true);
    return s.toUtf8();
}

QString adminSocketPath()
{
    return QStringLiteral("/run/haproxy/admin.sock");
}

QString serverStatePath()
{
    return QStringLiteral("/run/haproxy/server-state");
}

QString primaryProxyName()
{
    return QStringLiteral("primary");
}

QString replicaProxyName()
{
    return QStringLiteral("replicas");
}

QList<GeneratedFile> files(const Topology &topology, const Secrets &secrets, const Host &host)
{
    if (!host.has(Role::HAProxy))
        return {};
    return {GenUtil::makeFile(host.name, Platform::haproxyConfigPath(), config(topology, secrets, host), 0600,
                              FileSyntax::HAProxy, true)};
}

} // namespace pgha::HAProxyConfig
