#include "deploy/SshTarget.h"

#include "core/model/Topology.h"

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

} // namespace pgha
