#include "cli/Commands.h"

#include <QTextStream>

// PLACEHOLDER: status and the day-2 actions arrive with issue 5.
namespace pgha::cli {

int status(const QStringList &args)
{
    Q_UNUSED(args)
    err() << "pgha status: not built yet\n";
    return 2;
}

int action(const QString &name, const QStringList &args)
{
    Q_UNUSED(args)
    err() << "pgha " << name << ": not built yet\n";
    return 2;
}

} // namespace pgha::cli
