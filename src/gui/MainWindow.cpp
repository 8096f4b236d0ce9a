#include "gui/MainWindow.h"

#include "core/bundle/BundleWriter.h"
#include "core/generate/Generator.h"
#include "core/model/SecretMask.h"
#include "core/project/ProjectFile.h"
#include "core/validation/Validator.h"
#include "gui/analysis/Analyzer.h"
#include "gui/canvas/CanvasClipboard.h"
#include "gui/canvas/DesignScene.h"
#include "gui/canvas/DesignView.h"
#include "gui/canvas/HostItem.h"
#include "gui/canvas/LegendWidget.h"
#include "gui/canvas/PaletteWidget.h"
#include "gui/canvas/SubnetItem.h"
#include "gui/commands/ReplaceTopologyCommand.h"
#include "gui/dashboard/DashboardPage.h"
#include "gui/deploy/DeployPage.h"
#include "gui/dialogs/AboutDialog.h"
#include "gui/dialogs/MessageBox.h"
#include "gui/dialogs/PreferencesDialog.h"
#include "gui/document/AutoLayout.h"
#include "gui/document/Autosave.h"
#include "gui/document/Document.h"
#include "gui/findings/FindingsPanel.h"
#include "gui/inspector/ClusterEditor.h"
#include "gui/inspector/InspectorPanel.h"
#include "gui/preview/PreviewPanel.h"
#include "gui/secrets/SecretsSession.h"
#include "gui/window/BundleExport.h"
#include "gui/window/BackupActions.h"
#include "gui/window/DiagramExport.h"
#include "gui/window/DocumentFiles.h"
#include "gui/window/FileTools.h"
#include "gui/window/FindingsNavigator.h"
#include "gui/window/RecentFiles.h"

#if __has_include("core/validation/QuickFix.h")
#include "core/validation/QuickFix.h"
#define PGHA_HAVE_QUICKFIX 1
#endif

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QUndoView>

