#include "gui/inspector/ClusterEditor.h"

#include "core/edit/EditRules.h"
#include "core/model/BackupLayout.h"
#include "core/model/Platform.h"
#include "gui/commands/ChangeValueCommand.h"
#include "gui/document/Document.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace pgha {

namespace {
QString objectNameFor(const QString &key)
{
    // "patroni.ttl" -> "cluster_patroni_ttl": stable names for tests and translations.
    QString n = QStringLiteral("cluster_") + key;
    n.replace(QLatin1Char('.'), QLatin1Char('_'));
    return n;
}
} // namespace

ClusterEditor::ClusterEditor(Document *document, QWidget *parent) : QWidget(parent), m_doc(document)
{
    setObjectName(QStringLiteral("clusterEditor"));
    auto *outer = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Cluster"), this);
    QFont tf = title->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.2);
    title->setFont(tf);
    outer->addWidget(title);
    auto *hint = new QLabel(tr("Select a host or subnet on the canvas to edit it; these settings apply to the whole cluster."), this);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    outer->addWidget(hint);

    const auto group = [&](const QString &t) {
        auto *box = new QGroupBox(t, this);
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        outer->addWidget(box);
        return form;
    };

    QFormLayout *general = group(tr("Cluster"));
    addText(general, QStringLiteral("name"), tr("Name (scope):"), [](Cluster &c) -> QString & { return c.name; });
    addText(general, QStringLiteral("namespace"), tr("Namespace:"), [](Cluster &c) -> QString & { return c.ns; });

    QFormLayout *pg = group(tr("PostgreSQL"));
    addSpin(pg, QStringLiteral("postgres.version"), tr("Version:"), 10, 18, {}, nullptr,
            [](Cluster &c) -> int & { return c.postgres.version; });
    auto *dist = new QComboBox(this);
    dist->setObjectName(objectNameFor(QStringLiteral("postgres.distribution")));
    dist->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    dist->setMinimumContentsLength(18);
    for (const QString &d : Platform::knownDistributions())
        dist->addItem(Platform::distributionDisplayName(d), d);
    pg->addRow(tr("Distribution:"), dist);
    connect(dist, &QComboBox::activated, this, [this, dist](int i) {
        const QString d = dist->itemData(i).toString();
        edit(QStringLiteral("postgres.distribution"), tr("Change PostgreSQL distribution"),
             [&](Cluster &c) { c.postgres.distribution = d; });
    });
    m_refreshers << [dist](const Cluster &c) { dist->setCurrentIndex(std::max(0, dist->findData(c.postgres.distribution))); };
    addSpin(pg, QStringLiteral("postgres.port"), tr("Port:"), 1, 65535, {}, nullptr, [](Cluster &c) -> int & { return c.postgres.port; });
    addCheck(pg, QStringLiteral("postgres.use_pg_rewind"), tr("Use pg_rewind"), [](Cluster &c) -> bool & { return c.postgres.usePgRewind; });
    addCheck(pg, QStringLiteral("postgres.use_slots"), tr("Use replication slots"), [](Cluster &c) -> bool & { return c.postgres.useSlots; });
    addCheck(pg, QStringLiteral("postgres.data_checksums"), tr("Data checksums"), [](Cluster &c) -> bool & { return c.postgres.dataChecksums; });

    QFormLayout *patroni = group(tr("Patroni"));
    addSpin(patroni, QStringLiteral("patroni.ttl"), tr("TTL:"), 1, 3600, tr(" s"), nullptr, [](Cluster &c) -> int & { return c.patroni.ttl; });
    addSpin(patroni, QStringLiteral("patroni.loop_wait"), tr("Loop wait:"), 0, 3600, tr(" s"), nullptr, [](Cluster &c) -> int & { return c.patroni.loopWait; });
    addSpin(patroni, QStringLiteral("patroni.retry_timeout"), tr("Retry timeout:"), 0, 3600, tr(" s"), nullptr,
            [](Cluster &c) -> int & { return c.patroni.retryTimeout; });
    addSpin(patroni, QStringLiteral("patroni.restapi_port"), tr("REST API port:"), 1, 65535, {}, nullptr,
            [](Cluster &c) -> int & { return c.patroni.restApiPort; });
    auto *lag = new QSpinBox(this);
    lag->setObjectName(objectNameFor(QStringLiteral("patroni.maximum_lag_on_failover")));
    lag->setRange(0, 2147483647);
    lag->setSuffix(tr(" bytes"));
    patroni->addRow(tr("Max lag on failover:"), lag);
    connect(lag, &QSpinBox::valueChanged, this, [this](int v) {
        edit(QStringLiteral("patroni.maximum_lag_on_failover"), tr("Change maximum lag on failover"),
             [&](Cluster &c) { c.patroni.maximumLagOnFailover = v; });
    });
    m_refreshers << [lag](const Cluster &c) { lag->setValue(int(std::min<qint64>(c.patroni.maximumLagOnFailover, 2147483647))); };
    addCheck(patroni, QStringLiteral("patroni.synchronous_mode"), tr("Synchronous mode"),
             [](Cluster &c) -> bool & { return c.patroni.synchronousMode; });
    addCheck(patroni, QStringLiteral("patroni.synchronous_mode_strict"), tr("Strict synchronous mode"),
             [](Cluster &c) -> bool & { return c.patroni.synchronousModeStrict; });
    addCheck(patroni, QStringLiteral("patroni.failsafe_mode"), tr("Failsafe mode"), [](Cluster &c) -> bool & { return c.patroni.failsafeMode; });

    QFormLayout *etcd = group(tr("etcd"));
    addSpin(etcd, QStringLiteral("etcd.client_port"), tr("Client port:"), 1, 65535, {}, nullptr, [](Cluster &c) -> int & { return c.etcd.clientPort; });
    addSpin(etcd, QStringLiteral("etcd.peer_port"), tr("Peer port:"), 1, 65535, {}, nullptr, [](Cluster &c) -> int & { return c.etcd.peerPort; });

    QFormLayout *lb = group(tr("HAProxy"));
    addSpin(lb, QStringLiteral("haproxy.primary_port"), tr("Primary port:"), 1, 65535, {}, nullptr, [](Cluster &c) -> int & { return c.haproxy.primaryPort; });
    addSpin(lb, QStringLiteral("haproxy.replica_port"), tr("Replica port:"), 1, 65535, {}, nullptr, [](Cluster &c) -> int & { return c.haproxy.replicaPort; });
    addSpin(lb, QStringLiteral("haproxy.stats_port"), tr("Stats port:"), 1, 65535, {}, nullptr, [](Cluster &c) -> int & { return c.haproxy.statsPort; });
    addSpin(lb, QStringLiteral("haproxy.maxconn"), tr("Global maxconn:"), 1, 1000000, {}, nullptr, [](Cluster &c) -> int & { return c.haproxy.maxconn; });
    addSpin(lb, QStringLiteral("haproxy.server_maxconn"), tr("Per-server maxconn:"), 1, 1000000, {}, nullptr,
            [](Cluster &c) -> int & { return c.haproxy.serverMaxconn; });
    addSpin(lb, QStringLiteral("haproxy.check_interval_ms"), tr("Check interval:"), 100, 60000, tr(" ms"), nullptr,
            [](Cluster &c) -> int & { return c.haproxy.checkIntervalMs; });
    addSpin(lb, QStringLiteral("haproxy.fall"), tr("Fall after:"), 1, 100, tr(" checks"), nullptr, [](Cluster &c) -> int & { return c.haproxy.fall; });
    addSpin(lb, QStringLiteral("haproxy.rise"), tr("Rise after:"), 1, 100, tr(" checks"), nullptr, [](Cluster &c) -> int & { return c.haproxy.rise; });

    // The floating address (keepalived); the rules (subnet, collisions, two HAProxy hosts) are core's findings.
    QFormLayout *vip = group(tr("Floating address (keepalived)"));
    addText(vip, QStringLiteral("vip.address"), tr("Address (empty = none):"), [](Cluster &c) -> QString & { return c.vip.address; });
    addSpin(vip, QStringLiteral("vip.virtual_router_id"), tr("Virtual router id:"), 1, 255, {}, nullptr,
            [](Cluster &c) -> int & { return c.vip.virtualRouterId; });
    addText(vip, QStringLiteral("vip.interface"), tr("Interface (empty = automatic):"), [](Cluster &c) -> QString & { return c.vip.interface; });

    // PgBouncer (docs/pooler.md): the choices are core's; the rules about them are the validator's.
    QFormLayout *pool = group(tr("PgBouncer"));
    addCheck(pool, QStringLiteral("pooler.enabled"), tr("Pool connections with PgBouncer"),
             [](Cluster &c) -> bool & { return c.pooler.enabled; });
    auto *placement = new QComboBox(this);
    placement->setObjectName(objectNameFor(QStringLiteral("pooler.placement")));
    placement->addItem(tr("On each database host (behind HAProxy)"), poolerPlacementKey(PoolerPlacement::Database));
    placement->addItem(tr("On the HAProxy hosts (in front of HAProxy)"), poolerPlacementKey(PoolerPlacement::HAProxy));
    pool->addRow(tr("Placement:"), placement);
    connect(placement, &QComboBox::activated, this, [this, placement](int i) {
        PoolerPlacement p = PoolerPlacement::Database;
        poolerPlacementFromKey(placement->itemData(i).toString(), &p);
        edit(QStringLiteral("pooler.placement"), tr("Change PgBouncer placement"), [&](Cluster &c) { c.pooler.placement = p; });
    });
    m_refreshers << [placement](const Cluster &c) {
        placement->setCurrentIndex(std::max(0, placement->findData(poolerPlacementKey(c.pooler.placement))));
    };
    addSpin(pool, QStringLiteral("pooler.port"), tr("Port:"), 1, 65535, {}, nullptr, [](Cluster &c) -> int & { return c.pooler.port; });
    auto *mode = new QComboBox(this);
    mode->setObjectName(objectNameFor(QStringLiteral("pooler.pool_mode")));
    for (const QString &m : poolModes())
        mode->addItem(m, m);
    pool->addRow(tr("Pool mode:"), mode);
    connect(mode, &QComboBox::activated, this, [this, mode](int i) {
        const QString m = mode->itemData(i).toString();
        edit(QStringLiteral("pooler.pool_mode"), tr("Change PgBouncer pool mode"), [&](Cluster &c) { c.pooler.poolMode = m; });
    });
    m_refreshers << [mode](const Cluster &c) { mode->setCurrentIndex(std::max(0, mode->findData(c.pooler.poolMode))); };
    addSpin(pool, QStringLiteral("pooler.default_pool_size"), tr("Default pool size:"), 1, 100000, {}, nullptr,
            [](Cluster &c) -> int & { return c.pooler.defaultPoolSize; });
    addSpin(pool, QStringLiteral("pooler.max_client_conn"), tr("Max client connections:"), 1, 1000000, {}, nullptr,
            [](Cluster &c) -> int & { return c.pooler.maxClientConn; });
    addText(pool, QStringLiteral("pooler.auth_user"), tr("auth_query role:"), [](Cluster &c) -> QString & { return c.pooler.authUser; });

    // Backups with pgBackRest (docs/backups.md): the choices are core's (BackupLayout), the rules the validator's.
    QFormLayout *backup = group(tr("Backups (pgBackRest)"));
    addCheck(backup, QStringLiteral("backup.enabled"), tr("Back up with pgBackRest (cluster.backup)"),
             [](Cluster &c) -> bool & { return c.backup.enabled; });
    m_repository = new QComboBox(this);
    m_repository->setObjectName(objectNameFor(QStringLiteral("backup.repository")));
    backup->addRow(tr("Repository:"), m_repository);
    connect(m_repository, &QComboBox::activated, this, [this](int i) {
        const QString r = m_repository->itemData(i).toString();
        edit(QStringLiteral("backup.repository"), tr("Change backup repository"), [&](Cluster &c) { c.backup.repository = r; });
    });
    auto *transport = new QComboBox(this);
    transport->setObjectName(objectNameFor(QStringLiteral("backup.transport")));
    for (const QString &t : BackupLayout::transports())
        transport->addItem(t == QLatin1String("tls") ? tr("tls (pgBackRest's TLS server, cluster CA)") : tr("ssh (keys set up by hand)"), t);
    backup->addRow(tr("Transport:"), transport);
    connect(transport, &QComboBox::activated, this, [this, transport](int i) {
        const QString t = transport->itemData(i).toString();
        edit(QStringLiteral("backup.transport"), tr("Change backup transport"), [&](Cluster &c) { c.backup.transport = t; });
    });
    m_refreshers << [transport](const Cluster &c) { transport->setCurrentIndex(std::max(0, transport->findData(c.backup.transport))); };
    addText(backup, QStringLiteral("backup.path"), tr("Repository path:"), [](Cluster &c) -> QString & { return c.backup.path; });
    addSpin(backup, QStringLiteral("backup.retention_full"), tr("Full backups kept:"), 1, 9999, {}, nullptr,
            [](Cluster &c) -> int & { return c.backup.retentionFull; });
    addText(backup, QStringLiteral("backup.full"), tr("Full backup (OnCalendar):"), [](Cluster &c) -> QString & { return c.backup.full; });
    addText(backup, QStringLiteral("backup.diff"), tr("Differential (empty = none):"), [](Cluster &c) -> QString & { return c.backup.diff; });
    addSpin(backup, QStringLiteral("backup.archive_timeout"), tr("archive_timeout:"), 0, 86400, tr(" s"), nullptr,
            [](Cluster &c) -> int & { return c.backup.archiveTimeout; });
    addSpin(backup, QStringLiteral("backup.tls_port"), tr("TLS server port:"), 1, 65535, {}, nullptr,
            [](Cluster &c) -> int & { return c.backup.tlsPort; });
    addCheck(backup, QStringLiteral("backup.initial_full"), tr("A first full backup as the deploy's last step"),
             [](Cluster &c) -> bool & { return c.backup.initialFull; });
    m_backupBox = qobject_cast<QGroupBox *>(backup->parentWidget());

    QFormLayout *users = group(tr("Database users"));
    addText(users, QStringLiteral("users.superuser"), tr("Superuser:"), [](Cluster &c) -> QString & { return c.users.superuser; });
    addText(users, QStringLiteral("users.replication"), tr("Replication:"), [](Cluster &c) -> QString & { return c.users.replication; });
    addText(users, QStringLiteral("users.rewind"), tr("Rewind:"), [](Cluster &c) -> QString & { return c.users.rewind; });

    auto *paramsBox = new QGroupBox(tr("PostgreSQL parameters"), this);
    auto *pl = new QVBoxLayout(paramsBox);
    m_params = new QTableWidget(0, 2, paramsBox);
    m_params->setObjectName(QStringLiteral("parametersTable"));
    m_params->setHorizontalHeaderLabels({tr("Parameter"), tr("Value")});
    m_params->horizontalHeader()->setStretchLastSection(true);
    m_params->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_params->verticalHeader()->hide();
    m_params->setMinimumHeight(180);
    pl->addWidget(m_params);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add"), paramsBox);
    add->setObjectName(QStringLiteral("parameterAdd"));
    auto *remove = new QPushButton(tr("Remove"), paramsBox);
    remove->setObjectName(QStringLiteral("parameterRemove"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    pl->addLayout(buttons);
    outer->addWidget(paramsBox);
    outer->addStretch(1);

    connect(add, &QPushButton::clicked, this, [this] {
        // A new row gets a placeholder name the user edits in place.
        QString name = QStringLiteral("new_parameter");
        for (int n = 2; m_doc->topology().cluster.postgres.parameters.contains(name); ++n)
            name = QStringLiteral("new_parameter_%1").arg(n);
        edit(QStringLiteral("postgres.parameters"), tr("Add PostgreSQL parameter"),
             [&](Cluster &c) { c.postgres.parameters.insert(name, QString()); });
        const auto found = m_params->findItems(name, Qt::MatchExactly);
        if (!found.isEmpty())
            m_params->editItem(found.first());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_params->currentRow();
        if (row < 0 || !m_params->item(row, 0))
            return;
        const QString name = m_params->item(row, 0)->text();
        edit({}, tr("Remove PostgreSQL parameter %1").arg(name), [&](Cluster &c) { c.postgres.parameters.remove(name); });
    });
    connect(m_params, &QTableWidget::itemChanged, this, [this] {
        if (!m_refreshing)
            parametersEdited();
    });

    connect(m_doc, &Document::clusterChanged, this, &ClusterEditor::refresh);
    connect(m_doc, &Document::topologyReset, this, &ClusterEditor::refresh);
    // The repository's choices and whether backups are on follow the hosts' roles.
    for (auto signal : {&Document::hostAdded, &Document::hostRemoved, &Document::hostChanged})
        connect(m_doc, signal, this, &ClusterEditor::refresh);
    refresh();
}

void ClusterEditor::edit(const QString &key, const QString &text, const std::function<void(Cluster &)> &change)
{
    if (m_refreshing)
        return;
    const Cluster before = m_doc->topology().cluster;
    Cluster after = before;
    change(after);
    after = EditRules::clusterAfterEdit(before, after);
    if (after == before)
        return;
    m_doc->undoStack()->push(ChangeValueCommand::cluster(m_doc, after, text, key));
}

void ClusterEditor::addSpin(QFormLayout *form, const QString &key, const QString &label, int min, int max,
                            const QString &suffix, int Cluster::*, std::function<int &(Cluster &)> field)
{
    auto *spin = new QSpinBox(this);
    spin->setObjectName(objectNameFor(key));
    spin->setRange(min, max);
    spin->setSuffix(suffix);
    spin->setKeyboardTracking(false);  // one value per finished edit, not one per keystroke
    form->addRow(label, spin);
    const QString text = tr("Change %1").arg(key);
    connect(spin, &QSpinBox::valueChanged, this, [this, key, text, field](int v) { edit(key, text, [&](Cluster &c) { field(c) = v; }); });
    m_refreshers << [spin, field](const Cluster &c) { spin->setValue(field(const_cast<Cluster &>(c))); };
}

void ClusterEditor::addCheck(QFormLayout *form, const QString &key, const QString &label, std::function<bool &(Cluster &)> field)
{
    auto *box = new QCheckBox(label, this);
    box->setObjectName(objectNameFor(key));
    form->addRow(QString(), box);
    const QString text = tr("Change %1").arg(key);
    connect(box, &QCheckBox::toggled, this, [this, text, field](bool on) { edit({}, text, [&](Cluster &c) { field(c) = on; }); });
    m_refreshers << [box, field](const Cluster &c) { box->setChecked(field(const_cast<Cluster &>(c))); };
}

void ClusterEditor::addText(QFormLayout *form, const QString &key, const QString &label, std::function<QString &(Cluster &)> field)
{
    auto *line = new QLineEdit(this);
    line->setObjectName(objectNameFor(key));
    form->addRow(label, line);
    const QString text = tr("Change %1").arg(key);
    connect(line, &QLineEdit::editingFinished, this, [this, line, text, field] {
        const QString v = line->text().trimmed();
        edit({}, text, [&](Cluster &c) { field(c) = v; });
    });
    m_refreshers << [line, field](const Cluster &c) { line->setText(field(const_cast<Cluster &>(c))); };
}

void ClusterEditor::parametersEdited()
{
    QMap<QString, QString> params;
    for (int r = 0; r < m_params->rowCount(); ++r) {
        const QTableWidgetItem *k = m_params->item(r, 0);
        const QTableWidgetItem *v = m_params->item(r, 1);
        if (k && !k->text().trimmed().isEmpty())
            params.insert(k->text().trimmed(), v ? v->text().trimmed() : QString());
    }
    edit({}, tr("Change PostgreSQL parameters"), [&](Cluster &c) { c.postgres.parameters = params; });
}

void ClusterEditor::refreshBackup(const Topology &t)
{
    // Repository: the one host of role backup (empty), local, or a host by name; a name that is no host stays
    // shown (the rule backup-repository says why it is wrong).
    m_repository->clear();
    m_repository->addItem(tr("the host with the role backup"), QString());
    m_repository->addItem(tr("local (on each database host; not recommended)"), QStringLiteral("local"));
    for (const Host *h : t.hostsWith(Role::Backup))
        m_repository->addItem(h->name, h->name);
    int i = m_repository->findData(t.cluster.backup.repository);
    if (i < 0) {
        m_repository->addItem(tr("%1 (no host of role backup)").arg(t.cluster.backup.repository), t.cluster.backup.repository);
        i = m_repository->count() - 1;
    }
    m_repository->setCurrentIndex(i);
    // The fields apply while backups are on: cluster.backup, or a host of role backup.
    const bool on = BackupLayout::enabled(t);
    for (QWidget *w : m_backupBox->findChildren<QWidget *>())
        if (w->objectName() != QLatin1String("cluster_backup_enabled") && !qobject_cast<QLabel *>(w))
            w->setEnabled(on);
}

void ClusterEditor::refresh()
{
    m_refreshing = true;
    const Topology &t = m_doc->topology();
    const Cluster &c = t.cluster;
    for (const auto &r : std::as_const(m_refreshers))
        r(c);
    refreshBackup(t);
    const QMap<QString, QString> &params = c.postgres.parameters;
    if (m_params->rowCount() != params.size()) {
        m_params->setRowCount(int(params.size()));
    }
    int row = 0;
    for (auto it = params.cbegin(); it != params.cend(); ++it, ++row) {
        for (int col = 0; col < 2; ++col) {
            const QString text = col == 0 ? it.key() : it.value();
            QTableWidgetItem *item = m_params->item(row, col);
            if (!item) {
                item = new QTableWidgetItem;
                m_params->setItem(row, col, item);
            }
            if (item->text() != text)
                item->setText(text);
        }
    }
    m_refreshing = false;
}

} // namespace pgha
