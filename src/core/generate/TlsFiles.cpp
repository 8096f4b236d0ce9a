#include "core/generate/TlsFiles.h"

#include "core/generate/GenUtil.h"
#include "core/generate/PgBouncerConfig.h"
#include "core/model/Platform.h"
#include "core/pki/ClusterTls.h"

namespace pgha::TlsFiles {

QList<GeneratedFile> files(const Topology &topology, const Secrets &secrets, const Host &host)
{
    const TlsMaterial &tls = secrets.tls;
    if (!GenUtil::tls(topology) || host.roles == Roles() || tls.ca.certPem.isEmpty())
        return {};
    QList<GeneratedFile> out;
    out << GenUtil::makeFile(host.name, ClusterTls::caPath(), tls.ca.certPem, 0644, FileSyntax::Text);
    const auto leaf = tls.hosts.constFind(host.name);
    if (!ClusterTls::needsCertificate(topology, host) || leaf == tls.hosts.cend())
        return out;
    out << GenUtil::makeFile(host.name, ClusterTls::certPath(), leaf->certPem, 0644, FileSyntax::Text);
    if (host.has(Role::Etcd))
        out << GenUtil::makeFile(host.name, ClusterTls::etcdKeyPath(), leaf->keyPem, 0600, FileSyntax::Text, true);
    if (host.has(Role::Postgres) || host.has(Role::Backup))  // pgBackRest runs as postgres
        out << GenUtil::makeFile(host.name, ClusterTls::postgresKeyPath(), leaf->keyPem, 0600, FileSyntax::Text, true);
    if (PgBouncerConfig::runsOn(topology, host))
        out << GenUtil::makeFile(host.name, ClusterTls::pgbouncerKeyPath(), leaf->keyPem, 0600, FileSyntax::Text, true);
    return out;
}

QString ownerOf(const QString &path, const QString &osId)
{
    if (path == ClusterTls::etcdKeyPath())
        return QStringLiteral("etcd");
    if (path == ClusterTls::postgresKeyPath())
        return QStringLiteral("postgres");
    if (path == ClusterTls::pgbouncerKeyPath())
        return Platform::pgbouncerUser(osId);
    return QStringLiteral("root");
}

} // namespace pgha::TlsFiles
