#include "gui/MainWindow.h"

#include <QApplication>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("PG HA Designer"));
    QApplication::setOrganizationName(QStringLiteral("PG HA Designer"));
    QApplication::setApplicationVersion(QStringLiteral(PGHA_VERSION));
    pgha::MainWindow w;
    w.show();
    return app.exec();
}
