#pragma once

#include "core/model/Topology.h"

#include <QUndoCommand>

namespace pgha {

class Document;

// Changes one host's values (inspector edits, a drop into another subnet). Successive edits of the same
// field of the same host (mergeKey, e.g. "ssh.port" while spinning) merge into one step.
class ChangeHostCommand : public QUndoCommand
{
public:
    ChangeHostCommand(Document *doc, const Host &before, const Host &after, const QString &mergeKey = {},
                      QUndoCommand *parent = nullptr);
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void undo() override;
    void redo() override;

private:
    Document *m_doc;
    Host m_before;
    Host m_after;
    QString m_mergeKey;
};

} // namespace pgha
