#pragma once

#include "core/drift/DriftReport.h"

#include <QTextStream>

namespace pgha::cli {

// The drift as `pgha diff` prints it: one row per item (AREA HOST KEY DESIGN ACTUAL FIX), then a summary line.
void printDriftTable(QTextStream &s, const DriftReport &report);

} // namespace pgha::cli
