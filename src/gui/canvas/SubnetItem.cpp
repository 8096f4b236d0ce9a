#include "gui/canvas/SubnetItem.h"

#include "gui/canvas/CanvasStyle.h"
#include "gui/canvas/DesignScene.h"
#include "gui/document/AutoLayout.h"

#include <QApplication>
#include <QCursor>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace pgha {

namespace {
constexpr double kHeader = 30;
constexpr double kBorderGrip = 8;
constexpr double kHandle = 14;
} // namespace

SubnetItem::SubnetItem(DesignScene *scene, const Subnet &subnet) : m_scene(scene), m_subnet(subnet)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(-10);
}

void SubnetItem::setSubnet(const Subnet &subnet)
{
    m_subnet = subnet;
    setToolTip(QStringLiteral("%1 %2").arg(subnet.name, subnet.cidr));
    update();
}

void SubnetItem::setZoneRect(const QRectF &r)
{
    if (r.topLeft() == pos() && r.size() == m_size)
        return;
    prepareGeometryChange();
    m_size = r.size();
    m_programmatic = true;
    setPos(r.topLeft());
    m_lastPos = r.topLeft();
    m_programmatic = false;
    update();
}

void SubnetItem::setFindings(int count, Severity worst)
{
    if (count == m_findingCount && worst == m_worst)
        return;
    m_findingCount = count;
    m_worst = worst;
    update();
}

QRectF SubnetItem::boundingRect() const
{
    return QRectF(QPointF(-2, -2), m_size + QSizeF(4, 4));
}

QPainterPath SubnetItem::shape() const
{
    // Header and border only: the inside belongs to rubber bands and drops.
    QPainterPath outer;
    outer.addRect(QRectF(QPointF(0, 0), m_size));
    QPainterPath inner;
    inner.addRect(QRectF(kBorderGrip, kHeader, m_size.width() - 2 * kBorderGrip, m_size.height() - kHeader - kBorderGrip));
    QPainterPath p = outer.subtracted(inner);
    p.addRect(handleRect());
    return p;
}

QRectF SubnetItem::handleRect() const
{
    return QRectF(m_size.width() - kHandle, m_size.height() - kHandle, kHandle, kHandle);
}

void SubnetItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette pal = QApplication::palette();
    const bool dark = CanvasStyle::isDark(pal);
    const bool selected = option->state.testFlag(QStyle::State_Selected);
    const QRectF r(QPointF(0, 0), m_size);
    painter->setRenderHint(QPainter::Antialiasing);

    QColor tint = m_subnet.clients ? QColor(0x8e, 0x6c, 0xc8) : QColor(0x4a, 0x86, 0xc5);
    QColor fill = tint;
    fill.setAlphaF(dark ? 0.13 : 0.07);
    QColor border = tint;
    border.setAlphaF(0.55);
    painter->setBrush(fill);
    QPen pen(selected ? pal.color(QPalette::Highlight) : border, selected ? 2.5 : 1.4);
    pen.setStyle(m_subnet.clients ? Qt::DashLine : Qt::SolidLine);
    painter->setPen(pen);
    painter->drawRoundedRect(r, 14, 14);

    // Header: name, CIDR, and a hint for a client zone.
    QFont f = QApplication::font();
    f.setBold(true);
    painter->setFont(f);
    const QColor text = dark ? tint.lighter(160) : tint.darker(150);
    painter->setPen(text);
    const QString name = m_subnet.name.isEmpty() ? QObject::tr("(unnamed subnet)") : m_subnet.name;
    const QFontMetricsF fm(f);
    const double nameW = fm.horizontalAdvance(name);
    painter->drawText(QRectF(14, 6, nameW + 2, 20), Qt::AlignLeft | Qt::AlignVCenter, name);
    QFont mono = f;
    mono.setBold(false);
    mono.setFamily(QStringLiteral("monospace"));
    painter->setFont(mono);
    const QString cidr = m_subnet.cidr.isEmpty() ? QObject::tr("no CIDR") : m_subnet.cidr;
    if (m_subnet.clients) {
        // A client range usually holds no cluster host: say what it is for.
        QFont hint = QApplication::font();
        hint.setItalic(true);
        painter->save();
        painter->setFont(hint);
        QColor c = text;
        c.setAlphaF(0.75);
        painter->setPen(c);
        painter->drawText(QRectF(12, kHeader, m_size.width() - 24, m_size.height() - kHeader - 8), Qt::AlignCenter | Qt::TextWordWrap,
                          QObject::tr("Client applications connect from here\n(pg_hba and firewall admit this range)"));
        painter->restore();
    }
    painter->drawText(QRectF(24 + nameW, 6, std::max(0.0, m_size.width() - nameW - 40), 20),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(mono).elidedText(cidr, Qt::ElideRight, std::max(0.0, m_size.width() - nameW - 40)));

    if (m_findingCount > 0) {
        const QRectF m(m_size.width() - 30, 6, 20, 20);
        painter->setPen(Qt::NoPen);
        painter->setBrush(CanvasStyle::severityColor(m_worst));
        painter->drawEllipse(m);
        painter->setPen(Qt::white);
        painter->setFont(f);
        painter->drawText(m, Qt::AlignCenter, m_worst == Severity::Info ? QStringLiteral("i") : QString::number(m_findingCount));
    }

    // Resize grip.
    painter->setPen(QPen(border, 1.2));
    const QRectF h = handleRect();
    for (int i = 1; i <= 3; ++i)
        painter->drawLine(QPointF(h.right() - 3 - i * 3, h.bottom() - 3), QPointF(h.right() - 3, h.bottom() - 3 - i * 3));
}

QVariant SubnetItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged && !m_programmatic && m_scene) {
        const QPointF delta = pos() - m_lastPos;
        m_lastPos = pos();
        m_scene->subnetItemDragged(this, delta);
    }
    return QGraphicsItem::itemChange(change, value);
}

void SubnetItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && handleRect().contains(event->pos())) {
        m_resizing = true;
        event->accept();
        return;
    }
    m_lastPos = pos();
    QGraphicsItem::mousePressEvent(event);
}

void SubnetItem::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_resizing) {
        prepareGeometryChange();
        m_size = QSizeF(std::max(160.0, event->pos().x() + 4), std::max(90.0, event->pos().y() + 4));
        m_resized = true;
        update();
        if (m_scene)
            m_scene->subnetItemResized(this);
        return;
    }
    QGraphicsItem::mouseMoveEvent(event);
}

void SubnetItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    m_resizing = false;
    QGraphicsItem::mouseReleaseEvent(event);
}

void SubnetItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    setCursor(handleRect().contains(event->pos()) ? Qt::SizeFDiagCursor : Qt::ArrowCursor);
    QGraphicsItem::hoverMoveEvent(event);
}

} // namespace pgha
