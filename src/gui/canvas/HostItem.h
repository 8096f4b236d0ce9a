#pragma once

#include "core/model/Topology.h"
#include "core/validation/Finding.h"

#include <QGraphicsItem>

namespace pgha {

class DesignScene;

// A host card on the canvas: name, address, OS and a badge per role; a marker for its worst finding.
// Knows its host by value (refreshed by the scene) and by uid.
class HostItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };
    explicit HostItem(DesignScene *scene, const Host &host);

    int type() const override { return Type; }
    quint32 uid() const { return m_host.uid; }
    const Host &host() const { return m_host; }
    void setHost(const Host &host);
    void setFindings(int count, Severity worst);  // count 0 = none
    int findingCount() const { return m_findingCount; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    DesignScene *m_scene;
    Host m_host;
    int m_findingCount = 0;
    Severity m_worst = Severity::Info;
};

} // namespace pgha
