#pragma once

#include <QString>

namespace pgha {

// The strict grammars of the values that reach a shell, a config file, pg_hba, a connection string or an env
// file (docs/project-file.md, "Grammars"). The validator's rules check them; the generators escape regardless.
// Pure functions, checked by hand (no shared QRegularExpression across threads).
namespace Grammar {

// A lower-case PostgreSQL identifier usable unquoted: [a-z_][a-z0-9_]*, at most 63 bytes (NAMEDATALEN - 1).
bool isRoleName(const QString &s);
// A POSIX portable user name as useradd accepts it: [a-z_][a-z0-9_-]*, at most 32 characters.
bool isPosixUserName(const QString &s);
// A PostgreSQL parameter (GUC) name: [A-Za-z_][A-Za-z0-9_]*, optionally one ".name" (extension parameters);
// at most 63 characters; "password" and the empty name are refused.
bool isParameterName(const QString &s);
// The etcd initial-cluster-token: [A-Za-z0-9][A-Za-z0-9_.-]*, at most 128 characters.
bool isEtcdToken(const QString &s);
// The cluster name, which also names files and directories: [A-Za-z0-9_][A-Za-z0-9_-]*, at most 63 characters.
bool isClusterName(const QString &s);

// RFC 1123 section 2.1 host name: labels of letters, digits and inner hyphens, 1-63 characters; at most 253.
bool isRfc1123HostName(const QString &name);
// Why a data directory path is unusable as written ("" when it is fine): absolute, normalised (no "." or ".."
// component, no "//", no trailing "/"), only [A-Za-z0-9_.+@/-] characters, no component starting with '-', at most 1024 characters.
QString dataDirProblem(const QString &path);
// A Linux network interface name as keepalived.conf may carry it: [A-Za-z0-9_][A-Za-z0-9_.-]*, at most 15
// characters (IFNAMSIZ - 1).
bool isInterfaceName(const QString &s);
// A VRRP (keepalived auth_pass) password: [A-Za-z0-9_.-], 1 to 8 characters (VRRPv2 carries 8 bytes).
bool isVrrpPassword(const QString &s);
// True when s holds a control character (C0, DEL, C1) or a Unicode line/paragraph separator.
bool hasControlCharacter(const QString &s);

} // namespace Grammar
} // namespace pgha
