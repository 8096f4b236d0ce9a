#include "gui/inspector/HostEditor.h"

#include "core/model/Addressing.h"
#include "core/model/Platform.h"
#include "core/edit/EditRules.h"
#include "gui/commands/ChangeValueCommand.h"
#include "gui/document/Document.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <vector>

namespace pgha {

HostEditor::HostEditor(Document *document, QWidget *parent) : QWidget(parent), m_doc(document)
{
    setObjectName(QStringLiteral("hostEditor"));
    auto *outer = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("hostEditorTitle"));
    QFont tf = m_title->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.2);
    m_title->setFont(tf);
    outer->addWidget(m_title);

    auto *general = new QGroupBox(tr("Host"), this);
    auto *form = new QFormLayout(general);
    m_name = new QLineEdit(general);
    m_name->setObjectName(QStringLiteral("hostName"));
    m_name->setPlaceholderText(tr("RFC 1123 name, e.g. node1"));
    form->addRow(tr("&Name:"), m_name);
    m_address = new QLineEdit(general);
    m_address->setObjectName(QStringLiteral("hostAddress"));
    m_address->setPlaceholderText(tr("e.g. 10.104.0.1"));
    auto *nextFree = new QToolButton(general);
    nextFree->setObjectName(QStringLiteral("hostNextFreeAddress"));
    nextFree->setText(tr("Next free"));
    nextFree->setToolTip(tr("Use the subnet's next free address"));
    auto *addrRow = new QHBoxLayout;
    addrRow->addWidget(m_address, 1);
    addrRow->addWidget(nextFree);
    auto *addressLabel = new QLabel(tr("&Address:"), general);
    addressLabel->setBuddy(m_address);
    form->addRow(addressLabel, addrRow);
    m_subnet = new QComboBox(general);
    m_subnet->setObjectName(QStringLiteral("hostSubnet"));
    m_subnet->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_subnet->setMinimumContentsLength(18);
    form->addRow(tr("&Subnet:"), m_subnet);
    m_os = new QComboBox(general);
    m_os->setObjectName(QStringLiteral("hostOs"));
    m_os->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_os->setMinimumContentsLength(18);
    for (const QString &id : Platform::knownOsIds())
        m_os->addItem(Platform::osDisplayName(id), id);
    form->addRow(tr("&OS:"), m_os);
    outer->addWidget(general);

    auto *roles = new QGroupBox(tr("Roles"), this);
    auto *rl = new QVBoxLayout(roles);
    m_postgres = new QCheckBox(tr("PostgreSQL + Patroni"), roles);
    m_postgres->setObjectName(QStringLiteral("rolePostgres"));
    m_etcd = new QCheckBox(tr("etcd member"), roles);
    m_etcd->setObjectName(QStringLiteral("roleEtcd"));
    m_haproxy = new QCheckBox(tr("HAProxy load balancer"), roles);
    m_haproxy->setObjectName(QStringLiteral("roleHAProxy"));
    m_backup = new QCheckBox(tr("Backup repository (pgBackRest)"), roles);
    m_backup->setObjectName(QStringLiteral("roleBackup"));
    rl->addWidget(m_postgres);
    rl->addWidget(m_etcd);
    rl->addWidget(m_haproxy);
    // The keepalived priority for the floating address (cluster.vip); core's rule vip-invalid judges the value.
    auto *vipRow = new QFormLayout;
    m_vipPriority = new QSpinBox(roles);
    m_vipPriority->setObjectName(QStringLiteral("vipPriority"));
    m_vipPriority->setRange(0, 254);
    m_vipPriority->setSpecialValueText(tr("by host order"));
    vipRow->addRow(tr("VRRP priority:"), m_vipPriority);
    rl->addLayout(vipRow);
    rl->addWidget(m_backup);
    outer->addWidget(roles);

    auto *ssh = new QGroupBox(tr("SSH"), this);
    auto *sf = new QFormLayout(ssh);
    m_sshUser = new QLineEdit(ssh);
    m_sshUser->setObjectName(QStringLiteral("sshUser"));
    sf->addRow(tr("&User:"), m_sshUser);
    m_sshPort = new QSpinBox(ssh);
    m_sshPort->setObjectName(QStringLiteral("sshPort"));
    m_sshPort->setRange(1, 65535);
    sf->addRow(tr("&Port:"), m_sshPort);
    m_identity = new QLineEdit(ssh);
    m_identity->setObjectName(QStringLiteral("sshIdentity"));
    m_identity->setPlaceholderText(tr("agent / ~/.ssh/config"));
    sf->addRow(tr("&Key file:"), m_identity);
    outer->addWidget(ssh);

    auto *tags = new QGroupBox(tr("Patroni tags"), this);
    auto *tl = new QVBoxLayout(tags);
    m_nofailover = new QCheckBox(tr("nofailover (never becomes primary)"), tags);
    m_nofailover->setObjectName(QStringLiteral("tagNofailover"));
    m_noloadbalance = new QCheckBox(tr("noloadbalance (not on the read port)"), tags);
    m_noloadbalance->setObjectName(QStringLiteral("tagNoloadbalance"));
    m_nosync = new QCheckBox(tr("nosync (never a synchronous standby)"), tags);
    m_nosync->setObjectName(QStringLiteral("tagNosync"));
    m_clonefrom = new QCheckBox(tr("clonefrom (preferred source for new replicas)"), tags);
    m_clonefrom->setObjectName(QStringLiteral("tagClonefrom"));
    for (QCheckBox *c : {m_nofailover, m_noloadbalance, m_nosync, m_clonefrom})
        tl->addWidget(c);
    outer->addWidget(tags);
    outer->addStretch(1);

    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        const QString v = m_name->text().trimmed();
        edit([&](Host &h) { h.name = v; });
    });
    connect(m_address, &QLineEdit::editingFinished, this, [this] {
        const QString v = m_address->text().trimmed();
        edit([&](Host &h) { h.address = v; });
    });
    connect(nextFree, &QToolButton::clicked, this, [this] {
        const Host *h = m_doc->topology().hostByUid(m_uid);
        if (!h)
            return;
        Topology others = m_doc->topology();
        others.hosts.removeIf([&](const Host &o) { return o.uid == m_uid; });
        const QString addr = Addressing::nextFreeAddress(others, h->subnet);
        if (!addr.isEmpty())
            edit([&](Host &x) { x.address = addr; });
    });
    connect(m_subnet, &QComboBox::activated, this, [this](int index) {
        const QString subnet = m_subnet->itemData(index).toString();
        // The same rule as a drag into the zone: keep an address that fits, else the next free one.
        const Host moved = EditRules::moveHostToSubnet(m_doc->topology(), m_uid, subnet);
        edit([&](Host &h) {
            h.subnet = moved.subnet;
            h.address = moved.address;
        });
    });
    connect(m_os, &QComboBox::activated, this, [this](int index) {
        const QString os = m_os->itemData(index).toString();
        edit([&](Host &h) { h.os = os; });
    });
    const auto roleToggle = [this](QCheckBox *box, Role role) {
        connect(box, &QCheckBox::toggled, this, [this, role](bool on) { edit([&](Host &h) { h.roles.setFlag(role, on); }); });
    };
    roleToggle(m_postgres, Role::Postgres);
    roleToggle(m_etcd, Role::Etcd);
    roleToggle(m_haproxy, Role::HAProxy);
    roleToggle(m_backup, Role::Backup);
    connect(m_sshUser, &QLineEdit::editingFinished, this, [this] {
        const QString v = m_sshUser->text().trimmed();
        edit([&](Host &h) { h.ssh.user = v; });
    });
    connect(m_sshPort, &QSpinBox::valueChanged, this, [this](int v) { edit([&](Host &h) { h.ssh.port = v; }, QStringLiteral("ssh.port")); });
    connect(m_vipPriority, &QSpinBox::valueChanged, this,
            [this](int v) { edit([&](Host &h) { h.vipPriority = v; }, QStringLiteral("vip_priority")); });
    connect(m_identity, &QLineEdit::editingFinished, this, [this] {
        const QString v = m_identity->text().trimmed();
        edit([&](Host &h) { h.ssh.identityFile = v; });
    });
    connect(m_nofailover, &QCheckBox::toggled, this, [this](bool on) { edit([&](Host &h) { h.tags.nofailover = on; }); });
    connect(m_noloadbalance, &QCheckBox::toggled, this, [this](bool on) { edit([&](Host &h) { h.tags.noloadbalance = on; }); });
    connect(m_nosync, &QCheckBox::toggled, this, [this](bool on) { edit([&](Host &h) { h.tags.nosync = on; }); });
    connect(m_clonefrom, &QCheckBox::toggled, this, [this](bool on) { edit([&](Host &h) { h.tags.clonefrom = on; }); });

    connect(m_doc, &Document::hostChanged, this, [this](quint32 uid) {
        if (uid == m_uid)
            refresh();
    });
    connect(m_doc, &Document::subnetAdded, this, &HostEditor::refresh);
    connect(m_doc, &Document::subnetRemoved, this, &HostEditor::refresh);
    connect(m_doc, &Document::subnetChanged, this, &HostEditor::refresh);
    connect(m_doc, &Document::topologyReset, this, &HostEditor::refresh);
}

