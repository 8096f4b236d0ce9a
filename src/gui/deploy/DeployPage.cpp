#include "gui/deploy/DeployPage.h"

#include "deploy/DeploySetup.h"
#include "deploy/RenewSetup.h"
#include "gui/deploy/HostKeyPrompt.h"
#include "gui/dialogs/MessageBox.h"
#include "gui/deploy/PlanTree.h"
#include "gui/util/OffThread.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShowEvent>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pgha {

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
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("deployProgress"));
    m_progress->setFormat(tr("%v of %m steps"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setMinimumWidth(220);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_deploy);
    buttons->addWidget(m_dryRun);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_resume);
    buttons->addWidget(m_adopt);
    buttons->addStretch();
    buttons->addWidget(m_progress);

    m_tree = new PlanTree(this);
    m_hostKeys = new HostKeyPrompt(this);
    connect(m_hostKeys, &HostKeyPrompt::answered, this, [this](int id, const QString &host, bool accepted) {
        appendLog(host, accepted ? tr("host key accepted") : tr("host key refused"));
        m_runner->answer(id, accepted ? std::optional<QString>(QStringLiteral("yes")) : std::nullopt);
    });

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
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("deployStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    // The plan follows the design, a moment after the last edit (each one regenerates the bundle).
    m_planTimer = new QTimer(this);
    m_planTimer->setSingleShot(true);
    m_planTimer->setInterval(300);
    connect(m_planTimer, &QTimer::timeout, this, [this] {
        if (isVisible() && !m_runner->isRunning())
            prepare(Preparing::Plan);
    });
    // Log lines reach the widget in batches: one append per 100 ms, not one per line.
    m_logTimer = new QTimer(this);
    m_logTimer->setSingleShot(true);
    m_logTimer->setInterval(100);
    connect(m_logTimer, &QTimer::timeout, this, &DeployPage::flushLog);

    connect(m_deploy, &QPushButton::clicked, this, [this] { prepare(Preparing::Deploy); });
    connect(m_resume, &QPushButton::clicked, this, [this] { prepare(Preparing::Resume); });
    connect(m_dryRun, &QPushButton::clicked, this, [this] { prepare(Preparing::DryRun); });
    connect(m_cancel, &QPushButton::clicked, m_runner, &DeployRunner::cancel);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &DeployPage::refilterLog);
    connect(m_runner, &DeployRunner::stepStarted, this, &DeployPage::onStepStarted);
    connect(m_runner, &DeployRunner::stepFinished, this, &DeployPage::onStepFinished);
    connect(m_runner, &DeployRunner::logLine, this, &DeployPage::appendLog);
    connect(m_runner, &DeployRunner::question, this, &DeployPage::onQuestion);
    connect(m_runner, &DeployRunner::finished, this, &DeployPage::onFinished);
    updateButtons();
}

DeployPage::~DeployPage()
{
    if (m_prepareThread)
        m_prepareThread->wait();
}

bool DeployPage::isRunning() const
{
    return m_runner->isRunning();
}

void DeployPage::setProject(const Topology &topology, const QString &projectPath)
{
    const bool same = topology == m_topology && projectPath == m_projectPath;
    m_topology = topology;
    m_projectPath = projectPath;
    if (same && !m_planStale)
        return;
    ++m_generation;
    m_planStale = true;
    if (m_runner->isRunning())
        return;  // the running deploy keeps its plan; the rows follow afterwards
    updateButtons();
    // Every edit in the designer comes here: the rest waits until the page is seen.
    if (isVisible()) {
        rebuildFilter();
        m_planTimer->start();
    }
}

void DeployPage::rebuildFilter()
{
    const QString current = m_filter->currentData().toString();
    const QSignalBlocker block(m_filter);
    m_filter->clear();
    m_filter->addItem(tr("all hosts"), QString());
    for (const Host &h : std::as_const(m_topology.hosts))
        m_filter->addItem(h.name, h.name);
    m_filter->setCurrentIndex(qMax(0, m_filter->findData(current)));
}

void DeployPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_planStale && !m_runner->isRunning()) {
        rebuildFilter();
        prepare(Preparing::Plan);  // the plan is there as the page opens
    }
}

void DeployPage::updateButtons()
{
    const bool busy = m_runner->isRunning() || (m_preparing != Preparing::Nothing && m_preparing != Preparing::Plan);
    const bool haveHosts = !m_topology.hosts.isEmpty();
    m_deploy->setEnabled(!busy && haveHosts);
    m_dryRun->setEnabled(!busy && haveHosts);
    m_resume->setEnabled(!busy && haveHosts && m_canResume);
    m_cancel->setEnabled(m_runner->isRunning());
    m_adopt->setEnabled(!busy);
}

