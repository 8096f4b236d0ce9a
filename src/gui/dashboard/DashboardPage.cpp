#include "gui/dashboard/DashboardPage.h"

#include "core/util/DataPaths.h"
#include "gui/dashboard/BackupPanel.h"
#include "gui/dashboard/DashboardDialogs.h"
#include "gui/dashboard/DriftView.h"
#include "gui/dashboard/HistoryCharts.h"
#include "gui/dashboard/LiveTopologyView.h"
#include "gui/dashboard/MemberTableModel.h"
#include "gui/dashboard/PoolerTree.h"
#include "gui/dashboard/TlsTable.h"
#include "gui/dashboard/VipHolderLabel.h"
#include "monitor/ActionRules.h"
#include "monitor/ActionRunner.h"
#include "monitor/ClusterMonitor.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pgha {

DashboardPage::DashboardPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("DashboardPage"));
    buildUi();
    updateButtons();
}

DashboardPage::~DashboardPage() = default;

void DashboardPage::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    m_urlEdit = new QLineEdit(this);
    m_urlEdit->setObjectName(QStringLiteral("urlEdit"));
    m_urlEdit->setPlaceholderText(tr("Patroni URL of a running cluster (empty: the project's hosts)"));
    m_secretsEdit = new QLineEdit(this);
    m_secretsEdit->setObjectName(QStringLiteral("secretsEdit"));
    m_secretsEdit->setPlaceholderText(tr("secrets file (REST and stats passwords; PGHA_* variables also work)"));
    m_connectButton = new QPushButton(tr("Connect"), this);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_verdictLabel = new QLabel(tr("not connected"), this);
    m_verdictLabel->setObjectName(QStringLiteral("verdictLabel"));
    m_verdictLabel->setMinimumWidth(120);
    m_verdictLabel->setAlignment(Qt::AlignCenter);
    top->addWidget(m_urlEdit, 3);
    top->addWidget(m_secretsEdit, 2);
    top->addWidget(m_connectButton);
    top->addWidget(m_verdictLabel);
    layout->addLayout(top);
    m_reasonsLabel = new QLabel(this);
    m_reasonsLabel->setObjectName(QStringLiteral("reasonsLabel"));
    m_reasonsLabel->setWordWrap(true);
    layout->addWidget(m_reasonsLabel);
    // What the monitor could not read, apart from the verdict: a gap in monitoring is not a fault of the cluster.
    m_gapsLabel = new QLabel(this);
    m_gapsLabel->setObjectName(QStringLiteral("gapsLabel"));
    m_gapsLabel->setWordWrap(true);
    m_gapsLabel->setStyleSheet(QStringLiteral("QLabel { color: #555; font-style: italic; }"));
    m_gapsLabel->hide();
    layout->addWidget(m_gapsLabel);
    m_vipLabel = new VipHolderLabel(this);  // who holds cluster.vip, asked over SSH as pgha status does
    layout->addWidget(m_vipLabel);

    m_archiverLabel = new QLabel(this);
    m_archiverLabel->setObjectName(QStringLiteral("archiverLabel"));
    m_archiverLabel->setWordWrap(true);
    m_archiverLabel->hide();
    layout->addWidget(m_archiverLabel);
    m_backupPanel = new BackupPanel(this);
    layout->addWidget(m_backupPanel);
    connect(m_connectButton, &QPushButton::clicked, this, [this] {
        if (isConnected())
            disconnectFromCluster();
        else if (m_urlEdit->text().trimmed().isEmpty())
            connectToProject();
        else
            connectToUrl(m_urlEdit->text().trimmed());
    });

    auto *split = new QSplitter(Qt::Vertical, this);
    m_topologyView = new LiveTopologyView(split);
    split->addWidget(m_topologyView);

    auto *tabs = new QTabWidget(split);
    tabs->setObjectName(QStringLiteral("dashboardTabs"));
    // Members + actions
    auto *membersPage = new QWidget(tabs);
    auto *mLayout = new QVBoxLayout(membersPage);
    m_memberModel = new MemberTableModel(this);
    m_memberTable = new QTableView(membersPage);
    m_memberTable->setObjectName(QStringLiteral("memberTable"));
    m_memberTable->setModel(m_memberModel);
    m_memberTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_memberTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_memberTable->horizontalHeader()->setStretchLastSection(true);
    m_memberTable->verticalHeader()->hide();
    mLayout->addWidget(m_memberTable);
    connect(m_memberTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DashboardPage::updateButtons);
    auto *actions = new QHBoxLayout;
    const struct { ActionRequest::Kind kind; const char *label; const char *name; } buttons[] = {
        {ActionRequest::Kind::Switchover, QT_TR_NOOP("Switchover to selected"), "switchoverButton"},
        {ActionRequest::Kind::Failover, QT_TR_NOOP("Failover to selected"), "failoverButton"},
        {ActionRequest::Kind::Restart, QT_TR_NOOP("Restart"), "restartButton"},
        {ActionRequest::Kind::Reload, QT_TR_NOOP("Reload"), "reloadButton"},
        {ActionRequest::Kind::Reinit, QT_TR_NOOP("Reinitialise"), "reinitButton"},
        {ActionRequest::Kind::Pause, QT_TR_NOOP("Pause"), "pauseButton"},
        {ActionRequest::Kind::Resume, QT_TR_NOOP("Resume"), "resumeButton"},
    };
    for (const auto &b : buttons) {
        auto *button = new QPushButton(tr(b.label), membersPage);
        button->setObjectName(QLatin1String(b.name));
        const ActionRequest::Kind kind = b.kind;
        connect(button, &QPushButton::clicked, this, [this, kind] { actionButton(kind); });
        actions->addWidget(button);
        m_actionButtons << button;
        m_actionKinds << kind;
    }
    m_scheduleCheck = new QCheckBox(tr("at"), membersPage);
    m_scheduleCheck->setObjectName(QStringLiteral("scheduleCheck"));
    m_scheduleEdit = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(3600), membersPage);
    m_scheduleEdit->setObjectName(QStringLiteral("scheduleEdit"));
    m_scheduleEdit->setCalendarPopup(true);
    actions->addStretch();
    actions->addWidget(m_scheduleCheck);
    actions->addWidget(m_scheduleEdit);
    mLayout->addLayout(actions);
    // Why an action is not offered for the selected member (ActionRules), e.g. synchronous mode.
    m_actionHint = new QLabel(membersPage);
    m_actionHint->setObjectName(QStringLiteral("actionHint"));
    m_actionHint->setWordWrap(true);
    mLayout->addWidget(m_actionHint);
    tabs->addTab(membersPage, tr("Members"));

    m_etcdTable = new QTableWidget(0, 7, tabs);
    m_etcdTable->setObjectName(QStringLiteral("etcdTable"));
    m_etcdTable->setHorizontalHeaderLabels({tr("Member"), tr("Client URL"), tr("Health"), tr("Leader"),
                                            tr("Raft term"), tr("DB size"), tr("Version")});
    m_etcdTable->horizontalHeader()->setStretchLastSection(true);
    m_etcdTable->verticalHeader()->hide();
    m_etcdTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tabs->addTab(m_etcdTable, tr("etcd"));

    auto *tlsPage = new QWidget(tabs);
    auto *tlsLayout = new QVBoxLayout(tlsPage);
    tlsLayout->setContentsMargins(0, 0, 0, 0);
    m_tlsTable = new TlsTable(tlsPage);
    tlsLayout->addWidget(m_tlsTable);
    m_renewButton = new QPushButton(tr("Renew certificates…"), tlsPage);
    m_renewButton->setObjectName(QStringLiteral("renewCertsButton"));
    m_renewButton->setToolTip(tr("New leaf certificates from the cluster CA, rolled out host by host on the Deploy "
                                 "page (the same plan as pgha certs renew)"));
    connect(m_renewButton, &QPushButton::clicked, this, [this] {
        const MemberState *leader = m_monitor && m_monitor->hasState() ? m_monitor->state().leader() : nullptr;
        emit renewCertificatesRequested(leader ? leader->name : QString());
    });
    tlsLayout->addWidget(m_renewButton, 0, Qt::AlignLeft);
    tabs->addTab(tlsPage, tr("TLS"));

    m_haproxyTree = new QTreeWidget(tabs);
    m_haproxyTree->setObjectName(QStringLiteral("haproxyTree"));
    m_haproxyTree->setHeaderLabels({tr("HAProxy / pool / server"), tr("Status"), tr("Sessions"), tr("Check")});
    tabs->addTab(m_haproxyTree, tr("HAProxy"));
    m_poolerTree = new PoolerTree(tabs);
    tabs->addTab(m_poolerTree, tr("PgBouncer"));

    m_charts = new HistoryCharts(tabs);
    tabs->addTab(m_charts, tr("Charts"));
    m_driftView = new DriftView(tabs);
    m_driftView->setObjectName(QStringLiteral("driftView"));
    tabs->addTab(m_driftView, tr("Drift"));
    split->addWidget(tabs);

    m_eventLog = new QTableWidget(0, 4, split);
    m_eventLog->setObjectName(QStringLiteral("eventLog"));
    m_eventLog->setHorizontalHeaderLabels({tr("Time"), tr("Severity"), tr("Event"), tr("What happened")});
    m_eventLog->horizontalHeader()->setStretchLastSection(true);
    m_eventLog->verticalHeader()->hide();
    m_eventLog->setEditTriggers(QAbstractItemView::NoEditTriggers);
    split->addWidget(m_eventLog);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 2);
    layout->addWidget(split, 1);
}

