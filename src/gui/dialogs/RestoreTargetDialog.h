#pragma once

#include "deploy/RestorePlan.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace pgha {

// Cluster ▸ Restore…, first question: to the end of the WAL archive (--latest) or to a moment (--to), written as
// `pgha restore --to` takes it and checked by the same function (normalizeRestoreTime) while it is typed; the
// timeline as --timeline (0 = the one the cluster runs on).
class RestoreTargetDialog : public QDialog
{
    Q_OBJECT
public:
    RestoreTargetDialog(const QString &clusterName, QWidget *parent = nullptr);

    // The chosen target (stamp empty: prepareRestore sets it); nullopt while the moment is malformed.
    std::optional<RestoreTarget> target() const;

private:
    void check();

    QRadioButton *m_latest;
    QRadioButton *m_toTime;
    QLineEdit *m_time;
    QSpinBox *m_timeline;
    QLabel *m_hint;
    QPushButton *m_ok;
};

} // namespace pgha
