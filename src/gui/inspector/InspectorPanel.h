#pragma once

#include <QList>
#include <QStackedWidget>

class QLabel;

namespace pgha {

class ClusterEditor;
class Document;
class HostEditor;
class SubnetEditor;

// The inspector dock's pages: the cluster (nothing selected), one host, one subnet, or a note for several items.
class InspectorPanel : public QStackedWidget
{
    Q_OBJECT
public:
    InspectorPanel(Document *doc, QWidget *parent = nullptr);

    ClusterEditor *clusterEditor() const { return m_clusterEditor; }
    void showSelection(const QList<quint32> &hostUids, const QList<quint32> &subnetUids);
    // The first time a page shows, it is polished, laid out and its glyphs rendered (~10 ms for the host page,
    // which the first click on a host paid): done once, off screen, when the window has just opened.
    void warmUp();

private:
    Document *m_doc;
    HostEditor *m_hostEditor;
    SubnetEditor *m_subnetEditor;
    ClusterEditor *m_clusterEditor;
    QLabel *m_multiLabel;
};

} // namespace pgha
