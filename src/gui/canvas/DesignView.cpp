#include "gui/canvas/DesignView.h"

#include "gui/canvas/CanvasStyle.h"
#include "gui/canvas/DesignScene.h"
#include "gui/canvas/LegendWidget.h"
#include "gui/document/Document.h"

#include <QApplication>
#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <QtMath>

namespace pgha {

DesignView::DesignView(DesignScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent), m_scene(scene), m_legend(new LegendWidget(this))
{
    setObjectName(QStringLiteral("designView"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    setSceneRect(QRectF(-4000, -4000, 12000, 12000));
    placeLegend();
}

double DesignView::zoom() const
{
    return transform().m11();
}

void DesignView::scaleBy(double factor)
{
    const double next = std::clamp(zoom() * factor, 0.1, 4.0);
    factor = next / zoom();
    scale(factor, factor);
    emit zoomChanged(zoom());
}

void DesignView::zoomIn()
{
    scaleBy(1.2);
}

void DesignView::zoomOut()
{
    scaleBy(1 / 1.2);
}

void DesignView::resetZoom()
{
    setTransform(QTransform());
    emit zoomChanged(1.0);
}

void DesignView::fitToWindow()
{
    QRectF r = m_scene->designBounds();
    if (r.isNull())
        r = QRectF(0, 0, 800, 500);
    r.adjust(-40, -40, 40, 40 + m_legend->height());
    fitInView(r, Qt::KeepAspectRatio);
    if (zoom() > 1.25) {  // a tiny design should not be blown up
        setTransform(QTransform::fromScale(1.25, 1.25));
        centerOn(r.center());
    }
    emit zoomChanged(zoom());
}

void DesignView::centreOn(const QRectF &r)
{
    if (!mapToScene(viewport()->rect()).boundingRect().contains(r))
        centerOn(r.center());
}

void DesignView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        scaleBy(std::pow(1.15, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void DesignView::keyPressEvent(QKeyEvent *event)
{
    const double step = (event->modifiers() & Qt::ShiftModifier) ? 1 : 10;
    QPointF delta;
    switch (event->key()) {
    case Qt::Key_Left: delta = {-step, 0}; break;
    case Qt::Key_Right: delta = {step, 0}; break;
    case Qt::Key_Up: delta = {0, -step}; break;
    case Qt::Key_Down: delta = {0, step}; break;
    case Qt::Key_Space:
        if (!event->isAutoRepeat()) {
            m_spaceHeld = true;
            viewport()->setCursor(Qt::OpenHandCursor);
        }
        event->accept();
        return;
    default: break;
    }
    if (!delta.isNull() && !m_scene->selectedItems().isEmpty()) {
        m_scene->nudgeSelection(delta);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void DesignView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->unsetCursor();
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DesignView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_panFrom = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void DesignView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint d = event->position().toPoint() - m_panFrom;
        m_panFrom = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DesignView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        if (m_spaceHeld)
            viewport()->setCursor(Qt::OpenHandCursor);
        else
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void DesignView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeLegend();
}

void DesignView::placeLegend()
{
    m_legend->adjustSize();
    m_legend->move(12, height() - m_legend->height() - 12);
}

void DesignView::drawBackground(QPainter *painter, const QRectF &rect)
{
    const QPalette pal = palette();
    const bool dark = CanvasStyle::isDark(pal);
    painter->fillRect(rect, dark ? pal.color(QPalette::Base).darker(115) : QColor(0xf6, 0xf7, 0xf9));
    if (zoom() < 0.45)
        return;  // the grid would be noise
    // A light dot grid every 24 scene units.
    const double g = 24;
    QColor dot = pal.color(QPalette::Text);
    dot.setAlphaF(dark ? 0.10 : 0.12);
    painter->setPen(QPen(dot, 1.5 / zoom()));
    QList<QPointF> dots;
    for (double x = std::floor(rect.left() / g) * g; x < rect.right(); x += g) {
        for (double y = std::floor(rect.top() / g) * g; y < rect.bottom(); y += g)
            dots << QPointF(x, y);
    }
    painter->drawPoints(dots.constData(), int(dots.size()));
}

void DesignView::drawForeground(QPainter *painter, const QRectF &)
{
    if (!m_scene->document()->topology().hosts.isEmpty() || !m_scene->document()->topology().subnets.isEmpty())
        return;
    // An empty design says what to do next.
    painter->save();
    painter->resetTransform();
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    painter->setFont(f);
    QColor c = palette().color(QPalette::Text);
    c.setAlphaF(0.45);
    painter->setPen(c);
    painter->drawText(viewport()->rect(), Qt::AlignCenter,
                      tr("Drag a subnet and some nodes from the palette to start.\n"
                         "Three database nodes with etcd and one HAProxy node make a minimal HA cluster."));
    painter->restore();
}

} // namespace pgha
