#pragma once

#include "gui/canvas/PaletteKind.h"

#include <QListWidget>

namespace pgha {

// The palette: drag an entry onto the canvas (or double-click it to add it at the centre).
class PaletteWidget : public QListWidget
{
    Q_OBJECT
public:
    explicit PaletteWidget(QWidget *parent = nullptr);
    void retranslate();

signals:
    void addRequested(pgha::PaletteKind kind);

protected:
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    QStringList mimeTypes() const override;
};

} // namespace pgha
