#pragma once

#include <QGraphicsView>

namespace pgha {

class DesignScene;
class LegendWidget;

// The canvas view: zoom (Ctrl+wheel, Ctrl+=/-), pan (middle button or Space+drag), fit, rubber-band
// selection, arrow-key nudging, drops from the palette. Shows the legend in a corner.
class DesignView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit DesignView(DesignScene *scene, QWidget *parent = nullptr);

    DesignScene *designScene() const { return m_scene; }
    LegendWidget *legend() const { return m_legend; }
    double zoom() const;

public slots:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitToWindow();
    void centreOn(const QRectF &sceneRect);

signals:
    void zoomChanged(double factor);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void scaleBy(double factor);
    void placeLegend();

    DesignScene *m_scene;
    LegendWidget *m_legend;
    bool m_panning = false;
    bool m_spaceHeld = false;
    QPoint m_panFrom;
};

} // namespace pgha
