#include "gui/deploy/PlanRunDialog.h"

#include "gui/deploy/HostKeyPrompt.h"
#include "gui/deploy/PlanTree.h"
#include "gui/dialogs/MessageBox.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace pgha {

PlanRunDialog::PlanRunDialog(const Request &request, QWidget *parent)
    : QDialog(parent), m_request(request), m_runner(new DeployRunner(this))
{
    setObjectName(QStringLiteral("planRunDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(request.title);
    resize(900, 640);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(request.intro, this);
    intro->setObjectName(QStringLiteral("planIntro"));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *warning = new QLabel(request.warning, this);
    warning->setObjectName(QStringLiteral("planWarning"));
    warning->setWordWrap(true);
    warning->setStyleSheet(QStringLiteral("color: #d32f2f; font-weight: bold"));
    warning->setVisible(!request.warning.isEmpty());
    layout->addWidget(warning);
    if (!request.notPlanned.isEmpty()) {
        // What the plan leaves to a person is said up front, not only in the plan text.
        auto *notPlanned = new QLabel(tr("Not planned (do these by hand):\n%1").arg(request.notPlanned.join(QLatin1Char('\n'))), this);
        notPlanned->setObjectName(QStringLiteral("planNotPlanned"));
        notPlanned->setWordWrap(true);
        notPlanned->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(notPlanned);
    }

    m_tree = new PlanTree(this);
    m_tree->showPlan(request.topology, request.plan);
    m_planText = new QPlainTextEdit(planText(request.plan, request.notPlanned), this);
    m_planText->setObjectName(QStringLiteral("planText"));
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("planLog"));
    for (QPlainTextEdit *e : {m_planText, m_log}) {
        e->setReadOnly(true);
        e->setFont(QFont(QStringLiteral("monospace")));
        e->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    m_log->setMaximumBlockCount(20000);
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("planTabs"));
    tabs->addTab(m_tree, tr("Steps"));
    tabs->addTab(m_planText, tr("Plan text"));
    tabs->addTab(m_log, tr("Log"));
    layout->addWidget(tabs, 1);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("planProgress"));
    m_progress->setFormat(tr("%v of %m steps"));
    m_progress->setRange(0, qMax(1, m_tree->stepCount()));
    m_progress->setValue(0);
    layout->addWidget(m_progress);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("planStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setText(request.plan.steps.isEmpty()
                          ? (request.notPlanned.isEmpty() ? tr("Nothing to do.") : tr("Nothing the plan can do: see the plan text."))
                          : tr("%1 steps on %2 hosts. Nothing has been changed yet.")
                                .arg(request.plan.steps.size())
                                .arg(request.plan.targets.size()));
    layout->addWidget(m_status);

    auto *box = new QDialogButtonBox(this);
    m_run = box->addButton(tr("&Run…"), QDialogButtonBox::AcceptRole);
    m_run->setObjectName(QStringLiteral("planRunButton"));
    m_cancel = box->addButton(tr("&Cancel Run"), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(QStringLiteral("planCancelButton"));
    m_cancel->setToolTip(tr("Stops cleanly: no new step starts, waits give up."));
    m_close = box->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("planCloseButton"));
    layout->addWidget(box);
    m_run->setAutoDefault(false);
    m_close->setDefault(true);
    connect(m_run, &QPushButton::clicked, this, &PlanRunDialog::run);
    connect(m_cancel, &QPushButton::clicked, m_runner, &DeployRunner::cancel);
    connect(m_close, &QPushButton::clicked, this, &PlanRunDialog::reject);

    m_hostKeys = new HostKeyPrompt(this);
    connect(m_hostKeys, &HostKeyPrompt::answered, this, [this](int id, const QString &host, bool accepted) {
        appendLog(host, accepted ? tr("host key accepted") : tr("host key refused"));
        m_runner->answer(id, accepted ? std::optional<QString>(QStringLiteral("yes")) : std::nullopt);
    });
    connect(m_runner, &DeployRunner::question, this, [this](int id, const SshQuestion &q) {
        m_hostKeys->handle(id, q, [this](int qid, const std::optional<QString> &text) { m_runner->answer(qid, text); });
    });
    connect(m_runner, &DeployRunner::stepStarted, this, [this](const QString &id, const QString &host, const QString &title) {
        m_tree->stepStarted(id, host);
        appendLog(host, tr("step: %1").arg(title));
    });
    connect(m_runner, &DeployRunner::stepFinished, this,
            [this](const QString &id, const QString &host, StepOutcome o, const QString &message) {
                m_tree->stepFinished(id, host, o, message);
                m_progress->setValue(m_tree->stepsDone());
                appendLog(host, QStringLiteral("%1: %2%3").arg(id, stepOutcomeKey(o),
                                                               message.isEmpty() ? QString() : QStringLiteral(" - ") + message));
            });
    connect(m_runner, &DeployRunner::logLine, this, &PlanRunDialog::appendLog);
    connect(m_runner, &DeployRunner::finished, this, [this](DeployRunner::Outcome o, const QString &summary) {
        m_status->setText(summary);
        appendLog(QString(), summary);
        m_progress->setValue(m_tree->stepsDone());
        updateButtons();
        emit runFinished(o, summary);
    });
    updateButtons();
}