namespace pgha {

namespace {
QIcon icon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_doc(new Document(this)), m_analyzer(new Analyzer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(icon("app"));
    m_secrets = new SecretsSession(m_doc, this);

    m_scene = new DesignScene(m_doc, this);
    m_view = new DesignView(m_scene);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("modeTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_view, tr("Design"));
    m_deployPage = new DeployPage(m_tabs);
    m_dashboardPage = new DashboardPage(m_tabs);
    m_tabs->addTab(m_deployPage, tr("Deploy"));
    m_tabs->addTab(m_dashboardPage, tr("Monitor"));
    setCentralWidget(m_tabs);

    m_files = new DocumentFiles(m_doc, this);
    connect(m_files, &DocumentFiles::fileOpened, m_secrets, &SecretsSession::loadFromVault);
    connect(m_files, &DocumentFiles::designReplaced, m_view, &DesignView::fitToWindow);
    connect(m_files, &DocumentFiles::statusMessage, statusBar(), &QStatusBar::showMessage);
    createDocks();
    createActions();
    m_navigator = std::make_unique<FindingsNavigator>(m_doc, m_scene, m_view, m_inspector->clusterEditor(), m_inspectorScroll);
    m_bundleExport = new BundleExport(this);
    connect(m_bundleExport, &BundleExport::finished, this, &MainWindow::bundleExportFinished);
    connect(m_bundleExport, &BundleExport::secretsFilled, m_secrets, &SecretsSession::keep);
    connect(m_secrets, &SecretsSession::changed, this, [this](const QStringList &alsoMask) {
        if (!alsoMask.isEmpty())
            m_preview->setSecretValues(alsoMask);
        scheduleAnalysis();
    });
    connect(m_secrets, &SecretsSession::statusMessage, statusBar(), &QStatusBar::showMessage);

    m_statusFindings = new QLabel(this);
    m_statusFindings->setObjectName(QStringLiteral("statusFindings"));
    m_statusAnalysis = new QLabel(this);
    m_statusAnalysis->setObjectName(QStringLiteral("statusAnalysis"));
    m_statusZoom = new QLabel(QStringLiteral("100 %"), this);
    statusBar()->addPermanentWidget(m_statusAnalysis);
    statusBar()->addPermanentWidget(m_statusFindings);
    statusBar()->addPermanentWidget(m_statusZoom);
    connect(m_view, &DesignView::zoomChanged, this,
            [this](double z) { m_statusZoom->setText(QStringLiteral("%1 %").arg(qRound(z * 100))); });

    // After a deploy from the Deploy page succeeds, the Monitor tab is where the cluster is now, and it watches
    // it at once with the deploy's own secrets (DashboardPage::connectAfterDeploy).
    // "Renew certificates" on the Monitor tab: the rollout is shown and run on the Deploy page.
    connect(m_dashboardPage, &DashboardPage::renewCertificatesRequested, this, [this](const QString &leader) {
        m_tabs->setCurrentWidget(m_deployPage);
        m_deployPage->renewCertificates(leader);
    });
    connect(m_deployPage, &DeployPage::deployFinished, this, [this](DeployRunner::Outcome outcome, const QString &) {
        if (outcome != DeployRunner::Outcome::Done && outcome != DeployRunner::Outcome::NothingChanged)
            return;
        m_tabs->setCurrentWidget(m_dashboardPage);
        m_dashboardPage->connectAfterDeploy();
        statusBar()->showMessage(tr("Deployed: the Monitor tab shows the cluster."), 8000);
    });
    connect(m_doc, &Document::changed, this, &MainWindow::scheduleAnalysis);
    connect(m_doc, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &Document::filePathChanged, this, [this] {
        updateTitle();
        pushPagesProject();
    });
    connect(m_doc, &Document::clusterChanged, this, [this] { m_view->legend()->setCluster(m_doc->topology().cluster); });
    connect(m_doc, &Document::topologyReset, this, [this] {
        m_view->legend()->setCluster(m_doc->topology().cluster);
        updateInspector();
        pushPagesProject();
    });
    connect(m_doc, &Document::hostRemoved, this, &MainWindow::updateInspector);
    connect(m_doc, &Document::subnetRemoved, this, &MainWindow::updateInspector);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &MainWindow::updateInspector);
    connect(m_analyzer, &Analyzer::finished, this, &MainWindow::applyAnalysis);
    connect(m_findings, &FindingsPanel::findingActivated, this, &MainWindow::activateFinding);
    connect(m_findings, &FindingsPanel::quickFixRequested, this, [this](const Finding &f) { applyQuickFix(f); });
    connect(m_palette, &PaletteWidget::addRequested, this, [this](PaletteKind kind) {
        const QPointF centre = m_view->mapToScene(m_view->viewport()->rect().center());
        m_scene->addFromPalette(kind, centre);
    });
    connect(m_scene, &DesignScene::paletteDropped, this, [this](PaletteKind kind, quint32 uid) {
        if (kind == PaletteKind::Subnet)
            m_scene->selectOnly({}, {uid});
        else
            m_scene->selectOnly({uid}, {});
        m_view->setFocus();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        // The design docks belong to the Design tab.
        for (QDockWidget *d : std::as_const(m_designDocks))
            d->setVisible(index == 0 && d->property("pghaWanted").toBool());
    });

    QSettings settings;
    resize(1500, 940);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    for (QDockWidget *d : std::as_const(m_designDocks))
        d->setProperty("pghaWanted", !d->isHidden());

    m_doc->reset(ProjectFile::referenceTopology(), QString());
    updateTitle();
    QTimer::singleShot(0, m_view, &DesignView::fitToWindow);
    QTimer::singleShot(0, m_inspector, &InspectorPanel::warmUp);
}

MainWindow::~MainWindow()
{
    m_scene->blockSignals(true);  // the scene's items go before the scene: no selection news on the way out
    m_doc->blockSignals(true);
}

void MainWindow::createDocks()
{
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    const auto dock = [this](const char *name, const QString &title, QWidget *w, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(QLatin1String(name));
        d->setWidget(w);
        addDockWidget(area, d);
        m_designDocks << d;
        connect(d, &QDockWidget::visibilityChanged, this, [this, d](bool) {
            if (m_tabs->currentIndex() == 0)
                d->setProperty("pghaWanted", !d->isHidden());
        });
        return d;
    };

    m_palette = new PaletteWidget(this);
    m_palette->setMinimumWidth(180);
    QDockWidget *paletteDock = dock("paletteDock", tr("Palette"), m_palette, Qt::LeftDockWidgetArea);
    auto *undoView = new QUndoView(m_doc->undoStack(), this);
    undoView->setMinimumWidth(180);
    undoView->setObjectName(QStringLiteral("undoView"));
    undoView->setEmptyLabel(tr("<opened>"));
    QDockWidget *historyDock = dock("historyDock", tr("History"), undoView, Qt::LeftDockWidgetArea);
    splitDockWidget(paletteDock, historyDock, Qt::Vertical);

    m_inspector = new InspectorPanel(m_doc, this);
    auto *scroll = new QScrollArea(this);
    m_inspectorScroll = scroll;
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_inspector);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(380);
    QDockWidget *inspectorDock = dock("inspectorDock", tr("Inspector"), scroll, Qt::RightDockWidgetArea);

