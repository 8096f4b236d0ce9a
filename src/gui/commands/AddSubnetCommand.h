#pragma once

#include "core/model/Topology.h"

#include <QUndoCommand>

namespace pgha {

class Document;

// Adds one subnet zone (from the palette).
class AddSubnetCommand : public QUndoCommand
{
public:
    AddSubnetCommand(Document *doc, const Subnet &subnet, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document *m_doc;
    Subnet m_subnet;
};

} // namespace pgha
