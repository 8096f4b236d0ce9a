#pragma once

#include "core/model/Topology.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QWidget;

namespace pgha {

// Offers the autosaved designs that processes left behind when they did not exit cleanly, newest first,
// one question each: Yes recovers it, No deletes it (declined), Cancel keeps it and every later one for
// the next time. A copy that cannot be loaded is reported (file and reason) and kept. Once one design is
// recovered into the window the others are kept, to be offered again (File > Recover Autosaved Designs,
// or the next start): an orphan is deleted only when it was recovered or declined.
class AutosaveRecovery
{
    Q_DECLARE_TR_FUNCTIONS(pgha::AutosaveRecovery)
public:
    // Puts a recovered design into the window; false when it could not (the copy is then kept).
    using Load = std::function<bool(const Topology &topology, const QString &originalPath)>;
    struct Outcome
    {
        int recovered = 0;
        int declined = 0;
        int failed = 0;  // could not be read; kept
        int kept = 0;    // not asked about (Cancel, or after a recovery); kept
    };

    static Outcome offer(QWidget *parent, const Load &load);
};

} // namespace pgha
