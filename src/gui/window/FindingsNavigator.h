#pragma once

#include "core/validation/Finding.h"

class QScrollArea;
class QWidget;

namespace pgha {

class DesignScene;
class DesignView;
class Document;

// A click on a finding: its subject ("hosts/<name>", "subnets/<name>", "cluster.<key>") is selected and
// centred on the canvas, or the cluster field of that key gets the focus in the inspector.
class FindingsNavigator
{
public:
    FindingsNavigator(Document *doc, DesignScene *scene, DesignView *view, QWidget *clusterEditor, QScrollArea *inspectorScroll);
    void activate(const Finding &finding);

private:
    Document *m_doc;
    DesignScene *m_scene;
    DesignView *m_view;
    QWidget *m_clusterEditor;
    QScrollArea *m_scroll;
};

} // namespace pgha
