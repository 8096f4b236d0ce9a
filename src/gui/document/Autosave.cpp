#include "gui/document/Autosave.h"

#include "core/model/Topology.h"
#include "core/project/ProjectFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace pgha {

namespace {

bool processRuns(qint64 pid)
{
#ifdef Q_OS_LINUX
    return QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid));
#else
    Q_UNUSED(pid);
    return false;  // elsewhere: any leftover file is offered (a clean exit removes ours)
#endif
}

QString sidecar(const QString &file)
{
    return file + QStringLiteral(".path");
}

} // namespace

QString Autosave::directory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave");
}

QString Autosave::fileForThisProcess()
{
    return directory() + QStringLiteral("/autosave-%1.pgha.yaml").arg(QCoreApplication::applicationPid());
}

bool Autosave::write(const Topology &topology, const QString &originalPath)
{
    if (!QDir().mkpath(directory()))
        return false;
    const QString file = fileForThisProcess();
    if (!ProjectFile::save(topology, file).ok())
        return false;
    QSaveFile side(sidecar(file));
    if (!side.open(QIODevice::WriteOnly))
        return false;
    side.write(originalPath.toUtf8());
    return side.commit();
}

void Autosave::removeOwn()
{
    const QString file = fileForThisProcess();
    QFile::remove(file);
    QFile::remove(sidecar(file));
}

QList<Autosave::Orphan> Autosave::orphans()
{
    QList<Orphan> out;
    const QDir dir(directory());
    const QStringList files = dir.entryList({QStringLiteral("autosave-*.pgha.yaml")}, QDir::Files, QDir::Time);
    for (const QString &name : files) {
        const qint64 pid = name.section(QLatin1Char('-'), 1).section(QLatin1Char('.'), 0, 0).toLongLong();
        if (pid == QCoreApplication::applicationPid() || (pid > 0 && processRuns(pid)))
            continue;
        Orphan o;
        o.file = dir.filePath(name);
        o.savedAt = QFileInfo(o.file).lastModified();
        QFile side(sidecar(o.file));
        if (side.open(QIODevice::ReadOnly))
            o.originalPath = QString::fromUtf8(side.readAll());
        out << o;
    }
    return out;
}

void Autosave::discard(const Orphan &orphan)
{
    QFile::remove(orphan.file);
    QFile::remove(sidecar(orphan.file));
}

} // namespace pgha
