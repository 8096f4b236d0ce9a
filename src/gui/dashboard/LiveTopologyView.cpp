#include "gui/dashboard/LiveTopologyView.h"

#include <QPainter>
#include <QPainterPath>

namespace pgha {

namespace {

constexpr int kCardW = 150;
constexpr int kCardH = 64;
constexpr int kGap = 14;

} // namespace

LiveTopologyView::LiveTopologyView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("liveTopology"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void LiveTopologyView::setState(const ClusterState &state)
{
    m_state = state;
    m_hasState = true;
    updateGeometry();
    update();
}

QSize LiveTopologyView::sizeHint() const
{
    const int n = std::max<int>(3, int(m_state.members.size()));
    return {std::min(n, 6) * (kCardW + kGap) + kGap, 3 * kCardH + 4 * kGap};
}

QSize LiveTopologyView::minimumSizeHint() const
{
    return {kCardW + 2 * kGap, kCardH * 2 + 3 * kGap};
}

QColor LiveTopologyView::memberColor(const MemberState &m)
{
    if (!m.isRunning())
        return {0xc6, 0x28, 0x28};          // down, unreachable, absent
    if (m.isLeader())
        return {0x2e, 0x7d, 0x32};          // leader
    if (m.isReplica() && !m.streaming)
        return {0xe6, 0x7e, 0x00};          // replica not streaming
    if (m.isReplica())
        return {0x15, 0x65, 0xc0};          // streaming replica
    return {0x75, 0x75, 0x75};
}

void LiveTopologyView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    if (!m_hasState) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("Not connected"));
        return;
    }
    const int perRow = std::max(1, (width() - kGap) / (kCardW + kGap));
    int i = 0;
    QFont bold = font();
    bold.setBold(true);
    int bottom = 0;
    for (const MemberState &m : m_state.members) {
        const int x = kGap + (i % perRow) * (kCardW + kGap);
        const int y = kGap + (i / perRow) * (kCardH + kGap);
        const QRect card(x, y, kCardW, kCardH);
        // A replica past the failover lag threshold is as worrying as one not streaming.
        const QColor c = m.isReplica() && m.isRunning() && m.lagBytes > m_state.lagThresholdBytes
            ? QColor(0xe6, 0x7e, 0x00)
            : memberColor(m);
        QPainterPath path;
        path.addRoundedRect(card, 6, 6);
        p.fillPath(path, c.lighter(m.isLeader() ? 100 : 115));
        p.setPen(QPen(c.darker(130), m.isLeader() ? 3 : 1));
        p.drawPath(path);
        p.setPen(Qt::white);
        p.setFont(bold);
        p.drawText(card.adjusted(8, 4, -8, 0), Qt::AlignLeft | Qt::AlignTop,
                   (m.isLeader() ? QStringLiteral("\u2605 ") : QString()) + m.name);
        p.setFont(font());
        QString second = m.role.isEmpty() ? m.state : m.role + QStringLiteral(" \u00b7 ") + m.state;
        p.drawText(card.adjusted(8, 24, -8, 0), Qt::AlignLeft | Qt::AlignTop, second);
        QString third = m.host;
        if (m.isReplica())
            third = m.lagBytes >= 0 ? tr("lag %1 MB").arg(double(m.lagBytes) / 1048576.0, 0, 'f', 1) : tr("lag ?");
        if (m.timeline > 0)
            third += QStringLiteral("  TL %1").arg(m.timeline);
        p.drawText(card.adjusted(8, 42, -8, 0), Qt::AlignLeft | Qt::AlignTop, third);
        bottom = std::max(bottom, card.bottom());
        ++i;
    }
    // etcd and HAProxy below the members, one line each.
    int y = bottom + kGap;
    int x = kGap;
    p.setPen(palette().color(QPalette::Text));
    if (m_state.etcdMonitored) {
        p.drawText(QPoint(x, y + 12), tr("etcd"));
        x += 40;
        for (const EtcdMemberState &e : std::as_const(m_state.etcd)) {
            const QColor c = e.healthy ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28);
            p.setBrush(c);
            p.setPen(e.isLeader ? QPen(Qt::black, 2) : QPen(c.darker(130)));
            p.drawEllipse(QPoint(x + 6, y + 8), 6, 6);
            p.setPen(palette().color(QPalette::Text));
            p.drawText(QPoint(x + 16, y + 12), e.name + (e.isLeader ? QStringLiteral("*") : QString()));
            x += 24 + fontMetrics().horizontalAdvance(e.name) + 10;
        }
        y += 22;
    }
    for (const HaproxyInstance &h : std::as_const(m_state.haproxy)) {
        QString text = tr("HAProxy %1: ").arg(h.name);
        if (h.authFailed) {
            // It answers; only its stats are closed to the monitor's credentials: a gap, not a fault.
            text += tr("stats login refused (pools not monitored)");
        } else if (!h.reachable) {
            text += tr("unreachable");
        } else {
            QStringList parts;
            for (const HaproxyPool &pool : h.pools) {
                const QStringList up = pool.upServers();
                parts << QStringLiteral("%1 \u2192 %2").arg(pool.name, up.isEmpty() ? tr("NONE") : up.join(QLatin1String(", ")));
            }
            text += parts.join(QLatin1String("   "));
        }
        p.setPen(h.reachable ? palette().color(QPalette::Text)
                             : (h.authFailed ? palette().color(QPalette::PlaceholderText) : QColor(0xc6, 0x28, 0x28)));
        p.drawText(QPoint(kGap, y + 12), text);
        y += 20;
    }
}

} // namespace pgha
