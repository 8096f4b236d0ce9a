#include "gui/commands/RemoveItemsCommand.h"

#include "core/edit/EditRules.h"
#include "gui/document/Document.h"

#include <QCoreApplication>

#include <algorithm>

namespace pgha {

RemoveItemsCommand::RemoveItemsCommand(Document *doc, const QList<quint32> &hostUids, const QList<quint32> &subnetUids,
                                       QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc)
{
    const Topology &t = doc->topology();
    for (int i = 0; i < t.hosts.size(); ++i) {
        if (hostUids.contains(t.hosts.at(i).uid))
            m_hosts.append({i, t.hosts.at(i)});
    }
    for (int i = 0; i < t.subnets.size(); ++i) {
        if (subnetUids.contains(t.subnets.at(i).uid))
            m_subnets.append({i, t.subnets.at(i)});
    }
    m_orphansAfter = EditRules::hostsLeftBySubnetRemoval(t, subnetUids, hostUids);
    for (const Host &h : std::as_const(m_orphansAfter))
        m_orphansBefore << *t.hostByUid(h.uid);
    setText(QCoreApplication::translate("pgha::Commands", "Delete %n item(s)", nullptr,
                                        int(m_hosts.size() + m_subnets.size())));
}

void RemoveItemsCommand::redo()
{
    for (const Host &h : std::as_const(m_orphansAfter))
        m_doc->setHost(h);
    for (auto it = m_hosts.crbegin(); it != m_hosts.crend(); ++it)
        m_doc->removeHost(it->host.uid);
    for (auto it = m_subnets.crbegin(); it != m_subnets.crend(); ++it)
        m_doc->removeSubnet(it->subnet.uid);
}

void RemoveItemsCommand::undo()
{
    for (const IndexedSubnet &s : std::as_const(m_subnets))
        m_doc->insertSubnet(s.index, s.subnet);
    for (const Indexed &h : std::as_const(m_hosts))
        m_doc->insertHost(h.index, h.host);
    for (const Host &h : std::as_const(m_orphansBefore))
        m_doc->setHost(h);
}

} // namespace pgha
