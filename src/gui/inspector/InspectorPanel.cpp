#include "gui/inspector/InspectorPanel.h"

#include "gui/document/Document.h"
#include "gui/inspector/ClusterEditor.h"
#include "gui/inspector/HostEditor.h"
#include "gui/inspector/SubnetEditor.h"

#include <QLabel>
#include <QPixmap>

namespace pgha {

InspectorPanel::InspectorPanel(Document *doc, QWidget *parent) : QStackedWidget(parent), m_doc(doc)
{
    setObjectName(QStringLiteral("inspector"));
    m_hostEditor = new HostEditor(m_doc, this);
    m_subnetEditor = new SubnetEditor(m_doc, this);
    m_clusterEditor = new ClusterEditor(m_doc, this);
    m_multiLabel = new QLabel(this);
    m_multiLabel->setAlignment(Qt::AlignCenter);
    m_multiLabel->setWordWrap(true);
    addWidget(m_clusterEditor);
    addWidget(m_hostEditor);
    addWidget(m_subnetEditor);
    addWidget(m_multiLabel);
}

void InspectorPanel::showSelection(const QList<quint32> &hosts, const QList<quint32> &subnets)
{
    if (hosts.size() == 1 && subnets.isEmpty()) {
        m_hostEditor->setHost(hosts.first());
        setCurrentWidget(m_hostEditor);
    } else if (subnets.size() == 1 && hosts.isEmpty()) {
        m_subnetEditor->setSubnet(subnets.first());
        setCurrentWidget(m_subnetEditor);
    } else if (hosts.isEmpty() && subnets.isEmpty()) {
        setCurrentWidget(m_clusterEditor);
    } else {
        m_multiLabel->setText(tr("%n item(s) selected.\nMove them with the mouse or the arrow keys; Delete removes them.",
                                 nullptr, int(hosts.size() + subnets.size())));
        setCurrentWidget(m_multiLabel);
    }
}

void InspectorPanel::warmUp()
{
    const Topology &t = m_doc->topology();
    if (!t.hosts.isEmpty())
        m_hostEditor->setHost(t.hosts.first().uid);
    if (!t.subnets.isEmpty())
        m_subnetEditor->setSubnet(t.subnets.first().uid);
    for (QWidget *page : {static_cast<QWidget *>(m_hostEditor), static_cast<QWidget *>(m_subnetEditor)}) {
        if (page->isVisible())
            continue;
        page->resize(size());
        QPixmap pixmap(page->size());
        page->render(&pixmap);
    }
}

} // namespace pgha
