#include "core/util/Result.h"

namespace pgha {

QString Error::toString() const
{
    QString out;
    if (!file.isEmpty()) {
        out += file;
        if (line > 0) {
            out += QLatin1Char(':') + QString::number(line);
            if (column > 0)
                out += QLatin1Char(':') + QString::number(column);
        }
        out += QLatin1String(": ");
    }
    if (!field.isEmpty())
        out += field + QLatin1String(": ");
    out += message;
    return out;
}

} // namespace pgha
