#include "gui/window/RecentFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace pgha {

namespace {
const char *kKey = "recentFiles";
constexpr int kMax = 10;
} // namespace

RecentFiles::RecentFiles(QMenu *menu, std::function<void(const QString &)> open, QObject *parent)
    : QObject(parent), m_menu(menu), m_open(std::move(open))
{
    rebuild();
}

QStringList RecentFiles::paths()
{
    return QSettings().value(QLatin1String(kKey)).toStringList();
}

void RecentFiles::add(const QString &path)
{
    QSettings settings;
    QStringList recent = paths();
    const QString abs = QFileInfo(path).absoluteFilePath();
    recent.removeAll(abs);
    recent.prepend(abs);
    while (recent.size() > kMax)
        recent.removeLast();
    settings.setValue(QLatin1String(kKey), recent);
    rebuild();
}

void RecentFiles::rebuild()
{
    m_menu->clear();
    const QStringList recent = paths();
    for (const QString &path : recent) {
        m_menu->addAction(QFileInfo(path).fileName() + QStringLiteral("  —  ") + QDir::toNativeSeparators(path), this,
                          [this, path] { m_open(path); });
    }
    m_menu->setEnabled(!recent.isEmpty());
    if (!recent.isEmpty()) {
        m_menu->addSeparator();
        m_menu->addAction(tr("Clear List"), this, [this] {
            QSettings().remove(QLatin1String(kKey));
            rebuild();
        });
    }
}

} // namespace pgha
