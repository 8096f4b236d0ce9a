#include "core/generate/HostsFile.h"

#include "core/generate/GenUtil.h"

namespace pgha::HostsFile {

QString path()
{
    return QStringLiteral("/etc/hosts.pgha");
}

QString beginMarker(const Topology &topology)
{
    return QStringLiteral("# BEGIN pgha cluster ") + topology.cluster.name;
}

QString endMarker(const Topology &topology)
{
    return QStringLiteral("# END pgha cluster ") + topology.cluster.name;
}

QByteArray content(const Topology &topology, const Host &host)
{
    QString s = beginMarker(topology) + QLatin1Char('\n');
    for (const Host &h : topology.hosts) {
        if (h.name == host.name || h.has(Role::Etcd) || h.has(Role::HAProxy))
            s += h.address + QLatin1Char(' ') + h.name + QLatin1Char('\n');
    }
    s += endMarker(topology) + QLatin1Char('\n');
    return s.toUtf8();
}

GeneratedFile file(const Topology &topology, const Host &host)
{
    return GenUtil::makeFile(host.name, path(), content(topology, host), 0644, FileSyntax::Hosts);
}

} // namespace pgha::HostsFile
