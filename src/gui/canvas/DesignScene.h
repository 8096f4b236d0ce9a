#pragma once

#include "core/validation/Finding.h"
#include "gui/canvas/PaletteKind.h"

#include <QGraphicsScene>
#include <QHash>

namespace pgha {

class ConnectionLayer;
class Document;
class HostItem;
class SubnetItem;

// The canvas. Mirrors the document (listening to its signals) and turns what the mouse and keyboard
// do into undo commands. Items are found by uid, never kept as pointers elsewhere.
class DesignScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit DesignScene(Document *document, QObject *parent = nullptr);
    ~DesignScene() override;

    Document *document() const { return m_doc; }
    HostItem *hostItem(quint32 uid) const { return m_hosts.value(uid); }
    SubnetItem *subnetItem(quint32 uid) const { return m_subnets.value(uid); }
    ConnectionLayer *connections() const { return m_connections; }

    QList<quint32> selectedHostUids() const;
    QList<quint32> selectedSubnetUids() const;
    void selectOnly(const QList<quint32> &hostUids, const QList<quint32> &subnetUids);

    // The one code path for adding from the palette, used by drops, double-clicks and tests.
    // Returns the uid of the new host or subnet (0 if nothing was added).
    quint32 addFromPalette(PaletteKind kind, const QPointF &scenePos);

    // Commits the positions of items the user moved as one undo step (nudge steps merge).
    void commitMoves(bool nudge);
    void nudgeSelection(const QPointF &delta);
    void deleteSelection();
    QByteArray copySelection() const;  // YAML of the selected hosts and subnets, empty if none
    void paste(const QByteArray &yaml);

    // Findings badges: subjects "hosts/<name>" and "subnets/<name>".
    void setFindings(const Findings &findings);

    // The subnet whose zone holds the point (topmost), or nullptr.
    SubnetItem *subnetAt(const QPointF &scenePos, quint32 ignoreUid = 0) const;
    QRectF designBounds() const;

    // Called by the items.
    void hostItemMoved(HostItem *item);
    void subnetItemDragged(SubnetItem *item, const QPointF &delta);
    void subnetItemResized(SubnetItem *item);

signals:
    void paletteDropped(pgha::PaletteKind kind, quint32 uid);

protected:
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;

private:
    void rebuild();
    void addHostItem(quint32 uid);
    void addSubnetItem(quint32 uid);
    void refreshZones(SubnetItem *skip = nullptr);
    void scheduleConnections();
    void rebuildConnections();

    Document *m_doc;
    QHash<quint32, HostItem *> m_hosts;
    QHash<quint32, SubnetItem *> m_subnets;
    ConnectionLayer *m_connections;
    bool m_connectionsPending = false;
    bool m_draggingZone = false;
    int m_pasteCount = 0;
};

} // namespace pgha
