#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Topology.h"

namespace pgha {

struct Secrets;

// keepalived for the floating address (cluster.vip) on every HAProxy host: one VRRP instance over unicast
// between the HAProxy hosts, a track script on this host's HAProxy, priorities by vip_priority or host order.
// docs/vip.md says why each choice (nopreempt, FAULT on a dead HAProxy, whole-second adverts).
namespace KeepalivedConfig {

QString configPath();     // /etc/keepalived/keepalived.conf
QString interfacePath();  // /etc/keepalived/pgha-interface.conf: $PGHA_VIP_INTERFACE=<ifname>, made on the host
QString sysctlPath();     // /etc/sysctl.d/90-pgha-vip.conf: ip_nonlocal_bind, so the backup's HAProxy binds the VIP
QString instanceName();   // "pgha_vip": the VRRP instance (keepalived's logs and state files name it)

// True when the design has a floating address and the host runs HAProxy.
bool applies(const Topology &topology, const Host &host);
// The host's VRRP priority: vip_priority when set, else 150, 140, ... in the order of the HAProxy hosts.
int priority(const Topology &topology, const Host &host);
// The VIP with the prefix of the host's subnet ("198.51.100.100/24"); /32 when the subnet is unknown.
QString vipCidr(const Topology &topology, const Host &host);

QByteArray config(const Topology &topology, const Secrets &secrets, const Host &host);
// sh lines (run as root) that write interfacePath() with the interface holding the host's address; exit 1 when
// none does. Only needed when cluster.vip.interface is empty; used by the install script and the deploy.
QString interfaceScript(const Host &host);

// keepalived.conf (0600: it may hold the VRRP password) and the sysctl file; empty when !applies().
QList<GeneratedFile> files(const Topology &topology, const Secrets &secrets, const Host &host);

} // namespace KeepalivedConfig
} // namespace pgha
