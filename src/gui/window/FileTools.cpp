#include "gui/window/FileTools.h"

#include "gui/canvas/DesignView.h"
#include "gui/dialogs/LintDialog.h"
#include "gui/dialogs/MessageBox.h"
#include "gui/document/Document.h"
#include "gui/window/ClusterImport.h"
#include "gui/window/DocumentFiles.h"

#include <QAction>
#include <QInputDialog>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>

namespace pgha {

FileTools::FileTools(QMainWindow *window, Document *doc, DocumentFiles *files, DesignView *view, QMenu *fileMenu)
    : QObject(window), m_window(window), m_doc(doc), m_files(files), m_view(view), m_import(new ClusterImport(this))
{
    QAction *lintAct = fileMenu->addAction(tr("&Lint Configuration Files…"), this, [this] { lint(); });
    lintAct->setObjectName(QStringLiteral("lintFilesAction"));
    lintAct->setToolTip(tr("Check real patroni.yml, etcd and haproxy.cfg files by the designer's rules"));
    QAction *importAct = fileMenu->addAction(tr("&Import Running Cluster…"), this, [this] { importRunningCluster(); });
    importAct->setObjectName(QStringLiteral("importClusterAction"));
    importAct->setToolTip(tr("Read a running cluster's design from Patroni's REST API (reads only)"));
    connect(m_import, &ClusterImport::finished, this, &FileTools::importFinished);
}

LintDialog *FileTools::lint(const QStringList &paths)
{
    return LintDialog::open(m_window, paths);
}

bool FileTools::importRunningCluster(const QString &url)
{
    QString target = url;
    if (target.isEmpty()) {
        bool ok = false;
        target = QInputDialog::getText(m_window, tr("Import running cluster"),
                                       tr("Patroni REST API of any member (e.g. http://10.104.0.1:8008):"),
                                       QLineEdit::Normal, QStringLiteral("http://"), &ok)
                     .trimmed();
        if (!ok || target.isEmpty())
            return false;
    }
    LiveFetchOptions options;
    options.url = target;
    if (!m_import->start(options))
        return false;
    m_window->statusBar()->showMessage(tr("Reading %1…").arg(target));
    return true;
}

void FileTools::importFinished(const ImportedDesign &design, const QString &error)
{
    if (!error.isEmpty()) {
        MessageBox::warning(m_window, tr("Import running cluster"), tr("Could not import the cluster:\n%1").arg(error));
        emit clusterImported(false);
        return;
    }
    if (!m_files->maybeSave()) {
        emit clusterImported(false);
        return;
    }
    m_doc->reset(design.topology, QString(), true);
    m_view->fitToWindow();
    QStringList lines;
    for (const QString &n : design.notes)
        lines << tr("Note: %1").arg(n);
    for (const QString &u : design.unmapped)
        lines << tr("Not in the design: %1").arg(u);
    if (!lines.isEmpty())
        MessageBox::information(m_window, tr("Import running cluster"), lines.join(QLatin1Char('\n')));
    m_window->statusBar()->showMessage(tr("Imported %n host(s); save the design to keep it", nullptr,
                                          int(design.topology.hosts.size())), 6000);
    emit clusterImported(true);
}

} // namespace pgha
