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
// ('on', 'off', 'yes', '1e3', '010', '' ...), so that a value never changes type on the way; double-quoted with
// escapes (\n, \xNN, \uNNNN) when it holds a control character, which single quotes cannot carry.
QString yamlString(const QString &value);
// Escaping for each format a value can reach (the second wall behind the validator's grammars): whatever the
// value holds, the file keeps its structure.
// One line of comment text: control characters become '?'.
QString commentText(const QString &value);
// A double-quoted value for an environment file read by systemd (EnvironmentFile=) and sh: \ " $ ` escaped,
// control characters (which the validator refuses) replaced by spaces.
QString envValue(const QString &value);
// One word of haproxy.cfg: plain when only [A-Za-z0-9_.:/@+-], else single-quoted ('\'' for a quote, \xNN for
// a control character, between quoted parts), so that no value can add a keyword, a word or a line.
QString haproxyWord(const QString &value);
// One name of a pg_hba database or user field, always meaning that literal name: plain when it is a lower-case
// identifier that is not a keyword, else double-quoted; a name pg_hba.conf cannot quote ('"', '\\', control
// characters) becomes "pgha-invalid-name", which matches no role.
QString hbaName(const QString &value);
// A pg_hba database or user field as the design gives it (comma-separated; keywords; '+' for groups), each
// element kept as a keyword or passed through hbaName().
QString hbaNameList(const QString &value, bool users);
// A libpq connection-string value: as it is when made of [A-Za-z0-9_.:/@+-] only, else single-quoted with \\ and '
// escaped, so that a value (a role name) can never add keywords such as host= or port=.
QString conninfoValue(const QString &value);
// One word of keepalived.conf: itself when made of [A-Za-z0-9_.:/+-] only, else "pgha-invalid-value" (keepalived
// has no quoting a value could rely on: '#' and '!' start comments, '$' substitutes, '@' selects, '"' groups).
QString keepalivedWord(const QString &value);
// A pg_hba type, address or method word: itself when made of [A-Za-z0-9_.:/-] only, else pgha-invalid-value
// (PostgreSQL refuses it as a type or method; as an address it matches nobody).
QString hbaWord(const QString &value);

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
// The data directory the generated files and the deploy use: the design's path normalised (QDir::cleanPath),
// or the platform default.
QString postgresDataDir(const Topology &topology, const Host &host);
// Shell lines that create the missing components of the data directory's path (owned by postgres, 0755) and
// the directory itself (postgres, 0700). An existing parent is never touched: data_dir /pgdata must not
// change the owner of /.
QString dataDirScript(const QString &dataDir);
QString postgresBinDir(const Topology &topology, const Host &host);
// Roles of a host in words ("postgres, etcd"), for headers and the runbook.
QString rolesText(const Host &host);
// "initial-cluster" value: name=peerURL for every etcd member, in topology order.
QString etcdInitialCluster(const Topology &topology);
// Client endpoints (host:port) of every etcd member, in topology order.
QStringList etcdClientHostPorts(const Topology &topology);


// Header comment common to generated files ("# ..." lines).
QByteArray header(const QString &what, const QString &commentPrefix = QStringLiteral("#"));

GeneratedFile makeFile(const QString &host, const QString &path, const QByteArray &content, int mode,
                       FileSyntax syntax, bool secret = false);

} // namespace GenUtil
} // namespace pgha
