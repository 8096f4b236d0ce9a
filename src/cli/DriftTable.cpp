#include "cli/DriftTable.h"

#include <QList>

namespace pgha::cli {

void printDriftTable(QTextStream &s, const DriftReport &report)
{
    if (!report.hasDrift()) {
        s << "no drift: the cluster runs the design (" << report.hosts.size() << " hosts";
        if (!report.leader.isEmpty())
            s << ", leader " << report.leader;
        s << ")\n";
        return;
    }
    QList<QStringList> rows;
    rows << QStringList{QStringLiteral("AREA"), QStringLiteral("HOST"), QStringLiteral("KEY"), QStringLiteral("DESIGN"),
                        QStringLiteral("ACTUAL"), QStringLiteral("FIX"), QStringLiteral("NOTE")};
    for (const DriftItem &i : report.items)
        rows << QStringList{driftAreaKey(i.area), i.host.isEmpty() ? QStringLiteral("*") : i.host, i.key,
                            i.design.isEmpty() ? QStringLiteral("-") : i.design,
                            i.actual.isEmpty() ? QStringLiteral("-") : i.actual, driftFixKey(i.fix), i.note};
    QList<int> width(7, 0);
    for (const QStringList &r : rows)
        for (int c = 0; c < 6; ++c)
            width[c] = std::max(width[c], int(std::min<qsizetype>(r.at(c).size(), 48)));
    for (const QStringList &r : rows) {
        QString line;
        for (int c = 0; c < 7; ++c)
            line += c < 6 ? r.at(c).leftJustified(width[c] + 2) : r.at(c);
        s << line.trimmed() << "\n";
    }
    int manual = 0;
    for (const DriftItem &i : report.items)
        manual += i.fix == DriftItem::Fix::Manual ? 1 : 0;
    s << report.items.size() << " difference(s)";
    if (manual > 0)
        s << ", " << manual << " not planned by pgha apply (fix: manual)";
    s << "\n";
}

} // namespace pgha::cli
