#include "gui/findings/FindingsModel.h"

#include <algorithm>

namespace pgha {

FindingsModel::FindingsModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_icons[int(Severity::Error)] = QIcon(QStringLiteral(":/icons/severity-error.svg"));
    m_icons[int(Severity::Warning)] = QIcon(QStringLiteral(":/icons/severity-warning.svg"));
    m_icons[int(Severity::Info)] = QIcon(QStringLiteral(":/icons/severity-info.svg"));
}

void FindingsModel::setFindings(const Findings &findings)
{
    Findings sorted = findings;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Finding &a, const Finding &b) { return int(a.severity) < int(b.severity); });
    if (sorted == m_findings)
        return;  // nothing moved: keep the selection and scroll position
    beginResetModel();
    m_findings = sorted;
    endResetModel();
}

const Finding *FindingsModel::findingAt(int row) const
{
    return row >= 0 && row < m_findings.size() ? &m_findings.at(row) : nullptr;
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    const Finding *f = findingAt(index.row());
    if (!f)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return f->severity == Severity::Error ? tr("Error") : f->severity == Severity::Warning ? tr("Warning") : tr("Info");
        case RuleColumn: return f->ruleId;
        case SubjectColumn: return f->subject;
        case MessageColumn: return f->message;
        case FixColumn: return f->fix;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return m_icons[int(f->severity)];
        break;
    case Qt::ToolTipRole:
        return QStringLiteral("<b>%1</b> — %2<br/>%3<br/><i>%4</i>")
            .arg(f->ruleId.toHtmlEscaped(), f->subject.toHtmlEscaped(), f->message.toHtmlEscaped(), f->fix.toHtmlEscaped());
    case Qt::UserRole:
        return f->subject;
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case RuleColumn: return tr("Rule");
    case SubjectColumn: return tr("Subject");
    case MessageColumn: return tr("Message");
    case FixColumn: return tr("Fix");
    }
    return {};
}

} // namespace pgha
