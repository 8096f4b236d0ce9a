#pragma once

#include "core/model/Topology.h"

#include <QUndoCommand>

namespace pgha {

class Document;

// Adds copies of hosts and subnets (already renamed, readdressed and given fresh uids).
class PasteCommand : public QUndoCommand
{
public:
    PasteCommand(Document *doc, const QList<Subnet> &subnets, const QList<Host> &hosts, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document *m_doc;
    QList<Subnet> m_subnets;
    QList<Host> m_hosts;
};

} // namespace pgha
