#pragma once

#include "core/model/Topology.h"
#include "core/util/Result.h"

#include <QObject>

class QUndoStack;

namespace pgha {

// The open design: owns the Topology value, its undo stack, file path and modified state.
// Only undo commands call the mutators; the scene and the panels listen to the typed signals.
class Document : public QObject
{
    Q_OBJECT
public:
    explicit Document(QObject *parent = nullptr);

    const Topology &topology() const { return m_topology; }
    QUndoStack *undoStack() const { return m_undoStack; }

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path);
    QString displayName() const;  // file name, or "Untitled"
    bool isModified() const;

    // Replaces the whole design without undo (load, new from template, recovery). Clears the stack.
    void reset(const Topology &topology, const QString &filePath, bool modified = false);
    Result<void> load(const QString &path);
    Result<void> save(const QString &path);
    void markClean();

    // Mutators for undo commands. Hosts and subnets are addressed by uid.
    void insertHost(int index, const Host &host);
    void removeHost(quint32 uid);
    void setHost(const Host &host);
    void insertSubnet(int index, const Subnet &subnet);
    void removeSubnet(quint32 uid);
    void setSubnet(const Subnet &subnet);
    void setCluster(const Cluster &cluster);
    void setTopology(const Topology &topology);  // a wholesale edit (quick fix), undoable by its command

    int hostIndex(quint32 uid) const;
    int subnetIndex(quint32 uid) const;
    quint32 newUid();  // never reused within a session, so undo/redo keeps uids stable

signals:
    void hostAdded(quint32 uid);
    void hostRemoved(quint32 uid);
    void hostChanged(quint32 uid);
    void subnetAdded(quint32 uid);
    void subnetRemoved(quint32 uid);
    void subnetChanged(quint32 uid);
    void clusterChanged();
    void topologyReset();
    void changed();  // after any of the above
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);

private:
    Topology m_topology;
    QUndoStack *m_undoStack;
    QString m_filePath;
    quint32 m_nextUid = 1;
};

} // namespace pgha
