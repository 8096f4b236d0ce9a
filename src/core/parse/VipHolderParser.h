#pragma once

#include <QByteArray>
#include <QString>

namespace pgha::VipHolderParser {

// Which host holds the floating address (cluster.vip): each HAProxy host is asked `command(vip)` and the answer
// read here, the one place that reads iproute2's one-line address listing (docs/vip.md, Dashboard).

// The shell command: `ip -o addr show to '<address>'` (iproute2; prints nothing when the host does not hold it).
QString command(const QString &address);

// The interface holding `address` in `ip -o addr show` output (any selection of lines: "2: eth0    inet
// 198.51.100.100/24 scope global secondary eth0\ ..."), or empty when no line holds it. "eth0@if5" -> "eth0".
QString interfaceHolding(const QByteArray &ipOutput, const QString &address);

} // namespace pgha::VipHolderParser
