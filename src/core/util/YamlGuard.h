#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

namespace pgha {

// Checks a YAML text's event stream before anything builds a node tree from it, so that the loaders
// (project files, secrets files) read only plain, bounded, unambiguous YAML:
//  - exactly one document (a second "---" document is an error, not silently ignored);
//  - no aliases (*name): they can expand a small file into gigabytes of nodes;
//  - no duplicate key in any mapping (YAML forbids them; yaml-cpp would keep the first one silently);
//  - only text (scalar) keys;
//  - at most kMaxNodes nodes and kMaxDepth levels of nesting.
// Errors carry the file, line and column. yaml-cpp syntax errors come back the same way.
namespace YamlGuard {

constexpr int kMaxNodes = 250000;
constexpr int kMaxDepth = 64;
// The size cap for every YAML input the loaders read (a 2000-host design is about 400 KiB).
constexpr qint64 kMaxBytes = 8 * 1024 * 1024;

Result<void> check(const QByteArray &yaml, const QString &sourceName);

// Reads at most kMaxBytes from a file, device or pipe (not trusting its size(), 0 for /dev/zero or a FIFO):
// more than that is an error naming the file.
Result<QByteArray> readBounded(const QString &path);

} // namespace YamlGuard
} // namespace pgha
