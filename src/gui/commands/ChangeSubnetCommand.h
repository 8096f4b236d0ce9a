#pragma once

#include "core/model/Topology.h"

#include <QUndoCommand>

namespace pgha {

class Document;

// Changes one subnet's values. A rename carries its hosts along (they refer to the subnet by name).
class ChangeSubnetCommand : public QUndoCommand
{
public:
    ChangeSubnetCommand(Document *doc, const Subnet &before, const Subnet &after, const QString &mergeKey = {},
                        QUndoCommand *parent = nullptr);
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void undo() override;
    void redo() override;

private:
    Document *m_doc;
    Subnet m_before;
    Subnet m_after;
    QString m_mergeKey;
    QList<quint32> m_memberUids;  // hosts renamed along with the subnet
};

} // namespace pgha
