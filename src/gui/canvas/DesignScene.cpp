#include "gui/canvas/DesignScene.h"

#include "core/edit/EditRules.h"
#include "core/model/Addressing.h"
#include "core/project/ProjectFile.h"
#include "gui/canvas/ConnectionLayer.h"
#include "gui/canvas/HostItem.h"
#include "gui/canvas/SubnetItem.h"
#include "gui/commands/AddHostCommand.h"
#include "gui/commands/AddSubnetCommand.h"
#include "gui/commands/ChangeValueCommand.h"
#include "gui/commands/MoveItemsCommand.h"
#include "gui/commands/PasteCommand.h"
#include "gui/commands/RemoveItemsCommand.h"
#include "gui/document/AutoLayout.h"
#include "gui/document/Document.h"

#include <QGraphicsSceneDragDropEvent>
#include <QMimeData>
#include <QTimer>
#include <QUndoStack>

#include <utility>

namespace pgha {

using namespace CanvasMetrics;

DesignScene::DesignScene(Document *document, QObject *parent)
    : QGraphicsScene(parent), m_doc(document), m_connections(new ConnectionLayer)
{
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    addItem(m_connections);

    connect(m_doc, &Document::topologyReset, this, &DesignScene::rebuild);
    connect(m_doc, &Document::hostAdded, this, [this](quint32 uid) {
        addHostItem(uid);
        refreshZones();
        scheduleConnections();
    });
    connect(m_doc, &Document::hostRemoved, this, [this](quint32 uid) {
        delete m_hosts.take(uid);
        refreshZones();
        scheduleConnections();
    });
    connect(m_doc, &Document::hostChanged, this, [this](quint32 uid) {
        const int i = m_doc->hostIndex(uid);
        if (HostItem *item = m_hosts.value(uid); item && i >= 0)
            item->setHost(m_doc->topology().hosts.at(i));
        refreshZones();
        scheduleConnections();
    });
    connect(m_doc, &Document::subnetAdded, this, [this](quint32 uid) {
        addSubnetItem(uid);
        refreshZones();
    });
    connect(m_doc, &Document::subnetRemoved, this, [this](quint32 uid) {
        delete m_subnets.take(uid);
        refreshZones();
    });
    connect(m_doc, &Document::subnetChanged, this, [this](quint32 uid) {
        const int i = m_doc->subnetIndex(uid);
        if (SubnetItem *item = m_subnets.value(uid); item && i >= 0) {
            item->setSubnet(m_doc->topology().subnets.at(i));
            item->clearResized();
        }
        refreshZones();
    });
    connect(m_doc, &Document::clusterChanged, this, &DesignScene::scheduleConnections);
    rebuild();
}

DesignScene::~DesignScene()
{
    // QGraphicsScene deletes the items after this body: nobody may hear about it or look them up.
    blockSignals(true);
    m_hosts.clear();
    m_subnets.clear();
}

void DesignScene::rebuild()
{
    // Out of the maps first: deleting a selected item emits selectionChanged, and listeners look items up.
    const QHash<quint32, HostItem *> oldHosts = std::exchange(m_hosts, {});
    const QHash<quint32, SubnetItem *> oldSubnets = std::exchange(m_subnets, {});
    qDeleteAll(oldHosts);
    qDeleteAll(oldSubnets);
    for (const Subnet &s : m_doc->topology().subnets)
        addSubnetItem(s.uid);
    for (const Host &h : m_doc->topology().hosts)
        addHostItem(h.uid);
    refreshZones();
    rebuildConnections();
}

void DesignScene::addHostItem(quint32 uid)
{
    const int i = m_doc->hostIndex(uid);
    if (i < 0 || m_hosts.contains(uid))
        return;
    auto *item = new HostItem(this, m_doc->topology().hosts.at(i));
    item->setHost(m_doc->topology().hosts.at(i));
    addItem(item);
    m_hosts.insert(uid, item);
}

void DesignScene::addSubnetItem(quint32 uid)
{
    const int i = m_doc->subnetIndex(uid);
    if (i < 0 || m_subnets.contains(uid))
        return;
    auto *item = new SubnetItem(this, m_doc->topology().subnets.at(i));
    item->setSubnet(m_doc->topology().subnets.at(i));
    addItem(item);
    m_subnets.insert(uid, item);
}

void DesignScene::refreshZones(SubnetItem *skip)
{
    // Auto zones wrap the cards where they are now (also while a card is being dragged).
    const Topology &t = m_doc->topology();
    QHash<QString, QRectF> around;
    for (HostItem *h : std::as_const(m_hosts))
        around[h->host().subnet] |= QRectF(h->pos(), QSizeF(kHostWidth, kHostHeight));
    for (SubnetItem *item : std::as_const(m_subnets)) {
        if (item == skip || item->isResized())
            continue;
        const Subnet &s = item->subnet();
        QRectF r;
        if (s.rect.width > 0 && s.rect.height > 0) {
            r = QRectF(s.rect.x, s.rect.y, s.rect.width, s.rect.height);
        } else if (around.contains(s.name) && !around.value(s.name).isNull()) {
            r = around.value(s.name).adjusted(-kZonePadding, -kZonePadding - kZoneHeader, kZonePadding, kZonePadding);
        } else {
            r = QRectF(s.rect.x, s.rect.y, kEmptyZoneWidth, kEmptyZoneHeight);
        }
        item->setZoneRect(r);
    }
    Q_UNUSED(t);
}

void DesignScene::scheduleConnections()
{
    if (m_connectionsPending)
        return;
    m_connectionsPending = true;
    // Coalesce: a drag moves many cards per frame, the lines are rebuilt once.
    QTimer::singleShot(0, this, [this] {
        m_connectionsPending = false;
        rebuildConnections();
    });
}

void DesignScene::rebuildConnections()
{
    QHash<quint32, QPointF> centres;
    centres.reserve(m_hosts.size());
    for (auto it = m_hosts.cbegin(); it != m_hosts.cend(); ++it)
        centres.insert(it.key(), it.value()->pos() + QPointF(kHostWidth / 2, kHostHeight / 2));
    m_connections->rebuild(m_doc->topology(), centres);
}

void DesignScene::hostItemMoved(HostItem *item)
{
    if (!m_hosts.contains(item->uid()))
        return;
    if (!m_draggingZone)
        refreshZones(qgraphicsitem_cast<SubnetItem *>(mouseGrabberItem()));
    scheduleConnections();
}

void DesignScene::subnetItemDragged(SubnetItem *item, const QPointF &delta)
{
    if (mouseGrabberItem() != item)
        return;  // only a drag of the zone itself carries its hosts
    m_draggingZone = true;
    for (HostItem *h : std::as_const(m_hosts)) {
        if (h->host().subnet == item->subnet().name && !h->isSelected())
            h->setPos(h->pos() + delta);
    }
    m_draggingZone = false;
}

void DesignScene::subnetItemResized(SubnetItem *)
{
    update();
}

QList<quint32> DesignScene::selectedHostUids() const
{
    QList<quint32> out;
    for (const Host &h : m_doc->topology().hosts) {  // document order: stable for copy and tests
        if (HostItem *item = m_hosts.value(h.uid); item && item->isSelected())
            out << h.uid;
    }
    return out;
}

QList<quint32> DesignScene::selectedSubnetUids() const
{
    QList<quint32> out;
    for (const Subnet &s : m_doc->topology().subnets) {
        if (SubnetItem *item = m_subnets.value(s.uid); item && item->isSelected())
            out << s.uid;
    }
    return out;
}

void DesignScene::selectOnly(const QList<quint32> &hostUids, const QList<quint32> &subnetUids)
{
    {
    const QSignalBlocker block(this);  // one selectionChanged, not one per item
    clearSelection();
    for (quint32 uid : hostUids) {
        if (HostItem *item = m_hosts.value(uid))
            item->setSelected(true);
    }
    for (quint32 uid : subnetUids) {
        if (SubnetItem *item = m_subnets.value(uid))
            item->setSelected(true);
    }
    }
    emit selectionChanged();
}

SubnetItem *DesignScene::subnetAt(const QPointF &p, quint32 ignoreUid) const
{
    SubnetItem *best = nullptr;
    for (SubnetItem *s : std::as_const(m_subnets)) {
        if (s->uid() == ignoreUid || !s->zoneRect().contains(p))
            continue;
        // The smallest zone holding the point wins (a zone drawn inside another).
        if (!best || s->zoneRect().width() * s->zoneRect().height()
                         < best->zoneRect().width() * best->zoneRect().height())
            best = s;
    }
    return best;
}

QRectF DesignScene::designBounds() const
{
    QRectF r;
    for (HostItem *h : std::as_const(m_hosts))
        r |= h->sceneBoundingRect();
    for (SubnetItem *s : std::as_const(m_subnets))
        r |= s->sceneBoundingRect();
    return r;
}

quint32 DesignScene::addFromPalette(PaletteKind kind, const QPointF &scenePos)
{
    const Topology &t = m_doc->topology();
    const quint32 uid = m_doc->newUid();
    if (kind == PaletteKind::Subnet) {
        Subnet s;
        s.uid = uid;
        s.name = Addressing::uniqueSubnetName(t, t.subnets.isEmpty() ? QStringLiteral("db") : Palette::baseName(kind));
        s.cidr = EditRules::freeSubnetCidr(t);
        s.rect = {std::round(scenePos.x() - 40), std::round(scenePos.y() - 20), 3 * kHostWidth + 2 * kGapX + 2 * kZonePadding,
                  kHostHeight * 2 + kGapY + 2 * kZonePadding + kZoneHeader};
        m_doc->undoStack()->push(new AddSubnetCommand(m_doc, s));
        emit paletteDropped(kind, uid);
        return uid;
    }
    Host h;
    h.uid = uid;
    h.roles = Palette::roles(kind);
    h.name = Addressing::uniqueHostName(t, Palette::baseName(kind));
    // Same OS as the rest of the design, so that a new node does not mix package sources.
    if (!t.hosts.isEmpty())
        h.os = t.hosts.constLast().os;
    h.pos = {std::round(scenePos.x() - kHostWidth / 2), std::round(scenePos.y() - kHostHeight / 2)};
    if (SubnetItem *zone = subnetAt(scenePos)) {
        h.subnet = zone->subnet().name;
        h.address = Addressing::nextFreeAddress(t, h.subnet);
    }
    m_doc->undoStack()->push(new AddHostCommand(m_doc, h));
    emit paletteDropped(kind, uid);
    return uid;
}

void DesignScene::commitMoves(bool nudge)
{
    const Topology &t = m_doc->topology();
    QList<MoveItemsCommand::HostMove> hostMoves;
    QList<MoveItemsCommand::SubnetMove> subnetMoves;
    for (const Host &h : t.hosts) {
        HostItem *item = m_hosts.value(h.uid);
        if (!item)
            continue;
        const CanvasPos now{std::round(item->pos().x()), std::round(item->pos().y())};
        if (now != h.pos)
            hostMoves.append({h.uid, h.pos, now});
    }
    for (const Subnet &s : t.subnets) {
        SubnetItem *item = m_subnets.value(s.uid);
        if (!item)
            continue;
        const bool explicitRect = s.rect.width > 0 && s.rect.height > 0;
        if (!explicitRect && !item->isResized())
            continue;  // an auto zone follows its hosts; nothing of its own to save
        const QRectF r = item->zoneRect();
        const CanvasRect now{std::round(r.x()), std::round(r.y()), std::round(r.width()), std::round(r.height())};
        if (now != s.rect)
            subnetMoves.append({s.uid, s.rect, now});
    }
    if (hostMoves.isEmpty() && subnetMoves.isEmpty())
        return;

    // A host dragged into another zone joins that subnet and takes its next free address.
    QList<std::pair<Host, Host>> rehomed;
    if (!nudge) {
        Topology scratch = t;
        for (const auto &m : std::as_const(hostMoves)) {
            HostItem *item = m_hosts.value(m.uid);
            const Host *before = t.hostByUid(m.uid);
            SubnetItem *zone = subnetAt(item->sceneBoundingRect().center());
            if (!before || !zone || zone->subnet().name == before->subnet)
                continue;
            // Dragging a whole zone moves its hosts with it: they stay where they belong.
            if (m_subnets.contains(zone->uid()) && zone->isSelected())
                continue;
            // The same rule as the inspector's subnet box.
            Host after = EditRules::moveHostToSubnet(scratch, m.uid, zone->subnet().name);
            after.pos = m.to;
            if (Host *s = scratch.hostByUid(m.uid))
                *s = after;
            rehomed.append({*before, after});
        }
    }
    if (rehomed.isEmpty()) {
        m_doc->undoStack()->push(new MoveItemsCommand(m_doc, hostMoves, subnetMoves, nudge));
        return;
    }
    const QString text = tr("Move %1 into subnet %2").arg(rehomed.first().first.name, rehomed.first().second.subnet);
    m_doc->undoStack()->beginMacro(text);
    m_doc->undoStack()->push(new MoveItemsCommand(m_doc, hostMoves, subnetMoves, false));
    ChangeValueCommand::Values values;  // read after the move above: only subnet and address differ
    for (const auto &pair : std::as_const(rehomed))
        values.hosts << pair.second;
    m_doc->undoStack()->push(new ChangeValueCommand(m_doc, values, text));
    m_doc->undoStack()->endMacro();
}

void DesignScene::nudgeSelection(const QPointF &delta)
{
    bool any = false;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == HostItem::Type || item->type() == SubnetItem::Type) {
            item->setPos(item->pos() + delta);
            any = true;
        }
    }
    if (any)
        commitMoves(true);
}