PlanRunDialog::~PlanRunDialog() = default;

QString PlanRunDialog::planText(const DeployPlan &plan, const QStringList &notPlanned)
{
    QString text;
    if (!notPlanned.isEmpty()) {
        text += tr("# not planned (do these by hand):\n");
        for (const QString &l : notPlanned)
            text += QStringLiteral("#   ") + l + QLatin1Char('\n');
    }
    if (plan.steps.isEmpty())
        return text + (notPlanned.isEmpty() ? tr("nothing to do\n") : tr("nothing the plan can do\n"));
    text += tr("# the plan: %1 steps on %2 hosts\n").arg(plan.steps.size()).arg(plan.targets.size());
    for (const DeployStep &s : plan.steps)
        text += QStringLiteral("#   %1 [%2] %3%4\n")
                    .arg(s.id, s.host, s.title,
                         s.deps.isEmpty() ? QString() : tr(" (after %1)").arg(s.deps.join(QStringLiteral(", "))));
    return text + plan.dryRunText();
}

QString PlanRunDialog::shownPlanText() const
{
    return m_planText->toPlainText();
}

QString PlanRunDialog::logText() const
{
    return m_log->toPlainText();
}

void PlanRunDialog::setSessionFactory(SessionFactory factory)
{
    m_runner->setSessionFactory(std::move(factory));
}

void PlanRunDialog::run()
{
    if (m_runner->isRunning() || m_ran || m_asking || m_request.plan.steps.isEmpty())
        return;
    m_asking = true;
    const QString text = m_request.warning.isEmpty() ? m_request.confirm
                                                     : m_request.confirm + QStringLiteral("\n\n") + m_request.warning;
    m_run->setEnabled(false);
    MessageBox::ask(this, QStringLiteral("planConfirm"), m_request.title, text, QString(),
                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No, {{QMessageBox::Yes, tr("Run")}},
                    [this](QMessageBox::StandardButton b) {
                        m_asking = false;
                        if (b != QMessageBox::Yes) {
                            m_status->setText(tr("Not confirmed: nothing was changed."));
                            updateButtons();
                            return;
                        }
                        start();
                    });
}

void PlanRunDialog::start()
{
    if (m_request.beforeRun)
        m_request.beforeRun();
    if (!m_runner->start(m_request.plan, m_request.journal)) {
        updateButtons();
        return;
    }
    m_ran = true;
    m_status->setText(m_runner->resumed() ? tr("Resuming the interrupted run recorded in %1…").arg(m_request.journal.path())
                                          : tr("Running… (journal: %1)").arg(m_request.journal.path()));
    if (auto *tabs = findChild<QTabWidget *>(QStringLiteral("planTabs")))
        tabs->setCurrentWidget(m_log);
    updateButtons();
}

void PlanRunDialog::reject()
{
    if (m_runner->isRunning()) {
        m_status->setText(tr("Still running: Cancel Run stops it between steps; close the window afterwards."));
        return;
    }
    QDialog::reject();
}

void PlanRunDialog::appendLog(const QString &host, const QString &line)
{
    m_log->appendPlainText(QStringLiteral("%1 [%2] %3")
                               .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz")),
                                    host.isEmpty() ? QStringLiteral("*") : host, line));
}

void PlanRunDialog::updateButtons()
{
    const bool running = m_runner->isRunning();
    m_run->setEnabled(!running && !m_ran && !m_asking && !m_request.plan.steps.isEmpty());
    m_cancel->setEnabled(running);
    m_close->setEnabled(!running);
}

} // namespace pgha
