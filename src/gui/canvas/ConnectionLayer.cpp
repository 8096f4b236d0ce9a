#include "gui/canvas/ConnectionLayer.h"

#include "core/model/Topology.h"

#include <QApplication>
#include <QLineF>
#include <QPainter>
#include <QPalette>
#include <QtMath>

namespace pgha {

using CanvasStyle::Link;

namespace {

const QList<Link> kLinks = {Link::EtcdPeer, Link::Dcs, Link::Replication, Link::HAProxy};

double offsetOf(Link l)
{
    switch (l) {
    case Link::HAProxy: return 0;
    case Link::Replication: return -4;
    case Link::Dcs: return 4;
    case Link::EtcdPeer: return -8;
    }
    return 0;
}

} // namespace

ConnectionLayer::ConnectionLayer()
{
    setZValue(-5);
    setAcceptedMouseButtons(Qt::NoButton);
}

void ConnectionLayer::rebuild(const Topology &t, const QHash<quint32, QPointF> &centres)
{
    prepareGeometryChange();
    m_paths.clear();
    m_counts.clear();
    m_labels.clear();

    // Parallel links between the same two hosts are shifted sideways, in the direction given by the
    // lower uid, so that a->b and b->a of one kind coincide and different kinds sit side by side.
    const auto add = [&](Link link, const Host &a, const Host &b) {
        if (a.uid == b.uid || !centres.contains(a.uid) || !centres.contains(b.uid))
            return QLineF();
        const bool flip = a.uid > b.uid;
        QLineF line(centres.value(flip ? b.uid : a.uid), centres.value(flip ? a.uid : b.uid));
        const QLineF normal = line.normalVector().unitVector();
        const QPointF shift = (normal.p2() - normal.p1()) * offsetOf(link);
        line.translate(shift);
        QPainterPath &p = m_paths[int(link)];
        p.moveTo(line.p1());
        p.lineTo(line.p2());
        ++m_counts[int(link)];
        return flip ? QLineF(line.p2(), line.p1()) : line;
    };

    QList<const Host *> pg, etcd, lb;
    for (const Host &h : t.hosts) {
        if (h.has(Role::Postgres))
            pg << &h;
        if (h.has(Role::Etcd))
            etcd << &h;
        if (h.has(Role::HAProxy))
            lb << &h;
    }
    // etcd peer mesh (2380).
    for (int i = 0; i < etcd.size(); ++i) {
        for (int j = i + 1; j < etcd.size(); ++j)
            add(Link::EtcdPeer, *etcd[i], *etcd[j]);
    }
    // Patroni -> every etcd member (2379): Patroni lists all of them. On a big design every pair would
    // paint a solid wall of lines (and cost a lot of rasterising): each host then links to its
    // nearest member only.
    const auto nearest = [&](const Host *from, const QList<const Host *> &to) -> const Host * {
        const Host *best = nullptr;
        double bestD = 0;
        for (const Host *t : to) {
            if (t->uid == from->uid)
                return t;
            const QPointF d = centres.value(t->uid) - centres.value(from->uid);
            const double dd = d.x() * d.x() + d.y() * d.y();
            if (!best || dd < bestD) {
                best = t;
                bestD = dd;
            }
        }
        return best;
    };
    constexpr int kDenseLimit = 48;
    const bool denseDcs = pg.size() * etcd.size() > kDenseLimit;
    for (const Host *p : pg) {
        if (denseDcs) {
            if (const Host *e = nearest(p, etcd))
                add(Link::Dcs, *p, *e);
            continue;
        }
        for (const Host *e : etcd)
            add(Link::Dcs, *p, *e);
    }
    // Replication: any member may lead, so a mesh while it stays readable, else a chain.
    if (pg.size() <= 6) {
        for (int i = 0; i < pg.size(); ++i) {
            for (int j = i + 1; j < pg.size(); ++j)
                add(Link::Replication, *pg[i], *pg[j]);
        }
    } else {
        for (int i = 0; i + 1 < pg.size(); ++i)
            add(Link::Replication, *pg[i], *pg[i + 1]);
    }
    // HAProxy -> each PostgreSQL host: 5000/5001 routed by the 8008 health check.
    const QString label = QStringLiteral("%1/%2 · %3")
                              .arg(t.cluster.haproxy.primaryPort)
                              .arg(t.cluster.haproxy.replicaPort)
                              .arg(t.cluster.patroni.restApiPort);
    const bool labelled = lb.size() * pg.size() <= 12;
    if (lb.size() * pg.size() > kDenseLimit) {
        for (const Host *p : pg) {
            if (const Host *l = nearest(p, lb))
                add(Link::HAProxy, *l, *p);
        }
    } else {
        for (const Host *l : lb) {
            for (const Host *p : pg) {
                const QLineF line = add(Link::HAProxy, *l, *p);
                if (labelled && !line.isNull())
                    m_labels.append({line.pointAt(0.5), label});
            }
        }
    }

    m_bounds = QRectF();
    for (auto it = m_paths.cbegin(); it != m_paths.cend(); ++it)
        m_bounds |= it.value().boundingRect();
    for (const Label &l : std::as_const(m_labels))
        m_bounds |= QRectF(l.at - QPointF(60, 12), QSizeF(120, 24));
    m_bounds.adjust(-4, -4, 4, 4);
    update();
}

QRectF ConnectionLayer::boundingRect() const
{
    return m_bounds;
}

void ConnectionLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    int total = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        total += it.value();
    // Dashed, antialiased strokes are the slowest thing the raster engine draws: past a few dozen
    // lines they go plain and aliased (the colours still tell the kinds apart).
    const bool dense = total > 60;
    painter->setRenderHint(QPainter::Antialiasing, !dense);
    painter->setBrush(Qt::NoBrush);
    for (Link link : kLinks) {
        const auto it = m_paths.constFind(int(link));
        if (it == m_paths.cend())
            continue;
        QPen pen(CanvasStyle::linkColor(link), link == Link::HAProxy ? 2.0 : 1.6,
                 dense ? Qt::SolidLine : CanvasStyle::linkStyle(link));
        pen.setCapStyle(Qt::RoundCap);
        painter->setPen(pen);
        painter->drawPath(it.value());
    }
    if (m_labels.isEmpty())
        return;
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * 0.8);
    painter->setFont(f);
    const QFontMetricsF fm(f);
    const QPalette pal = QApplication::palette();
    for (const Label &l : std::as_const(m_labels)) {
        const double w = fm.horizontalAdvance(l.text) + 10;
        const QRectF r(l.at.x() - w / 2, l.at.y() - 9, w, 18);
        painter->setPen(QPen(CanvasStyle::linkColor(Link::HAProxy), 1));
        painter->setBrush(pal.color(QPalette::Base));
        painter->drawRoundedRect(r, 9, 9);
        painter->setPen(pal.color(QPalette::Text));
        painter->drawText(r, Qt::AlignCenter, l.text);
    }
}

} // namespace pgha
