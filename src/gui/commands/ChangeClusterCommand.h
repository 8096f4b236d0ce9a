#pragma once

#include "core/model/Topology.h"

#include <QUndoCommand>

namespace pgha {

class Document;

// The generic "change a value" of the cluster settings: successive edits of one field (mergeKey, e.g.
// "patroni.ttl" while a spin box spins) merge into one step.
class ChangeClusterCommand : public QUndoCommand
{
public:
    ChangeClusterCommand(Document *doc, const Cluster &before, const Cluster &after, const QString &mergeKey,
                         const QString &text, QUndoCommand *parent = nullptr);
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void undo() override;
    void redo() override;

private:
    Document *m_doc;
    Cluster m_before;
    Cluster m_after;
    QString m_mergeKey;
};

} // namespace pgha
