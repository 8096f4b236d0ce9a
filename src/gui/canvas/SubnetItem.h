#pragma once

#include "core/model/Topology.h"
#include "core/validation/Finding.h"

#include <QGraphicsItem>

namespace pgha {

class DesignScene;

// A subnet zone: a labelled rectangle (name and CIDR) behind its hosts. Grabbed by its header or
// border (so that a rubber band can start inside it); dragging it carries its hosts along; the corner
// handle resizes it, which fixes its size (otherwise it follows its hosts).
class SubnetItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };
    SubnetItem(DesignScene *scene, const Subnet &subnet);

    int type() const override { return Type; }
    quint32 uid() const { return m_subnet.uid; }
    const Subnet &subnet() const { return m_subnet; }
    void setSubnet(const Subnet &subnet);
    // Scene geometry, set by the scene (auto zones follow their hosts).
    void setZoneRect(const QRectF &sceneRect);
    QRectF zoneRect() const { return QRectF(pos(), m_size); }
    bool isResized() const { return m_resized; }
    void clearResized() { m_resized = false; }
    void setFindings(int count, Severity worst);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    QRectF handleRect() const;

    DesignScene *m_scene;
    Subnet m_subnet;
    QSizeF m_size;
    QPointF m_lastPos;
    bool m_programmatic = false;
    bool m_resizing = false;
    bool m_resized = false;
    int m_findingCount = 0;
    Severity m_worst = Severity::Info;
};

} // namespace pgha