    m_preview = new PreviewPanel(this);
    QDockWidget *previewDock = dock("previewDock", tr("Preview"), m_preview, Qt::RightDockWidgetArea);
    tabifyDockWidget(inspectorDock, previewDock);
    inspectorDock->raise();

    m_findings = new FindingsPanel(this);
    dock("findingsDock", tr("Findings"), m_findings, Qt::BottomDockWidgetArea);
    resizeDocks({paletteDock}, {210}, Qt::Horizontal);
    resizeDocks({inspectorDock}, {430}, Qt::Horizontal);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QMenu *newMenu = file->addMenu(icon("document-new"), tr("&New from Template"));
    newMenu->setObjectName(QStringLiteral("newMenu"));
    QAction *newDefault = nullptr;
    for (const ProjectFile::TemplateInfo &t : ProjectFile::templates()) {
        QAction *a = newMenu->addAction(t.title);
        a->setObjectName(QStringLiteral("newTemplate_") + t.id);
        connect(a, &QAction::triggered, this, [this, id = t.id] { m_files->newFromTemplate(id); });
        if (t.id == QLatin1String("empty"))
            newDefault = a;
    }
    QAction *newAction = new QAction(icon("document-new"), tr("&New"), this);
    newAction->setShortcut(QKeySequence::New);
    newAction->setToolTip(tr("New empty design (File ▸ New from Template for the others)"));
    connect(newAction, &QAction::triggered, this, [this] { m_files->newFromTemplate(QStringLiteral("empty")); });
    Q_UNUSED(newDefault);
    file->insertAction(newMenu->menuAction(), newAction);