void DashboardPage::setProject(const Topology &topology, const QString &projectPath)
{
    // Any change of the places to poll (an address, a port, a host added or renamed) reconnects; secrets and
    // options come again from connectToProject().
    const bool endpointsChanged = m_fromProject && isConnected()
        && !MonitorTarget::fromTopology(topology, {}).sameEndpoints(m_monitor->target());
    m_topology = topology;
    m_projectPath = projectPath;
    m_renewButton->setEnabled(topology.cluster.security.tls);
    m_driftView->setTopology(topology);
    m_vipLabel->setTopology(topology);
    if (endpointsChanged)
        connectToProject();
}

Secrets DashboardPage::currentSecrets(bool *ok, bool forProject)
{
    *ok = true;
    Secrets s;
    QString path = m_secretsEdit->text().trimmed();
    if (path.isEmpty() && forProject) {
        // The design's own secret store, where a deploy (CLI or Deploy tab) keeps the passwords it generated:
        // nothing to type after a deploy. An unusable cluster name simply has no store.
        const Result<QString> kept = DataPaths::secretsFile(m_topology.cluster.name);
        if (kept.ok() && QFileInfo::exists(kept.value()))
            path = kept.value();
    }
    if (!path.isEmpty()) {
        Result<Secrets> r = SecretStore::loadFile(path);
        if (!r.ok()) {
            *ok = false;
            DashboardDialogs::inform(this, tr("Secrets"), r.error().toString(), false);
            return s;
        }
        s = r.value();
    }
    SecretStore::applyEnvironment(&s);
    return s;
}

