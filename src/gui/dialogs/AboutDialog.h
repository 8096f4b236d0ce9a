#pragma once

#include <QDialog>

namespace Ui {
class AboutDialog;
}

namespace pgha {

// Name, purpose and the versions of the libraries that do the work.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;
    static QString versionsText();

private:
    Ui::AboutDialog *m_ui;
};

} // namespace pgha
