#pragma once

#include <QString>
#include <QStringList>

namespace pgha {

// A plain line diff (longest common subsequence) in unified style: "  same", "- removed", "+ added".
namespace LineDiff {
QStringList diff(const QStringList &before, const QStringList &after);
QString unified(const QString &before, const QString &after);  // joined; "" when equal
} // namespace LineDiff

} // namespace pgha
