#include "gui/dialogs/RestoreTargetDialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pgha {

RestoreTargetDialog::RestoreTargetDialog(const QString &clusterName, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("restoreTargetDialog"));
    setWindowTitle(tr("Restore cluster \"%1\"").arg(clusterName));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Restore the whole cluster from its pgBackRest repository to:"), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_latest = new QRadioButton(tr("The &latest state (the end of the WAL archive)"), this);
    m_latest->setObjectName(QStringLiteral("restoreLatest"));
    m_toTime = new QRadioButton(tr("A &moment:"), this);
    m_toTime->setObjectName(QStringLiteral("restoreToTime"));
    m_time = new QLineEdit(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral("+00"), this);
    m_time->setObjectName(QStringLiteral("restoreTime"));
    m_time->setPlaceholderText(QStringLiteral("2026-12-01 18:30:00+00"));
    auto *timelineRow = new QHBoxLayout;
    timelineRow->addWidget(new QLabel(tr("Timeline:"), this));
    m_timeline = new QSpinBox(this);
    m_timeline->setObjectName(QStringLiteral("restoreTimeline"));
    m_timeline->setRange(0, 1000000);
    m_timeline->setSpecialValueText(tr("the one the cluster runs on"));
    m_timeline->setToolTip(tr("A target before the last failover or restore lies on an older timeline (pgha restore --timeline)"));
    timelineRow->addWidget(m_timeline, 1);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    layout->addWidget(m_latest);
    layout->addWidget(m_toTime);
    layout->addWidget(m_time);
    layout->addLayout(timelineRow);
    layout->addWidget(m_hint);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = box->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Show the &Plan…"));
    layout->addWidget(box);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_latest, &QRadioButton::toggled, this, &RestoreTargetDialog::check);
    connect(m_time, &QLineEdit::textChanged, this, &RestoreTargetDialog::check);
    m_toTime->setChecked(true);
    check();
}

std::optional<RestoreTarget> RestoreTargetDialog::target() const
{
    RestoreTarget t;
    t.timeline = m_timeline->value();
    if (m_latest->isChecked())
        return t;
    t.time = normalizeRestoreTime(m_time->text().trimmed());
    if (t.time.isEmpty())
        return std::nullopt;
    return t;
}

void RestoreTargetDialog::check()
{
    m_time->setEnabled(m_toTime->isChecked());
    const bool ok = target().has_value();
    m_ok->setEnabled(ok);
    m_hint->setText(ok ? tr("Rows committed after that moment are lost; the data directories are kept aside.")
                       : tr("Write YYYY-MM-DD HH:MM:SS[.ffffff] with a zone such as +00 or Z."));
}

} // namespace pgha
