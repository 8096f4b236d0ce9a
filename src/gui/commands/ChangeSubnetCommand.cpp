#include "gui/commands/ChangeSubnetCommand.h"

#include "gui/commands/CommandIds.h"
#include "gui/document/Document.h"

#include <QCoreApplication>

namespace pgha {

ChangeSubnetCommand::ChangeSubnetCommand(Document *doc, const Subnet &before, const Subnet &after,
                                         const QString &mergeKey, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_before(before), m_after(after), m_mergeKey(mergeKey)
{
    if (before.name != after.name) {
        for (const Host &h : doc->topology().hosts) {
            if (h.subnet == before.name)
                m_memberUids << h.uid;
        }
    }
    setText(QCoreApplication::translate("pgha::Commands", "Change subnet %1").arg(before.name));
}

int ChangeSubnetCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : ChangeSubnetId;
}

bool ChangeSubnetCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const ChangeSubnetCommand *>(other);
    if (o->m_mergeKey != m_mergeKey || o->m_before.uid != m_before.uid || !o->m_memberUids.isEmpty())
        return false;
    m_after = o->m_after;
    return true;
}

void ChangeSubnetCommand::undo()
{
    m_doc->setSubnet(m_before);
    for (quint32 uid : std::as_const(m_memberUids)) {
        const int i = m_doc->hostIndex(uid);
        if (i < 0)
            continue;
        Host h = m_doc->topology().hosts.at(i);
        h.subnet = m_before.name;
        m_doc->setHost(h);
    }
}

void ChangeSubnetCommand::redo()
{
    m_doc->setSubnet(m_after);
    for (quint32 uid : std::as_const(m_memberUids)) {
        const int i = m_doc->hostIndex(uid);
        if (i < 0)
            continue;
        Host h = m_doc->topology().hosts.at(i);
        h.subnet = m_after.name;
        m_doc->setHost(h);
    }
}

} // namespace pgha
