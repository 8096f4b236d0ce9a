#include "gui/commands/MoveItemsCommand.h"

#include "gui/commands/CommandIds.h"
#include "gui/document/Document.h"

#include <QCoreApplication>

namespace pgha {

MoveItemsCommand::MoveItemsCommand(Document *doc, const QList<HostMove> &hosts, const QList<SubnetMove> &subnets,
                                   bool nudge, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_hosts(hosts), m_subnets(subnets), m_nudge(nudge)
{
    setText(QCoreApplication::translate("pgha::Commands", "Move %n item(s)", nullptr,
                                        int(hosts.size() + subnets.size())));
}

int MoveItemsCommand::id() const
{
    return MoveItemsId;
}

bool MoveItemsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const MoveItemsCommand *>(other);
    if (!m_nudge || !o->m_nudge || o->m_hosts.size() != m_hosts.size() || o->m_subnets.size() != m_subnets.size())
        return false;
    for (int i = 0; i < m_hosts.size(); ++i) {
        if (m_hosts.at(i).uid != o->m_hosts.at(i).uid)
            return false;
    }
    for (int i = 0; i < m_subnets.size(); ++i) {
        if (m_subnets.at(i).uid != o->m_subnets.at(i).uid)
            return false;
    }
    for (int i = 0; i < m_hosts.size(); ++i)
        m_hosts[i].to = o->m_hosts.at(i).to;
    for (int i = 0; i < m_subnets.size(); ++i)
        m_subnets[i].to = o->m_subnets.at(i).to;
    return true;
}

void MoveItemsCommand::undo()
{
    apply(false);
}

void MoveItemsCommand::redo()
{
    apply(true);
}

void MoveItemsCommand::apply(bool forward)
{
    for (const SubnetMove &m : std::as_const(m_subnets)) {
        const int i = m_doc->subnetIndex(m.uid);
        if (i < 0)
            continue;
        Subnet s = m_doc->topology().subnets.at(i);
        s.rect = forward ? m.to : m.from;
        m_doc->setSubnet(s);
    }
    for (const HostMove &m : std::as_const(m_hosts)) {
        const int i = m_doc->hostIndex(m.uid);
        if (i < 0)
            continue;
        Host h = m_doc->topology().hosts.at(i);
        h.pos = forward ? m.to : m.from;
        m_doc->setHost(h);
    }
}

} // namespace pgha
