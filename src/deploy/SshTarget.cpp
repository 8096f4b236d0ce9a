#include "deploy/SshTarget.h"

#include "core/model/Topology.h"
#include "core/util/Grammar.h"

#include <QHostAddress>

namespace pgha {

SshTarget sshTargetOf(const Host &host)
{
    SshTarget t;
    t.hostName = host.name;
    t.address = host.address;
    t.port = host.ssh.port;
    t.user = host.ssh.user;
    t.identityFile = host.ssh.identityFile;
    return t;
}

std::optional<SshTarget> leavingHostTarget(const SshTarget &like, const QString &name, const QString &address)
{
    const QHostAddress a(address);
    if (a.isNull() || !Grammar::isRfc1123HostName(name))
        return std::nullopt;
    SshTarget t = like;
    t.hostName = name;
    t.address = a.toString();
    return t;
}

} // namespace pgha
