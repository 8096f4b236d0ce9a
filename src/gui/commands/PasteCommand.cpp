#include "gui/commands/PasteCommand.h"

#include "gui/document/Document.h"

#include <QCoreApplication>

namespace pgha {

PasteCommand::PasteCommand(Document *doc, const QList<Subnet> &subnets, const QList<Host> &hosts, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_subnets(subnets), m_hosts(hosts)
{
    setText(QCoreApplication::translate("pgha::Commands", "Paste %n item(s)", nullptr, int(hosts.size() + subnets.size())));
}

void PasteCommand::undo()
{
    for (auto it = m_hosts.crbegin(); it != m_hosts.crend(); ++it)
        m_doc->removeHost(it->uid);
    for (auto it = m_subnets.crbegin(); it != m_subnets.crend(); ++it)
        m_doc->removeSubnet(it->uid);
}

void PasteCommand::redo()
{
    for (const Subnet &s : m_subnets)
        m_doc->insertSubnet(int(m_doc->topology().subnets.size()), s);
    for (const Host &h : m_hosts)
        m_doc->insertHost(int(m_doc->topology().hosts.size()), h);
}

} // namespace pgha
