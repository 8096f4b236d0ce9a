#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Secrets.h"
#include "core/validation/Finding.h"
#include "gui/secrets/SecretsSession.h"
#include "gui/window/DocumentFiles.h"
#include "gui/window/FileTools.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QScrollArea;
class QTabWidget;

namespace pgha {

class Analyzer;
class BundleExport;
class BackupActions;
class FileTools;
class DashboardPage;
class DeployPage;
class DesignScene;
class DesignView;
class Document;
class FindingsNavigator;
class FindingsPanel;
class InspectorPanel;
class LintDialog;
class PaletteWidget;
class PreviewPanel;
class SecretVault;

// The designer window: canvas, palette, inspector, findings, preview; Deploy and Monitor tabs.
// Public methods are what the menus call; tests drive them (and the widgets, by objectName) directly.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() const { return m_doc; }
    DesignScene *scene() const { return m_scene; }
    DesignView *view() const { return m_view; }
    Analyzer *analyzer() const { return m_analyzer; }
    FindingsPanel *findingsPanel() const { return m_findings; }
    PreviewPanel *previewPanel() const { return m_preview; }
    const Secrets &secrets() const { return m_secrets->secrets(); }

    // File operations (DocumentFiles); false (with a message shown) when they fail or the user cancels.
    bool newFromTemplate(const QString &templateId) { return m_files->newFromTemplate(templateId); }
    bool openFile(const QString &path) { return m_files->openFile(path); }
    bool saveTo(const QString &path) { return m_files->saveTo(path); }
    bool save() { return m_files->save(); }
    bool saveAs() { return m_files->saveAs(); }
    // Starts the export (validation, generation and writing run off the GUI thread); bundleExported
    // tells how it ended. False when an export is already running.
    bool exportBundleTo(const QString &path);
    bool exportDiagram(const QString &path);  // .png or .svg
    bool maybeSave() { return m_files->maybeSave(); }  // asks about unsaved changes: true = go on

    void setSecrets(const Secrets &secrets) { m_secrets->set(secrets); }
    void setVault(std::shared_ptr<SecretVault> vault) { m_secrets->setVault(std::move(vault)); }  // tests' keychain
    bool applyQuickFix(const Finding &finding);
    void activateFinding(const Finding &finding);
    // File ▸ Lint Configuration Files…: the dialog (non-modal, deleted on close) linting paths; with none it asks.
    LintDialog *lintConfigurationFiles(const QStringList &paths = {}) { return m_fileTools->lint(paths); }
    // File ▸ Import Running Cluster…: asks for a Patroni REST URL when url is empty; the design opens, unsaved, once
    // clusterImported(true) is emitted. False when cancelled or an import is already running.
    bool importRunningCluster(const QString &url = {}) { return m_fileTools->importRunningCluster(url); }
    // Cluster ▸ Back Up Now, Backups…, Restore… (enabled while the design has backups).
    BackupActions *backupActions() const { return m_backupActions; }
    void offerRecovery() { m_files->offerRecovery(); }  // after a crash: offers every autosaved design left behind
    void autosaveNow() { m_files->autosaveNow(); }

signals:
    void analysisApplied();  // findings, badges and preview show the latest design
    void bundleExported(bool ok, const QString &path);
    void clusterImported(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createDocks();
    void updateTitle();
    void updateInspector();
    void scheduleAnalysis();
    void applyAnalysis();
    void showPreferences();
    void showAbout();
    void exportBundleInteractive();
    void bundleExportFinished(bool ok, const QString &path, const Bundle &bundle, const QString &error);
    void pushPagesProject();

    Document *m_doc;
    DesignScene *m_scene;
    DesignView *m_view;
    Analyzer *m_analyzer;
    SecretsSession *m_secrets;
    QTabWidget *m_tabs;
    DeployPage *m_deployPage;
    DashboardPage *m_dashboardPage;
    PaletteWidget *m_palette;
    InspectorPanel *m_inspector;
    DocumentFiles *m_files = nullptr;
    FindingsPanel *m_findings;
    PreviewPanel *m_preview;
    QList<QDockWidget *> m_designDocks;
    QLabel *m_statusFindings;
    QLabel *m_statusAnalysis;
    QLabel *m_statusZoom;
    BundleExport *m_bundleExport = nullptr;
    FileTools *m_fileTools = nullptr;
    BackupActions *m_backupActions = nullptr;
    QScrollArea *m_inspectorScroll = nullptr;
    std::unique_ptr<FindingsNavigator> m_navigator;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
};

} // namespace pgha