void DesignScene::deleteSelection()
{
    auto *cmd = new RemoveItemsCommand(m_doc, selectedHostUids(), selectedSubnetUids());
    if (cmd->isEmpty()) {
        delete cmd;
        return;
    }
    m_doc->undoStack()->push(cmd);
}

QByteArray DesignScene::copySelection() const
{
    const QList<quint32> hosts = selectedHostUids();
    const QList<quint32> subnets = selectedSubnetUids();
    if (hosts.isEmpty() && subnets.isEmpty())
        return {};
    Topology part;
    part.cluster = m_doc->topology().cluster;
    for (const Subnet &s : m_doc->topology().subnets) {
        if (subnets.contains(s.uid)) {
            Subnet c = s;
            const QRectF r = m_subnets.value(s.uid)->zoneRect();
            c.rect = {r.x(), r.y(), r.width(), r.height()};  // a pasted zone keeps its shape
            part.subnets << c;
        }
    }
    for (const Host &h : m_doc->topology().hosts) {
        if (hosts.contains(h.uid))
            part.hosts << h;
    }
    return ProjectFile::serialize(part);
}

void DesignScene::paste(const QByteArray &yaml)
{
    const Result<LoadedProject> loaded = ProjectFile::parse(yaml, QStringLiteral("clipboard"));
    if (!loaded.ok())
        return;
    const EditRules::PasteItems items = EditRules::preparePaste(m_doc->topology(), loaded->topology, 36 * (++m_pasteCount),
                                                                [this] { return m_doc->newUid(); });
    const QList<Subnet> &subnets = items.subnets;
    const QList<Host> &hosts = items.hosts;
    QList<quint32> hostUids;
    for (const Host &h : hosts)
        hostUids << h.uid;
    if (hosts.isEmpty() && subnets.isEmpty())
        return;
    m_doc->undoStack()->push(new PasteCommand(m_doc, subnets, hosts));
    QList<quint32> subnetUids;
    for (const Subnet &s : std::as_const(subnets))
        subnetUids << s.uid;
    selectOnly(hostUids, subnetUids);
}

