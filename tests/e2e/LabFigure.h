#pragma once

#include <QFile>
#include <QSet>
#include <QString>
#include <QtDebug>

// FIGURE lines of the lab tests go to the test log and to figures-NAME.txt in the build tree, which
// scripts/test.sh prints after ctest (ctest hides the output of passing tests). The first line of a run
// truncates the file.
inline void labFigure(const QString &file, const QString &line)
{
    qInfo().noquote() << line;
    static QSet<QString> started;
    QFile f(file);
    const bool first = !started.contains(file);
    if (f.open(first ? (QIODevice::WriteOnly | QIODevice::Truncate) : (QIODevice::WriteOnly | QIODevice::Append)))
        f.write(line.toUtf8() + '\n');
    started.insert(file);
}
