#pragma once

#include "core/validation/Finding.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace pgha {

class FindingsModel;

// The live findings table with a summary line and the quick-fix button.
class FindingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FindingsPanel(QWidget *parent = nullptr);
    void setFindings(const Findings &findings);
    FindingsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    const Finding *currentFinding() const;

signals:
    void findingActivated(const pgha::Finding &finding);
    void quickFixRequested(const pgha::Finding &finding);

private:
    void updateButton();

    FindingsModel *m_model;
    QTableView *m_view;
    QLabel *m_summary;
    QPushButton *m_quickFix;
};

} // namespace pgha
