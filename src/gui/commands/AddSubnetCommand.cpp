#include "gui/commands/AddSubnetCommand.h"

#include "gui/document/Document.h"

#include <QCoreApplication>

namespace pgha {

AddSubnetCommand::AddSubnetCommand(Document *doc, const Subnet &subnet, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_subnet(subnet)
{
    setText(QCoreApplication::translate("pgha::Commands", "Add subnet %1").arg(subnet.name));
}

void AddSubnetCommand::undo()
{
    m_doc->removeSubnet(m_subnet.uid);
}

void AddSubnetCommand::redo()
{
    m_doc->insertSubnet(int(m_doc->topology().subnets.size()), m_subnet);
}

} // namespace pgha
