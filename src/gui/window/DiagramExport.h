#pragma once

#include <QCoreApplication>
#include <QString>

class QColor;

namespace pgha {

class DesignScene;

// File > Export Diagram: the design as a picture, PNG (at 2x) or SVG (vectors and text), without the
// selection. The canvas shows no secret, so neither does the picture (a test searches the SVG for them).
class DiagramExport
{
    Q_DECLARE_TR_FUNCTIONS(pgha::DiagramExport)
public:
    // .svg by suffix, PNG otherwise; false when the file could not be written.
    static bool write(DesignScene *scene, const QString &path, const QColor &background, const QString &title);
};

} // namespace pgha
