#include "core/bundle/BundleWriter.h"

// PLACEHOLDER until the bundle writer lands (issue 2).
namespace pgha {

Result<void> writeBundleToDirectory(const Bundle &bundle, const QString &dir)
{
    Q_UNUSED(bundle)
    return Error{QStringLiteral("not built yet"), dir};
}

Result<void> writeBundleTarGz(const Bundle &bundle, const QString &archivePath)
{
    Q_UNUSED(bundle)
    return Error{QStringLiteral("not built yet"), archivePath};
}

} // namespace pgha
