#include "gui/commands/ChangeHostCommand.h"

#include "gui/commands/CommandIds.h"
#include "gui/document/Document.h"

#include <QCoreApplication>

namespace pgha {

ChangeHostCommand::ChangeHostCommand(Document *doc, const Host &before, const Host &after, const QString &mergeKey,
                                     QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_before(before), m_after(after), m_mergeKey(mergeKey)
{
    setText(QCoreApplication::translate("pgha::Commands", "Change host %1").arg(before.name));
}

int ChangeHostCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : ChangeHostId;
}

bool ChangeHostCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const ChangeHostCommand *>(other);
    if (o->m_mergeKey != m_mergeKey || o->m_before.uid != m_before.uid)
        return false;
    m_after = o->m_after;
    return true;
}

void ChangeHostCommand::undo()
{
    m_doc->setHost(m_before);
}

void ChangeHostCommand::redo()
{
    m_doc->setHost(m_after);
}

} // namespace pgha