void DeployPage::prepare(Preparing what)
{
    if (m_preparing != Preparing::Nothing) {
        if (what == Preparing::Plan)
            m_planTimer->start();  // again once the running preparation is back
        else if (m_preparing == Preparing::Plan)
            QTimer::singleShot(50, this, [this, what] { prepare(what); });  // the click follows the plan
        return;
    }
    if (m_runner->isRunning())
        return;
    m_preparing = what;
    DeploySetupOptions o;
    o.projectPath = m_projectPath;
    o.journalPath = m_journalPath;
    o.secretsFile = m_secretsFile;
    o.knownHostsFile = m_knownHosts;
    o.adoptExistingData = m_adopt->isChecked();
    o.dryRun = what == Preparing::Plan || what == Preparing::DryRun;
    const quint64 generation = m_generation;
    const Topology topology = m_topology;
    if (what != Preparing::Plan)
        m_status->setText(tr("Preparing the deploy (generating the files)…"));
    updateButtons();
    // Generating the bundle of a big design takes a while: never on the GUI thread.
    m_prepareThread = runOffThread(
        this, [topology, o] { return prepareDeploy(topology, o); },
        [this, what, generation](Result<DeploySetup> r) {
            m_preparing = Preparing::Nothing;
            if (r.ok())
                prepared(what, generation, &r.value(), QString());
            else
                prepared(what, generation, nullptr, r.error().toString());
            updateButtons();
        });
}

void DeployPage::prepared(Preparing what, quint64 generation, const DeploySetup *s, const QString &error)
{
    if (!s) {
        m_status->setText(tr("Cannot prepare the deploy: %1").arg(error));
        if (what == Preparing::Plan)
            m_planStale = false;
        return;
    }
    switch (what) {
    case Preparing::Plan:
        if (m_renewalShown)
            return;  // the rows show a renewal waiting for its confirmation
        if (generation != m_generation) {
            m_planTimer->start();  // the design changed meanwhile
            return;
        }
        m_planStale = false;
        m_canResume = !s->journal.lastRunComplete() && !s->journal.steps().isEmpty();
        rebuildRows(s->plan);
        m_planShown = true;
        m_status->setText(tr("The plan: %1 steps on %2 hosts, listed above with what each changes. Nothing has been "
                             "changed yet: Deploy runs it, Dry run shows every command.")
                              .arg(s->plan.steps.size())
                              .arg(s->plan.targets.size()));
        emit planReady();
        return;
    case Preparing::DryRun:
        rebuildRows(s->plan);
        m_logLines.clear();
        m_pendingLog.clear();
        m_log->clear();
        m_filter->setCurrentIndex(0);
        m_log->setPlainText(tr("Dry run: nothing is changed on any host.\n\n") + s->plan.dryRunText());
        m_status->setText(tr("Dry run: %1 steps on %2 hosts, shown in the log.").arg(s->plan.steps.size()).arg(s->plan.targets.size()));
        return;
    case Preparing::Deploy:
    case Preparing::Resume:
        startRunner(*s, what == Preparing::Resume);
        return;
    case Preparing::Renewal:  // renewCertificates() handles its own preparation
    case Preparing::Nothing:
        return;
    }
}

void DeployPage::startRunner(const DeploySetup &ready, bool resume)
{
    // Deploy was clicked: only now are generated passwords kept beside the journal (nothing before).
    DeploySetup s = ready;
    if (const Result<void> kept = keepGeneratedSecrets(&s); !kept.ok()) {
        m_status->setText(tr("Cannot prepare the deploy: %1").arg(kept.error().toString()));
        return;
    }
    DeployJournal journal = s.journal;
    if (!resume)
        journal.finishRun(true);  // Deploy = a full run that checks every step again (idempotent)
    rebuildRows(s.plan);
    m_logLines.clear();
    m_pendingLog.clear();
    m_log->clear();
    if (!s.generatedSecretsFile.isEmpty())
        appendLog(QString(), tr("generated the passwords and kept them in %1 (mode 0600)").arg(s.generatedSecretsFile));
    if (!m_runner->start(s.plan, journal))
        return;
    m_status->setText(m_runner->resumed() ? tr("Resuming the interrupted deploy...") : tr("Deploying..."));
    updateButtons();
}

void DeployPage::renewCertificates(const QString &leader)
{
    if (m_preparing == Preparing::Plan) {
        QTimer::singleShot(50, this, [this, leader] { renewCertificates(leader); });  // after the plan on show
        return;
    }
    if (m_preparing != Preparing::Nothing || m_runner->isRunning()) {
        m_status->setText(tr("Busy: renew the certificates once the current run has finished."));
        return;
    }
    m_preparing = Preparing::Renewal;
    RenewSetupOptions o;
    o.secretsFile = m_secretsFile;
    o.journalPath = m_journalPath.isEmpty() ? QString() : m_journalPath + QStringLiteral(".renew.json");
    o.knownHostsFile = m_knownHosts;
    o.leader = leader;
    const Topology topology = m_topology;
    m_status->setText(tr("Preparing the certificate renewal (issuing new certificates)…"));
    updateButtons();
    // Issuing a key and a certificate per host: off the GUI thread like the deploy's preparation.
    m_prepareThread = runOffThread(
        this, [topology, o] { return prepareRenewal(topology, o); },
        [this](Result<RenewSetup> r) {
            m_preparing = Preparing::Nothing;
            updateButtons();
            if (!r.ok()) {
                m_status->setText(tr("Cannot renew the certificates: %1").arg(r.error().toString()));
                return;
            }
            renewalPrepared(r.value());
        });
}

