#include "gui/canvas/CanvasClipboard.h"

#include "gui/canvas/DesignScene.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>

namespace pgha::CanvasClipboard {

namespace {
const char *kMime = "application/x-pgha-items";
}

void copy(DesignScene *scene)
{
    const QByteArray data = scene->copySelection();
    if (data.isEmpty())
        return;
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(kMime), data);
    mime->setText(QString::fromUtf8(data));
    QApplication::clipboard()->setMimeData(mime);
}

void paste(DesignScene *scene)
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (mime && mime->hasFormat(QLatin1String(kMime)))
        scene->paste(mime->data(QLatin1String(kMime)));
}

} // namespace pgha::CanvasClipboard
