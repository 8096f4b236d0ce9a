#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Topology.h"

namespace pgha::EtcdConfig {

// The member's settings as (key, value) pairs in etcd's config-file spelling ("listen-client-urls").
// Both file forms are derived from this one list, so they cannot drift apart.
QList<QPair<QString, QString>> settings(const Topology &topology, const Host &host);

// The TLS settings of one side ("client" or "peer"), (key, value) in the YAML spelling inside
// <side>-transport-security; empty when TLS is off. The env form prefixes ETCD_ (client) or ETCD_PEER_ (peer).
QList<QPair<QString, QString>> tlsSettings(const Topology &topology);

// etcd 3.4/3.5 YAML config (etcd --config-file): /etc/etcd/etcd.conf.yaml.
QByteArray yaml(const Topology &topology, const Host &host);
// The environment-file form (ETCD_NAME="..."), which the OS package's etcd.service reads.
QByteArray envFile(const Topology &topology, const Host &host);

// Both files, for a host with the etcd role; empty otherwise.
QList<GeneratedFile> files(const Topology &topology, const Host &host);

} // namespace pgha::EtcdConfig
