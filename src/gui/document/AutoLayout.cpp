#include "gui/document/AutoLayout.h"

#include "core/model/Topology.h"

#include <QtMath>

#include <algorithm>

namespace pgha::AutoLayout {

using namespace CanvasMetrics;

namespace {

int rowRank(const Host &h)
{
    // Load balancers first (they face the clients), then database nodes, then dedicated etcd.
    if (h.has(Role::HAProxy) && !h.has(Role::Postgres))
        return 0;
    if (h.has(Role::Postgres))
        return 1;
    return 2;
}

// Lays out the hosts of one group in rows by rank; returns the width used.
double placeGroup(QList<Host *> group, double x0, double y0)
{
    std::stable_sort(group.begin(), group.end(), [](const Host *a, const Host *b) { return rowRank(*a) < rowRank(*b); });
    const int cols = std::max(3, int(std::ceil(std::sqrt(double(group.size())))));
    double y = y0;
    int col = 0;
    int prevRank = group.isEmpty() ? 0 : rowRank(*group.first());
    int maxCols = 0;
    for (Host *h : group) {
        const int rank = rowRank(*h);
        if ((rank != prevRank && col > 0) || col == cols) {
            y += kHostHeight + kGapY + (group.size() <= 6 && maxCols > 1 ? kHostHeight * 0.75 : 0);
            col = 0;
        }
        prevRank = rank;
        // In a small design the middle cards of a row sit lower, so that the lines between the outer
        // ones (replication, etcd peers) pass above them instead of hiding behind them.
        const double stagger = (group.size() <= 6 && col % 2 == 1) ? kHostHeight * 0.75 : 0;
        h->pos = {x0 + col * (kHostWidth + kGapX), y + stagger};
        ++col;
        maxCols = std::max(maxCols, col);
    }
    return maxCols * kHostWidth + std::max(0, maxCols - 1) * kGapX;
}

} // namespace

void placeUnpositioned(Topology *t)
{
    const bool allUnplaced = std::all_of(t->hosts.cbegin(), t->hosts.cend(),
                                         [](const Host &h) { return h.pos == CanvasPos(); });
    double x = 0;
    if (allUnplaced && !t->hosts.isEmpty()) {
        const double top = kZonePadding + kZoneHeader;
        for (Subnet &s : t->subnets) {
            QList<Host *> group;
            for (Host &h : t->hosts) {
                if (h.subnet == s.name)
                    group << &h;
            }
            if (group.isEmpty())
                continue;
            const double w = placeGroup(group, x + kZonePadding, top);
            x += w + 2 * kZonePadding + kGapX * 2;
        }
        QList<Host *> loose;
        for (Host &h : t->hosts) {
            if (!t->subnetByName(h.subnet))
                loose << &h;
        }
        if (!loose.isEmpty())
            x += placeGroup(loose, x + kZonePadding, top) + 2 * kZonePadding + kGapX * 2;
    } else {
        double bottom = 0;
        for (const Host &h : t->hosts) {
            if (h.pos != CanvasPos())
                bottom = std::max(bottom, h.pos.y + kHostHeight);
        }
        double hx = 0;
        for (Host &h : t->hosts) {
            if (h.pos == CanvasPos() && bottom > 0) {
                h.pos = {hx, bottom + kGapY * 2};
                hx += kHostWidth + kGapX;
            }
        }
        for (int i = 0; i < t->subnets.size(); ++i)
            x = std::max(x, autoZoneRect(*t, i).right() + kGapX * 2);
    }
    // Empty zones without a rectangle go to the right of everything.
    for (int i = 0; i < t->subnets.size(); ++i) {
        Subnet &s = t->subnets[i];
        if (s.rect.width > 0)
            continue;
        const bool hasHosts = std::any_of(t->hosts.cbegin(), t->hosts.cend(),
                                          [&](const Host &h) { return h.subnet == s.name; });
        if (hasHosts)
            continue;
        s.rect = {x, 0, kEmptyZoneWidth, kEmptyZoneHeight};
        x += kEmptyZoneWidth + kGapX * 2;
    }
}

QRectF autoZoneRect(const Topology &t, int subnetIndex)
{
    const Subnet &s = t.subnets.at(subnetIndex);
    if (s.rect.width > 0 && s.rect.height > 0)
        return QRectF(s.rect.x, s.rect.y, s.rect.width, s.rect.height);
    QRectF r;
    for (const Host &h : t.hosts) {
        if (h.subnet == s.name)
            r |= QRectF(h.pos.x, h.pos.y, kHostWidth, kHostHeight);
    }
    if (r.isNull())
        return QRectF(s.rect.x, s.rect.y, kEmptyZoneWidth, kEmptyZoneHeight);
    return r.adjusted(-kZonePadding, -kZonePadding - kZoneHeader, kZonePadding, kZonePadding);
}

} // namespace pgha::AutoLayout
