// The designer window end to end, offscreen: build a cluster with palette and inspector, watch the
// findings follow, undo/redo, preview, export against the CLI, open/save/reopen, recovery, screenshots.
#include "GuiTestSupport.h"

#include "core/edit/EditRules.h"
#include "core/model/Addressing.h"
#include "core/model/SecretMask.h"
#include "core/pki/ClusterTls.h"
#include "core/project/ProjectFile.h"
#include "gui/canvas/DesignScene.h"
#include "gui/canvas/DesignView.h"
#include "deploy/DeployRunner.h"
#include "gui/canvas/HostItem.h"
#include "gui/deploy/DeployPage.h"
#include "gui/dialogs/LintDialog.h"
#include "gui/dialogs/MessageBox.h"
#include "gui/document/Autosave.h"
#include "gui/document/Document.h"
#include "gui/findings/FindingsModel.h"
#include "gui/findings/FindingsPanel.h"
#include "gui/preview/PreviewPanel.h"
#include "gui/secrets/MemoryVault.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QToolButton>

#include <cmath>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTreeWidget>
#include <QPushButton>
#include <QTableView>
#include <QSaveFile>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace pgha;
using namespace pgha::test;

class TestDesigner : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<MainWindow> m_w;
    QTemporaryDir m_tmp;

    MainWindow &w() { return *m_w; }
    const Topology &topo() { return m_w->document()->topology(); }
    quint32 uidOf(const QString &name)
    {
        const Host *h = topo().hostByName(name);
        return h ? h->uid : 0;
    }
    void select(const QString &hostName)
    {
        w().scene()->selectOnly({uidOf(hostName)}, {});
        QCoreApplication::processEvents();
    }
    // The export runs off the GUI thread; its end is a signal.
    bool exportAndWait(const QString &path)
    {
        QSignalSpy done(&w(), &MainWindow::bundleExported);
        if (!w().exportBundleTo(path))
            return false;
        if (!done.wait(60000))
            return false;
        return done.first().at(0).toBool();
    }
    QString writeOrphan(const QString &clusterName, qint64 pid, int secondsAgo, const QByteArray &broken = {})
    {
        QDir().mkpath(Autosave::directory());
        const QString file = Autosave::directory() + QStringLiteral("/autosave-%1.pgha.yaml").arg(pid);
        if (broken.isEmpty()) {
            Topology t = ProjectFile::referenceTopology();
            t.cluster.name = clusterName;
            if (!ProjectFile::save(t, file).ok())
                return {};
        } else {
            QFile f(file);
            if (!f.open(QIODevice::WriteOnly))
                return {};
            f.write(broken);
        }
        QFile f(file);
        f.open(QIODevice::ReadWrite);
        f.setFileTime(QDateTime::currentDateTime().addSecs(-secondsAgo), QFileDevice::FileModificationTime);
        return file;
    }

    struct Stats
    {
        int distinctColours = 0;
        double luminanceStdDev = 0;
    };
    static Stats imageStats(const QImage &image, const QRect &region)
    {
        QSet<QRgb> colours;
        double sum = 0, sumSq = 0;
        int n = 0;
        const QRect r = region.intersected(image.rect());
        for (int y = r.top(); y <= r.bottom(); y += 2) {
            for (int x = r.left(); x <= r.right(); x += 2) {
                const QRgb c = image.pixel(x, y);
                colours.insert(c);
                const double l = qGray(c);
                sum += l;
                sumSq += l * l;
                ++n;
            }
        }
        Stats s;
        s.distinctColours = int(colours.size());
        if (n > 0)
            s.luminanceStdDev = std::sqrt(std::max(0.0, sumSq / n - (sum / n) * (sum / n)));
        return s;
    }
    // The region of widget in shot (a grab of root, by default the window) shows the widget: not one
    // colour, and (nearly) the same pixels as the widget's own grab.
    void checkRegionShowsWidget(const QImage &shot, QWidget *widget, QWidget *root = nullptr)
    {
        QVERIFY(widget);
        if (!root)
            root = m_w.get();
        QVERIFY2(widget->isVisible(), qPrintable(widget->objectName() + QStringLiteral(" is hidden")));
        const qreal dpr = shot.devicePixelRatio();
        const QRect inRoot(widget->mapTo(root, QPoint(0, 0)) * dpr, widget->size() * dpr);
        QVERIFY2(shot.rect().contains(inRoot), qPrintable(widget->objectName() + QStringLiteral(" is outside the screenshot")));
        const Stats st = imageStats(shot, inRoot);
        QVERIFY2(st.distinctColours > 4 && st.luminanceStdDev > 2.0,
                 qPrintable(widget->objectName() + QStringLiteral(" is blank in the screenshot")));
        const QImage own = widget->grab().toImage().convertToFormat(QImage::Format_RGB32);
        const QImage part = shot.copy(inRoot).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(part.size(), own.size());
        int differ = 0, total = 0;
        for (int y = 0; y < own.height(); y += 3) {
            for (int x = 0; x < own.width(); x += 3) {
                ++total;
                differ += own.pixel(x, y) != part.pixel(x, y) ? 1 : 0;
            }
        }
        QVERIFY2(differ * 10 < total, qPrintable(QStringLiteral("%1: %2 of %3 sampled pixels differ from the widget's own rendering")
                                                     .arg(widget->objectName()).arg(differ).arg(total)));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_tmp.isValid());
    }

    void init()
    {
        m_w = std::make_unique<MainWindow>();
        m_w->setVault(std::make_shared<MemoryVault>());
        m_w->resize(1500, 940);
        m_w->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_w.get()));
        QVERIFY(waitAnalysed(w()));
    }

    void cleanup()
    {
        // Never leave a question queued for the next test; close without the unsaved-changes prompt.
        w().document()->markClean();
        while (MessageBox::hasNextAnswer())
            MessageBox::question(nullptr, {}, {}, QMessageBox::Ok, QMessageBox::Ok);
        m_w.reset();
    }

    void opensOnReference()
    {
        QCOMPARE(topo().hosts.size(), 4);
        QVERIFY(topo().hostByName(QStringLiteral("HAProxy-demo")));
        // Every host got a canvas position from the auto-layout, and no two overlap.
        QSet<QPair<double, double>> seen;
        for (const Host &h : topo().hosts)
            seen.insert({h.pos.x, h.pos.y});
        QCOMPARE(seen.size(), 4);
        QVERIFY(!w().isWindowModified());
    }

    void buildReferenceFromEmpty()
    {
        QVERIFY(w().newFromTemplate(QStringLiteral("empty")));
        QCOMPARE(topo().hosts.size(), 0);
        DesignScene *scene = w().scene();

        // A subnet from the palette, named and addressed through the inspector.
        const quint32 subnetUid = scene->addFromPalette(PaletteKind::Subnet, QPointF(0, 0));
        QVERIFY(subnetUid != 0);
        QCOMPARE(scene->selectedSubnetUids(), QList<quint32>{subnetUid});
        typeInto(child<QLineEdit>(&w(), "subnetName"), QStringLiteral("db"));
        typeInto(child<QLineEdit>(&w(), "subnetCidr"), QStringLiteral("10.104.0.0/24"));
        QCOMPARE(topo().subnets.first().name, QStringLiteral("db"));
        QCOMPARE(topo().subnets.first().cidr, QStringLiteral("10.104.0.0/24"));

        // Three combined nodes and one HAProxy node dropped inside the zone get the next free addresses.
        const QRectF zone(topo().subnets.first().rect.x, topo().subnets.first().rect.y, topo().subnets.first().rect.width,
                          topo().subnets.first().rect.height);
        const QList<QPointF> spots = {zone.topLeft() + QPointF(120, 100), zone.topLeft() + QPointF(380, 100),
                                      zone.topLeft() + QPointF(640, 100), zone.topLeft() + QPointF(380, 260)};
        for (int i = 0; i < 3; ++i)
            QVERIFY(scene->addFromPalette(PaletteKind::Combined, spots[i]) != 0);
        QVERIFY(scene->addFromPalette(PaletteKind::HAProxy, spots[3]) != 0);
        QCOMPARE(topo().hosts.size(), 4);
        for (int i = 0; i < 3; ++i) {
            const Host &h = topo().hosts.at(i);
            QCOMPARE(h.name, QStringLiteral("node%1").arg(i + 1));
            QCOMPARE(h.address, QStringLiteral("10.104.0.%1").arg(i + 1));
            QCOMPARE(h.subnet, QStringLiteral("db"));
            QVERIFY(h.has(Role::Postgres) && h.has(Role::Etcd) && !h.has(Role::HAProxy));
        }
        // The new HAProxy node is selected: rename it and give it the guide's address in the inspector.
        QCOMPARE(scene->selectedHostUids(), QList<quint32>{topo().hosts.at(3).uid});
        typeInto(child<QLineEdit>(&w(), "hostName"), QStringLiteral("HAProxy-demo"));
        typeInto(child<QLineEdit>(&w(), "hostAddress"), QStringLiteral("10.104.0.6"));
        const Host *lb = topo().hostByName(QStringLiteral("HAProxy-demo"));
        QVERIFY(lb);
        QCOMPARE(lb->address, QStringLiteral("10.104.0.6"));
        QVERIFY(lb->has(Role::HAProxy) && !lb->has(Role::Postgres));

        // The design is now the reference cluster's shape: no errors in the findings panel.
        QVERIFY(waitAnalysed(w()));
        const Findings &f = w().findingsPanel()->model()->findings();
        QCOMPARE(countSeverity(f, Severity::Error), 0);
        QVERIFY(!hasFinding(f, QStringLiteral("etcd-quorum")));
        QCOMPARE(topo().count(Role::Postgres), 3);
        QCOMPARE(topo().count(Role::Etcd), 3);
        QCOMPARE(topo().count(Role::HAProxy), 1);
        // Each edit was one undo command: the subnet, 4 hosts, 2 host edits. (The first subnet is
        // already called db with 10.104.0.0/24: typing the values it has adds no step.)
        QCOMPARE(w().document()->undoStack()->count(), 7);
    }

    void etcdQuorum_data()
    {
        QTest::addColumn<QStringList>("untick");
        QTest::addColumn<int>("expectedSeverity");  // -1 = no etcd-quorum finding
        QTest::newRow("three members: fine") << QStringList() << -1;
        QTest::newRow("two members: even count") << QStringList{QStringLiteral("node3")} << int(Severity::Warning);
        QTest::newRow("one member: no tolerance") << QStringList{QStringLiteral("node2"), QStringLiteral("node3")}
                                                  << int(Severity::Warning);
        QTest::newRow("no member: error") << QStringList{QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}
                                          << int(Severity::Error);
    }
    void etcdQuorum()
    {
        QFETCH(QStringList, untick);
        QFETCH(int, expectedSeverity);
        const auto panelHas = [&](Severity *sev) {
            return hasFinding(w().findingsPanel()->model()->findings(), QStringLiteral("etcd-quorum"), sev);
        };
        for (const QString &name : untick) {
            select(name);
            QCheckBox *etcd = child<QCheckBox>(&w(), "roleEtcd");
            QVERIFY(etcd->isChecked());
            etcd->click();
        }
        QCOMPARE(topo().count(Role::Etcd), 3 - untick.size());
        QVERIFY(waitAnalysed(w()));
        Severity sev = Severity::Info;
        QCOMPARE(panelHas(&sev), expectedSeverity >= 0);
        if (expectedSeverity >= 0)
            QCOMPARE(int(sev), expectedSeverity);
        // Ticking them again makes the finding disappear.
        for (const QString &name : untick) {
            select(name);
            child<QCheckBox>(&w(), "roleEtcd")->click();
        }
        QVERIFY(waitAnalysed(w()));
        QVERIFY(!panelHas(nullptr));
        // The badge on the canvas follows: node1 wears no error marker once the design is whole again.
        QVERIFY(w().scene()->hostItem(uidOf(QStringLiteral("node1"))));
    }

    void quickFixAddsEtcdMember()
    {
        select(QStringLiteral("node3"));
        child<QCheckBox>(&w(), "roleEtcd")->click();
        QVERIFY(waitAnalysed(w()));
        FindingsPanel *panel = w().findingsPanel();
        int row = -1;
        for (int i = 0; i < panel->model()->rowCount(); ++i) {
            if (panel->model()->findingAt(i)->ruleId == QLatin1String("etcd-quorum"))
                row = i;
        }
        QVERIFY(row >= 0);
        QVERIFY(!panel->model()->findingAt(row)->quickFix.isEmpty());
        const int steps = w().document()->undoStack()->count();
        panel->view()->setCurrentIndex(panel->model()->index(row, 0));
        QPushButton *button = child<QPushButton>(&w(), "quickFixButton");
        QVERIFY(button->isEnabled());
        button->click();
        QCOMPARE(topo().count(Role::Etcd) % 2, 1);
        QVERIFY(topo().count(Role::Etcd) >= 3);
        QCOMPARE(w().document()->undoStack()->count(), steps + 1);
        QVERIFY(waitAnalysed(w()));
        QVERIFY(!hasFinding(panel->model()->findings(), QStringLiteral("etcd-quorum")));
        w().document()->undoStack()->undo();
        QCOMPARE(topo().count(Role::Etcd), 2);
    }

    void undoRedoRestoresExactModel()
    {
        QUndoStack *stack = w().document()->undoStack();
        QList<Topology> states{topo()};
        DesignScene *scene = w().scene();

        scene->addFromPalette(PaletteKind::Database, QPointF(200, 200));
        states << topo();
        typeInto(child<QLineEdit>(&w(), "hostName"), QStringLiteral("replica9"));
        states << topo();
        child<QCheckBox>(&w(), "tagNofailover")->click();
        states << topo();
        scene->nudgeSelection(QPointF(10, 0));
        scene->nudgeSelection(QPointF(10, 0));  // merges with the previous nudge
        states << topo();
        scene->selectOnly({}, {});
        QCoreApplication::processEvents();
        QSpinBox *ttl = child<QSpinBox>(&w(), "cluster_patroni_ttl");
        ttl->setValue(25);
        ttl->setValue(24);  // merges: one step per field
        states << topo();
        select(QStringLiteral("node2"));
        scene->deleteSelection();
        states << topo();
        QCOMPARE(stack->count(), states.size() - 1);

        for (int i = states.size() - 2; i >= 0; --i) {
            stack->undo();
            QCOMPARE(topo(), states.at(i));
        }
        for (int i = 1; i < states.size(); ++i) {
            stack->redo();
            QCOMPARE(topo(), states.at(i));
        }
        // The canvas mirrors the model after all that: one card per host, where the model says.
        for (const Host &h : topo().hosts) {
            HostItem *item = scene->hostItem(h.uid);
            QVERIFY(item);
            QCOMPARE(item->pos(), QPointF(h.pos.x, h.pos.y));
        }
    }

    void previewFollowsEdit()
    {
        PreviewPanel *preview = w().previewPanel();
        QVERIFY(preview->fileCount() > 0);
        const Host *node1 = topo().hostByName(QStringLiteral("node1"));
        QString patroniPath;
        for (const GeneratedFile &f : w().analyzer()->bundle().files) {
            if (f.host == node1->name && f.path.contains(QLatin1String("patroni")) && f.path.endsWith(QLatin1String(".yml")))
                patroniPath = f.path;
        }
        QVERIFY2(!patroniPath.isEmpty(), "no patroni config generated for node1");
        preview->selectFile(QStringLiteral("node1"), patroniPath);
        QCOMPARE(preview->currentPath(), patroniPath);
        QVERIFY(preview->shownText().contains(QLatin1String("ttl: 30")));

        w().scene()->selectOnly({}, {});
        child<QSpinBox>(&w(), "cluster_patroni_ttl")->setValue(31);
        QVERIFY(waitAnalysed(w()));
        QCOMPARE(preview->currentPath(), patroniPath);
        QVERIFY2(preview->shownText().contains(QLatin1String("ttl: 31")), qPrintable(preview->shownText().left(400)));

        // The diff against the last export shows the changed line.
        QVERIFY(exportAndWait(m_tmp.filePath(QStringLiteral("before-diff.tar.gz"))));
        child<QSpinBox>(&w(), "cluster_patroni_ttl")->setValue(35);
        QVERIFY(waitAnalysed(w()));
        preview->setDiffMode(true);
        QVERIFY(preview->shownText().contains(QLatin1String("- ")));
        QVERIFY(preview->shownText().contains(QLatin1String("ttl: 31")));
        QVERIFY(preview->shownText().contains(QLatin1String("ttl: 35")));
        preview->setDiffMode(false);
    }

    void poolerInInspector()
    {
        // The PgBouncer fields: the choices are core's (poolModes, placements), the finding the validator's.
        w().scene()->selectOnly({}, {});
        QCoreApplication::processEvents();
        QVERIFY(!topo().cluster.pooler.enabled);
        child<QCheckBox>(&w(), "cluster_pooler_enabled")->click();
        QVERIFY(topo().cluster.pooler.enabled);
        QVERIFY(waitAnalysed(w()));
        QVERIFY(hasFinding(w().findingsPanel()->model()->findings(), QStringLiteral("pooler-prepared-statements")));
        QVERIFY(w().analyzer()->bundle().find(QStringLiteral("node1"), QStringLiteral("/etc/pgbouncer/pgbouncer.ini")));
        auto *mode = child<QComboBox>(&w(), "cluster_pooler_pool_mode");
        QCOMPARE(mode->currentData().toString(), QStringLiteral("transaction"));
        const int session = mode->findData(QStringLiteral("session"));
        QVERIFY(session >= 0);
        mode->setCurrentIndex(session);
        emit mode->activated(session);
        QCOMPARE(topo().cluster.pooler.poolMode, QStringLiteral("session"));
        QVERIFY(waitAnalysed(w()));
        QVERIFY(!hasFinding(w().findingsPanel()->model()->findings(), QStringLiteral("pooler-prepared-statements")));
        auto *placement = child<QComboBox>(&w(), "cluster_pooler_placement");
        const int lb = placement->findData(QStringLiteral("haproxy"));
        placement->setCurrentIndex(lb);
        emit placement->activated(lb);
        QCOMPARE(topo().cluster.pooler.placement, PoolerPlacement::HAProxy);
        // Undo puts the design back as it was.
        QUndoStack *stack = w().document()->undoStack();
        stack->undo();
        stack->undo();
        stack->undo();
        QVERIFY(!topo().cluster.pooler.enabled);
        QCOMPARE(topo().cluster.pooler, PoolerSettings());
    }

    void exportEqualsCli()
    {
        // One secrets file for both: the window reads it as the dialog's "Load file" would.
        // Complete: passwords and the TLS material of the design, so that neither side issues its own.
        Secrets s;
        SecretStore::fillMissing(&s);
        QVERIFY(ClusterTls::fillMissing(topo(), &s).ok());
        const QString secretsPath = m_tmp.filePath(QStringLiteral("secrets.yaml"));
        QVERIFY(SecretStore::saveFile(s, secretsPath).ok());
        const Result<Secrets> loaded = SecretStore::loadFile(secretsPath);
        QVERIFY(loaded.ok());
        w().setSecrets(loaded.value());

        const QString project = m_tmp.filePath(QStringLiteral("export.pgha.yaml"));
        QVERIFY(w().saveTo(project));
        const QString guiArchive = m_tmp.filePath(QStringLiteral("gui.tar.gz"));
        const QString cliArchive = m_tmp.filePath(QStringLiteral("cli.tar.gz"));
        QVERIFY(exportAndWait(guiArchive));

        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &k : env.keys()) {
            if (k.startsWith(QLatin1String("PGHA_")))
                env.remove(k);  // the file, not the environment, must decide
        }
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(PGHA_BINARY_DIR "/src/cli/pgha"),
                  {QStringLiteral("export"), project, QStringLiteral("-o"), cliArchive, QStringLiteral("--secrets"), secretsPath});
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());

        QFile a(guiArchive), b(cliArchive);
        QVERIFY(a.open(QIODevice::ReadOnly));
        QVERIFY(b.open(QIODevice::ReadOnly));
        const QByteArray guiBytes = a.readAll();
        QVERIFY(guiBytes.size() > 100);
        QCOMPARE(guiBytes, b.readAll());
    }

    void openSaveReopen()
    {
        // Move something so that positions are part of the round trip.
        select(QStringLiteral("node2"));
        w().scene()->nudgeSelection(QPointF(30, -20));
        const Topology before = topo();
        const QString first = m_tmp.filePath(QStringLiteral("round1.pgha.yaml"));
        const QString second = m_tmp.filePath(QStringLiteral("round2.pgha.yaml"));
        QVERIFY(w().saveTo(first));
        QVERIFY(!w().isWindowModified());

        MainWindow other;
        other.setVault(std::make_shared<MemoryVault>());
        QVERIFY(other.openFile(first));
        QCOMPARE(other.document()->topology(), before);
        QVERIFY(other.saveTo(second));
        QFile f1(first), f2(second);
        QVERIFY(f1.open(QIODevice::ReadOnly) && f2.open(QIODevice::ReadOnly));
        QCOMPARE(f1.readAll(), f2.readAll());
        other.document()->markClean();
    }

    // Extra settings (cluster.extra, hosts[].extra; docs/project-file.md) have no editor: opening a design, editing
    // other fields (a host renamed, a timer) and saving keeps them as they were.
    void extraSettingsSurviveEditsAndSave()
    {
        Topology t = ProjectFile::referenceTopology();
        t.cluster.extra.patroni = QStringLiteral("log:\n  level: INFO\n");
        t.cluster.extra.haproxyGlobal << QStringLiteral("tune.bufsize 32768");
        t.hosts[1].extra.patroni = QStringLiteral("tags:\n  zone: a\n");
        t.hosts[1].extra.etcd.insert(QStringLiteral("ETCD_LOG_LEVEL"), QStringLiteral("warn"));
        const QString path = m_tmp.filePath(QStringLiteral("extra.pgha.yaml"));
        QVERIFY(ProjectFile::save(t, path).ok());
        QVERIFY(w().openFile(path));
        QCOMPARE(topo().hosts[1].extra, t.hosts[1].extra);
        const QString name = t.hosts[1].name;
        select(name);
        typeInto(child<QLineEdit>(&w(), "hostName"), name + QStringLiteral("x"));
        w().scene()->selectOnly({}, {});
        QCoreApplication::processEvents();
        child<QSpinBox>(&w(), "cluster_patroni_ttl")->setValue(25);
        const QString saved = m_tmp.filePath(QStringLiteral("extra-saved.pgha.yaml"));
        QVERIFY(w().saveTo(saved));
        const Result<LoadedProject> back = ProjectFile::load(saved);
        QVERIFY(back.ok());
        QCOMPARE(back->topology.cluster.patroni.ttl, 25);
        QCOMPARE(back->topology.cluster.extra, t.cluster.extra);
        const Host *h = back->topology.hostByName(name + QStringLiteral("x"));
        QVERIFY(h);
        QCOMPARE(h->extra, t.hosts[1].extra);
    }

    void unsavedChangesPrompt()
    {
        select(QStringLiteral("node1"));
        w().scene()->nudgeSelection(QPointF(0, 10));
        QVERIFY(w().document()->isModified());
        const Topology edited = topo();

        MessageBox::setNextAnswer(QMessageBox::Cancel);
        QVERIFY(!w().newFromTemplate(QStringLiteral("empty")));
        QCOMPARE(topo(), edited);

        MessageBox::setNextAnswer(QMessageBox::Discard);
        QVERIFY(w().newFromTemplate(QStringLiteral("five-nodes")));
        QVERIFY(!w().document()->isModified());
        QVERIFY(topo().count(Role::Postgres) >= 5);
    }

    void findingSelectsItem()
    {
        QVERIFY(waitAnalysed(w()));
        const Findings &f = w().findingsPanel()->model()->findings();
        const auto it = std::find_if(f.cbegin(), f.cend(), [](const Finding &x) { return x.subject.startsWith(QLatin1String("hosts/")); });
        QVERIFY2(it != f.cend(), "the reference design should have a finding about a host");
        const QString name = it->subject.mid(6);
        w().scene()->selectOnly({}, {});
        w().activateFinding(*it);
        QCOMPARE(w().scene()->selectedHostUids(), QList<quint32>{uidOf(name)});
        // The host's card wears a badge for it.
        QVERIFY(w().scene()->hostItem(uidOf(name))->findingCount() > 0);
    }

    void dragIntoOtherZoneRehomes()
    {
        // Dragging a card into another subnet's zone moves it there with that subnet's next free address,
        // as one undo step.
        const quint32 uid = uidOf(QStringLiteral("HAProxy-demo"));
        const Subnet *clients = topo().subnetByName(QStringLiteral("clients"));
        QVERIFY(clients && clients->rect.width > 0);
        const int steps = w().document()->undoStack()->count();
        HostItem *item = w().scene()->hostItem(uid);
        item->setPos(clients->rect.x + 40, clients->rect.y + 40);
        w().scene()->commitMoves(false);
        const Host *lb = topo().hostByUid(uid);
        QCOMPARE(lb->subnet, QStringLiteral("clients"));
        QCOMPARE(lb->address, QStringLiteral("10.20.0.1"));
        QCOMPARE(w().document()->undoStack()->count(), steps + 1);
        w().document()->undoStack()->undo();
        QCOMPARE(topo().hostByUid(uid)->subnet, QStringLiteral("db"));
        QCOMPARE(topo().hostByUid(uid)->address, QStringLiteral("10.104.0.6"));
    }

    void copyPasteRenames()
    {
        select(QStringLiteral("node3"));
        const QByteArray clip = w().scene()->copySelection();
        QVERIFY(!clip.isEmpty());
        w().scene()->paste(clip);
        const Host *copy = topo().hostByName(QStringLiteral("node4"));
        QVERIFY(copy);
        QCOMPARE(copy->subnet, QStringLiteral("db"));
        QCOMPARE(copy->address, QStringLiteral("10.104.0.4"));
        QCOMPARE(copy->roles, topo().hostByName(QStringLiteral("node3"))->roles);
        QCOMPARE(w().scene()->selectedHostUids(), QList<quint32>{copy->uid});
    }

    void autosaveRecovery()
    {
        // A file left by a process that is gone is offered, and restored as an unsaved design.
        for (const Autosave::Orphan &o : Autosave::orphans())
            Autosave::discard(o);
        const QString orphan = writeOrphan(QStringLiteral("crashed_cluster"), 999999999, 10);
        QVERIFY(!orphan.isEmpty());
        MessageBox::setNextAnswer(QMessageBox::Yes);
        w().offerRecovery();
        QCOMPARE(topo().cluster.name, QStringLiteral("crashed_cluster"));
        QVERIFY(w().document()->isModified());
        QVERIFY(!QFile::exists(orphan));
        w().autosaveNow();
        QVERIFY(QFile::exists(Autosave::fileForThisProcess()));
        Autosave::removeOwn();
    }

    void autosaveRecoveryOffersEachAndKeepsWhatFails()
    {
        for (const Autosave::Orphan &o : Autosave::orphans())
            Autosave::discard(o);
        // Newest first: a broken copy, one the person declines, one they recover, and one after that.
        const QString broken = writeOrphan({}, 999999991, 10, "cluster: [unclosed\n");
        const QString declined = writeOrphan(QStringLiteral("declined_cluster"), 999999992, 20);
        const QString wanted = writeOrphan(QStringLiteral("wanted_cluster"), 999999993, 30);
        const QString later = writeOrphan(QStringLiteral("later_cluster"), 999999994, 40);
        QVERIFY(!broken.isEmpty() && !declined.isEmpty() && !wanted.isEmpty() && !later.isEmpty());
        QCOMPARE(Autosave::orphans().size(), 4);

        MessageBox::takeShown();
        MessageBox::setNextAnswer(QMessageBox::Yes);  // the broken one: fails, reported
        MessageBox::setNextAnswer(QMessageBox::Ok);   // ... the report
        MessageBox::setNextAnswer(QMessageBox::No);   // declined
        MessageBox::setNextAnswer(QMessageBox::Yes);  // recovered
        w().offerRecovery();
        QVERIFY(!MessageBox::hasNextAnswer());
        const QStringList shown = MessageBox::takeShown();
        QCOMPARE(shown.size(), 4);
        QVERIFY2(shown.at(1).contains(QDir::toNativeSeparators(broken)), qPrintable(shown.at(1)));  // names the kept file
        QCOMPARE(topo().cluster.name, QStringLiteral("wanted_cluster"));
        QVERIFY(QFile::exists(broken));     // could not be loaded: kept
        QVERIFY(!QFile::exists(declined));  // declined: gone
        QVERIFY(!QFile::exists(wanted));    // recovered: gone (the window's own autosave holds it)
        QVERIFY(QFile::exists(later));      // not asked about yet: kept
        QVERIFY(QFile::exists(Autosave::fileForThisProcess()));

        // Offered again later: Cancel keeps both.
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        w().offerRecovery();
        QVERIFY(QFile::exists(broken) && QFile::exists(later));
        QCOMPARE(MessageBox::takeShown().size(), 1);
        for (const Autosave::Orphan &o : Autosave::orphans())
            Autosave::discard(o);
        Autosave::removeOwn();
    }

    void diagramExport()
    {
        const QString png = m_tmp.filePath(QStringLiteral("diagram.png"));
        const QString svg = m_tmp.filePath(QStringLiteral("diagram.svg"));
        QVERIFY(w().exportDiagram(png));
        QVERIFY(w().exportDiagram(svg));
        QImage image(png);
        QVERIFY(image.width() > 400 && image.height() > 200);
        QVERIFY2(imageStats(image, image.rect()).distinctColours > 50, "the exported PNG is (nearly) one colour");
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("node1"));
        // No secret of the session in the picture.
        const QStringList secrets = SecretMask::values(w().secrets());
        QVERIFY(!secrets.isEmpty());
        for (const QString &v : secrets)
            QVERIFY2(!text.contains(v.toUtf8()), "a secret is in the SVG export");
    }

    void previewMasksSecrets()
    {
        const QStringList secrets = SecretMask::values(w().secrets());
        PreviewPanel *preview = w().previewPanel();
        QString withSecret;
        for (const GeneratedFile &f : w().analyzer()->bundle().files) {
            for (const QString &v : secrets) {
                if (withSecret.isEmpty() && f.host == QLatin1String("node1") && QString::fromUtf8(f.content).contains(v))
                    withSecret = f.path;
            }
        }
        QVERIFY2(!withSecret.isEmpty(), "no file of node1 holds a secret");
        preview->selectFile(QStringLiteral("node1"), withSecret);
        QCOMPARE(preview->currentPath(), withSecret);
        QVERIFY(!preview->secretsRevealed());
        const auto containsSecret = [&](const QString &text) {
            return std::any_of(secrets.cbegin(), secrets.cend(), [&](const QString &v) { return text.contains(v); });
        };
        QVERIFY2(!containsSecret(preview->shownText()), "the preview shows a secret by default");
        QVERIFY(preview->shownText().contains(SecretMask::kMask));
        child<QToolButton>(&w(), "previewRevealSecrets")->click();
        QVERIFY(preview->secretsRevealed());
        QVERIFY(containsSecret(preview->shownText()));
        child<QToolButton>(&w(), "previewRevealSecrets")->click();
        QVERIFY(!containsSecret(preview->shownText()));
    }

    void subnetCidrNeverOverlaps()
    {
        // An existing 10.104.0.128/25 blocks 10.104.0.0/24: a new subnet from the palette takes another /24.
        w().scene()->selectOnly({}, {topo().subnetByName(QStringLiteral("db"))->uid});
        QCoreApplication::processEvents();
        typeInto(child<QLineEdit>(&w(), "subnetCidr"), QStringLiteral("10.104.0.128/25"));
        QCOMPARE(topo().subnetByName(QStringLiteral("db"))->cidr, QStringLiteral("10.104.0.128/25"));
        const quint32 uid = w().scene()->addFromPalette(PaletteKind::Subnet, QPointF(-900, -900));
        const Subnet *added = topo().subnetByUid(uid);
        QVERIFY(added);
        for (const Subnet &s : topo().subnets) {
            if (s.uid != uid)
                QVERIFY2(!EditRules::cidrsOverlap(s.cidr, added->cidr), qPrintable(s.cidr + QStringLiteral(" / ") + added->cidr));
        }
    }

    void inspectorAndDragMoveHostsAlike()
    {
        // The inspector and a drag into the zone follow one rule: an address that fits the new subnet stays.
        const quint32 uid = uidOf(QStringLiteral("HAProxy-demo"));
        select(QStringLiteral("HAProxy-demo"));
        typeInto(child<QLineEdit>(&w(), "hostAddress"), QStringLiteral("10.20.0.9"));  // fits clients, not db
        const Subnet *clients = topo().subnetByName(QStringLiteral("clients"));
        QVERIFY(clients);
        HostItem *item = w().scene()->hostItem(uid);
        item->setPos(clients->rect.x + 40, clients->rect.y + 40);
        w().scene()->commitMoves(false);
        QCOMPARE(topo().hostByUid(uid)->subnet, QStringLiteral("clients"));
        QCOMPARE(topo().hostByUid(uid)->address, QStringLiteral("10.20.0.9"));
        w().document()->undoStack()->undo();
        // The same through the inspector's subnet box.
        select(QStringLiteral("HAProxy-demo"));
        QComboBox *subnet = child<QComboBox>(&w(), "hostSubnet");
        const int index = subnet->findData(QStringLiteral("clients"));
        QVERIFY(index >= 0);
        subnet->setCurrentIndex(index);
        emit subnet->activated(index);
        QCOMPARE(topo().hostByUid(uid)->subnet, QStringLiteral("clients"));
        QCOMPARE(topo().hostByUid(uid)->address, QStringLiteral("10.20.0.9"));
    }

    void deployPageShowsPlanOnOpen()
    {
        auto *tabs = child<QTabWidget>(&w(), "modeTabs");
        auto *page = child<DeployPage>(&w(), "DeployPage");
        page->setJournalPath(m_tmp.filePath(QStringLiteral("plan.journal.json")));
        QSignalSpy ready(page, &DeployPage::planReady);
        tabs->setCurrentWidget(page);
        QVERIFY(ready.count() > 0 || ready.wait(30000));
        auto *tree = child<QTreeWidget>(page, "hostTree");
        QCOMPARE(tree->topLevelItemCount(), 4);
        int steps = 0;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            QTreeWidgetItem *host = tree->topLevelItem(i);
            QVERIFY(host->childCount() > 0);
            steps += host->childCount();
            for (int j = 0; j < host->childCount(); ++j) {
                QCOMPARE(host->child(j)->text(1), QStringLiteral("pending"));
                QVERIFY2(!host->child(j)->text(2).isEmpty(), qPrintable(host->child(j)->text(0)));  // what it changes
            }
        }
        auto *progress = child<QProgressBar>(page, "deployProgress");
        QCOMPARE(progress->maximum(), steps);
        QCOMPARE(progress->value(), 0);
        // The state column fits its longest state.
        const int needed = tree->fontMetrics().horizontalAdvance(QStringLiteral("done (nothing to change)"));
        QVERIFY2(tree->columnWidth(1) >= needed, qPrintable(QStringLiteral("%1 < %2").arg(tree->columnWidth(1)).arg(needed)));
        const QString dir = QStringLiteral(PGHA_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        QTest::qWait(50);
        const QImage shot = w().grab().toImage();
        QVERIFY(shot.save(dir + QStringLiteral("/deploy-plan.png")));
        checkRegionShowsWidget(shot, tree);
        tabs->setCurrentIndex(0);
    }

    void hostKeysInOneDialog()
    {
        auto *page = child<DeployPage>(&w(), "DeployPage");
        auto *runner = page->findChild<DeployRunner *>();
        QVERIFY(runner);
        MessageBox::takeShown();
        MessageBox::setNextAnswer(QMessageBox::Yes);
        for (int i = 1; i <= 4; ++i) {
            SshQuestion q;
            q.kind = SshQuestion::Kind::UnknownHostKey;
            q.hostName = QStringLiteral("node%1").arg(i);
            q.address = QStringLiteral("10.104.0.%1").arg(i);
            q.keyType = QStringLiteral("ssh-ed25519");
            q.fingerprint = QStringLiteral("SHA256:fingerprint%1").arg(i);
            q.detail = m_tmp.filePath(QStringLiteral("known_hosts"));
            emit runner->question(100 + i, q);
            QTest::qWait(20);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!MessageBox::hasNextAnswer(), 5000);
        QTest::qWait(500);  // a second dialog would come now
        const QStringList shown = MessageBox::takeShown();
        QCOMPARE(shown.size(), 1);
        for (int i = 1; i <= 4; ++i) {
            QVERIFY(shown.first().contains(QStringLiteral("node%1 (10.104.0.%1)").arg(i)));
            QVERIFY(shown.first().contains(QStringLiteral("SHA256:fingerprint%1").arg(i)));
        }
    }

    void credentialsThroughTheHook()
    {
        auto *page = child<DeployPage>(&w(), "DeployPage");
        auto *runner = page->findChild<DeployRunner *>();
        MessageBox::takeShown();
        MessageBox::setNextText(QStringLiteral("passphrase-typed"));
        SshQuestion q;
        q.kind = SshQuestion::Kind::KeyPassphrase;
        q.hostName = QStringLiteral("node2");
        q.detail = QStringLiteral("/root/.ssh/id_ed25519");
        emit runner->question(200, q);
        const QStringList shown = MessageBox::takeShown();  // asked at once, answered from the queue
        QCOMPARE(shown, QStringList{QStringLiteral("Credentials for node2: Passphrase of the key /root/.ssh/id_ed25519:")});
        QTest::qWait(20);
        // No dialog was left open, and the typed text is not in what the hook kept.
        for (QWidget *tl : QApplication::topLevelWidgets())
            QVERIFY(!(tl->isVisible() && tl->objectName() == QLatin1String("credentialDialog")));
    }

    // File ▸ Lint Configuration Files…: the guide's files judged off the GUI thread, each finding with file:line; a
    // YAML error is shown with its position instead of findings.
    void lintConfigurationFiles()
    {
        const QString guide = QStringLiteral(PGHA_SOURCE_DIR "/tests/lint/guide/");
        auto *action = w().findChild<QAction *>(QStringLiteral("lintFilesAction"));
        QVERIFY(action);
        const int edits = w().document()->undoStack()->count();
        LintDialog *dialog = w().lintConfigurationFiles({guide + QStringLiteral("patroni-fixed.yml"),
                                                         guide + QStringLiteral("haproxy.cfg")});
        QVERIFY(dialog);
        QSignalSpy done(dialog, &LintDialog::finished);
        QVERIFY(dialog->isRunning() || done.count() == 1);
        QVERIFY(done.count() == 1 || done.wait(10000));
        QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
        auto *tree = dialog->findChild<QTreeWidget *>(QStringLiteral("lintFindings"));
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), int(dialog->report().findings.size()));
        QStringList where;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            where << tree->topLevelItem(i)->text(1) + QLatin1Char(' ') + tree->topLevelItem(i)->text(2);
        QVERIFY2(where.contains(QStringLiteral("patroni-fixed.yml:10:5: etcd.host patroni-single-etcd")),
                 qPrintable(where.join(QLatin1Char('\n'))));
        QVERIFY2(where.contains(QStringLiteral("haproxy.cfg:23:1: default-server inter 3s fall 3 rise 2 "
                                               "on-marked-down shutdown-sessions haproxy-slow-checks")),
                 qPrintable(where.join(QLatin1Char('\n'))));
        // The design in the window is not touched.
        QCOMPARE(w().document()->undoStack()->count(), edits);

        QVERIFY(dialog->lintFiles({guide + QStringLiteral("patroni.yml")}));
        QVERIFY(done.wait(10000));
        QVERIFY2(dialog->errorText().contains(QStringLiteral("patroni.yml:34:2")), qPrintable(dialog->errorText()));
        QCOMPARE(tree->topLevelItemCount(), 0);
        dialog->close();
    }

    void monitorTabAfterDeploy()
    {
        auto *tabs = child<QTabWidget>(&w(), "modeTabs");
        auto *page = child<DeployPage>(&w(), "DeployPage");
        tabs->setCurrentWidget(page);
        emit page->deployFinished(DeployRunner::Outcome::Failed, QStringLiteral("failed"));
        QCOMPARE(tabs->currentWidget(), page);  // a failed deploy stays where its log is
        emit page->deployFinished(DeployRunner::Outcome::Done, QStringLiteral("done"));
        QCOMPARE(tabs->currentIndex(), 2);
        QCOMPARE(tabs->currentWidget(), child<QWidget>(&w(), "DashboardPage"));
        tabs->setCurrentIndex(0);
    }

    // "Renew certificates" on the Monitor tab: the rollout is prepared off the GUI thread, shown on the Deploy page
    // and confirmed; declined, nothing is written (the secrets file as it was, no copy, no journal).
    void renewCertificatesFromMonitorTab()
    {
        auto *tabs = child<QTabWidget>(&w(), "modeTabs");
        auto *page = child<DeployPage>(&w(), "DeployPage");
        QVERIFY(topo().cluster.security.tls);
        Secrets s;
        SecretStore::fillMissing(&s);
        QVERIFY(ClusterTls::fillMissing(topo(), &s).ok());
        const QString secretsFile = m_tmp.filePath(QStringLiteral("renew-secrets.yaml"));
        QVERIFY(SecretStore::saveFile(s, secretsFile).ok());
        QFile f(secretsFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        page->setSecretsFile(secretsFile);
        const QString journal = m_tmp.filePath(QStringLiteral("renew-test.journal.json"));
        page->setJournalPath(journal);
        tabs->setCurrentIndex(2);
        auto *button = child<QPushButton>(&w(), "renewCertsButton");
        QVERIFY(button->isEnabled());
        MessageBox::takeShown();
        MessageBox::setNextAnswer(QMessageBox::No);
        button->click();
        QCOMPARE(tabs->currentWidget(), page);
        auto *status = child<QLabel>(page, "deployStatus");
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("not confirmed")), 30000);
        const QStringList shown = MessageBox::takeShown();
        QCOMPARE(shown.size(), 1);
        QVERIFY2(shown.first().startsWith(QStringLiteral("Renew certificates: Renew the certificates of cluster")),
                 qPrintable(shown.first()));
        QVERIFY2(shown.first().contains(QStringLiteral("admin")), qPrintable(shown.first()));
        auto *tree = child<QTreeWidget>(page, "hostTree");
        QVERIFY(tree->topLevelItemCount() > 0);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        f.close();
        QVERIFY(!QFileInfo::exists(secretsFile + QStringLiteral(".before-renew")));
        QVERIFY(!QFileInfo::exists(journal + QStringLiteral(".renew.json")));
        tabs->setCurrentIndex(0);
    }

    void screenshots()
    {
        const QString dir = QStringLiteral(PGHA_BINARY_DIR "/screenshots");
        QVERIFY(QDir().mkpath(dir));
        select(QStringLiteral("node1"));
        w().view()->fitToWindow();
        QVERIFY(waitAnalysed(w()));
        QTest::qWait(50);

        // The whole window: its size, not blank, and the canvas, inspector and findings where they are.
        const QImage designer = w().grab().toImage();
        QVERIFY(designer.save(dir + QStringLiteral("/designer.png")));
        QCOMPARE(designer.size(), w().size() * w().devicePixelRatio());
        QVERIFY2(imageStats(designer, designer.rect()).distinctColours > 200, "the window screenshot is nearly blank");
        checkRegionShowsWidget(designer, w().view());
        checkRegionShowsWidget(designer, child<QWidget>(&w(), "findingsView"));
        checkRegionShowsWidget(designer, child<QWidget>(&w(), "inspectorDock"));
        // Every host card is drawn on the canvas where the scene puts it (its region is not background).
        for (const Host &h : topo().hosts) {
            HostItem *item = w().scene()->hostItem(h.uid);
            const QRect inView = w().view()->mapFromScene(item->sceneBoundingRect()).boundingRect();
            const QRect inWindow(w().view()->viewport()->mapTo(&w(), inView.topLeft()), inView.size());
            const QRect visible = inWindow.intersected(QRect(w().view()->viewport()->mapTo(&w(), QPoint(0, 0)), w().view()->viewport()->size()));
            QVERIFY2(visible.width() > 20 && visible.height() > 20, qPrintable(h.name + QStringLiteral(" is not on screen")));
            QVERIFY2(imageStats(designer, visible).distinctColours > 8, qPrintable(h.name + QStringLiteral(" card is blank")));
        }

        QDockWidget *findingsDock = child<QDockWidget>(&w(), "findingsDock");
        const QImage findings = findingsDock->grab().toImage();
        QVERIFY(findings.save(dir + QStringLiteral("/findings.png")));
        QVERIFY2(imageStats(findings, findings.rect()).distinctColours > 20, "the findings screenshot is nearly blank");

        QDockWidget *previewDock = child<QDockWidget>(&w(), "previewDock");
        previewDock->raise();
        w().resizeDocks({previewDock}, {640}, Qt::Horizontal);
        for (const GeneratedFile &f : w().analyzer()->bundle().files) {
            if (f.host == QLatin1String("node1") && f.path.startsWith(QLatin1String("/etc/patroni/")) && f.path.endsWith(QLatin1String(".yml")))
                w().previewPanel()->selectFile(f.host, f.path);
        }
        QTest::qWait(50);
        const QImage preview = previewDock->grab().toImage();
        QVERIFY(preview.save(dir + QStringLiteral("/preview.png")));
        checkRegionShowsWidget(preview, child<QWidget>(&w(), "previewText"), previewDock);
        // The text shown in the picture: the file, its secrets masked.
        const QString shown = w().previewPanel()->shownText();
        QVERIFY(shown.contains(QLatin1String("scope:")));
        for (const QString &v : SecretMask::values(w().secrets()))
            QVERIFY2(!shown.contains(v), "a secret is in the preview screenshot");
        const QImage whole = w().grab().toImage();
        QVERIFY(whole.save(dir + QStringLiteral("/designer-preview.png")));
        checkRegionShowsWidget(whole, child<QWidget>(&w(), "previewText"));
    }

};

QTEST_MAIN(TestDesigner)
#include "tst_designer.moc"
