#include "core/generate/KeepalivedConfig.h"

#include "core/generate/GenUtil.h"
#include "core/model/Secrets.h"
#include "core/util/Net.h"
#include "core/util/ShellQuote.h"

namespace pgha::KeepalivedConfig {

namespace {

QString word(const QString &value)
{
    return GenUtil::keepalivedWord(value);
}

} // namespace

QString configPath()
{
    return QStringLiteral("/etc/keepalived/keepalived.conf");
}

QString interfacePath()
{
    return QStringLiteral("/etc/keepalived/pgha-interface.conf");
}

QString sysctlPath()
{
    return QStringLiteral("/etc/sysctl.d/90-pgha-vip.conf");
}

QString instanceName()
{
    return QStringLiteral("pgha_vip");
}

bool applies(const Topology &topology, const Host &host)
{
    return topology.cluster.vip.enabled() && host.has(Role::HAProxy);
}

int priority(const Topology &topology, const Host &host)
{
    if (host.vipPriority > 0)
        return host.vipPriority;
    int i = 0;
    for (const Host *h : topology.hostsWith(Role::HAProxy)) {
        if (h->name == host.name)
            break;
        ++i;
    }
    return qMax(1, 150 - 10 * i);
}

QString vipCidr(const Topology &topology, const Host &host)
{
    int prefix = 32;
    if (const Subnet *s = topology.subnetByName(host.subnet)) {
        if (const std::optional<Cidr> c = Cidr::parse(s->cidr); c && c->network.family == IpAddress::Family::V4)
            prefix = c->prefix;
    }
    return topology.cluster.vip.address + QLatin1Char('/') + QString::number(prefix);
}

QByteArray config(const Topology &topology, const Secrets &secrets, const Host &host)
{
    const Cluster &c = topology.cluster;
    const VipSettings &vip = c.vip;
    QString s = QString::fromUtf8(GenUtil::header(
        QStringLiteral("keepalived on %1 for cluster %2: the floating address %3 follows a working HAProxy")
            .arg(host.name, c.name, GenUtil::commentText(vip.address))));
    if (vip.interface.isEmpty()) {
        // The interface holding this host's address, written on the host by the install script / deploy.
        s += QStringLiteral("include %1\n\n").arg(interfacePath());
    }
    s += QStringLiteral("global_defs {\n"
                        "    router_id %1\n"
                        // The track script runs as root; keepalived then insists its path is root's only.
                        "    script_user root\n"
                        "    enable_script_security\n"
                        "}\n\n")
             .arg(word(host.name));
    // This host's HAProxy, not any: the check connects to its own stats listener (a PID check would see
    // other HAProxys on a machine with network namespaces, and says nothing about the listener).
    s += QStringLiteral("vrrp_script pgha_check_haproxy {\n"
                        "    script \"/usr/bin/timeout 1 /bin/bash -c '</dev/tcp/%1/%2'\"\n"
                        "    interval 1\n"
                        "    fall 2\n"
                        "    rise 2\n"
                        "}\n\n")
             .arg(word(host.address))
             .arg(c.haproxy.statsPort);
    s += QStringLiteral("vrrp_instance %1 {\n").arg(instanceName());
    s += QStringLiteral("    interface %1\n")
             .arg(vip.interface.isEmpty() ? QStringLiteral("$PGHA_VIP_INTERFACE") : word(vip.interface));
    // All BACKUP with nopreempt: the address moves when its holder fails, never back by itself (each move
    // breaks the clients' sessions); the highest priority wins when all start together.
    s += QStringLiteral("    state BACKUP\n"
                        "    nopreempt\n"
                        "    virtual_router_id %1\n"
                        "    priority %2\n"
                        "    advert_int 1\n")
             .arg(vip.virtualRouterId)
             .arg(priority(topology, host));
    s += QStringLiteral("    unicast_src_ip %1\n    unicast_peer {\n").arg(word(host.address));
    for (const Host *peer : topology.hostsWith(Role::HAProxy)) {
        if (peer->name != host.name)
            s += QStringLiteral("        %1\n").arg(word(peer->address));
    }
    s += QStringLiteral("    }\n");
    if (!secrets.vipPassword.isEmpty()) {
        s += QStringLiteral("    authentication {\n"
                            "        auth_type PASS\n"
                            "        auth_pass %1\n"
                            "    }\n")
                 .arg(word(secrets.vipPassword));
    }
    s += QStringLiteral("    virtual_ipaddress {\n        %1\n    }\n").arg(word(vipCidr(topology, host)));
    // Without a weight a failing check puts the instance in FAULT: the peer takes over whatever the priorities.
    s += QStringLiteral("    track_script {\n        pgha_check_haproxy\n    }\n}\n");
    return s.toUtf8();
}

QString interfaceScript(const Host &host)
{
    const QString a = shellQuote(host.address);
    return QStringLiteral("iface=\"$(ip -o addr show to %1 | awk 'NR == 1 { print $2 }')\"\n"
                          "if [ -z \"$iface\" ]; then echo \"no interface holds %2\" >&2; exit 1; fi\n"
                          "mkdir -p /etc/keepalived\n"
                          "echo \"\\$PGHA_VIP_INTERFACE=$iface\" >%3\n")
        .arg(a, shellDoubleQuoted(host.address), shellQuote(interfacePath()));
}

QList<GeneratedFile> files(const Topology &topology, const Secrets &secrets, const Host &host)
{
    if (!applies(topology, host))
        return {};
    const QByteArray sysctl = GenUtil::header(QStringLiteral("The backup HAProxy binds the floating address it does not hold yet."))
        + "net.ipv4.ip_nonlocal_bind = 1\n";
    return {GenUtil::makeFile(host.name, configPath(), config(topology, secrets, host), 0600, FileSyntax::Text,
                              !secrets.vipPassword.isEmpty()),
            GenUtil::makeFile(host.name, sysctlPath(), sysctl, 0644, FileSyntax::Ini)};
}

} // namespace pgha::KeepalivedConfig
