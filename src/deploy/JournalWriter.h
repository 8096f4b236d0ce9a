#pragma once

#include <QObject>

namespace pgha {

// Writes journal snapshots in order on its own thread: QSaveFile's fsync can take tens of milliseconds on a
// busy disk, which the GUI thread must never wait for.
class JournalWriter : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    void write(const QString &path, const QByteArray &json);  // call queued, on the writer's thread

signals:
    void failed(const QString &message);
};

} // namespace pgha
