#include "gui/window/DiagramExport.h"

#include "gui/canvas/DesignScene.h"

#include <QColor>
#include <QGraphicsItem>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace pgha {

bool DiagramExport::write(DesignScene *scene, const QString &path, const QColor &background, const QString &title)
{
    const QList<QGraphicsItem *> selected = scene->selectedItems();
    scene->clearSelection();  // the picture shows the design, not what happened to be selected
    const QRectF source = scene->designBounds().adjusted(-30, -30, 30, 30);
    // Cached cards would go into the file as bitmaps: paint them afresh, as vectors and text.
    QList<QPair<QGraphicsItem *, QGraphicsItem::CacheMode>> cached;
    for (QGraphicsItem *i : scene->items()) {
        if (i->cacheMode() != QGraphicsItem::NoCache) {
            cached.append({i, i->cacheMode()});
            i->setCacheMode(QGraphicsItem::NoCache);
        }
    }
    bool ok = false;
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        svg.setTitle(title);
        svg.setDescription(tr("PG HA Designer diagram"));
        QPainter p;
        ok = p.begin(&svg);
        if (ok) {
            p.fillRect(QRectF(QPointF(0, 0), source.size()), background);
            scene->render(&p, QRectF(QPointF(0, 0), source.size()), source);
            p.end();
        }
    } else {
        QImage image((source.size() * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2);
        image.fill(background);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        scene->render(&p, QRectF(QPointF(0, 0), source.size()), source);
        p.end();
        ok = image.save(path, "PNG");
    }
    for (const auto &[item, mode] : std::as_const(cached))
        item->setCacheMode(mode);
    for (QGraphicsItem *i : selected)
        i->setSelected(true);
    return ok;
}

} // namespace pgha
