#pragma once

#include "monitor/ClusterState.h"

#include <QWidget>

namespace pgha {

// The cluster drawn live: a card per member coloured by role and state (leader marked with a star, lag on the
// replicas), the etcd members as dots and the HAProxy instances with the member their primary port routes to.
// Painted directly: a few dozen rectangles per poll cost nothing, unlike a scene rebuilt every 2 s.
class LiveTopologyView : public QWidget
{
    Q_OBJECT
public:
    explicit LiveTopologyView(QWidget *parent = nullptr);

    void setState(const ClusterState &state);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static QColor memberColor(const MemberState &m);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    ClusterState m_state;
    bool m_hasState = false;
};

} // namespace pgha
