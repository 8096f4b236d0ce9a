#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace pgha {

struct Topology;

// Crash recovery: the open design is written now and then to AppDataLocation/autosave, one file per
// running process, and removed on a clean exit. A file left by a process that no longer runs is
// offered for recovery at the next start.
class Autosave
{
public:
    struct Orphan
    {
        QString file;          // the autosaved project
        QString originalPath;  // where the design was saved last, empty if never
        QDateTime savedAt;     // when the autosave was written
    };

    static QString directory();
    static QString fileForThisProcess();
    static bool write(const Topology &topology, const QString &originalPath);
    static void removeOwn();
    static QList<Orphan> orphans();  // newest first
    static void discard(const Orphan &orphan);
};

} // namespace pgha
