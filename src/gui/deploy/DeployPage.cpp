#include "gui/deploy/DeployPage.h"

#include "deploy/DeploySetup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pgha {

namespace {
constexpr int kStepIdRole = Qt::UserRole + 1;

QString outcomeText(StepOutcome o)
{
    switch (o) {
    case StepOutcome::Changed: return DeployPage::tr("done (changed)");
    case StepOutcome::Unchanged: return DeployPage::tr("done (nothing to change)");
    case StepOutcome::Failed: return DeployPage::tr("FAILED");
    case StepOutcome::Cancelled: return DeployPage::tr("cancelled");
    case StepOutcome::SkippedDone: return DeployPage::tr("done earlier");
    }
    return {};
}
} // namespace

DeployPage::DeployPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("DeployPage"));
    m_runner = new DeployRunner(this);

    m_deploy = new QPushButton(tr("&Deploy"), this);
    m_deploy->setObjectName(QStringLiteral("deployButton"));
    m_dryRun = new QPushButton(tr("D&ry run"), this);
    m_dryRun->setObjectName(QStringLiteral("dryRunButton"));
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setToolTip(tr("Stops cleanly: no new step starts, waits give up."));
    m_resume = new QPushButton(tr("&Resume"), this);
    m_resume->setObjectName(QStringLiteral("resumeButton"));
    m_resume->setToolTip(tr("Continue an interrupted deploy after its last completed step."));
    m_adopt = new QCheckBox(tr("Adopt existing data directories"), this);
    m_adopt->setObjectName(QStringLiteral("adoptCheck"));
    m_adopt->setToolTip(tr("Use existing PostgreSQL/etcd data as it is instead of refusing (it is never removed)."));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_deploy);
    buttons->addWidget(m_dryRun);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_resume);
    buttons->addWidget(m_adopt);
    buttons->addStretch();

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("hostTree"));
    m_tree->setHeaderLabels({tr("Host / step"), tr("State"), tr("Detail")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);

    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("logFilter"));
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("deployLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(20000);
    m_log->setFont(QFont(QStringLiteral("monospace")));
    auto *logBox = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("Log of:"), logBox));
    filterRow->addWidget(m_filter);
    filterRow->addStretch();
    logLayout->addLayout(filterRow);
    logLayout->addWidget(m_log);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tree);
    split->addWidget(logBox);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("deployStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(m_deploy, &QPushButton::clicked, this, [this] { start(false); });
    connect(m_resume, &QPushButton::clicked, this, [this] { start(true); });
    connect(m_dryRun, &QPushButton::clicked, this, &DeployPage::showDryRun);
    connect(m_cancel, &QPushButton::clicked, m_runner, &DeployRunner::cancel);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &DeployPage::refilterLog);
    connect(m_runner, &DeployRunner::stepStarted, this, &DeployPage::onStepStarted);
    connect(m_runner, &DeployRunner::stepFinished, this, &DeployPage::onStepFinished);
    connect(m_runner, &DeployRunner::logLine, this, &DeployPage::appendLog);
    connect(m_runner, &DeployRunner::question, this, &DeployPage::onQuestion);
    connect(m_runner, &DeployRunner::finished, this, &DeployPage::onFinished);
    updateButtons();
}

DeployPage::~DeployPage() = default;

bool DeployPage::isRunning() const
{
    return m_runner->isRunning();
}

void DeployPage::setProject(const Topology &topology, const QString &projectPath)
{
    m_topology = topology;
    m_projectPath = projectPath;
    if (m_runner->isRunning())
        return;  // the running deploy keeps its plan; the rows follow on the next start
    const QString current = m_filter->currentData().toString();
    m_filter->blockSignals(true);
    m_filter->clear();
    m_filter->addItem(tr("all hosts"), QString());
    for (const Host &h : topology.hosts)
        m_filter->addItem(h.name, h.name);
    m_filter->setCurrentIndex(qMax(0, m_filter->findData(current)));
    m_filter->blockSignals(false);
    const Result<DeployJournal> loaded = DeployJournal::load(
        m_journalPath.isEmpty() ? defaultJournalPath(projectPath, topology) : m_journalPath);
    const DeployJournal j = loaded.ok() ? loaded.value() : DeployJournal();
    m_canResume = !j.lastRunComplete() && !j.steps().isEmpty();
    updateButtons();
}