void DashboardPage::connectToProject()
{
    bool ok = false;
    const Secrets s = currentSecrets(&ok, true);
    if (!ok)
        return;
    connectToTarget(MonitorTarget::fromTopology(m_topology, s));
    m_fromProject = true;
    if (m_monitor->target().repository)
        m_monitor->setRepositoryFetch(BackupPanel::fetchFor(m_topology));
}

void DashboardPage::connectAfterDeploy()
{
    if (isConnected() && !m_fromProject)
        return;  // watching another cluster by URL: leave it
    if (!m_urlEdit->text().trimmed().isEmpty())
        return;
    connectToProject();
}

void DashboardPage::connectToUrl(const QString &url)
{
    bool ok = false;
    const Secrets s = currentSecrets(&ok, false);
    if (!ok)
        return;
    Result<MonitorTarget> t = MonitorTarget::fromUrl(url);
    if (!t.ok()) {
        DashboardDialogs::inform(this, tr("Connect"), t.error().message, false);
        return;
    }
    MonitorTarget target = t.value();
    target.restUser = s.restApiUser;
    target.restPassword = s.restApiPassword;
    target.statsUser = s.haproxyStatsUser;
    target.statsPassword = s.haproxyStatsPassword;
    connectToTarget(target);
}

void DashboardPage::connectToTarget(const MonitorTarget &target)
{
    disconnectFromCluster();
    m_fromProject = false;
    m_monitor = new ClusterMonitor(target, this);
    m_runner = new ActionRunner(target, this);
    m_monitor->setIntervalMs(QSettings().value(QStringLiteral("monitor/intervalMs"), 2000).toInt());
    connect(m_monitor, &ClusterMonitor::updated, this, &DashboardPage::onUpdated);
    connect(m_monitor, &ClusterMonitor::eventsAdded, this, &DashboardPage::onEvents);
    connect(m_runner, &ActionRunner::finished, this, [this](const ActionResult &r) {
        appendLog(QDateTime::currentDateTimeUtc(), r.ok ? QStringLiteral("info") : QStringLiteral("warning"),
                  QStringLiteral("action"), r.message);
        if (m_monitor && !r.ok)
            m_monitor->actionRefused();
        DashboardDialogs::inform(this, tr("Action"), r.message, r.ok);
        if (m_monitor)
            m_monitor->pollNow();
        updateButtons();
        emit actionFinished(r);
    });
    m_connectButton->setText(tr("Disconnect"));
    m_verdictLabel->setText(tr("connecting\u2026"));
    m_monitor->start();
    updateButtons();
}