void DeployPage::renewalPrepared(const RenewSetup &setup)
{
    rebuildRows(setup.plan);
    m_planStale = true;  // the rows show the renewal, not the deploy
    m_renewalShown = true;
    const QString leader = setup.planOptions.leader.isEmpty() ? tr("unknown (the monitor saw none)") : setup.planOptions.leader;
    m_status->setText(tr("Certificate renewal: %1 steps on %2 hosts, listed above. Nothing has been changed yet.")
                          .arg(setup.plan.steps.size())
                          .arg(setup.plan.targets.size()));
    const QString text =
        tr("Renew the certificates of cluster \"%1\" on %2 hosts?\n\nNew certificates for: %3. The cluster CA is "
           "kept. etcd members restart one at a time; PostgreSQL hosts reload, replicas first, the leader (%4) last "
           "after a switchover. The previous secrets are kept beside the file as .before-renew.")
            .arg(m_topology.cluster.name)
            .arg(setup.plan.targets.size())
            .arg(setup.issued.join(QLatin1String(", ")), leader);
    MessageBox::ask(this, QStringLiteral("renewConfirm"), tr("Renew certificates"), text, setup.plan.dryRunText(),
                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No, {}, [this, setup](QMessageBox::StandardButton b) {
                        m_renewalShown = false;
                        if (b != QMessageBox::Yes) {
                            m_status->setText(tr("Certificate renewal not confirmed: nothing was changed."));
                            return;
                        }
                        if (const Result<void> kept = keepRenewedSecrets(setup); !kept.ok()) {
                            m_status->setText(tr("Cannot renew the certificates: %1").arg(kept.error().toString()));
                            return;
                        }
                        m_logLines.clear();
                        m_pendingLog.clear();
                        m_log->clear();
                        appendLog(QString(), tr("new certificates written to %1 (the previous secrets: %1.before-renew)")
                                                 .arg(setup.secretsFile));
                        if (!m_runner->start(setup.plan, setup.journal))
                            return;
                        m_status->setText(tr("Renewing the certificates..."));
                        updateButtons();
                    });
}

void DeployPage::rebuildRows(const DeployPlan &plan)
{
    m_tree->showPlan(m_topology, plan);
    updateProgress();
}

void DeployPage::updateProgress()
{
    m_progress->setRange(0, qMax(1, m_tree->stepCount()));
    m_progress->setValue(m_tree->stepsDone());
}

void DeployPage::onStepStarted(const QString &stepId, const QString &host, const QString &title)
{
    m_tree->stepStarted(stepId, host);
    appendLog(host, tr("step: %1").arg(title));
}

void DeployPage::onStepFinished(const QString &stepId, const QString &host, StepOutcome outcome, const QString &message)
{
    m_tree->stepFinished(stepId, host, outcome, message);
    updateProgress();
    appendLog(host, QStringLiteral("%1: %2%3").arg(stepId, stepOutcomeKey(outcome),
                                                   message.isEmpty() ? QString() : QStringLiteral(" - ") + message));
}

void DeployPage::onQuestion(int id, const SshQuestion &q)
{
    m_hostKeys->handle(id, q, [this](int qid, const std::optional<QString> &text) { m_runner->answer(qid, text); });
}

void DeployPage::onFinished(DeployRunner::Outcome outcome, const QString &summary)
{
    m_status->setText(summary);
    appendLog(QString(), summary);
    flushLog();
    m_canResume = outcome == DeployRunner::Outcome::Failed || outcome == DeployRunner::Outcome::Cancelled
        || outcome == DeployRunner::Outcome::HostKeyRefused;
    updateProgress();
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
    if (filter.isEmpty() || host.isEmpty() || host == filter) {
        m_pendingLog << text;
        if (!m_logTimer->isActive())
            m_logTimer->start();
    }
}

void DeployPage::flushLog()
{
    m_logTimer->stop();
    if (m_pendingLog.isEmpty())
        return;
    m_log->appendPlainText(m_pendingLog.join(QLatin1Char('\n')));
    m_pendingLog.clear();
}

void DeployPage::refilterLog()
{
    m_pendingLog.clear();
    m_logTimer->stop();
    const QString filter = m_filter->currentData().toString();
    QStringList lines;
    for (const auto &l : std::as_const(m_logLines))
        if (filter.isEmpty() || l.first.isEmpty() || l.first == filter)
            lines << l.second;
    if (!m_logLines.isEmpty())
        m_log->setPlainText(lines.join(QLatin1Char('\n')));
}

} // namespace pgha
