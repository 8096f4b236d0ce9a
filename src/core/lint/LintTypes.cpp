#include "core/lint/LintTypes.h"

namespace pgha {

QString SourceLocation::toString() const
{
    QString s = file;
    if (line > 0) {
        s += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            s += QLatin1Char(':') + QString::number(column);
    }
    if (!key.isEmpty())
        s += QStringLiteral(": ") + key;
    return s;
}

SourceLocation MappedDesign::locate(const Finding &f) const
{
    if (!f.field.isEmpty()) {
        const auto it = locations.constFind(f.field);
        if (it != locations.cend())
            return *it;
    }
    QString key = f.subject;
    while (!key.isEmpty()) {
        const auto it = locations.constFind(key);
        if (it != locations.cend())
            return *it;
        const qsizetype cut = qMax(key.lastIndexOf(QLatin1Char('.')), key.lastIndexOf(QLatin1Char('[')));
        if (cut <= 0)
            break;
        key.truncate(cut);
    }
    return locations.value(QStringLiteral("cluster"));
}

} // namespace pgha
