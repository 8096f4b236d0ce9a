#include "gui/canvas/PaletteWidget.h"

#include <QIcon>
#include <QMimeData>

namespace pgha {

PaletteWidget::PaletteWidget(QWidget *parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("palette"));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setIconSize(QSize(32, 32));
    setSpacing(2);
    setWordWrap(true);
    setUniformItemSizes(false);
    for (PaletteKind kind : Palette::all()) {
        auto *item = new QListWidgetItem(QIcon(Palette::iconPath(kind)), QString(), this);
        item->setData(Qt::UserRole, Palette::key(kind));
    }
    retranslate();
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        PaletteKind kind;
        if (Palette::fromKey(item->data(Qt::UserRole).toString(), &kind))
            emit addRequested(kind);
    });
}

void PaletteWidget::retranslate()
{
    for (int i = 0; i < count(); ++i) {
        PaletteKind kind;
        if (!Palette::fromKey(item(i)->data(Qt::UserRole).toString(), &kind))
            continue;
        item(i)->setText(Palette::title(kind));
        item(i)->setToolTip(Palette::description(kind));
        item(i)->setStatusTip(Palette::description(kind));
    }
}

QStringList PaletteWidget::mimeTypes() const
{
    return {QLatin1String(Palette::kMimeType)};
}

QMimeData *PaletteWidget::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QLatin1String(Palette::kMimeType), items.first()->data(Qt::UserRole).toString().toLatin1());
    return data;
}

} // namespace pgha
