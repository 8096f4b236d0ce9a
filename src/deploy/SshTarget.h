#pragma once

#include <QString>

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

} // namespace pgha
