#include "core/pki/ClusterTls.h"

#include "core/pki/Pki.h"

namespace pgha::ClusterTls {

namespace {

void addUnique(QStringList *list, const QString &value)
{
    if (!value.isEmpty() && !list->contains(value))
        *list << value;
}

void addHost(Sans *s, const Host &h)
{
    addUnique(&s->dns, h.name);
    const QString ip = Pki::canonicalIp(h.address);
    if (!ip.isEmpty()) {
        addUnique(&s->ip, ip);
        addUnique(&s->dns, ip);  // pgBackRest and others compare the host text with DNS entries only
    } else {
        addUnique(&s->dns, h.address);
    }
}

} // namespace

QString dir()
{
    return QStringLiteral("/etc/pgha/tls");
}

QString caPath()
{
    return dir() + QStringLiteral("/ca.crt");
}

QString certPath()
{
    return dir() + QStringLiteral("/host.crt");
}

QString etcdKeyPath()
{
    return dir() + QStringLiteral("/etcd.key");
}

QString postgresKeyPath()
{
    return dir() + QStringLiteral("/postgres.key");
}

bool needsCertificate(const Host &host)
{
    return host.has(Role::Etcd) || host.has(Role::Postgres) || host.has(Role::Backup);
}

QString pgbouncerKeyPath()
{
    return dir() + QStringLiteral("/pgbouncer.key");
}

bool needsCertificate(const Topology &topology, const Host &host)
{
    const PoolerSettings &p = topology.cluster.pooler;
    return needsCertificate(host)
        || (p.enabled && p.placement == PoolerPlacement::HAProxy && host.has(Role::HAProxy));
}

Sans hostSans(const Topology &topology, const Host &host)
{
    Sans s;
    addHost(&s, host);
    addUnique(&s.dns, QStringLiteral("localhost"));
    addUnique(&s.ip, QStringLiteral("127.0.0.1"));
    addUnique(&s.ip, QStringLiteral("::1"));
    if (host.has(Role::Postgres)) {
        for (const Host *hp : topology.hostsWith(Role::HAProxy))
            addHost(&s, *hp);
        // Clients verify-full against the floating address they connect to (cluster.vip).
        if (topology.cluster.vip.enabled())
            addUnique(&s.ip, topology.cluster.vip.address);
    }
    return s;
}

QString problemWith(const Topology &topology, const TlsMaterial &tls, const Host &host)
{
    const auto it = tls.hosts.constFind(host.name);
    if (it == tls.hosts.cend() || it->certPem.isEmpty())
        return QStringLiteral("no certificate");
    const Result<Pki::CertInfo> info = Pki::inspect(it->certPem);
    if (!info.ok())
        return info.error().message;
    if (const Result<void> r = Pki::verifySignedBy(it->certPem, tls.ca.certPem); !r.ok())
        return r.error().message;
    if (const Result<void> r = Pki::checkKeyMatches(it->certPem, it->keyPem); !r.ok())
        return r.error().message;
    if (!info->serverAuth || !info->clientAuth)
        return QStringLiteral("needs extendedKeyUsage serverAuth and clientAuth (etcd's gateway and peers)");
    if (info->daysLeft() < 0)
        return QStringLiteral("expired on %1").arg(info->notAfter.toString(Qt::ISODate));
    const Sans want = hostSans(topology, host);
    QStringList missing;
    for (const QString &d : want.dns) {
        if (!info->dnsSans.contains(d))
            missing << QStringLiteral("DNS:") + d;
    }
    for (const QString &ip : want.ip) {
        if (!info->ipSans.contains(ip))
            missing << QStringLiteral("IP:") + ip;
    }
    if (!missing.isEmpty())
        return QStringLiteral("lacks %1").arg(missing.join(QStringLiteral(", ")));
    return {};
}

Result<QStringList> fillMissing(const Topology &topology, Secrets *secrets)
{
    const SecuritySettings &sec = topology.cluster.security;
    if (!sec.tls)
        return QStringList();
    TlsMaterial &tls = secrets->tls;
    QStringList issued;
    const bool supplied = sec.ca == QLatin1String("supplied");
    if (tls.ca.certPem.isEmpty()) {
        if (supplied)
            return Error(QStringLiteral("cluster.security.ca is \"supplied\" but the secrets file holds no tls.ca.cert"),
                         {}, 0, 0, QStringLiteral("tls.ca"));
        Result<PemPair> ca = Pki::createCa(topology.cluster.name + QStringLiteral(" cluster CA"), kCaDays);
        if (!ca.ok())
            return ca.error();
        tls.ca = ca.value();
        issued << QStringLiteral("CA");
    }
    for (const Host &h : topology.hosts) {
        if (!needsCertificate(topology, h))
            continue;
        const QString problem = problemWith(topology, tls, h);
        if (problem.isEmpty())
            continue;
        if (tls.ca.keyPem.isEmpty())
            return Error(QStringLiteral("the certificate of %1 cannot be used (%2) and the supplied CA has no key "
                                        "to issue one; supply tls.hosts.%1 or tls.ca.key")
                             .arg(h.name, problem),
                         {}, 0, 0, QStringLiteral("tls.hosts.") + h.name);
        const Sans s = hostSans(topology, h);
        Result<PemPair> leaf = Pki::issueLeaf(tls.ca, h.name, s.dns, s.ip, true, true, kLeafDays);
        if (!leaf.ok())
            return Error(QStringLiteral("%1: %2").arg(h.name, leaf.error().message));
        tls.hosts.insert(h.name, leaf.value());
        issued << QStringLiteral("host %1").arg(h.name);
    }
    const bool adminOk = !tls.admin.certPem.isEmpty() && Pki::verifySignedBy(tls.admin.certPem, tls.ca.certPem).ok();
    if (!adminOk && !tls.ca.keyPem.isEmpty()) {
        Result<PemPair> admin = Pki::issueLeaf(tls.ca, QStringLiteral("pgha-admin"), {}, {}, false, true, kLeafDays);
        if (!admin.ok())
            return admin.error();
        tls.admin = admin.value();
        issued << QStringLiteral("admin");
    }
    return issued;
}

} // namespace pgha::ClusterTls
