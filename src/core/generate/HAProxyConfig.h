#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Topology.h"

namespace pgha {

struct Secrets;

namespace HAProxyConfig {

// haproxy.cfg for a host with the haproxy role: a stats listener with auth, a primary listener and a
// replica listener, both checked through Patroni's REST API. Servers by address (no DNS needed).
QByteArray config(const Topology &topology, const Secrets &secrets, const Host &host);

// The proxy names config() gives its pools; the deploy's readiness wait and the monitor find the pools in
// HAProxy's stats CSV by these names.
// The admin socket (expose-fd listeners: a reload takes the listening sockets over) and the file the servers'
// states are saved to before a reload (load-server-state-from-file): both under /run/haproxy.
QString adminSocketPath();   // /run/haproxy/admin.sock
QString serverStatePath();   // /run/haproxy/server-state
QString primaryProxyName();  // "primary"
QString replicaProxyName();  // "replicas"

// /etc/haproxy/haproxy.cfg, mode 0600 (stats password); empty for other hosts.
QList<GeneratedFile> files(const Topology &topology, const Secrets &secrets, const Host &host);

} // namespace HAProxyConfig
} // namespace pgha
