#pragma once

#include <QMainWindow>

namespace pgha {

// PLACEHOLDER: the designer window arrives with issue 3.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace pgha
