#pragma once

#include <QObject>
#include <QStringList>

class QMainWindow;
class QMenu;

namespace pgha {

class ClusterImport;
class DesignView;
class Document;
class DocumentFiles;
class LintDialog;
struct ImportedDesign;

// File ▸ Lint Configuration Files… and File ▸ Import Running Cluster…: their actions, and the wiring from the lint
// dialog and the import (ClusterImport, off the GUI thread) to the window: an imported design opens unsaved once the
// person has agreed to leave the current one.
class FileTools : public QObject
{
    Q_OBJECT
public:
    FileTools(QMainWindow *window, Document *doc, DocumentFiles *files, DesignView *view, QMenu *fileMenu);

    // The lint dialog (non-modal, deleted on close) linting paths; with none it asks.
    LintDialog *lint(const QStringList &paths = {});
    // Asks for a Patroni REST URL when url is empty. False when cancelled or an import is already running.
    bool importRunningCluster(const QString &url = {});

signals:
    void clusterImported(bool ok);

private:
    void importFinished(const ImportedDesign &design, const QString &error);

    QMainWindow *m_window;
    Document *m_doc;
    DocumentFiles *m_files;
    DesignView *m_view;
    ClusterImport *m_import;
};

} // namespace pgha