void DesignScene::setFindings(const Findings &findings)
{
    struct Tally
    {
        int count = 0;
        Severity worst = Severity::Info;
    };
    QHash<QString, Tally> bySubject;
    for (const Finding &f : findings) {
        Tally &t = bySubject[f.subject];
        ++t.count;
        if (int(f.severity) < int(t.worst))
            t.worst = f.severity;
    }
    for (HostItem *h : std::as_const(m_hosts)) {
        const Tally t = bySubject.value(QStringLiteral("hosts/") + h->host().name);
        h->setFindings(t.count, t.worst);
    }
    for (SubnetItem *s : std::as_const(m_subnets)) {
        const Tally t = bySubject.value(QStringLiteral("subnets/") + s->subnet().name);
        s->setFindings(t.count, t.worst);
    }
}

void DesignScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mouseReleaseEvent(event);
    commitMoves(false);
}

void DesignScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    if (event->mimeData()->hasFormat(QLatin1String(Palette::kMimeType)))
        event->acceptProposedAction();
    else
        QGraphicsScene::dragEnterEvent(event);
}

void DesignScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    if (event->mimeData()->hasFormat(QLatin1String(Palette::kMimeType)))
        event->acceptProposedAction();
    else
        QGraphicsScene::dragMoveEvent(event);
}

void DesignScene::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    PaletteKind kind;
    if (!Palette::fromKey(QString::fromLatin1(event->mimeData()->data(QLatin1String(Palette::kMimeType))), &kind)) {
        QGraphicsScene::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    addFromPalette(kind, event->scenePos());
}

} // namespace pgha
