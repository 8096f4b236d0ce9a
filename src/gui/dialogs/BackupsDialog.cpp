#include "gui/dialogs/BackupsDialog.h"

#include "core/parse/PgBackRestInfoParser.h"
#include "deploy/BackupPlan.h"
#include "gui/util/OffThread.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pgha {

BackupsDialog::BackupsDialog(const Topology &topology, QWidget *parent) : QDialog(parent), m_topology(topology)
{
    setObjectName(QStringLiteral("backupsDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Backups of cluster \"%1\"").arg(topology.cluster.name));
    resize(900, 420);
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("backupsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("backupsTree"));
    m_tree->setHeaderLabels({tr("Backup"), tr("Type"), tr("Stopped (UTC)"), tr("Size"), tr("In repository"),
                             tr("WAL range")});
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_tree, 1);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_refresh = box->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    m_refresh->setObjectName(QStringLiteral("backupsRefresh"));
    connect(m_refresh, &QPushButton::clicked, this, &BackupsDialog::refresh);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);
}

BackupsDialog::~BackupsDialog()
{
    if (m_thread)
        m_thread->wait();
}

void BackupsDialog::refresh()
{
    if (m_thread)
        return;
    m_refresh->setEnabled(false);
    m_status->setText(tr("Reading the repository on %1…").arg(backupHost(m_topology)));
    const Topology topology = m_topology;
    // SSH blocks: pgbackrest info runs on a thread of its own.
    m_thread = runOffThread(
        this, [topology] { return fetchBackupInfo(topology, PlanOptions(), sshSessionFactory()); },
        [this](BackupInfo info) {
            m_thread.clear();
            m_refresh->setEnabled(true);
            showInfo(info);
        });
}

void BackupsDialog::showInfo(const BackupInfo &info)
{
    m_tree->clear();
    if (!info.error.isEmpty()) {
        m_status->setText(info.hostKeyRefused
                              ? tr("%1\nThe host key is unknown or changed: accept it on the Deploy page first.").arg(info.error)
                              : info.error);
        emit shown();
        return;
    }
    const Result<QList<PgBackRestInfoParser::Stanza>> parsed = PgBackRestInfoParser::parse(info.json);
    if (!parsed.ok()) {
        m_status->setText(parsed.error().toString());
        emit shown();
        return;
    }
    const QLocale locale;
    int backups = 0;
    for (const PgBackRestInfoParser::Stanza &s : parsed.value()) {
        auto *stanza = new QTreeWidgetItem(m_tree);
        QString state = tr("stanza %1: %2 (status %3)").arg(s.name, s.statusMessage).arg(s.statusCode);
        if (s.backupLockHeld)
            state += tr(", a backup is running");
        stanza->setText(0, state);
        stanza->setFirstColumnSpanned(true);
        for (const PgBackRestInfoParser::Archive &a : s.archives) {
            auto *item = new QTreeWidgetItem(stanza);
            item->setText(0, tr("WAL archive %1").arg(a.id));
            item->setText(5, QStringLiteral("%1 .. %2").arg(a.min, a.max));
        }
        for (const PgBackRestInfoParser::Backup &b : s.backups) {
            auto *item = new QTreeWidgetItem(stanza);
            item->setText(0, b.label + (b.error ? tr(" (checksum errors)") : QString()));
            item->setText(1, b.type);
            item->setText(2, QDateTime::fromSecsSinceEpoch(b.stopEpoch, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
            item->setText(3, locale.formattedDataSize(b.size));
            item->setText(4, locale.formattedDataSize(b.repoSize));
            item->setText(5, QStringLiteral("%1 .. %2").arg(b.walStart, b.walStop));
            ++backups;
        }
        stanza->setExpanded(true);
    }
    m_status->setText(tr("%n backup(s) in the repository on %1.", nullptr, backups).arg(info.host));
    emit shown();
}

} // namespace pgha
