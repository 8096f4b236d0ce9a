#include "gui/commands/ChangeClusterCommand.h"

#include "gui/commands/CommandIds.h"
#include "gui/document/Document.h"

namespace pgha {

ChangeClusterCommand::ChangeClusterCommand(Document *doc, const Cluster &before, const Cluster &after,
                                           const QString &mergeKey, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_doc(doc), m_before(before), m_after(after), m_mergeKey(mergeKey)
{
}

int ChangeClusterCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : ChangeClusterId;
}

bool ChangeClusterCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const ChangeClusterCommand *>(other);
    if (o->m_mergeKey != m_mergeKey)
        return false;
    m_after = o->m_after;
    setObsolete(m_after == m_before);
    return true;
}

void ChangeClusterCommand::undo()
{
    m_doc->setCluster(m_before);
}

void ChangeClusterCommand::redo()
{
    m_doc->setCluster(m_after);
}

} // namespace pgha
