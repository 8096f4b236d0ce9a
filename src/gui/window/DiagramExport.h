#pragma once

#include <QCoreApplication>
#include <QString>

class QColor;
class QWidget;

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
    // write() with the window's background, a warning over the window when it fails.
    static bool exportTo(QWidget *window, DesignScene *scene, const QString &path, const QString &clusterName);
    // Asks where (the cluster's name with the suffix, "png" or "svg", proposed), then exportTo().
    static void exportInteractive(QWidget *window, DesignScene *scene, const QString &suffix, const QString &clusterName);
};

} // namespace pgha
