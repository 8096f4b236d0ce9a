#pragma once

#include "core/parse/ConfigFile.h"
#include "core/util/Result.h"

#include <QByteArray>

// A YAML configuration file (patroni.yml, Patroni's config.yml, etcd --config-file) read as keyed entries with
// their positions. The text passes YamlGuard first (one document, no aliases, no duplicate keys, bounded); a
// syntax error comes back with file, line and column.
namespace pgha::YamlConfigParser {

Result<ConfigFile> parse(const QByteArray &text, const QString &path);

} // namespace pgha::YamlConfigParser
