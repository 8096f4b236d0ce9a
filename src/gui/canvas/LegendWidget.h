#pragma once

#include <QWidget>

namespace pgha {

struct Cluster;

// Explains the connection lines, with the cluster's actual ports. Floats over the canvas.
class LegendWidget : public QWidget
{
    Q_OBJECT
public:
    explicit LegendWidget(QWidget *parent = nullptr);
    void setCluster(const Cluster &cluster);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QStringList m_lines;
};

} // namespace pgha
