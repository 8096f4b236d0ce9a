#include "gui/findings/FindingsPanel.h"

#include "gui/findings/FindingsModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace pgha {

FindingsPanel::FindingsPanel(QWidget *parent) : QWidget(parent), m_model(new FindingsModel(this))
{
    setObjectName(QStringLiteral("findingsPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *top = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("findingsSummary"));
    top->addWidget(m_summary, 1);
    m_quickFix = new QPushButton(QIcon(QStringLiteral(":/icons/quick-fix.svg")), tr("&Quick fix"), this);
    m_quickFix->setObjectName(QStringLiteral("quickFixButton"));
    m_quickFix->setEnabled(false);
    m_quickFix->setToolTip(tr("Apply the mechanical fix for the selected finding (undoable)"));
    top->addWidget(m_quickFix);
    layout->addLayout(top);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("findingsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(FindingsModel::SeverityColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(FindingsModel::RuleColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(FindingsModel::SubjectColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(FindingsModel::MessageColumn, QHeaderView::Interactive);
    m_view->horizontalHeader()->resizeSection(FindingsModel::MessageColumn, 460);
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);

    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (const Finding *f = m_model->findingAt(index.row()))
            emit findingActivated(*f);
    });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const Finding *f = m_model->findingAt(index.row()))
            emit findingActivated(*f);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &FindingsPanel::updateButton);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FindingsPanel::updateButton);
    connect(m_quickFix, &QPushButton::clicked, this, [this] {
        if (const Finding *f = currentFinding(); f && !f->quickFix.isEmpty())
            emit quickFixRequested(*f);
    });
    setFindings({});
}

const Finding *FindingsPanel::currentFinding() const
{
    return m_model->findingAt(m_view->currentIndex().row());
}

void FindingsPanel::setFindings(const Findings &findings)
{
    m_model->setFindings(findings);
    const int e = countSeverity(findings, Severity::Error);
    const int w = countSeverity(findings, Severity::Warning);
    const int i = countSeverity(findings, Severity::Info);
    if (findings.isEmpty())
        m_summary->setText(tr("No findings: the design passes every rule."));
    else
        m_summary->setText(tr("%1 error(s), %2 warning(s), %3 note(s)").arg(e).arg(w).arg(i));
}

void FindingsPanel::updateButton()
{
    const Finding *f = currentFinding();
    m_quickFix->setEnabled(f && !f->quickFix.isEmpty());
}

} // namespace pgha