    QAction *open = file->addAction(icon("document-open"), tr("&Open…"), m_files, &DocumentFiles::openInteractive);
    open->setShortcut(QKeySequence::Open);
    QMenu *recentMenu = file->addMenu(tr("Open &Recent"));
    recentMenu->setObjectName(QStringLiteral("recentMenu"));
    m_files->setRecentFiles(new RecentFiles(recentMenu, [this](const QString &path) {
        if (m_files->maybeSave())
            m_files->openFile(path);
    }, this));
    QAction *recover = file->addAction(tr("Re&cover Autosaved Designs…"), m_files, &DocumentFiles::offerRecovery);
    recover->setObjectName(QStringLiteral("recoverAction"));
    connect(file, &QMenu::aboutToShow, recover, [recover] { recover->setEnabled(!Autosave::orphans().isEmpty()); });
    file->addSeparator();
    QAction *saveAct = file->addAction(icon("document-save"), tr("&Save"), this, [this] { m_files->save(); });
    saveAct->setShortcut(QKeySequence::Save);
    QAction *saveAsAct = file->addAction(tr("Save &As…"), this, [this] { m_files->saveAs(); });
    saveAsAct->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *exportAct = file->addAction(icon("export-bundle"), tr("&Export Bundle…"), this, &MainWindow::exportBundleInteractive);
    exportAct->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAct->setObjectName(QStringLiteral("exportBundleAction"));
    QMenu *diagram = file->addMenu(tr("Export &Diagram"));
    for (const QString &suffix : {QStringLiteral("png"), QStringLiteral("svg")}) {
        diagram->addAction(suffix == QLatin1String("png") ? tr("As &PNG…") : tr("As &SVG…"), this, [this, suffix] {
            DiagramExport::exportInteractive(this, m_scene, suffix, m_doc->topology().cluster.name);
        });
    }
    QAction *secretsAct = file->addAction(icon("secrets"), tr("S&ecrets…"), m_secrets, &SecretsSession::showDialog);
    m_fileTools = new FileTools(this, m_doc, m_files, m_view, file);
    connect(m_fileTools, &FileTools::clusterImported, this, &MainWindow::clusterImported);
    file->addSeparator();
    QAction *prefs = file->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    prefs->setShortcut(QKeySequence::Preferences);
    prefs->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setIcon(icon("edit-undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setIcon(icon("edit-redo"));
    m_redoAction->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)});
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    // Canvas shortcuts apply while the canvas has focus, so that the inspector's fields keep their own.
    const auto canvasAction = [&](const QIcon &i, const QString &text, const QKeySequence &key, auto slot) {
        QAction *a = edit->addAction(i, text, this, slot);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(a);
        return a;
    };
    canvasAction(QIcon(), tr("&Copy"), QKeySequence::Copy, [this] { CanvasClipboard::copy(m_scene); });
    canvasAction(QIcon(), tr("&Paste"), QKeySequence::Paste, [this] { CanvasClipboard::paste(m_scene); });
    canvasAction(icon("delete"), tr("&Delete"), QKeySequence::Delete, [this] { m_scene->deleteSelection(); });
    canvasAction(QIcon(), tr("Select &All"), QKeySequence::SelectAll, [this] {
        for (QGraphicsItem *i : m_scene->items()) {
            if (i->flags() & QGraphicsItem::ItemIsSelectable)
                i->setSelected(true);
        }
    });

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *zin = viewMenu->addAction(icon("zoom-in"), tr("Zoom &In"), m_view, &DesignView::zoomIn);
    zin->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction *zout = viewMenu->addAction(icon("zoom-out"), tr("Zoom &Out"), m_view, &DesignView::zoomOut);
    zout->setShortcut(QKeySequence::ZoomOut);
    viewMenu->addAction(tr("&Actual Size"), m_view, &DesignView::resetZoom)->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction *fit = viewMenu->addAction(icon("zoom-fit"), tr("&Fit to Window"), m_view, &DesignView::fitToWindow);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_9));
    viewMenu->addSeparator();
    for (QDockWidget *d : std::as_const(m_designDocks))
        viewMenu->addAction(d->toggleViewAction());

    QMenu *cluster = menuBar()->addMenu(tr("&Cluster"));
    cluster->setObjectName(QStringLiteral("clusterMenu"));
    m_backupActions = new BackupActions(this, cluster);
    connect(m_backupActions, &BackupActions::statusMessage, statusBar(), &QStatusBar::showMessage);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About PG HA Designer"), this, &MainWindow::showAbout)->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);

    QToolBar *tb = addToolBar(tr("Main"));
    tb->setObjectName(QStringLiteral("mainToolBar"));
    tb->setIconSize(QSize(20, 20));
    tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tb->addAction(newAction);
    tb->addAction(open);
    tb->addAction(saveAct);
    tb->addAction(exportAct);
    tb->addSeparator();
    tb->addAction(m_undoAction);
    tb->addAction(m_redoAction);
    tb->addSeparator();
    tb->addAction(zin);
    tb->addAction(zout);
    tb->addAction(fit);
    tb->addSeparator();
    tb->addAction(secretsAct);
    for (QAction *a : {zin, zout, fit, m_undoAction, m_redoAction})
        if (QWidget *w = tb->widgetForAction(a))
            static_cast<QToolButton *>(w)->setToolButtonStyle(Qt::ToolButtonIconOnly);
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — PG HA Designer").arg(m_doc->displayName()));
    setWindowModified(m_doc->isModified());
}

