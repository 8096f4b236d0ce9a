#pragma once

#include "core/model/Topology.h"

#include <QList>
#include <QUndoCommand>

#include <optional>

namespace pgha {

class Document;

// The one "change values" command (Tiled's ChangeValue): sets new values of hosts and subnets (found by
// uid) and of the cluster settings, keeping the values they had for undo. Every inspector edit, a drag
// into another zone and a subnet rename with its hosts are one of these. Successive edits with the same
// mergeKey of the same items (a spin box spinning, "ssh.port") merge into one step; a merge that comes
// back to the values before makes the step obsolete.
class ChangeValueCommand : public QUndoCommand
{
public:
    struct Values
    {
        QList<Host> hosts;
        QList<Subnet> subnets;
        std::optional<Cluster> cluster;
    };

    // The values before are read from the document now.
    ChangeValueCommand(Document *doc, const Values &after, const QString &text, const QString &mergeKey = {},
                       QUndoCommand *parent = nullptr);
    static ChangeValueCommand *host(Document *doc, const Host &after, const QString &mergeKey = {});
    static ChangeValueCommand *cluster(Document *doc, const Cluster &after, const QString &text, const QString &mergeKey);

    // False when nothing would change (callers then do not push it).
    bool changesSomething() const;

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void undo() override;
    void redo() override;

private:
    QList<quint32> uids() const;
    void apply(const Values &values, bool reverse);

    Document *m_doc;
    Values m_before;
    Values m_after;
    QString m_mergeKey;
};

} // namespace pgha
