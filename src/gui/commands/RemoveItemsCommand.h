#pragma once

#include "core/model/Topology.h"

#include <QUndoCommand>

namespace pgha {

class Document;

// Deletes hosts and subnets. Hosts left in a deleted subnet stay, with no subnet.
class RemoveItemsCommand : public QUndoCommand
{
public:
    RemoveItemsCommand(Document *doc, const QList<quint32> &hostUids, const QList<quint32> &subnetUids,
                       QUndoCommand *parent = nullptr);
    bool isEmpty() const { return m_hosts.isEmpty() && m_subnets.isEmpty(); }
    void undo() override;
    void redo() override;

private:
    struct Indexed
    {
        int index;
        Host host;
    };
    struct IndexedSubnet
    {
        int index;
        Subnet subnet;
    };
    Document *m_doc;
    QList<Indexed> m_hosts;          // ascending index
    QList<IndexedSubnet> m_subnets;  // ascending index
    QList<Host> m_orphansBefore;     // hosts whose subnet is deleted, as they were
    QList<Host> m_orphansAfter;      // the same hosts afterwards (EditRules::hostsLeftBySubnetRemoval)
};

} // namespace pgha
