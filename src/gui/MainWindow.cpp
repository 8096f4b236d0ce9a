#include "gui/MainWindow.h"

#include "core/bundle/BundleWriter.h"
#include "core/generate/Generator.h"
#include "core/model/SecretMask.h"
#include "core/project/ProjectFile.h"
#include "core/validation/Validator.h"
#include "gui/analysis/Analyzer.h"
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
#include "gui/dialogs/LintDialog.h"
#include "gui/dialogs/MessageBox.h"
#include "gui/dialogs/PreferencesDialog.h"
#include "gui/dialogs/SecretsDialog.h"
#include "gui/document/AutoLayout.h"
#include "gui/document/Autosave.h"
#include "gui/document/AutosaveRecovery.h"
#include "gui/document/Document.h"
#include "gui/findings/FindingsPanel.h"
#include "gui/inspector/ClusterEditor.h"
#include "gui/inspector/HostEditor.h"
#include "gui/inspector/SubnetEditor.h"
#include "gui/preview/PreviewPanel.h"
#include "gui/secrets/KeychainVault.h"
#include "gui/secrets/MemoryVault.h"
#include "gui/window/BundleExport.h"
#include "gui/window/DiagramExport.h"
#include "gui/window/FindingsNavigator.h"
#include "gui/window/RecentFiles.h"

