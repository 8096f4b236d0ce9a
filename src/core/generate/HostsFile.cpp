#include "core/generate/HostsFile.h"

#include "core/generate/GenUtil.h"

namespace pgha::HostsFile {

namespace {

bool plainWord(const QString &s)
{
    if (s.isEmpty() || s.startsWith(QLatin1Char('#')))
        return false;
    for (const QChar c : s) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.') || c == QLatin1Char('-')
            || c == QLatin1Char(':') || c == QLatin1Char('_');
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

QString path()
{
    return QStringLiteral("/etc/hosts.pgha");
}

QString beginMarker(const Topology &topology)
{
    return QStringLiteral("# BEGIN pgha cluster ") + GenUtil::commentText(topology.cluster.name);
}

QString endMarker(const Topology &topology)
{
    return QStringLiteral("# END pgha cluster ") + GenUtil::commentText(topology.cluster.name);
}

QByteArray content(const Topology &topology, const Host &host)
{
    QString s = beginMarker(topology) + QLatin1Char('\n');
    for (const Host &h : topology.hosts) {
        if (h.name != host.name && !h.has(Role::Etcd) && !h.has(Role::HAProxy))
            continue;
        // One "address name" line per host; a value that is not an address or a host name (the validator
        // refuses those) becomes a comment instead of a line /etc/hosts would read.
        if (plainWord(h.address) && plainWord(h.name))
            s += h.address + QLatin1Char(' ') + h.name + QLatin1Char('\n');
        else
            s += QStringLiteral("# left out: a host whose name or address is not valid\n");
    }
    s += endMarker(topology) + QLatin1Char('\n');
    return s.toUtf8();
}

GeneratedFile file(const Topology &topology, const Host &host)
{
    return GenUtil::makeFile(host.name, path(), content(topology, host), 0644, FileSyntax::Hosts);
}

} // namespace pgha::HostsFile
