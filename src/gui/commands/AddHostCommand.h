#pragma once

#include "core/model/Topology.h"

#include <QUndoCommand>

namespace pgha {

class Document;

// Adds one host (from the palette). The host carries its uid already.
class AddHostCommand : public QUndoCommand
{
public:
    AddHostCommand(Document *doc, const Host &host, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document *m_doc;
    Host m_host;
};

} // namespace pgha