#if __has_include("core/validation/QuickFix.h")
#include "core/validation/QuickFix.h"
#define PGHA_HAVE_QUICKFIX 1
#endif

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QPixmap>
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
const char *kClipboardMime = "application/x-pgha-items";
QIcon icon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_doc(new Document(this)), m_analyzer(new Analyzer(this)), m_autosave(new QTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(icon("app"));
    SecretStore::fillMissing(&m_secrets);  // session secrets for the preview until the user sets their own
    if (KeychainVault::available())
        m_vault = std::make_shared<KeychainVault>();
    else
        m_vault = std::make_shared<MemoryVault>();

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

    createDocks();
    createActions();
    m_navigator = std::make_unique<FindingsNavigator>(m_doc, m_scene, m_view, m_clusterEditor, m_inspectorScroll);
    m_bundleExport = new BundleExport(this);
    connect(m_bundleExport, &BundleExport::finished, this, &MainWindow::bundleExportFinished);
    connect(m_bundleExport, &BundleExport::secretsFilled, this, [this](const Secrets &s) {
        m_secrets = s;  // the certificates issued for the export stay for the session
        scheduleAnalysis();
    });

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
    m_autosave->setInterval(settings.value(QStringLiteral("autosave/intervalSec"), 60).toInt() * 1000);
    connect(m_autosave, &QTimer::timeout, this, &MainWindow::autosaveNow);
    m_autosave->start();

    resize(1500, 940);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    for (QDockWidget *d : std::as_const(m_designDocks))
        d->setProperty("pghaWanted", !d->isHidden());

    m_doc->reset(ProjectFile::referenceTopology(), QString());
    updateTitle();
    QTimer::singleShot(0, m_view, &DesignView::fitToWindow);
    QTimer::singleShot(0, this, &MainWindow::warmUpInspector);
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

    m_inspector = new QStackedWidget(this);
    m_inspector->setObjectName(QStringLiteral("inspector"));
    m_hostEditor = new HostEditor(m_doc, m_inspector);
    m_subnetEditor = new SubnetEditor(m_doc, m_inspector);
    m_clusterEditor = new ClusterEditor(m_doc, m_inspector);
    m_multiLabel = new QLabel(m_inspector);
    m_multiLabel->setAlignment(Qt::AlignCenter);
    m_multiLabel->setWordWrap(true);
    m_inspector->addWidget(m_clusterEditor);
    m_inspector->addWidget(m_hostEditor);
    m_inspector->addWidget(m_subnetEditor);
    m_inspector->addWidget(m_multiLabel);
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
        connect(a, &QAction::triggered, this, [this, id = t.id] { newFromTemplate(id); });
        if (t.id == QLatin1String("empty"))
            newDefault = a;
    }
    QAction *newAction = new QAction(icon("document-new"), tr("&New"), this);
    newAction->setShortcut(QKeySequence::New);
    newAction->setToolTip(tr("New empty design (File ▸ New from Template for the others)"));
    connect(newAction, &QAction::triggered, this, [this] { newFromTemplate(QStringLiteral("empty")); });
    Q_UNUSED(newDefault);
    file->insertAction(newMenu->menuAction(), newAction);

    QAction *open = file->addAction(icon("document-open"), tr("&Open…"), this, [this] {
        if (!maybeSave())
            return;
        const QString path = QFileDialog::getOpenFileName(this, tr("Open design"), QString(),
                                                          tr("PG HA designs (*.pgha.yaml);;YAML (*.yaml *.yml)"));
        if (!path.isEmpty())
            openFile(path);
    });
    open->setShortcut(QKeySequence::Open);
    QMenu *recentMenu = file->addMenu(tr("Open &Recent"));
    recentMenu->setObjectName(QStringLiteral("recentMenu"));
    m_recent = new RecentFiles(recentMenu, [this](const QString &path) {
        if (maybeSave())
            openFile(path);
    }, this);
    QAction *recover = file->addAction(tr("Re&cover Autosaved Designs…"), this, &MainWindow::offerRecovery);
    recover->setObjectName(QStringLiteral("recoverAction"));
    connect(file, &QMenu::aboutToShow, recover, [recover] { recover->setEnabled(!Autosave::orphans().isEmpty()); });
    file->addSeparator();
    QAction *saveAct = file->addAction(icon("document-save"), tr("&Save"), this, [this] { save(); });
    saveAct->setShortcut(QKeySequence::Save);
    QAction *saveAsAct = file->addAction(tr("Save &As…"), this, [this] { saveAs(); });
    saveAsAct->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *exportAct = file->addAction(icon("export-bundle"), tr("&Export Bundle…"), this, &MainWindow::exportBundleInteractive);
    exportAct->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAct->setObjectName(QStringLiteral("exportBundleAction"));
    QMenu *diagram = file->addMenu(tr("Export &Diagram"));
    diagram->addAction(tr("As &PNG…"), this, [this] { exportDiagramInteractive(QStringLiteral("png")); });
    diagram->addAction(tr("As &SVG…"), this, [this] { exportDiagramInteractive(QStringLiteral("svg")); });
    QAction *secretsAct = file->addAction(icon("secrets"), tr("S&ecrets…"), this, &MainWindow::showSecretsDialog);
    QAction *lintAct = file->addAction(tr("&Lint Configuration Files…"), this, [this] { lintConfigurationFiles(); });
    lintAct->setObjectName(QStringLiteral("lintFilesAction"));
    lintAct->setToolTip(tr("Check real patroni.yml, etcd and haproxy.cfg files by the designer's rules"));
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
    canvasAction(QIcon(), tr("&Copy"), QKeySequence::Copy, [this] {
        const QByteArray data = m_scene->copySelection();
        if (data.isEmpty())
            return;
        auto *mime = new QMimeData;
        mime->setData(QLatin1String(kClipboardMime), data);
        mime->setText(QString::fromUtf8(data));
        QApplication::clipboard()->setMimeData(mime);
    });
    canvasAction(QIcon(), tr("&Paste"), QKeySequence::Paste, [this] {
        const QMimeData *mime = QApplication::clipboard()->mimeData();
        if (mime && mime->hasFormat(QLatin1String(kClipboardMime)))
            m_scene->paste(mime->data(QLatin1String(kClipboardMime)));
    });
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
    if (hosts.size() == 1 && subnets.isEmpty()) {
        m_hostEditor->setHost(hosts.first());
        m_inspector->setCurrentWidget(m_hostEditor);
        if (const Host *h = m_doc->topology().hostByUid(hosts.first()))
            m_preview->selectFirstFileOf(h->name);
    } else if (subnets.size() == 1 && hosts.isEmpty()) {
        m_subnetEditor->setSubnet(subnets.first());
        m_inspector->setCurrentWidget(m_subnetEditor);
    } else if (hosts.isEmpty() && subnets.isEmpty()) {
        m_inspector->setCurrentWidget(m_clusterEditor);
    } else {
        m_multiLabel->setText(tr("%n item(s) selected.\nMove them with the mouse or the arrow keys; Delete removes them.",
                                 nullptr, int(hosts.size() + subnets.size())));
        m_inspector->setCurrentWidget(m_multiLabel);
    }
}

