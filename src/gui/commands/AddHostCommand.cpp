#include "gui/commands/AddHostCommand.h"

#include "gui/document/Document.h"

#include <QCoreApplication>

namespace pgha {

AddHostCommand::AddHostCommand(Document *doc, const Host &host, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_host(host)
{
    setText(QCoreApplication::translate("pgha::Commands", "Add host %1").arg(host.name));
}

void AddHostCommand::undo()
{
    m_doc->removeHost(m_host.uid);
}

void AddHostCommand::redo()
{
    m_doc->insertHost(int(m_doc->topology().hosts.size()), m_host);
}

} // namespace pgha
