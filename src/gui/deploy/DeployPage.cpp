#include "gui/deploy/DeployPage.h"

#include "deploy/DeploySetup.h"
#include "gui/dialogs/MessageBox.h"
#include "gui/util/OffThread.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShowEvent>
#include <QStyle>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pgha {

namespace {
constexpr int kStepIdRole = Qt::UserRole + 1;
constexpr int kStateRole = Qt::UserRole + 2;

// What a step row shows in its State column; Pending and Running come before any outcome.
enum StepState { Pending = 0, Running, Changed, Unchanged, Failed, Cancelled, DoneEarlier };

StepState stateOf(StepOutcome o)
{
    switch (o) {
    case StepOutcome::Changed: return Changed;
    case StepOutcome::Unchanged: return Unchanged;
    case StepOutcome::Failed: return Failed;
    case StepOutcome::Cancelled: return Cancelled;
    case StepOutcome::SkippedDone: return DoneEarlier;
    }
    return Pending;
}

QString stateText(int s)
{
    switch (s) {
    case Pending: return DeployPage::tr("pending");
    case Running: return DeployPage::tr("running");
    case Changed: return DeployPage::tr("done (changed)");
    case Unchanged: return DeployPage::tr("done (nothing to change)");
    case Failed: return DeployPage::tr("FAILED");
    case Cancelled: return DeployPage::tr("cancelled");
    case DoneEarlier: return DeployPage::tr("done earlier");
    }
    return {};
}

// Readable on light and dark palettes.
QColor stateColour(int s)
{
    switch (s) {
    case Running: return QColor(0x1e, 0x88, 0xe5);
    case Changed: return QColor(0x2e, 0x9d, 0x3e);
    case Unchanged:
    case DoneEarlier: return QColor(0x5f, 0x8f, 0x62);
    case Failed: return QColor(0xe5, 0x39, 0x35);
    case Cancelled: return QColor(0xef, 0x8a, 0x00);
    }
    return QColor(0x80, 0x80, 0x80);
}

bool finished(int s)
{
    return s >= Changed && s != Failed && s != Cancelled;
}

// What a step will change on its host, in one line: the files it writes, then what it runs.
QString changesOf(const DeployStep &step)
{
    QStringList files;
    QStringList actions;
    for (const DeployOp &op : step.ops) {
        switch (op.kind) {
        case DeployOp::Kind::WriteFiles:
            for (const FileToWrite &f : op.files)
                files << f.path;
            break;
        case DeployOp::Kind::CheckHost:
            actions << DeployPage::tr("checks the host, changes nothing");
            break;
        case DeployOp::Kind::WaitFor:
        case DeployOp::Kind::Run:
            if (!op.title.isEmpty())
                actions << op.title;
            break;
        }
    }
    QStringList parts;
    if (!files.isEmpty())
        parts << DeployPage::tr("writes %1").arg(files.join(QStringLiteral(", ")));
    parts << actions;
    return parts.join(QStringLiteral("; "));
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

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("hostTree"));
    m_tree->setHeaderLabels({tr("Host / step"), tr("State"), tr("What it changes / detail")});
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Interactive);  // wide enough for every state: fitStateColumn
    m_tree->setUniformRowHeights(true);
    m_tree->setWordWrap(false);
    m_tree->setTextElideMode(Qt::ElideMiddle);

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
    case Preparing::Nothing:
        return;
    }
}

void DeployPage::startRunner(const DeploySetup &s, bool resume)
{
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

void DeployPage::rebuildRows(const DeployPlan &plan)
{
    m_tree->setUpdatesEnabled(false);
    m_tree->clear();
    m_hostItems.clear();
    m_stepItems.clear();
    for (const Host &h : m_topology.hosts) {
        if (!plan.targets.contains(h.name))
            continue;
        auto *item = new QTreeWidgetItem(m_tree, {h.name, QString(), h.address});
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        m_hostItems.insert(h.name, item);
    }
    for (const DeployStep &s : plan.steps) {
        QTreeWidgetItem *parent = m_hostItems.value(s.host);
        if (!parent)
            continue;
        const QString changes = changesOf(s);
        auto *item = new QTreeWidgetItem(parent, {s.title, QString(), changes});
        item->setData(0, kStepIdRole, s.id);
        item->setToolTip(0, s.id);
        item->setToolTip(2, changes);
        setStepState(item, Pending, QString());
        m_stepItems.insert(s.id, item);
    }
    for (auto it = m_hostItems.begin(); it != m_hostItems.end(); ++it) {
        it.value()->setExpanded(true);
        updateHostRow(it.key());
    }
    fitStateColumn(QString());
    m_tree->setUpdatesEnabled(true);
    updateProgress();
}

void DeployPage::fitStateColumn(const QString &text)
{
    // Wide enough for the longest state from the start (the column does not jump as states change), and
    // for a host row's "3/12 steps, now: ..." when that is longer.
    const QFontMetrics fm(m_tree->font());
    int needed = fm.horizontalAdvance(text);
    for (int s = Pending; s <= DoneEarlier; ++s)
        needed = qMax(needed, fm.horizontalAdvance(stateText(s)));
    needed += 2 * m_tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 24;
    if (m_tree->columnWidth(1) < needed)
        m_tree->setColumnWidth(1, needed);
}

void DeployPage::setStepState(QTreeWidgetItem *item, int state, const QString &message)
{
    item->setData(1, kStateRole, state);
    item->setText(1, stateText(state));
    item->setForeground(1, QBrush(stateColour(state)));
    QFont f = item->font(1);
    f.setBold(state == Running || state == Failed);
    item->setFont(1, f);
    if (!message.isEmpty()) {
        item->setText(2, message);
        item->setToolTip(2, message);
    }
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
        const int st = item->child(i)->data(1, kStateRole).toInt();
        if (finished(st))
            ++done;
        else if (st == Failed)
            ++failed;
        else if (st == Running)
            current = item->child(i)->text(0);
    }
    QString text = tr("%1/%2 steps").arg(done).arg(item->childCount());
    int colour = done == item->childCount() ? Changed : Pending;
    if (failed) {
        text += tr(", failed");
        colour = Failed;
    } else if (!current.isEmpty()) {
        text += tr(", now: %1").arg(current);
        colour = Running;
    }
    item->setText(1, text);
    item->setForeground(1, QBrush(stateColour(colour)));
    fitStateColumn(text);
}

