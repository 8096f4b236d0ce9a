#include "gui/canvas/LegendWidget.h"

#include "core/model/Topology.h"
#include "gui/canvas/CanvasStyle.h"

#include <QPainter>

namespace pgha {

using CanvasStyle::Link;

namespace {
const QList<Link> kOrder = {Link::HAProxy, Link::Replication, Link::Dcs, Link::EtcdPeer};
}

LegendWidget::LegendWidget(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("legend"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setCluster(Cluster());
}

void LegendWidget::setCluster(const Cluster &c)
{
    m_lines = {
        tr("HAProxy → PostgreSQL  %1 primary / %2 replicas, checked on Patroni %3")
            .arg(c.haproxy.primaryPort)
            .arg(c.haproxy.replicaPort)
            .arg(c.patroni.restApiPort),
        tr("Streaming replication  PostgreSQL %1 (any member may lead)").arg(c.postgres.port),
        tr("Patroni → etcd  client port %1 (every member listed)").arg(c.etcd.clientPort),
        tr("etcd peer mesh  port %1").arg(c.etcd.peerPort),
    };
    updateGeometry();
    adjustSize();
    if (parentWidget())
        move(12, parentWidget()->height() - height() - 12);
    update();
}

QSize LegendWidget::sizeHint() const
{
    const QFontMetrics fm(font());
    int w = 0;
    for (const QString &l : m_lines)
        w = std::max(w, fm.horizontalAdvance(l));
    return QSize(w + 64, int(m_lines.size()) * (fm.height() + 6) + fm.height() + 18);
}

void LegendWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    QColor bg = pal.color(QPalette::Base);
    bg.setAlphaF(0.92);
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.setBrush(bg);
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    const QFontMetrics fm(font());
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRect(12, 8, width() - 20, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, tr("Connections"));
    p.setFont(font());
    int y = 8 + fm.height() + 6;
    for (int i = 0; i < kOrder.size() && i < m_lines.size(); ++i) {
        const int mid = y + fm.height() / 2;
        QPen pen(CanvasStyle::linkColor(kOrder[i]), 2.2, CanvasStyle::linkStyle(kOrder[i]));
        p.setPen(pen);
        p.drawLine(12, mid, 44, mid);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(52, y, width() - 60, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, m_lines[i]);
        y += fm.height() + 6;
    }
}

} // namespace pgha
