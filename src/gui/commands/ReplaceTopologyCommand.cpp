#include "gui/commands/ReplaceTopologyCommand.h"

#include "gui/document/Document.h"

namespace pgha {

ReplaceTopologyCommand::ReplaceTopologyCommand(Document *doc, const Topology &before, const Topology &after,
                                               const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_doc(doc), m_before(before), m_after(after)
{
}

void ReplaceTopologyCommand::undo()
{
    m_doc->setTopology(m_before);
}

void ReplaceTopologyCommand::redo()
{
    m_doc->setTopology(m_after);
    if (m_firstRedo) {
        // New items got their uids now; keep them so that later commands find the same items after redo.
        m_after = m_doc->topology();
        m_firstRedo = false;
    }
}

} // namespace pgha