void DeployPage::updateProgress()
{
    int done = 0;
    for (QTreeWidgetItem *item : std::as_const(m_stepItems))
        done += finished(item->data(1, kStateRole).toInt()) ? 1 : 0;
    m_progress->setRange(0, qMax(1, int(m_stepItems.size())));
    m_progress->setValue(done);
}

void DeployPage::onStepStarted(const QString &stepId, const QString &host, const QString &title)
{
    if (QTreeWidgetItem *item = m_stepItems.value(stepId))
        setStepState(item, Running, QString());
    updateHostRow(host);
    appendLog(host, tr("step: %1").arg(title));
}

void DeployPage::onStepFinished(const QString &stepId, const QString &host, StepOutcome outcome, const QString &message)
{
    if (QTreeWidgetItem *item = m_stepItems.value(stepId))
        setStepState(item, stateOf(outcome), message);
    updateHostRow(host);
    updateProgress();
    appendLog(host, QStringLiteral("%1: %2%3").arg(stepId, stepOutcomeKey(outcome),
                                                   message.isEmpty() ? QString() : QStringLiteral(" - ") + message));
}

void DeployPage::onQuestion(int id, const SshQuestion &q)
{
    if (q.kind == SshQuestion::Kind::UnknownHostKey) {
        // Hosts connect in parallel: their keys arrive within moments of each other. Collect them for one
        // dialog (the collection ends 300 ms after the last one came, at most 2 s after the first).
        if (m_hostKeyBox) {
            // The dialog is open: the key joins the list the person is reading (accepting covers it too).
            m_hostKeysListed.append({id, q});
            m_hostKeyBox->setText(hostKeyText());
            return;
        }
        if (m_hostKeyQuestions.isEmpty())
            m_hostKeyFirst.start();
        m_hostKeyQuestions.append({id, q});
        if (!m_hostKeyDialogOpen) {
            const int wait = m_hostKeyFirst.elapsed() > 1700 ? 0 : 300;
            QTimer::singleShot(wait, this, [this, n = m_hostKeyQuestions.size()] {
                if (m_hostKeyQuestions.size() == n)
                    askHostKeys();
            });
        }
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

QString DeployPage::hostKeyText() const
{
    QStringList lines;
    for (const auto &[id, q] : m_hostKeysListed)
        lines << QStringLiteral("%1 (%2): %3 %4").arg(q.hostName, q.address, q.keyType, q.fingerprint);
    return tr("%n host(s) offer a key this computer has never seen:", nullptr, int(m_hostKeysListed.size()))
        + QStringLiteral("\n\n") + lines.join(QLatin1Char('\n'));
}

void DeployPage::askHostKeys()
{
    if (m_hostKeyDialogOpen || m_hostKeyQuestions.isEmpty())
        return;
    m_hostKeysListed = std::exchange(m_hostKeyQuestions, {});
    m_hostKeyDialogOpen = true;
    const QString knownHosts = m_hostKeysListed.constLast().second.detail;
    const QString details = tr("Compare each with the host's own key (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on its "
                               "console). Accepting remembers the listed keys in %1; refusing stops the deploy.")
                                .arg(knownHosts);
    m_hostKeyBox = MessageBox::ask(
        this, QStringLiteral("hostKeyDialog"), tr("Unknown host keys"), hostKeyText(), details,
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
        {{QMessageBox::Yes, tr("Accept the listed keys")}, {QMessageBox::No, tr("Refuse")}},
        [this](QMessageBox::StandardButton answer) {
            const bool ok = answer == QMessageBox::Yes;
            for (const auto &[id, q] : std::exchange(m_hostKeysListed, {})) {
                appendLog(q.hostName, ok ? tr("host key accepted") : tr("host key refused"));
                m_runner->answer(id, ok ? std::optional<QString>(QStringLiteral("yes")) : std::nullopt);
            }
            m_hostKeyDialogOpen = false;
            m_hostKeyBox = nullptr;
            if (!m_hostKeyQuestions.isEmpty())
                QTimer::singleShot(300, this, &DeployPage::askHostKeys);
        });
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
