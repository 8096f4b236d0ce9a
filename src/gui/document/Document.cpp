#include "gui/document/Document.h"

#include "core/project/ProjectFile.h"
#include "gui/document/AutoLayout.h"

#include <QFileInfo>
#include <QUndoStack>

namespace pgha {

Document::Document(QObject *parent) : QObject(parent), m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

void Document::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

QString Document::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

bool Document::isModified() const
{
    return !m_undoStack->isClean();
}

void Document::reset(const Topology &topology, const QString &filePath, bool modified)
{
    m_topology = topology;
    for (Host &h : m_topology.hosts)
        h.uid = 0;
    for (Subnet &s : m_topology.subnets)
        s.uid = 0;
    m_topology.assignUids();
    m_nextUid = m_topology.nextUid();
    AutoLayout::placeUnpositioned(&m_topology);
    m_undoStack->clear();
    if (modified)
        m_undoStack->resetClean();  // clean index -1: the stack is never clean until saved
    setFilePath(filePath);
    emit topologyReset();
    emit changed();
    emit modifiedChanged(isModified());
}

Result<void> Document::load(const QString &path)
{
    Result<LoadedProject> loaded = ProjectFile::load(path);
    if (!loaded.ok())
        return loaded.error();
    reset(loaded->topology, path);
    return {};
}

Result<void> Document::save(const QString &path)
{
    const Result<void> r = ProjectFile::save(m_topology, path);
    if (!r.ok())
        return r;
    setFilePath(path);
    markClean();
    return {};
}

void Document::markClean()
{
    m_undoStack->setClean();
    emit modifiedChanged(false);
}

int Document::hostIndex(quint32 uid) const
{
    for (int i = 0; i < m_topology.hosts.size(); ++i) {
        if (m_topology.hosts.at(i).uid == uid)
            return i;
    }
    return -1;
}

int Document::subnetIndex(quint32 uid) const
{
    for (int i = 0; i < m_topology.subnets.size(); ++i) {
        if (m_topology.subnets.at(i).uid == uid)
            return i;
    }
    return -1;
}

quint32 Document::newUid()
{
    m_nextUid = std::max(m_nextUid, m_topology.nextUid());
    return m_nextUid++;
}

void Document::insertHost(int index, const Host &host)
{
    Q_ASSERT(host.uid != 0);
    index = std::clamp(index, 0, int(m_topology.hosts.size()));
    m_topology.hosts.insert(index, host);
    emit hostAdded(host.uid);
    emit changed();
}

void Document::removeHost(quint32 uid)
{
    const int i = hostIndex(uid);
    if (i < 0)
        return;
    m_topology.hosts.removeAt(i);
    emit hostRemoved(uid);
    emit changed();
}

void Document::setHost(const Host &host)
{
    const int i = hostIndex(host.uid);
    if (i < 0)
        return;
    m_topology.hosts[i] = host;
    emit hostChanged(host.uid);
    emit changed();
}

void Document::insertSubnet(int index, const Subnet &subnet)
{
    Q_ASSERT(subnet.uid != 0);
    index = std::clamp(index, 0, int(m_topology.subnets.size()));
    m_topology.subnets.insert(index, subnet);
    emit subnetAdded(subnet.uid);
    emit changed();
}

void Document::removeSubnet(quint32 uid)
{
    const int i = subnetIndex(uid);
    if (i < 0)
        return;
    m_topology.subnets.removeAt(i);
    emit subnetRemoved(uid);
    emit changed();
}

void Document::setSubnet(const Subnet &subnet)
{
    const int i = subnetIndex(subnet.uid);
    if (i < 0)
        return;
    m_topology.subnets[i] = subnet;
    emit subnetChanged(subnet.uid);
    emit changed();
}

void Document::setCluster(const Cluster &cluster)
{
    m_topology.cluster = cluster;
    emit clusterChanged();
    emit changed();
}

void Document::setTopology(const Topology &topology)
{
    m_topology = topology;
    for (Host &h : m_topology.hosts) {
        if (h.uid == 0)
            h.uid = newUid();
    }
    for (Subnet &s : m_topology.subnets) {
        if (s.uid == 0)
            s.uid = newUid();
    }
    emit topologyReset();
    emit changed();
}

} // namespace pgha
