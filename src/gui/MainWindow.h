#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Secrets.h"
#include "core/validation/Finding.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace pgha {

class Analyzer;
class ClusterEditor;
class DashboardPage;
class DeployPage;
class DesignScene;
class DesignView;
class Document;
class FindingsPanel;
class HostEditor;
class PaletteWidget;
class PreviewPanel;
class SecretVault;
class SubnetEditor;

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
    const Secrets &secrets() const { return m_secrets; }

    // File operations; false (with a message shown) when they fail or the user cancels.
    bool newFromTemplate(const QString &templateId);
    bool openFile(const QString &path);
    bool saveTo(const QString &path);
    bool save();
    bool saveAs();
    bool exportBundleTo(const QString &path);
    bool exportDiagram(const QString &path);  // .png or .svg
    bool maybeSave();                          // asks about unsaved changes: true = go on

    void setSecrets(const Secrets &secrets);
    void setVault(std::shared_ptr<SecretVault> vault);  // tests inject their own keychain
    bool applyQuickFix(const Finding &finding);
    void activateFinding(const Finding &finding);
    void offerRecovery();                            // after a crash: restores an autosave
    void autosaveNow();

signals:
    void analysisApplied();  // findings, badges and preview show the latest design

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
    void addRecentFile(const QString &path);
    void rebuildRecentMenu();
    void loadSecretsFromVault();
    void showSecretsDialog();
    void showPreferences();
    void showAbout();
    void exportBundleInteractive();
    void exportDiagramInteractive(const QString &suffix);
    void pushPagesProject();

    Document *m_doc;
    DesignScene *m_scene;
    DesignView *m_view;
    Analyzer *m_analyzer;
    Secrets m_secrets;
    std::shared_ptr<SecretVault> m_vault;
    QTabWidget *m_tabs;
    DeployPage *m_deployPage;
    DashboardPage *m_dashboardPage;
    PaletteWidget *m_palette;
    QStackedWidget *m_inspector;
    HostEditor *m_hostEditor;
    SubnetEditor *m_subnetEditor;
    ClusterEditor *m_clusterEditor;
    QLabel *m_multiLabel;
    FindingsPanel *m_findings;
    PreviewPanel *m_preview;
    QList<QDockWidget *> m_designDocks;
    QLabel *m_statusFindings;
    QLabel *m_statusAnalysis;
    QLabel *m_statusZoom;
    QMenu *m_recentMenu = nullptr;
    QTimer *m_autosave;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    bool m_secretsFromUser = false;
};

} // namespace pgha
