#include "gui/window/DiagramExport.h"

#include "gui/canvas/DesignScene.h"
#include "gui/dialogs/MessageBox.h"

#include <QColor>
#include <QDir>
#include <QFileDialog>
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

bool DiagramExport::exportTo(QWidget *window, DesignScene *scene, const QString &path, const QString &clusterName)
{
    const bool ok = write(scene, path, window->palette().color(QPalette::Base), clusterName);
    if (!ok)
        MessageBox::warning(window, tr("Export diagram"), tr("Could not write %1").arg(QDir::toNativeSeparators(path)));
    return ok;
}

void DiagramExport::exportInteractive(QWidget *window, DesignScene *scene, const QString &suffix, const QString &clusterName)
{
    const QString path = QFileDialog::getSaveFileName(window, tr("Export diagram"), clusterName + QLatin1Char('.') + suffix,
                                                      suffix == QLatin1String("svg") ? tr("SVG (*.svg)") : tr("PNG (*.png)"));
    if (!path.isEmpty())
        exportTo(window, scene, path, clusterName);
}

} // namespace pgha
