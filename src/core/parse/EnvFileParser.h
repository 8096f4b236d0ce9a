#pragma once

#include "core/parse/ConfigFile.h"
#include "core/util/Result.h"

#include <QByteArray>

// An environment file as systemd's EnvironmentFile= reads it (/etc/etcd/etcd.conf, /etc/default/etcd): NAME=value
// lines, values optionally in double or single quotes, '#' and ';' comments. A line that is none of these (a
// "[Member]" header, a stray character) is kept in ConfigFile::invalidLines: systemd ignores it with a warning.
namespace pgha::EnvFileParser {

Result<ConfigFile> parse(const QByteArray &text, const QString &path);

} // namespace pgha::EnvFileParser