void DashboardPage::disconnectFromCluster()
{
    delete m_monitor;
    m_monitor = nullptr;
    delete m_runner;
    m_runner = nullptr;
    m_connectButton->setText(tr("Connect"));
    m_verdictLabel->setText(tr("not connected"));
    m_verdictLabel->setStyleSheet(QString());
    updateButtons();
}

void DashboardPage::onUpdated(const ClusterState &s)
{
    static const QHash<Verdict, QString> colors = {{Verdict::Healthy, QStringLiteral("#2e7d32")},
                                                   {Verdict::Degraded, QStringLiteral("#e67e00")},
                                                   {Verdict::Unavailable, QStringLiteral("#c62828")}};
    // The preferences dialog writes the interval; a change applies from the next poll, no reconnect needed.
    const int interval = QSettings().value(QStringLiteral("monitor/intervalMs"), 2000).toInt();
    if (m_monitor && interval > 0 && interval != m_monitor->intervalMs())
        m_monitor->setIntervalMs(interval);
    m_verdictLabel->setText(verdictTitle(s.verdict));
    m_verdictLabel->setStyleSheet(QStringLiteral("QLabel { color: white; background: %1; padding: 3px; font-weight: bold; }")
                                      .arg(colors.value(s.verdict)));
    m_reasonsLabel->setText(s.reasons.join(QStringLiteral(" \u00b7 ")));
    m_gapsLabel->setVisible(!s.gaps.isEmpty());
    m_gapsLabel->setText(s.gaps.isEmpty() ? QString()
                                          : tr("Not monitored: %1").arg(s.gaps.join(QStringLiteral(" \u00b7 "))));
    m_archiverLabel->setVisible(s.archiverMonitored);
    if (s.archiverMonitored) {
        const ArchiverStatus &a = s.archiver.status;
        auto when = [this](const QDateTime &t) { return t.isValid() ? t.toLocalTime().toString(Qt::ISODate) : tr("never"); };
        m_archiverLabel->setText(
            !s.archiver.read ? tr("WAL archiving: not read (%1)").arg(s.archiver.error)
            : a.failing()    ? tr("WAL archiving on %1 FAILS: %2 failed at %3 (%4 failures); last archived %5 at %6")
                                .arg(s.archiver.member, a.lastFailedWal, when(a.lastFailedTime))
                                .arg(a.failedCount)
                                .arg(a.lastArchivedWal, when(a.lastArchivedTime))
                             : tr("WAL archiving on %1: %2 archived, last %3 at %4; %5 failures")
                                .arg(s.archiver.member)
                                .arg(a.archivedCount)
                                .arg(a.lastArchivedWal.isEmpty() ? QStringLiteral("-") : a.lastArchivedWal, when(a.lastArchivedTime))
                                .arg(a.failedCount));
        m_archiverLabel->setStyleSheet(a.failing() ? QStringLiteral("QLabel { color: #c62828; font-weight: bold; }") : QString());
    }
    m_backupPanel->setState(s);
    m_topologyView->setState(s);
    m_memberModel->setMembers(s.members);
    m_tlsTable->setState(s);
    m_poolerTree->setState(s);

    m_etcdTable->setRowCount(int(s.etcd.size()));
    for (int i = 0; i < s.etcd.size(); ++i) {
        const EtcdMemberState &e = s.etcd.at(i);
        const QStringList cells = {e.name, e.clientUrl,
                                   e.healthy ? tr("healthy") : (e.reachable ? tr("unhealthy") : tr("unreachable")),
                                   e.isLeader ? QStringLiteral("\u2605") : QString(),
                                   e.raftTerm > 0 ? QString::number(e.raftTerm) : QString(),
                                   e.dbSize > 0 ? QLocale().formattedDataSize(e.dbSize) : QString(), e.version};
        for (int c = 0; c < cells.size(); ++c) {
            QTableWidgetItem *item = m_etcdTable->item(i, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_etcdTable->setItem(i, c, item);
            }
            if (item->text() != cells.at(c))
                item->setText(cells.at(c));
        }
    }

    m_haproxyTree->clear();
    for (const HaproxyInstance &h : s.haproxy) {
        auto *top = new QTreeWidgetItem(m_haproxyTree, {h.name, h.reachable ? tr("reachable") : h.error});
        for (const HaproxyPool &p : h.pools) {
            const QStringList up = p.upServers();
            auto *pool = new QTreeWidgetItem(top, {p.name + QStringLiteral(" (") + p.kind + QLatin1Char(')'),
                                                   up.isEmpty() ? tr("NO SERVER UP") : tr("UP: %1").arg(up.join(QLatin1String(", "))),
                                                   QString::number(p.sessions)});
            for (const HaproxyServerState &sv : p.servers)
                new QTreeWidgetItem(pool, {sv.name, sv.status, QString::number(sv.sessions), sv.checkStatus});
        }
    }
    m_haproxyTree->expandAll();
    if (m_monitor)
        m_charts->showHistory(m_monitor->history());
    updateButtons();
}

