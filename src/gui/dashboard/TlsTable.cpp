#include "gui/dashboard/TlsTable.h"

#include "monitor/ClusterState.h"

#include <QHeaderView>

namespace pgha {

TlsTable::TlsTable(QWidget *parent) : QTableWidget(0, 7, parent)
{
    setObjectName(QStringLiteral("tlsTable"));
    setHorizontalHeaderLabels({tr("Host"), tr("Endpoint"), tr("Service"), tr("Certificate"), tr("Expires"),
                               tr("Days left"), tr("Problem")});
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
}

void TlsTable::setState(const ClusterState &s)
{
    setRowCount(int(s.tls.size()));
    for (int row = 0; row < s.tls.size(); ++row) {
        const TlsEndpointState &t = s.tls.at(row);
        const bool seen = t.notAfter.isValid();
        const QStringList cells = {t.name,
                                   t.endpoint,
                                   t.service,
                                   t.subject,
                                   seen ? t.notAfter.toString(Qt::ISODate) : QString(),
                                   seen ? QString::number(t.daysLeft) : QString(),
                                   t.error};
        QColor color;
        if (!t.error.isEmpty() || (seen && t.daysLeft < 0))
            color = QColor(QStringLiteral("#c62828"));
        else if (seen && t.daysLeft < s.certWarnDays)
            color = QColor(QStringLiteral("#e67e00"));
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (color.isValid())
                item->setForeground(color);
            setItem(row, c, item);
        }
    }
}

} // namespace pgha
