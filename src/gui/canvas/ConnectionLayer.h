#pragma once

#include "gui/canvas/CanvasStyle.h"

#include <QGraphicsItem>
#include <QHash>
#include <QPainterPath>

namespace pgha {

struct Topology;

// Every connection of the design in one item: derived from the roles (never drawn by hand) and from
// where the cards are right now, so lines follow a drag. One item instead of one per line keeps a
// 200-host design cheap to rebuild.
class ConnectionLayer : public QGraphicsItem
{
public:
    ConnectionLayer();

    // centres: uid -> current centre of the host's card.
    void rebuild(const Topology &topology, const QHash<quint32, QPointF> &centres);
    int segmentCount(CanvasStyle::Link link) const { return m_counts.value(int(link)); }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    struct Label
    {
        QPointF at;
        QString text;
    };
    QHash<int, QPainterPath> m_paths;
    QHash<int, int> m_counts;
    QList<Label> m_labels;
    QRectF m_bounds;
};

} // namespace pgha
