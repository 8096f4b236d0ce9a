#pragma once

#include "core/model/Topology.h"

#include <QString>

namespace pgha {

// What the palette offers. The key travels in the drag's mime data.
enum class PaletteKind { Database, Etcd, HAProxy, Combined, Subnet, Backup };

namespace Palette {
inline constexpr const char *kMimeType = "application/x-pgha-palette";
QString key(PaletteKind kind);                  // "database", "etcd", "haproxy", "combined", "subnet"
bool fromKey(const QString &key, PaletteKind *out);
Roles roles(PaletteKind kind);                  // empty for Subnet
QString baseName(PaletteKind kind);             // "node1", "etcd1", "haproxy1", "subnet1"
QString iconPath(PaletteKind kind);
QString title(PaletteKind kind);                // translated
QString description(PaletteKind kind);          // translated
QList<PaletteKind> all();
} // namespace Palette

} // namespace pgha
