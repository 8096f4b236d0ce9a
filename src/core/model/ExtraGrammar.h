#pragma once

#include <QString>
#include <QStringList>

namespace pgha {

// The strict grammars of cluster.extra / hosts[].extra (core/model/ExtraSettings.h, docs/project-file.md "Extra
// settings"). Each function says why a value is refused ("" = fine). The project-file reader refuses what fails
// here with file, line and field; the importer lists what fails and keeps it out of the design; the generators
// write only what passes, escaped for their format.
namespace ExtraGrammar {

// Why a key names a secret or secret material (password, authentication, token, private keys, key files): such
// keys never go into a project file. Case-insensitive; '-' and '_' alike.
QString secretKeyProblem(const QString &key);
// A value that is key material itself ("-----BEGIN ... PRIVATE KEY-----" and any other PEM block).
QString secretValueProblem(const QString &value);

// A patroni.yml mapping key: [A-Za-z0-9_][A-Za-z0-9_.-]*, at most 128 characters, and no secret.
QString patroniKeyProblem(const QString &key);
// A patroni.yml scalar: no control character, at most 4096 characters, no PEM block.
QString patroniScalarProblem(const QString &value);

// One haproxy.cfg line for global or defaults: words of printable ASCII separated by spaces, no quote,
// backslash, '#' or '$' (nothing HAProxy would unquote, expand or cut), at most 512 characters, not a section
// keyword (global, defaults, listen, frontend, backend, ...), no credentials (password, auth, PEM).
QString haproxyLineProblem(const QString &line);
// The words of a line (split on blanks); the generator writes them joined by one space.
QStringList haproxyWords(const QString &line);
// The directive a line sets, for the check against the generated ones: its keyword, with the next word for
// keywords that take a sub-keyword (timeout, option, stats, no, http-check, tcp-check). "log" lines add log targets
// and set nothing the design writes: they return "".
QString haproxyDirectiveKey(const QString &line);

// An etcd environment name: ^ETCD_[A-Z0-9_]+$, at most 64 characters, no secret.
QString etcdNameProblem(const QString &name);
// An etcd value: letters, digits and _ . , : / @ = + % ~ - [ ] and spaces, at most 1024 characters.
QString etcdValueProblem(const QString &value);
// ETCD_HEARTBEAT_INTERVAL -> heartbeat-interval (the etcd YAML config key).
QString etcdYamlKey(const QString &envName);

} // namespace ExtraGrammar
} // namespace pgha
