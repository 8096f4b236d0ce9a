#pragma once

#include "core/model/Topology.h"
#include "core/validation/Finding.h"

#include <QColor>

class QPalette;

namespace pgha {

// Colours of the canvas: fixed hues for roles, connections and severities; everything else follows
// the system palette so that the canvas works in light and dark mode.
namespace CanvasStyle {
QColor roleColor(Role role);
QColor severityColor(Severity severity);
QColor hostAccent(const Roles &roles);
bool isDark(const QPalette &palette);

enum class Link { HAProxy, Dcs, EtcdPeer, Replication };
QColor linkColor(Link link);
Qt::PenStyle linkStyle(Link link);
} // namespace CanvasStyle

} // namespace pgha
