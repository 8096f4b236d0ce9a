#include "gui/dialogs/PreferencesDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pgha {

PreferencesDialog::PreferencesDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    QSettings settings;
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("prefLanguage"));
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.value(QStringLiteral("ui/language")).toString())));
    form->addRow(tr("&Language:"), m_language);
    m_interval = new QSpinBox(this);
    m_interval->setObjectName(QStringLiteral("prefMonitorInterval"));
    m_interval->setRange(250, 60000);
    m_interval->setSingleStep(250);
    m_interval->setSuffix(tr(" ms"));
    m_interval->setValue(settings.value(QStringLiteral("monitor/intervalMs"), 2000).toInt());
    form->addRow(tr("&Dashboard polling interval:"), m_interval);
    m_autosave = new QSpinBox(this);
    m_autosave->setObjectName(QStringLiteral("prefAutosave"));
    m_autosave->setRange(5, 3600);
    m_autosave->setSuffix(tr(" s"));
    m_autosave->setValue(settings.value(QStringLiteral("autosave/intervalSec"), 60).toInt());
    form->addRow(tr("&Autosave every:"), m_autosave);
    layout->addLayout(form);
    auto *note = new QLabel(tr("A new language applies the next time the application starts."), this);
    note->setEnabled(false);
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void PreferencesDialog::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/language"), m_language->currentData().toString());
    settings.setValue(QStringLiteral("monitor/intervalMs"), m_interval->value());
    settings.setValue(QStringLiteral("autosave/intervalSec"), m_autosave->value());
}

} // namespace pgha
