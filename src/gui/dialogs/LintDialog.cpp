#include "gui/dialogs/LintDialog.h"

#include "gui/util/OffThread.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pgha {

namespace {

QString severityText(Severity s)
{
    switch (s) {
    case Severity::Error:
        return LintDialog::tr("Error");
    case Severity::Warning:
        return LintDialog::tr("Warning");
    case Severity::Info:
        break;
    }
    return LintDialog::tr("Info");
}

} // namespace

LintDialog::LintDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("lintDialog"));
    setWindowTitle(tr("Lint Configuration Files"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Real patroni.yml, etcd (YAML or environment file) and haproxy.cfg files, checked "
                                "together by the designer's rules. Pass the mouse over a finding for its fix."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("lintStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("lintFindings"));
    m_tree->setRootIsDecorated(false);
    m_tree->setHeaderLabels({tr("Severity"), tr("Where"), tr("Rule"), tr("Finding")});
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setWordWrap(true);
    layout->addWidget(m_tree, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *pick = buttons->addButton(tr("Choose &Files…"), QDialogButtonBox::ActionRole);
    pick->setObjectName(QStringLiteral("lintChooseFiles"));
    m_again = buttons->addButton(tr("&Lint Again"), QDialogButtonBox::ActionRole);
    m_again->setObjectName(QStringLiteral("lintAgain"));
    m_again->setEnabled(false);
    connect(pick, &QPushButton::clicked, this, &LintDialog::pickFiles);
    connect(m_again, &QPushButton::clicked, this, [this] { lintFiles(m_files); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(980, 520);
}

LintDialog::~LintDialog()
{
    if (m_thread)
        m_thread->wait();
}

void LintDialog::pickFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Lint configuration files"), QString(),
        tr("Configuration files (*.yml *.yaml *.cfg *.conf);;All files (*)"));
    if (!paths.isEmpty())
        lintFiles(paths);
}

bool LintDialog::lintFiles(const QStringList &paths)
{
    if (m_thread || paths.isEmpty())
        return false;
    m_files = paths;
    m_tree->clear();
    m_again->setEnabled(false);
    m_status->setText(tr("Reading %n file(s)…", nullptr, int(paths.size())));
    m_thread = runOffThread(this, [paths] { return Linter::lintFiles(paths); },
                            [this](Result<LintReport> result) { showResult(result); });
    return true;
}

void LintDialog::showResult(const Result<LintReport> &result)
{
    m_thread.clear();
    m_again->setEnabled(true);
    m_tree->clear();
    if (!result.ok()) {
        m_report = LintReport{};
        m_error = result.error().toString();
        m_status->setText(tr("Not linted: %1").arg(m_error));
        emit finished();
        return;
    }
    m_error.clear();
    m_report = result.value();
    for (const LintFinding &f : m_report.findings) {
        SourceLocation where = f.at;
        where.file = QFileInfo(where.file).fileName();
        auto *item = new QTreeWidgetItem(m_tree, {severityText(f.finding.severity), where.toString(), f.finding.ruleId,
                                                  f.finding.message});
        item->setToolTip(1, f.at.toString());
        item->setToolTip(3, f.finding.fix);
        item->setData(0, Qt::UserRole, severityKey(f.finding.severity));
    }
    m_status->setText(tr("%1: %2 error(s), %3 warning(s), %4 info")
                          .arg(m_files.join(QStringLiteral(", ")))
                          .arg(m_report.count(Severity::Error))
                          .arg(m_report.count(Severity::Warning))
                          .arg(m_report.count(Severity::Info)));
    emit finished();
}

LintDialog *LintDialog::open(QWidget *parent, const QStringList &paths)
{
    QStringList files = paths;
    if (files.isEmpty()) {
        files = QFileDialog::getOpenFileNames(parent, tr("Lint configuration files"), QString(),
                                              tr("Configuration files (*.yml *.yaml *.cfg *.conf);;All files (*)"));
        if (files.isEmpty())
            return nullptr;
    }
    auto *dialog = new LintDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->lintFiles(files);
    return dialog;
}

} // namespace pgha
