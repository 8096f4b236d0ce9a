#pragma once

#include "core/model/Topology.h"

#include <QUndoCommand>

namespace pgha {

class Document;

// A change that touches the design as a whole, e.g. "Apply quick fix": keeps both values.
class ReplaceTopologyCommand : public QUndoCommand
{
public:
    ReplaceTopologyCommand(Document *doc, const Topology &before, const Topology &after, const QString &text,
                           QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document *m_doc;
    Topology m_before;
    Topology m_after;
    bool m_firstRedo = true;
};

} // namespace pgha