void DashboardPage::onEvents(const QList<ClusterEvent> &events)
{
    for (const ClusterEvent &e : events)
        appendLog(e.time, ClusterEvent::severityKey(e.severity), ClusterEvent::kindKey(e.kind), e.message);
}

void DashboardPage::appendLog(const QDateTime &time, const QString &severity, const QString &kind, const QString &text)
{
    const int row = m_eventLog->rowCount();
    m_eventLog->insertRow(row);
    m_eventLog->setItem(row, 0, new QTableWidgetItem(time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    m_eventLog->setItem(row, 1, new QTableWidgetItem(severity));
    m_eventLog->setItem(row, 2, new QTableWidgetItem(kind));
    m_eventLog->setItem(row, 3, new QTableWidgetItem(text));
    if (severity == QLatin1String("critical")) {
        for (int c = 0; c < 4; ++c)
            m_eventLog->item(row, c)->setForeground(QColor(0xc6, 0x28, 0x28));
    }
    // Bounded like the monitor's own list.
    while (m_eventLog->rowCount() > ClusterMonitor::kMaxEvents)
        m_eventLog->removeRow(0);
    m_eventLog->scrollToBottom();
}

QString DashboardPage::selectedMember() const
{
    const QModelIndexList rows = m_memberTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(Qt::UserRole).toString();
}

void DashboardPage::updateButtons()
{
    const bool live = isConnected() && m_monitor->hasState() && !(m_runner && m_runner->isBusy());
    const QString sel = selectedMember();
    QStringList why;
    for (int i = 0; i < m_actionButtons.size(); ++i) {
        QPushButton *b = m_actionButtons.at(i);
        if (!live) {
            b->setEnabled(false);
            b->setToolTip(QString());
            continue;
        }
        const ActionRules::Decision d = ActionRules::check(m_monitor->state(), m_actionKinds.at(i), sel);
        b->setEnabled(d.allowed);
        b->setToolTip(d.reason);
        // Say why a member-specific action is not offered for the member the person selected.
        const ActionRequest::Kind k = m_actionKinds.at(i);
        if (!d.allowed && !sel.isEmpty()
            && (k == ActionRequest::Kind::Switchover || k == ActionRequest::Kind::Failover))
            why << tr("%1: %2").arg(b->text(), d.reason);
    }
    QString hint = why.join(QLatin1Char('\n'));
    if (live && m_monitor->state().synchronousMode) {
        const QStringList candidates = ActionRules::switchoverCandidates(m_monitor->state());
        hint = (candidates.isEmpty() ? tr("Synchronous mode: no member can take a switchover now.")
                                     : tr("Synchronous mode: switchover only to %1.").arg(candidates.join(QLatin1String(", "))))
            + (hint.isEmpty() ? QString() : QLatin1Char('\n') + hint);
    }
    m_actionHint->setText(hint);
}

void DashboardPage::actionButton(ActionRequest::Kind kind)
{
    ActionRequest req;
    req.kind = kind;
    const QString sel = selectedMember();
    if (kind == ActionRequest::Kind::Switchover || kind == ActionRequest::Kind::Failover)
        req.candidate = sel;
    else
        req.member = sel;
    if (m_scheduleCheck->isChecked()
        && (kind == ActionRequest::Kind::Switchover || kind == ActionRequest::Kind::Restart))
        req.scheduledAt = m_scheduleEdit->dateTime().toUTC();
    runAction(req);
}

bool DashboardPage::runAction(const ActionRequest &request)
{
    if (!m_runner || m_runner->isBusy())
        return false;
    const QString title = tr("Confirm %1").arg(ActionRequest::kindKey(request.kind));
    const QString text = request.describe(m_monitor && m_monitor->hasState() ? &m_monitor->state() : nullptr);
    if (!DashboardDialogs::confirm(this, title, text))
        return false;
    appendLog(QDateTime::currentDateTimeUtc(), QStringLiteral("info"), QStringLiteral("action"),
              tr("%1 requested: %2").arg(ActionRequest::kindKey(request.kind), text));
    if (m_monitor)
        m_monitor->expectAction(request);  // what it causes is logged as planned, not as a fault
    m_runner->run(request);
    updateButtons();
    return true;
}

} // namespace pgha