void DeployPage::updateButtons()
{
    const bool running = m_runner->isRunning();
    const bool haveHosts = !m_topology.hosts.isEmpty();
    m_deploy->setEnabled(!running && haveHosts);
    m_dryRun->setEnabled(!running && haveHosts);
    m_resume->setEnabled(!running && haveHosts && m_canResume);
    m_cancel->setEnabled(running);
    m_adopt->setEnabled(!running);
}

void DeployPage::rebuildRows(const DeployPlan &plan)
{
    m_tree->clear();
    m_hostItems.clear();
    m_stepItems.clear();
    for (const Host &h : m_topology.hosts) {
        if (!plan.targets.contains(h.name))
            continue;
        auto *item = new QTreeWidgetItem(m_tree, {h.name, tr("waiting"), h.address});
        item->setExpanded(true);
        m_hostItems.insert(h.name, item);
    }
    for (const DeployStep &s : plan.steps) {
        QTreeWidgetItem *parent = m_hostItems.value(s.host);
        if (!parent)
            continue;
        auto *item = new QTreeWidgetItem(parent, {s.title, tr("pending"), s.id});
        item->setData(0, kStepIdRole, s.id);
        m_stepItems.insert(s.id, item);
    }
    for (auto it = m_hostItems.begin(); it != m_hostItems.end(); ++it)
        updateHostRow(it.key());
}

void DeployPage::updateHostRow(const QString &host)
{
    QTreeWidgetItem *item = m_hostItems.value(host);
    if (!item)
        return;
    int done = 0;
    int failed = 0;
    QString current;
    for (int i = 0; i < item->childCount(); ++i) {
        const QString st = item->child(i)->text(1);
        if (st.startsWith(tr("done")))
            ++done;
        else if (st == tr("FAILED"))
            ++failed;
        else if (st == tr("running"))
            current = item->child(i)->text(0);
    }
    QString text = tr("%1/%2 steps").arg(done).arg(item->childCount());
    if (failed)
        text += tr(", failed");
    else if (!current.isEmpty())
        text += tr(", now: %1").arg(current);
    item->setText(1, text);
}

static Result<DeploySetup> prepare(const Topology &t, const QString &projectPath, const QString &journal,
                            const QString &secrets, const QString &knownHosts, bool adopt, bool dryRun)
{
    DeploySetupOptions o;
    o.projectPath = projectPath;
    o.journalPath = journal;
    o.secretsFile = secrets;
    o.knownHostsFile = knownHosts;
    o.adoptExistingData = adopt;
    o.dryRun = dryRun;
    return prepareDeploy(t, o);
}

void DeployPage::showDryRun()
{
    Result<DeploySetup> s = prepare(m_topology, m_projectPath, m_journalPath, m_secretsFile, m_knownHosts,
                                    m_adopt->isChecked(), true);
    if (!s.ok()) {
        m_status->setText(tr("Cannot prepare the deploy: %1").arg(s.error().toString()));
        return;
    }
    rebuildRows(s->plan);
    m_logLines.clear();
    m_log->clear();
    m_filter->setCurrentIndex(0);
    m_log->setPlainText(tr("Dry run: nothing is changed on any host.\n\n") + s->plan.dryRunText());
    m_status->setText(tr("Dry run: %1 steps on %2 hosts, shown in the log.").arg(s->plan.steps.size()).arg(s->plan.targets.size()));
}

void DeployPage::start(bool resume)
{
    if (m_runner->isRunning())
        return;
    Result<DeploySetup> s = prepare(m_topology, m_projectPath, m_journalPath, m_secretsFile, m_knownHosts,
                                    m_adopt->isChecked(), false);
    if (!s.ok()) {
        m_status->setText(tr("Cannot prepare the deploy: %1").arg(s.error().toString()));
        return;
    }
    DeployJournal journal = s->journal;
    if (!resume)
        journal.finishRun(true);  // Deploy = a full run that checks every step again (idempotent)
    rebuildRows(s->plan);
    m_logLines.clear();
    m_log->clear();
    if (!s->generatedSecretsFile.isEmpty())
        appendLog(QString(), tr("generated the passwords and kept them in %1 (mode 0600)").arg(s->generatedSecretsFile));
    if (!m_runner->start(s->plan, journal))
        return;
    m_status->setText(m_runner->resumed() ? tr("Resuming the interrupted deploy...") : tr("Deploying..."));
    updateButtons();
}

