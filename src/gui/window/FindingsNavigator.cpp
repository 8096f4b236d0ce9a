#include "gui/window/FindingsNavigator.h"

#include "gui/canvas/DesignScene.h"
#include "gui/canvas/DesignView.h"
#include "gui/canvas/HostItem.h"
#include "gui/canvas/SubnetItem.h"
#include "gui/document/Document.h"

#include <QScrollArea>

namespace pgha {

FindingsNavigator::FindingsNavigator(Document *doc, DesignScene *scene, DesignView *view, QWidget *clusterEditor,
                                     QScrollArea *inspectorScroll)
    : m_doc(doc), m_scene(scene), m_view(view), m_clusterEditor(clusterEditor), m_scroll(inspectorScroll)
{
}

void FindingsNavigator::activate(const Finding &f)
{
    const QString subject = f.subject;
    const Topology &t = m_doc->topology();
    if (subject.startsWith(QLatin1String("hosts/"))) {
        if (const Host *h = t.hostByName(subject.mid(6))) {
            m_scene->selectOnly({h->uid}, {});
            if (HostItem *item = m_scene->hostItem(h->uid))
                m_view->centreOn(item->sceneBoundingRect());
        }
    } else if (subject.startsWith(QLatin1String("subnets/"))) {
        if (const Subnet *s = t.subnetByName(subject.mid(8))) {
            m_scene->selectOnly({}, {s->uid});
            if (SubnetItem *item = m_scene->subnetItem(s->uid))
                m_view->centreOn(item->sceneBoundingRect());
        }
    } else if (subject.startsWith(QLatin1String("cluster"))) {
        m_scene->selectOnly({}, {});
        // "cluster.patroni.ttl" -> the field of that name in the cluster editor.
        QString name = subject;
        name.replace(QLatin1Char('.'), QLatin1Char('_'));
        if (QWidget *w = m_clusterEditor->findChild<QWidget *>(name)) {
            w->setFocus();
            if (m_scroll)
                m_scroll->ensureWidgetVisible(w);
        }
    }
}

} // namespace pgha
