#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace pgha {

// Preferences kept in QSettings: language ("ui/language"), dashboard polling ("monitor/intervalMs"),
// autosave interval ("autosave/intervalSec").
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);
    void save() const;

private:
    QComboBox *m_language;
    QSpinBox *m_interval;
    QSpinBox *m_autosave;
};

} // namespace pgha
