#include "gui/MainWindow.h"

namespace pgha {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("PG HA Designer"));
}

} // namespace pgha
