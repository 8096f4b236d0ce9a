#include "gui/inspector/SubnetEditor.h"

#include "core/edit/EditRules.h"
#include "core/model/Addressing.h"
#include "gui/commands/ChangeValueCommand.h"
#include "gui/document/Document.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QUndoStack>
#include <QVBoxLayout>

namespace pgha {

SubnetEditor::SubnetEditor(Document *document, QWidget *parent) : QWidget(parent), m_doc(document)
{
    setObjectName(QStringLiteral("subnetEditor"));
    auto *outer = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont tf = m_title->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.2);
    m_title->setFont(tf);
    outer->addWidget(m_title);
    auto *box = new QGroupBox(tr("Subnet"), this);
    auto *form = new QFormLayout(box);
    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("subnetName"));
    form->addRow(tr("&Name:"), m_name);
    m_cidr = new QLineEdit(box);
    m_cidr->setObjectName(QStringLiteral("subnetCidr"));
    m_cidr->setPlaceholderText(tr("e.g. 10.104.0.0/24"));
    form->addRow(tr("&CIDR:"), m_cidr);
    m_clients = new QCheckBox(tr("Client applications connect from here"), box);
    m_clients->setObjectName(QStringLiteral("subnetClients"));
    m_clients->setToolTip(tr("Opens pg_hba and the firewall for this range"));
    form->addRow(QString(), m_clients);
    m_admin = new QCheckBox(tr("Administrators and the monitor connect from here"), box);
    m_admin->setObjectName(QStringLiteral("subnetAdmin"));
    m_admin->setToolTip(tr("Admits this range to etcd, the REST API, HAProxy's stats and the superuser login"));
    form->addRow(QString(), m_admin);
    m_membersOnly = new QCheckBox(tr("Only this cluster's hosts use this subnet"), box);
    m_membersOnly->setObjectName(QStringLiteral("subnetMembersOnly"));
    m_membersOnly->setToolTip(tr("pg_hba and the firewall may then admit the whole range instead of each host's "
                                 "address. Leave it off when other machines share the subnet."));
    form->addRow(QString(), m_membersOnly);
    m_autoSize = new QCheckBox(tr("Size the zone around its hosts"), box);
    m_autoSize->setObjectName(QStringLiteral("subnetAutoSize"));
    form->addRow(QString(), m_autoSize);
    outer->addWidget(box);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("subnetSummary"));
    outer->addWidget(m_summary);
    outer->addStretch(1);

    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        const QString v = m_name->text().trimmed();
        edit([&](Subnet &s) { s.name = v; });
    });
    connect(m_cidr, &QLineEdit::editingFinished, this, [this] {
        const QString v = m_cidr->text().trimmed();
        edit([&](Subnet &s) { s.cidr = v; });
    });
    connect(m_clients, &QCheckBox::toggled, this, [this](bool on) { edit([&](Subnet &s) { s.clients = on; }); });
    connect(m_admin, &QCheckBox::toggled, this, [this](bool on) { edit([&](Subnet &s) { s.admin = on; }); });
    connect(m_membersOnly, &QCheckBox::toggled, this, [this](bool on) { edit([&](Subnet &s) { s.membersOnly = on; }); });
    connect(m_autoSize, &QCheckBox::toggled, this, [this](bool on) {
        edit([&](Subnet &s) {
            if (on) {
                s.rect = {};
            } else if (s.rect.width <= 0) {
                s.rect = {s.rect.x, s.rect.y, 400, 240};
            }
        });
    });
    connect(m_doc, &Document::subnetChanged, this, [this](quint32 uid) {
        if (uid == m_uid)
            refresh();
    });
    connect(m_doc, &Document::hostAdded, this, &SubnetEditor::refresh);
    connect(m_doc, &Document::hostRemoved, this, &SubnetEditor::refresh);
    connect(m_doc, &Document::topologyReset, this, &SubnetEditor::refresh);
}

void SubnetEditor::setSubnet(quint32 uid)
{
    m_uid = uid;
    refresh();
}

void SubnetEditor::edit(const std::function<void(Subnet &)> &change)
{
    const Subnet *current = m_doc->topology().subnetByUid(m_uid);
    if (!current)
        return;
    Subnet after = *current;
    change(after);
    if (after == *current)
        return;
    ChangeValueCommand::Values values;
    values.subnets << after;
    values.hosts = EditRules::hostsFollowingRename(m_doc->topology(), current->name, after.name);
    m_doc->undoStack()->push(new ChangeValueCommand(
        m_doc, values, QCoreApplication::translate("pgha::Commands", "Change subnet %1").arg(current->name)));
}

void SubnetEditor::refresh()
{
    const Subnet *s = m_doc->topology().subnetByUid(m_uid);
    if (!s)
        return;
    const QSignalBlocker b1(m_name), b2(m_cidr), b3(m_clients), b4(m_autoSize), b5(m_admin), b6(m_membersOnly);
    m_title->setText(s->name);
    m_name->setText(s->name);
    m_cidr->setText(s->cidr);
    m_clients->setChecked(s->clients);
    m_admin->setChecked(s->admin);
    m_membersOnly->setChecked(s->membersOnly);
    m_autoSize->setChecked(s->rect.width <= 0);
    int members = 0;
    for (const Host &h : m_doc->topology().hosts)
        members += h.subnet == s->name ? 1 : 0;
    const QString next = Addressing::nextFreeAddress(m_doc->topology(), s->name);
    m_summary->setText(tr("%n host(s) in this subnet.", nullptr, members) + QLatin1Char(' ')
                       + (next.isEmpty() ? tr("No free IPv4 address known.") : tr("Next free address: %1").arg(next)));
}

} // namespace pgha
