#include "core/pki/CertRenewal.h"

#include "core/pki/ClusterTls.h"
#include "core/pki/Pki.h"

namespace pgha::CertRenewal {

Result<Renewed> renewLeaves(const Topology &topology, const Secrets &secrets)
{
    if (!topology.cluster.security.tls)
        return Error(QStringLiteral("cluster.security.tls is off: there are no certificates to renew"));
    const TlsMaterial &tls = secrets.tls;
    if (tls.ca.certPem.isEmpty())
        return Error(QStringLiteral("the secrets hold no cluster CA (tls.ca.cert): deploy the cluster first"));
    if (tls.ca.keyPem.isEmpty())
        return Error(QStringLiteral("the secrets hold the CA certificate but not its key (tls.ca.key): new leaves "
                                    "cannot be signed; renew them with the CA's owner and put them in the secrets"));
    Renewed r;
    r.secrets = secrets;
    for (const Host &h : topology.hosts) {
        if (!ClusterTls::needsCertificate(topology, h))
            continue;
        const ClusterTls::Sans sans = ClusterTls::hostSans(topology, h);
        Result<PemPair> leaf = Pki::issueLeaf(tls.ca, h.name, sans.dns, sans.ip, true, true, ClusterTls::kLeafDays);
        if (!leaf.ok())
            return Error(QStringLiteral("host %1: %2").arg(h.name, leaf.error().message));
        r.secrets.tls.hosts.insert(h.name, leaf.value());
        r.issued << QStringLiteral("host ") + h.name;
    }
    Result<PemPair> admin = Pki::issueLeaf(tls.ca, QStringLiteral("pgha-admin"), {}, {}, false, true, ClusterTls::kLeafDays);
    if (!admin.ok())
        return Error(QStringLiteral("admin certificate: %1").arg(admin.error().message));
    r.secrets.tls.admin = admin.value();
    r.issued << QStringLiteral("admin");
    return r;
}

} // namespace pgha::CertRenewal
