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

QByteArray content(const Topology &topology)
{
    QString s = beginMarker(topology) + QLatin1Char('\n');
    for (const Host &h : topology.hosts)
        s += h.address + QLatin1Char(' ') + h.name + QLatin1Char('\n');
    s += endMarker(topology) + QLatin1Char('\n');
    return s.toUtf8();
}

GeneratedFile file(const Topology &topology, const Host &host)
{
    return file(host, content(topology));
}

GeneratedFile file(const Host &host, const QByteArray &content)
{
    // QByteArray is implicitly shared: every host's copy is the same buffer.
    return GenUtil::makeFile(host.name, path(), content, 0644, FileSyntax::Hosts);
}

} // namespace pgha::HostsFile
