#pragma once

#include "core/validation/Finding.h"

#include <QAbstractTableModel>
#include <QIcon>

namespace pgha {

// The findings as a table: severity, rule id, subject, message, fix. Errors first.
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, RuleColumn, SubjectColumn, MessageColumn, FixColumn, ColumnCount };
    explicit FindingsModel(QObject *parent = nullptr);

    void setFindings(const Findings &findings);
    const Findings &findings() const { return m_findings; }
    const Finding *findingAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    Findings m_findings;
    QIcon m_icons[3];
};

} // namespace pgha
