#pragma once

#include "core/lint/LintTypes.h"
#include "core/util/Result.h"

namespace pgha::LintLoader {

// Reads each file (at most YamlGuard::kMaxBytes) and sorts it by content: haproxy.cfg (sections), an etcd
// environment file (ETCD_* lines), or YAML (Patroni: scope, restapi, postgresql, bootstrap, etcd/etcd3; etcd:
// name, initial-cluster, listen-client-urls, ...). An unreadable file, a YAML error or a file of no known kind is
// an error naming file:line:column.
Result<LintInputs> load(const QStringList &paths);

// The same for a file already read (pgha import reads them over SSH); name is the file's name in messages.
Result<void> add(const QString &name, const QByteArray &bytes, LintInputs *inputs);

} // namespace pgha::LintLoader
