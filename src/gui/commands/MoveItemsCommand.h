#pragma once

#include "core/model/Topology.h"

#include <QHash>
#include <QUndoCommand>

namespace pgha {

class Document;

// Moves hosts and subnet zones on the canvas. Consecutive arrow-key nudges of the same items merge
// into one step.
class MoveItemsCommand : public QUndoCommand
{
public:
    struct HostMove
    {
        quint32 uid;
        CanvasPos from;
        CanvasPos to;
    };
    struct SubnetMove
    {
        quint32 uid;
        CanvasRect from;
        CanvasRect to;
    };
    MoveItemsCommand(Document *doc, const QList<HostMove> &hosts, const QList<SubnetMove> &subnets, bool nudge,
                     QUndoCommand *parent = nullptr);
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void undo() override;
    void redo() override;

private:
    // Puts every moved item at its old (forward = false) or new (forward = true) place.
    void apply(bool forward);

    Document *m_doc;
    QList<HostMove> m_hosts;
    QList<SubnetMove> m_subnets;
    bool m_nudge;
};

} // namespace pgha