void HostEditor::setHost(quint32 uid)
{
    m_uid = uid;
    refresh();
}

void HostEditor::edit(const std::function<void(Host &)> &change, const QString &mergeKey)
{
    const Host *current = m_doc->topology().hostByUid(m_uid);
    if (!current)
        return;
    Host after = *current;
    change(after);
    if (after == *current)
        return;
    m_doc->undoStack()->push(ChangeValueCommand::host(m_doc, after, mergeKey));
}

void HostEditor::refresh()
{
    const Host *h = m_doc->topology().hostByUid(m_uid);
    if (!h)
        return;
    const QList<QWidget *> all = findChildren<QWidget *>();
    std::vector<QSignalBlocker> blockers;
    blockers.reserve(all.size());
    for (QWidget *w : all)
        blockers.emplace_back(w);

    m_title->setText(h->name.isEmpty() ? tr("Host") : h->name);
    if (!m_name->hasFocus() || m_name->text() != h->name)
        m_name->setText(h->name);
    m_address->setText(h->address);
    m_subnet->clear();
    m_subnet->addItem(tr("(none)"), QString());
    for (const Subnet &s : m_doc->topology().subnets)
        m_subnet->addItem(QStringLiteral("%1  (%2)").arg(s.name, s.cidr), s.name);
    int si = m_subnet->findData(h->subnet);
    if (si < 0 && !h->subnet.isEmpty()) {
        m_subnet->addItem(tr("%1 (unknown)").arg(h->subnet), h->subnet);
        si = m_subnet->count() - 1;
    }
    m_subnet->setCurrentIndex(std::max(0, si));
    int oi = m_os->findData(h->os);
    if (oi < 0) {
        m_os->addItem(h->os, h->os);
        oi = m_os->count() - 1;
    }
    m_os->setCurrentIndex(oi);
    m_postgres->setChecked(h->has(Role::Postgres));
    m_etcd->setChecked(h->has(Role::Etcd));
    m_haproxy->setChecked(h->has(Role::HAProxy));
    m_backup->setChecked(h->has(Role::Backup));
    m_sshUser->setText(h->ssh.user);
    m_sshPort->setValue(h->ssh.port);
    m_vipPriority->setValue(h->vipPriority);
    m_identity->setText(h->ssh.identityFile);
    m_nofailover->setChecked(h->tags.nofailover);
    m_noloadbalance->setChecked(h->tags.noloadbalance);
    m_nosync->setChecked(h->tags.nosync);
    m_clonefrom->setChecked(h->tags.clonefrom);
}

} // namespace pgha