void MainWindow::updateInspector()
{
    const QList<quint32> hosts = m_scene->selectedHostUids();
    const QList<quint32> subnets = m_scene->selectedSubnetUids();
    m_inspector->showSelection(hosts, subnets);
    if (hosts.size() == 1 && subnets.isEmpty()) {
        if (const Host *h = m_doc->topology().hostByUid(hosts.first()))
            m_preview->selectFirstFileOf(h->name);
    }
}

void MainWindow::scheduleAnalysis()
{
    m_statusAnalysis->setText(tr("Checking…"));
    m_analyzer->request(m_doc->topology(), m_secrets->secrets());
}

void MainWindow::applyAnalysis()
{
    const Findings &f = m_analyzer->findings();
    m_findings->setFindings(f);
    m_scene->setFindings(f);
    m_preview->setSecretValues(SecretMask::values(m_secrets->secrets()));
    m_preview->setBundle(m_analyzer->bundle());
    const int e = countSeverity(f, Severity::Error);
    const int w = countSeverity(f, Severity::Warning);
    m_statusFindings->setText(tr("%1 error(s), %2 warning(s)").arg(e).arg(w));
    m_statusFindings->setStyleSheet(e > 0 ? QStringLiteral("color: #d32f2f; font-weight: bold") : QString());
    m_statusAnalysis->setText(tr("Checked in %1 ms").arg(double(m_analyzer->lastRunUs()) / 1000.0, 0, 'f', 1));
    pushPagesProject();
    emit analysisApplied();
}

void MainWindow::pushPagesProject()
{
    m_deployPage->setProject(m_doc->topology(), m_doc->filePath());
    m_dashboardPage->setProject(m_doc->topology(), m_doc->filePath());
    m_backupActions->setProject(m_doc->topology());
}

bool MainWindow::exportBundleTo(const QString &path)
{
    if (!m_bundleExport->start(m_doc->topology(), m_secrets->secrets(), path))
        return false;
    statusBar()->showMessage(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
    return true;
}

void MainWindow::bundleExportFinished(bool ok, const QString &path, const Bundle &bundle, const QString &error)
{
    if (ok) {
        m_preview->setLastExport(bundle);
        statusBar()->showMessage(tr("Exported %n file(s) to %1", nullptr, int(bundle.files.size())).arg(QDir::toNativeSeparators(path)), 6000);
    } else {
        statusBar()->clearMessage();
        if (!error.isEmpty())
            MessageBox::warning(this, tr("Export bundle"), error);
    }
    emit bundleExported(ok, path);
}

void MainWindow::exportBundleInteractive()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export bundle"),
                                                      m_doc->topology().cluster.name + QStringLiteral(".tar.gz"),
                                                      tr("Bundles (*.tar.gz)"));
    if (!path.isEmpty())
        exportBundleTo(path);
}

bool MainWindow::exportDiagram(const QString &path)
{
    return DiagramExport::exportTo(this, m_scene, path, m_doc->topology().cluster.name);
}

bool MainWindow::applyQuickFix(const Finding &finding)
{
#ifdef PGHA_HAVE_QUICKFIX
    const Result<Topology> fixed = pgha::applyQuickFix(m_doc->topology(), finding);
    if (!fixed.ok()) {
        MessageBox::warning(this, tr("Quick fix"), fixed.error().toString());
        return false;
    }
    Topology after = fixed.value();
    AutoLayout::placeUnpositioned(&after);  // hosts the fix added get a place on the canvas
    m_doc->undoStack()->push(new ReplaceTopologyCommand(m_doc, m_doc->topology(), after, tr("Apply quick fix")));
    return true;
#else
    Q_UNUSED(finding);
    return false;
#endif
}

void MainWindow::activateFinding(const Finding &f)
{
    m_navigator->activate(f);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        m_files->applyAutosaveInterval();
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    if (m_tabs->currentIndex() != 0)
        m_tabs->setCurrentIndex(0);  // save the layout of the design docks
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    Autosave::removeOwn();
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        m_scene->update();  // light/dark switch: the canvas paints from the palette
    QMainWindow::changeEvent(event);
}

} // namespace pgha
