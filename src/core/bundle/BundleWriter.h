#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/util/Result.h"

namespace pgha {

// Name of the marker file writeBundleToDirectory() leaves at the top of every directory it writes; a non-empty
// directory is only ever replaced when it holds this marker.
QString bundleMarkerFileName();  // ".pgha-bundle"

// The top-level folder of an exported archive: the cluster name, with anything but [A-Za-z0-9._-] turned into
// '_' so that it is one safe path component ("bundle" when nothing usable is left).
QString bundleRootName(const Bundle &bundle);

// The fixed modification time of every archive entry (seconds since the epoch), so that exports are
// reproducible byte for byte.
qint64 bundleArchiveMtime();

// Writes each file at DIR/<bundlePath> with its mode; secret files never readable by group or others.
// Never leaves half a tree: the files are written into a private sibling directory that is renamed into place.
// DIR may be missing or empty; a non-empty DIR is replaced (atomically where the kernel can swap directories)
// only when it holds the marker file of an earlier bundle, and refused otherwise.
// Paths that are absolute, contain "." / ".." components or appear twice are refused.
Result<void> writeBundleToDirectory(const Bundle &bundle, const QString &dir);

// Writes a .tar.gz (libarchive, pax-restricted ustar, gzip without timestamp) with one top-level folder
// bundleRootName(), directories as entries, modes preserved, owner root:root (0:0) and bundleArchiveMtime(), so
// that the same bundle always gives the same bytes. The archive file itself is written atomically with mode
// 0600 (it holds secrets).
Result<void> writeBundleTarGz(const Bundle &bundle, const QString &archivePath);

// The archive bytes writeBundleTarGz() writes (for previews, tests and the GUI's export).
Result<QByteArray> bundleTarGzBytes(const Bundle &bundle);

} // namespace pgha
