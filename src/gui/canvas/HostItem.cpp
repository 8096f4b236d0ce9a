#include "gui/canvas/HostItem.h"

#include "core/model/Platform.h"
#include "gui/canvas/CanvasStyle.h"
#include "gui/canvas/DesignScene.h"
#include "gui/document/AutoLayout.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace pgha {

using namespace CanvasMetrics;

namespace {
// "rhel8" -> "RHEL 8", "ubuntu22.04" -> "Ubuntu 22.04": the long display names do not fit on a card.
QString shortOsName(const QString &id)
{
    static const QList<std::pair<QString, QString>> families = {{QStringLiteral("rhel"), QStringLiteral("RHEL ")},
                                                                {QStringLiteral("debian"), QStringLiteral("Debian ")},
                                                                {QStringLiteral("ubuntu"), QStringLiteral("Ubuntu ")}};
    for (const auto &[prefix, name] : families) {
        if (id.startsWith(prefix))
            return name + id.mid(prefix.size());
    }
    return id;
}
} // namespace

HostItem::HostItem(DesignScene *scene, const Host &host) : m_scene(scene), m_host(host)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges | ItemIsFocusable);
    setAcceptHoverEvents(true);
    setCacheMode(DeviceCoordinateCache);  // cards repaint only when they change; panning stays cheap
    setZValue(10);
    setPos(host.pos.x, host.pos.y);
    setToolTip(host.name);
}

void HostItem::setHost(const Host &host)
{
    const bool moved = host.pos != m_host.pos;
    m_host = host;
    if (moved)
        setPos(host.pos.x, host.pos.y);
    setToolTip(QStringLiteral("%1 (%2)").arg(host.name, host.address));
    update();
}

void HostItem::setFindings(int count, Severity worst)
{
    if (count == m_findingCount && worst == m_worst)
        return;
    m_findingCount = count;
    m_worst = worst;
    update();
}

QRectF HostItem::boundingRect() const
{
    return QRectF(-4, -10, kHostWidth + 14, kHostHeight + 14);
}

QPainterPath HostItem::shape() const
{
    QPainterPath p;
    p.addRoundedRect(QRectF(0, 0, kHostWidth, kHostHeight), 10, 10);
    return p;
}

void HostItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette pal = QApplication::palette();
    const bool dark = CanvasStyle::isDark(pal);
    const bool selected = option->state.testFlag(QStyle::State_Selected);
    const QRectF card(0, 0, kHostWidth, kHostHeight);
    painter->setRenderHint(QPainter::Antialiasing);

    // Soft shadow, card, accent strip.
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, dark ? 90 : 28));
    painter->drawRoundedRect(card.translated(0, 2.5), 10, 10);
    painter->setBrush(dark ? pal.color(QPalette::Base).lighter(135) : pal.color(QPalette::Base));
    painter->setPen(QPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), selected ? 2.5 : 1));
    painter->drawRoundedRect(card, 10, 10);
    const QColor accent = CanvasStyle::hostAccent(m_host.roles);
    QPainterPath strip;
    strip.addRoundedRect(QRectF(0, 0, 12, kHostHeight), 10, 10);
    QPainterPath clip;
    clip.addRect(QRectF(0, 0, 6, kHostHeight));
    painter->setPen(Qt::NoPen);
    painter->setBrush(accent);
    painter->drawPath(strip.intersected(clip));

    // Text: name, address, OS.
    QFont nameFont = QApplication::font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.1);
    QFont monoFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    monoFont.setPointSizeF(QApplication::font().pointSizeF() * 0.95);
    QFont smallFont = QApplication::font();
    smallFont.setPointSizeF(smallFont.pointSizeF() * 0.82);

    const QColor text = pal.color(QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.62);
    painter->setPen(text);
    painter->setFont(nameFont);
    const QRectF nameRect(16, 7, kHostWidth - 40, 20);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(nameFont).elidedText(m_host.name.isEmpty() ? QObject::tr("(unnamed)") : m_host.name,
                                                        Qt::ElideRight, int(nameRect.width())));
    painter->setFont(monoFont);
    painter->setPen(m_host.address.isEmpty() ? CanvasStyle::severityColor(Severity::Error) : text);
    painter->drawText(QRectF(16, 28, kHostWidth - 22, 18), Qt::AlignLeft | Qt::AlignVCenter,
                      m_host.address.isEmpty() ? QObject::tr("no address") : m_host.address);
    painter->setFont(smallFont);
    painter->setPen(dim);
    const QString os = shortOsName(m_host.os);
    painter->drawText(QRectF(16, 46, kHostWidth - 22, 16), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(smallFont).elidedText(os.isEmpty() ? m_host.os : os, Qt::ElideRight,
                                                         int(kHostWidth - 22)));

    // Role badges.
    double x = 16;
    const double y = kHostHeight - 24;
    QFont badgeFont = smallFont;
    badgeFont.setBold(true);
    painter->setFont(badgeFont);
    const QFontMetricsF bfm(badgeFont);
    const auto badge = [&](const QString &label, const QColor &c) {
        const double w = bfm.horizontalAdvance(label) + 14;
        const QRectF r(x, y, w, 17);
        painter->setPen(Qt::NoPen);
        QColor fill = c;
        fill.setAlphaF(dark ? 0.45 : 0.14);
        painter->setBrush(fill);
        painter->drawRoundedRect(r, 8.5, 8.5);
        painter->setPen(dark ? c.lighter(170) : c.darker(115));
        painter->drawText(r, Qt::AlignCenter, label);
        x += w + 5;
    };
    if (m_host.has(Role::Postgres))
        badge(QObject::tr("PG+Patroni"), CanvasStyle::roleColor(Role::Postgres));
    if (m_host.has(Role::Etcd))
        badge(QObject::tr("etcd"), CanvasStyle::roleColor(Role::Etcd));
    if (m_host.has(Role::HAProxy))
        badge(QObject::tr("HAProxy"), CanvasStyle::roleColor(Role::HAProxy));
    if (m_host.has(Role::Backup))
        badge(QObject::tr("Backup"), CanvasStyle::roleColor(Role::Backup));
    if (!m_host.roles)
        badge(QObject::tr("no role"), Qt::gray);

    // Worst finding: a round marker on the top-right corner with the count.
    if (m_findingCount > 0) {
        const QRectF m(kHostWidth - 14, -8, 22, 22);
        painter->setPen(QPen(pal.color(QPalette::Base), 2));
        painter->setBrush(CanvasStyle::severityColor(m_worst));
        painter->drawEllipse(m);
        QFont f = badgeFont;
        painter->setFont(f);
        painter->setPen(Qt::white);
        const QString label = m_worst == Severity::Info ? QStringLiteral("i")
                                                         : (m_findingCount > 9 ? QStringLiteral("9+")
                                                                               : QString::number(m_findingCount));
        painter->drawText(m, Qt::AlignCenter, label);
    }
}

QVariant HostItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged && m_scene)
        m_scene->hostItemMoved(this);
    return QGraphicsItem::itemChange(change, value);
}

} // namespace pgha
