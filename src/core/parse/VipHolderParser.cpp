#include "core/parse/VipHolderParser.h"

#include "core/util/Net.h"
#include "core/util/ShellQuote.h"

#include <QStringList>

namespace pgha::VipHolderParser {

QString command(const QString &address)
{
    return QStringLiteral("ip -o addr show to ") + shellQuote(address);
}

QString interfaceHolding(const QByteArray &ipOutput, const QString &address)
{
    const std::optional<IpAddress> want = IpAddress::parse(address);
    if (!want)
        return {};
    for (const QByteArray &line : ipOutput.split('\n')) {
        // "<index>: <ifname> <family> <address>/<prefix> ..." (iproute2 -o: one line per address)
        const QStringList w = QString::fromUtf8(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (w.size() < 4 || !w.at(0).endsWith(QLatin1Char(':'))
            || (w.at(2) != QLatin1String("inet") && w.at(2) != QLatin1String("inet6")))
            continue;
        const std::optional<IpAddress> a = IpAddress::parse(w.at(3).section(QLatin1Char('/'), 0, 0));
        if (a && *a == *want)
            return w.at(1).section(QLatin1Char('@'), 0, 0);
    }
    return {};
}

} // namespace pgha::VipHolderParser