void DeployPage::onStepStarted(const QString &stepId, const QString &host, const QString &title)
{
    if (QTreeWidgetItem *item = m_stepItems.value(stepId))
        item->setText(1, tr("running"));
    updateHostRow(host);
    appendLog(host, tr("step: %1").arg(title));
}

void DeployPage::onStepFinished(const QString &stepId, const QString &host, StepOutcome outcome, const QString &message)
{
    if (QTreeWidgetItem *item = m_stepItems.value(stepId)) {
        item->setText(1, outcomeText(outcome));
        if (!message.isEmpty())
            item->setText(2, message);
        item->setToolTip(2, message);
        if (outcome == StepOutcome::Failed)
            item->setForeground(1, QBrush(Qt::red));
    }
    updateHostRow(host);
    appendLog(host, QStringLiteral("%1: %2%3").arg(stepId, stepOutcomeKey(outcome),
                                                   message.isEmpty() ? QString() : QStringLiteral(" - ") + message));
}

void DeployPage::onQuestion(int id, const SshQuestion &q)
{
    // Non-modal dialogs opened with open(): the event loop keeps running while the person decides.
    if (q.kind == SshQuestion::Kind::UnknownHostKey) {
        auto *box = new QMessageBox(QMessageBox::Question, tr("Unknown host key"),
                                    tr("The host %1 (%2) offers a key this computer has never seen:\n\n%3 %4\n\n"
                                       "Compare it with the host's own key (ssh-keygen -lf "
                                       "/etc/ssh/ssh_host_*_key.pub on its console). Accept it and remember it in %5?")
                                        .arg(q.hostName, q.address, q.keyType, q.fingerprint, q.detail),
                                    QMessageBox::NoButton, this);
        box->setObjectName(QStringLiteral("hostKeyDialog"));
        QPushButton *accept = box->addButton(tr("Accept"), QMessageBox::AcceptRole);
        accept->setObjectName(QStringLiteral("acceptHostKey"));
        QPushButton *refuse = box->addButton(tr("Refuse"), QMessageBox::RejectRole);
        refuse->setObjectName(QStringLiteral("refuseHostKey"));
        box->setDefaultButton(refuse);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, box, accept, id](int) {
            const bool ok = box->clickedButton() == accept;
            appendLog(QString(), ok ? tr("host key accepted") : tr("host key refused"));
            m_runner->answer(id, ok ? std::optional<QString>(QStringLiteral("yes")) : std::nullopt);
        });
        box->open();
        return;
    }
    auto *dlg = new QInputDialog(this);
    dlg->setObjectName(QStringLiteral("credentialDialog"));
    dlg->setTextEchoMode(QLineEdit::Password);
    dlg->setWindowTitle(tr("Credentials for %1").arg(q.hostName));
    dlg->setLabelText(q.kind == SshQuestion::Kind::KeyPassphrase ? tr("Passphrase of the key %1:").arg(q.detail)
                      : q.kind == SshQuestion::Kind::LoginPassword ? tr("SSH password for %1:").arg(q.detail)
                                                                   : tr("sudo password for %1:").arg(q.detail));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QInputDialog::finished, this, [this, dlg, id](int result) {
        m_runner->answer(id, result == QDialog::Accepted ? std::optional<QString>(dlg->textValue()) : std::nullopt);
    });
    dlg->open();
}

void DeployPage::onFinished(DeployRunner::Outcome outcome, const QString &summary)
{
    m_status->setText(summary);
    appendLog(QString(), summary);
    m_canResume = outcome == DeployRunner::Outcome::Failed || outcome == DeployRunner::Outcome::Cancelled
        || outcome == DeployRunner::Outcome::HostKeyRefused;
    updateButtons();
    emit deployFinished(outcome, summary);
}

void DeployPage::appendLog(const QString &host, const QString &line)
{
    const QString text = QStringLiteral("%1 [%2] %3")
                             .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz")),
                                  host.isEmpty() ? QStringLiteral("*") : host, line);
    m_logLines.append({host, text});
    const QString filter = m_filter->currentData().toString();
    if (filter.isEmpty() || host.isEmpty() || host == filter)
        m_log->appendPlainText(text);
}

void DeployPage::refilterLog()
{
    const QString filter = m_filter->currentData().toString();
    QStringList lines;
    for (const auto &l : std::as_const(m_logLines))
        if (filter.isEmpty() || l.first.isEmpty() || l.first == filter)
            lines << l.second;
    if (!m_logLines.isEmpty())
        m_log->setPlainText(lines.join(QLatin1Char('\n')));
}

} // namespace pgha