void MainWindow::warmUpInspector()
{
    // The first time an inspector page shows, it is polished, laid out and its glyphs are rendered: ~10 ms for
    // the host page, which the first click on a host paid (and the first edit after loading a big design).
    // Paid here instead, once, when the window has just opened: the pages are rendered off screen.
    const Topology &t = m_doc->topology();
    if (!t.hosts.isEmpty())
        m_hostEditor->setHost(t.hosts.first().uid);
    if (!t.subnets.isEmpty())
        m_subnetEditor->setSubnet(t.subnets.first().uid);
    for (QWidget *page : {static_cast<QWidget *>(m_hostEditor), static_cast<QWidget *>(m_subnetEditor)}) {
        if (page->isVisible())
            continue;
        page->resize(m_inspector->size());
        QPixmap pixmap(page->size());
        page->render(&pixmap);
    }
}

void MainWindow::scheduleAnalysis()
{
    m_statusAnalysis->setText(tr("Checking…"));
    m_analyzer->request(m_doc->topology(), m_secrets);
}

void MainWindow::applyAnalysis()
{
    const Findings &f = m_analyzer->findings();
    m_findings->setFindings(f);
    m_scene->setFindings(f);
    m_preview->setSecretValues(SecretMask::values(m_secrets));
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
}

bool MainWindow::maybeSave()
{
    if (!m_doc->isModified())
        return true;
    const auto answer = MessageBox::question(
        this, tr("Unsaved changes"), tr("The design \"%1\" has unsaved changes. Save them?").arg(m_doc->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool MainWindow::newFromTemplate(const QString &templateId)
{
    if (!maybeSave())
        return false;
    const Result<LoadedProject> loaded = ProjectFile::loadTemplate(templateId);
    if (!loaded.ok()) {
        MessageBox::warning(this, tr("New design"), loaded.error().toString());
        return false;
    }
    m_doc->reset(loaded->topology, QString());
    m_view->fitToWindow();
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    const Result<void> r = m_doc->load(path);
    if (!r.ok()) {
        MessageBox::warning(this, tr("Open design"), tr("Could not open the design:\n%1").arg(r.error().toString()));
        return false;
    }
    m_recent->add(path);
    loadSecretsFromVault();
    m_view->fitToWindow();
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

bool MainWindow::saveTo(const QString &path)
{
    const Result<void> r = m_doc->save(path);
    if (!r.ok()) {
        MessageBox::warning(this, tr("Save design"), tr("Could not save the design:\n%1").arg(r.error().toString()));
        return false;
    }
    m_recent->add(path);
    Autosave::removeOwn();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

bool MainWindow::save()
{
    if (m_doc->filePath().isEmpty() || m_doc->filePath().startsWith(QLatin1Char(':')))
        return saveAs();
    return saveTo(m_doc->filePath());
}

bool MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save design"),
                                                m_doc->topology().cluster.name + QStringLiteral(".pgha.yaml"),
                                                tr("PG HA designs (*.pgha.yaml)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".yaml")) && !path.endsWith(QLatin1String(".yml")))
        path += QStringLiteral(".pgha.yaml");
    return saveTo(path);
}

void MainWindow::setSecrets(const Secrets &secrets)
{
    // Until the preview shows files made with the new secrets, it masks the old ones as well.
    m_preview->setSecretValues(SecretMask::values(m_secrets) + SecretMask::values(secrets));
    m_secrets = secrets;
    SecretStore::fillMissing(&m_secrets);
    m_secretsFromUser = true;
    scheduleAnalysis();
}

void MainWindow::setVault(std::shared_ptr<SecretVault> vault)
{
    m_vault = std::move(vault);
}

void MainWindow::loadSecretsFromVault()
{
    if (!m_vault)
        return;
    const QString key = SecretVault::keyFor(m_doc->topology().cluster.name, m_doc->filePath());
    m_vault->read(key, this, [this, key](std::optional<Secrets> s, const QString &error) {
        if (s && SecretVault::keyFor(m_doc->topology().cluster.name, m_doc->filePath()) == key) {
            m_preview->setSecretValues(SecretMask::values(m_secrets) + SecretMask::values(*s));
            m_secrets = *s;
            SecretStore::fillMissing(&m_secrets);
            m_secretsFromUser = true;
            scheduleAnalysis();
            statusBar()->showMessage(tr("Secrets read from the %1").arg(m_vault->name()), 4000);
        } else if (!error.isEmpty()) {
            statusBar()->showMessage(tr("No keychain: the secrets of this session are generated (%1)").arg(error), 6000);
        }
    });
}

LintDialog *MainWindow::lintConfigurationFiles(const QStringList &paths)
{
    QStringList files = paths;
    if (files.isEmpty()) {
        files = QFileDialog::getOpenFileNames(this, tr("Lint configuration files"), QString(),
                                              tr("Configuration files (*.yml *.yaml *.cfg *.conf);;All files (*)"));
        if (files.isEmpty())
            return nullptr;
    }
    auto *dialog = new LintDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->lintFiles(files);
    return dialog;
}

void MainWindow::showSecretsDialog()
{
    SecretsDialog dialog(m_secrets, m_vault ? m_vault->name() : QString(), m_vault != nullptr, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    setSecrets(dialog.secrets());
    if (dialog.remember() && m_vault) {
        m_vault->write(SecretVault::keyFor(m_doc->topology().cluster.name, m_doc->filePath()), m_secrets, this,
                       [this](const QString &error) {
                           if (!error.isEmpty())
                               MessageBox::warning(this, tr("Secrets"), tr("Could not store the secrets: %1").arg(error));
                       });
    }
}

bool MainWindow::exportBundleTo(const QString &path)
{
    if (!m_bundleExport->start(m_doc->topology(), m_secrets, path))
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
    const bool ok = DiagramExport::write(m_scene, path, palette().color(QPalette::Base), m_doc->topology().cluster.name);
    if (!ok)
        MessageBox::warning(this, tr("Export diagram"), tr("Could not write %1").arg(QDir::toNativeSeparators(path)));
    return ok;
}

void MainWindow::exportDiagramInteractive(const QString &suffix)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export diagram"),
                                                      m_doc->topology().cluster.name + QLatin1Char('.') + suffix,
                                                      suffix == QLatin1String("svg") ? tr("SVG (*.svg)") : tr("PNG (*.png)"));
    if (!path.isEmpty())
        exportDiagram(path);
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

void MainWindow::autosaveNow()
{
    if (m_doc->isModified())
        Autosave::write(m_doc->topology(), m_doc->filePath());
}

void MainWindow::offerRecovery()
{
    const AutosaveRecovery::Outcome o = AutosaveRecovery::offer(this, [this](const Topology &t, const QString &originalPath) {
        if (!maybeSave())
            return false;
        m_doc->reset(t, originalPath, true);
        m_view->fitToWindow();
        Autosave::write(m_doc->topology(), m_doc->filePath());  // now ours, before the orphan goes
        return true;
    });
    if (o.kept > 0)
        statusBar()->showMessage(tr("%n more autosaved design(s) kept: File ▸ Recover Autosaved Designs offers them.",
                                    nullptr, o.kept), 8000);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        m_autosave->setInterval(QSettings().value(QStringLiteral("autosave/intervalSec"), 60).toInt() * 1000);
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
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
