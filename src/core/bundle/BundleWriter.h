#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/util/Result.h"

namespace pgha {

// Writes each file at DIR/<bundlePath> with its mode; files are written atomically.
Result<void> writeBundleToDirectory(const Bundle &bundle, const QString &dir);

// Writes a .tar.gz (libarchive) with one top-level folder named after the cluster, modes preserved,
// fixed owner and timestamps so that the same bundle always gives the same bytes.
Result<void> writeBundleTarGz(const Bundle &bundle, const QString &archivePath);

} // namespace pgha
