#pragma once

#include <QRectF>

namespace pgha {

struct Topology;
struct Host;

// Canvas geometry shared by the layout and the scene items.
namespace CanvasMetrics {
constexpr double kHostWidth = 184;
constexpr double kHostHeight = 92;
constexpr double kGapX = 84;
constexpr double kGapY = 70;
constexpr double kZonePadding = 28;
constexpr double kZoneHeader = 30;
constexpr double kEmptyZoneWidth = 300;
constexpr double kEmptyZoneHeight = 150;
} // namespace CanvasMetrics

// Places hosts that have no canvas position yet (files written by hand or by the CLI).
namespace AutoLayout {

// If every host sits at (0,0): lays the whole design out, one zone per subnet from left to right,
// HAProxy hosts on the first row. Otherwise only hosts at (0,0) are put in a row under the rest.
// Empty subnets without a rectangle get one.
void placeUnpositioned(Topology *topology);

// The zone of a subnet whose rectangle is automatic: around its hosts, or the empty default.
QRectF autoZoneRect(const Topology &topology, int subnetIndex);

} // namespace AutoLayout
} // namespace pgha
