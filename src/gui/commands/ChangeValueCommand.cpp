#include "gui/commands/ChangeValueCommand.h"

#include "gui/commands/CommandIds.h"
#include "gui/document/Document.h"

#include <QCoreApplication>

namespace pgha {

ChangeValueCommand::ChangeValueCommand(Document *doc, const Values &after, const QString &text, const QString &mergeKey,
                                       QUndoCommand *parent)
    : QUndoCommand(text, parent), m_doc(doc), m_mergeKey(mergeKey)
{
    const Topology &t = doc->topology();
    for (const Host &h : after.hosts) {
        if (const Host *b = t.hostByUid(h.uid)) {
            m_before.hosts << *b;
            m_after.hosts << h;
        }
    }
    for (const Subnet &s : after.subnets) {
        if (const Subnet *b = t.subnetByUid(s.uid)) {
            m_before.subnets << *b;
            m_after.subnets << s;
        }
    }
    if (after.cluster) {
        m_before.cluster = t.cluster;
        m_after.cluster = after.cluster;
    }
}

ChangeValueCommand *ChangeValueCommand::host(Document *doc, const Host &after, const QString &mergeKey)
{
    const Host *before = doc->topology().hostByUid(after.uid);
    Values v;
    v.hosts << after;
    return new ChangeValueCommand(doc, v,
                                  QCoreApplication::translate("pgha::Commands", "Change host %1").arg(before ? before->name : after.name),
                                  mergeKey);
}

ChangeValueCommand *ChangeValueCommand::cluster(Document *doc, const Cluster &after, const QString &text, const QString &mergeKey)
{
    Values v;
    v.cluster = after;
    return new ChangeValueCommand(doc, v, text, mergeKey);
}

bool ChangeValueCommand::changesSomething() const
{
    return m_before.hosts != m_after.hosts || m_before.subnets != m_after.subnets || m_before.cluster != m_after.cluster;
}

QList<quint32> ChangeValueCommand::uids() const
{
    QList<quint32> out;
    for (const Host &h : m_after.hosts)
        out << h.uid;
    out << 0;  // hosts and subnets have uids from one counter; the 0 keeps the two lists apart
    for (const Subnet &s : m_after.subnets)
        out << s.uid;
    out << (m_after.cluster ? 1u : 0u);
    return out;
}

int ChangeValueCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : ChangeValueId;
}

bool ChangeValueCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const ChangeValueCommand *>(other);
    if (o->m_mergeKey != m_mergeKey || o->uids() != uids())
        return false;
    m_after = o->m_after;
    setObsolete(!changesSomething());
    return true;
}

void ChangeValueCommand::apply(const Values &values, bool reverse)
{
    // Subnets before their hosts on redo (a renamed subnet exists before its hosts refer to it), the
    // other way round on undo.
    const auto subnets = [&] {
        for (const Subnet &s : values.subnets)
            m_doc->setSubnet(s);
    };
    const auto hosts = [&] {
        for (const Host &h : values.hosts)
            m_doc->setHost(h);
    };
    if (reverse) {
        hosts();
        subnets();
    } else {
        subnets();
        hosts();
    }
    if (values.cluster)
        m_doc->setCluster(*values.cluster);
}

void ChangeValueCommand::undo()
{
    apply(m_before, true);
}

void ChangeValueCommand::redo()
{
    apply(m_after, false);
}

} // namespace pgha
