#include "cli/Commands.h"

#include <QTextStream>

// PLACEHOLDER: the deploy command arrives with issue 4.
namespace pgha::cli {

int deploy(const QStringList &args)
{
    Q_UNUSED(args)
    err() << "pgha deploy: not built yet\n";
    return 2;
}

} // namespace pgha::cli
