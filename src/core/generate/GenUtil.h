#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Topology.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pgha {

// Small helpers the per-file generators share. Pure functions.
namespace GenUtil {

// A YAML scalar for a string: plain when YAML reads it back as the same string, single-quoted otherwise
// ('on', 'off', 'yes', '1e3', '010', '' ...), so that a value never changes type on the way.
QString yamlString(const QString &value);
// A PostgreSQL parameter value for YAML: integers stay plain, everything else through yamlString().
QString yamlParamValue(const QString &value);
QString yamlBool(bool value);

// Address literal for a URL or host:port: IPv6 in brackets.
QString hostPort(const QString &address, int port);
QString httpUrl(const QString &address, int port);
// TLS on for the design (cluster.security.tls): every daemon URL is https then.
bool tls(const Topology &topology);
QString urlScheme(const Topology &topology);  // "https" or "http"
// http(s)://address:port as the design's TLS setting says.
QString serviceUrl(const Topology &topology, const QString &address, int port);
bool isLoopbackAddress(const QString &address);
bool isIpv6(const QString &address);
// A single address as CIDR: /32 for IPv4, /128 for IPv6.
QString hostCidr(const QString &address);

// Effective values the model leaves to defaults.
QString etcdToken(const Topology &topology);
QString postgresDataDir(const Topology &topology, const Host &host);
QString postgresBinDir(const Topology &topology, const Host &host);
// Roles of a host in words ("postgres, etcd"), for headers and the runbook.
QString rolesText(const Host &host);
// "initial-cluster" value: name=peerURL for every etcd member, in topology order.
QString etcdInitialCluster(const Topology &topology);
// Client endpoints (host:port) of every etcd member, in topology order.
QStringList etcdClientHostPorts(const Topology &topology);

// A single-quoted word for POSIX shells ('it'\''s').
QString shellQuote(const QString &value);

// Header comment common to generated files ("# ..." lines).
QByteArray header(const QString &what, const QString &commentPrefix = QStringLiteral("#"));

GeneratedFile makeFile(const QString &host, const QString &path, const QByteArray &content, int mode,
                       FileSyntax syntax, bool secret = false);

} // namespace GenUtil
} // namespace pgha
