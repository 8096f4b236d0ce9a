#pragma once

#include <QObject>

#include <functional>

class QMenu;

namespace pgha {

// File > Open Recent: the last ten designs (QSettings "recentFiles", absolute paths, newest first).
class RecentFiles : public QObject
{
    Q_OBJECT
public:
    // open is called with the chosen path.
    RecentFiles(QMenu *menu, std::function<void(const QString &)> open, QObject *parent = nullptr);

    void add(const QString &path);
    static QStringList paths();

private:
    void rebuild();

    QMenu *m_menu;
    std::function<void(const QString &)> m_open;
};

} // namespace pgha
