#pragma once

#include <QString>

#include <optional>

namespace pgha {

// Where and how to reach one host over SSH.
struct SshTarget
{
    QString hostName;        // the topology's host name (for messages)
    QString address;
    int port = 22;
    QString user = QStringLiteral("root");
    QString identityFile;    // empty = agent, ~/.ssh/config and the default keys
    QString knownHostsFile;  // empty = ~/.ssh/known_hosts
    bool acceptNewHostKeys = false;  // CLI --accept-new-host-keys: accept an unknown key without asking
    int connectTimeoutSec = 15;
    int commandTimeoutSec = 120;
};

struct Host;
// The host's address and its hosts[].ssh settings (user, port, identity file); the rest at its defaults.
SshTarget sshTargetOf(const Host &host);
// A host that leaves the cluster (the design no longer names it; pgha apply's scale in), reached like LIKE (its
// SSH user, port and key) at ADDRESS as the cluster lists it: nullopt when NAME is not a valid host name or ADDRESS
// not an IP address.
std::optional<SshTarget> leavingHostTarget(const SshTarget &like, const QString &name, const QString &address);

} // namespace pgha
