#include "gui/dashboard/DriftView.h"

#include "deploy/DriftSetup.h"
#include "gui/dashboard/DriftApply.h"
#include "gui/deploy/PlanRunDialog.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

namespace pgha {

DriftView::DriftView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_button = new QPushButton(tr("Compare with the design"), this);
    m_button->setObjectName(QStringLiteral("driftCheckButton"));
    m_button->setToolTip(tr("Reads every host over SSH (files, Patroni's dynamic configuration, pg_settings, members) "
                            "and compares it with the design, as pgha diff does; changes nothing"));
    connect(m_button, &QPushButton::clicked, this, &DriftView::check);
    m_apply = new QPushButton(tr("&Apply…"), this);
    m_apply->setObjectName(QStringLiteral("driftApplyButton"));
    m_apply->setToolTip(tr("Shows the plan that brings the cluster in line with the design (as pgha apply), then runs "
                           "it once confirmed"));
    m_apply->setEnabled(false);
    connect(m_apply, &QPushButton::clicked, this, &DriftView::apply);
    m_status = new QLabel(tr("Not compared yet."), this);
    m_status->setObjectName(QStringLiteral("driftStatus"));
    m_status->setWordWrap(true);
    row->addWidget(m_button);
    row->addWidget(m_apply);
    row->addWidget(m_status, 1);
    layout->addLayout(row);
    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("driftTable"));
    m_table->setHorizontalHeaderLabels({tr("Area"), tr("Host"), tr("Setting or file"), tr("Design"), tr("Cluster"),
                                        tr("pgha apply")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table, 1);
}

DriftView::~DriftView() = default;

void DriftView::check()
{
    if (m_running)
        return;
    if (m_topology.hosts.isEmpty()) {
        m_status->setText(tr("The design has no hosts."));
        return;
    }
    m_running = true;
    m_button->setEnabled(false);
    m_apply->setEnabled(false);
    m_status->setText(tr("Reading the hosts…"));
    const int generation = ++m_generation;
    QPointer<DriftView> self(this);
    const Topology topology = m_topology;
    // Generating the files and SSH block: the setup and the probes run on a thread of their own, the answer comes
    // back queued.
    QThread *worker = QThread::create([self, topology, generation] {
        const Result<DriftSetup> setup = prepareDrift(topology, DriftSetupOptions());
        std::shared_ptr<const DriftSetup> s = setup.ok() ? std::make_shared<const DriftSetup>(setup.value()) : nullptr;
        const QString error = setup.ok() ? QString() : setup.error().toString();
        const DriftRun run = s ? runDrift(*s, sshSessionFactory()) : DriftRun();
        QMetaObject::invokeMethod(qApp, [self, run, s, error, generation, topology] {
            if (!self || generation != self->m_generation)
                return;
            self->m_running = false;
            self->m_button->setEnabled(true);
            if (!s)
                self->m_status->setText(error);
            else
                self->showRun(run, s, topology);
        });
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

PlanRunDialog *DriftView::apply()
{
    if (!m_setup || !m_run || m_running)
        return nullptr;
    if (m_dialog && m_dialog->isRunning()) {
        m_dialog->raise();
        return m_dialog;
    }
    if (!(m_topology == m_checkedTopology)) {
        // The plan is built from the comparison shown: a design edited since would be half applied.
        m_status->setText(tr("The design changed since the comparison: compare again, then apply."));
        return nullptr;
    }
    m_dialog = DriftApply::open(this, m_checkedTopology, *m_setup, *m_run);
    if (m_dialog) {
        // Once the plan ran (whatever its outcome), the page shows the drift that is left.
        connect(m_dialog, &PlanRunDialog::runFinished, this, [this] { check(); });
    }
    return m_dialog;
}

void DriftView::showRun(const DriftRun &run, std::shared_ptr<const DriftSetup> setup,
                        const std::optional<Topology> &compared)
{
    m_setup = std::move(setup);
    m_checkedTopology = compared ? *compared : m_topology;
    m_run = std::make_shared<const DriftRun>(run);
    m_apply->setEnabled(m_setup && run.report.hasDrift() && !run.hostKeyRefused);
    const DriftReport &r = run.report;
    m_table->setRowCount(0);
    for (const DriftItem &i : r.items) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList cells{driftAreaKey(i.area), i.host.isEmpty() ? QStringLiteral("*") : i.host, i.key,
                                i.design.isEmpty() ? QStringLiteral("-") : i.design,
                                i.actual.isEmpty() ? QStringLiteral("-") : i.actual, driftFixKey(i.fix)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (!i.note.isEmpty())
                item->setToolTip(i.note);
            m_table->setItem(row, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    if (run.hostKeyRefused)
        m_status->setText(tr("A host key was refused (unknown or changed): accept it on the Deploy page first."));
    else if (!r.hasDrift())
        m_status->setText(tr("No drift: the cluster runs the design (read in %1 s).").arg(run.seconds, 0, 'f', 2));
    else
        m_status->setText(tr("%n difference(s) (read in %1 s); pgha apply brings the cluster in line.", nullptr,
                             int(r.items.size()))
                              .arg(run.seconds, 0, 'f', 2));
    emit checked(r.hasDrift());
}

} // namespace pgha
