// The designer's day-2 parts of issues 9 and 10: the backup block in the inspector (edit -> project value -> undo),
// the Cluster menu's backup actions (enabled only with backups; the same plan and runner as pgha backup / restore),
// the Drift page's Apply… (the plan text of a given drift), the Monitor tab's VIP holder from a recorded answer.
#include "GuiTestSupport.h"
#include "FakeSession.h"

#include "core/generate/Generator.h"
#include "core/model/Secrets.h"
#include "core/parse/PgBackRestInfoParser.h"
#include "core/project/ProjectFile.h"
#include "core/util/DataPaths.h"
#include "deploy/ApplyPlan.h"
#include "deploy/DriftCollector.h"
#include "deploy/DriftSetup.h"
#include "gui/canvas/DesignScene.h"
#include "gui/commands/ChangeValueCommand.h"
#include "gui/dashboard/DashboardPage.h"
#include "gui/dashboard/DriftView.h"
#include "gui/dashboard/VipHolderLabel.h"
#include "gui/deploy/PlanRunDialog.h"
#include "gui/dialogs/BackupsDialog.h"
#include "gui/dialogs/MessageBox.h"
#include "gui/dialogs/RestoreTargetDialog.h"
#include "gui/document/Document.h"
#include "gui/findings/FindingsModel.h"
#include "gui/findings/FindingsPanel.h"
#include "gui/secrets/MemoryVault.h"
#include "gui/window/BackupActions.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QDir>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTranslator>
#include <QTreeWidget>
#include <QUndoStack>

using namespace pgha;
using namespace pgha::test;

namespace {

// PGHA_DAY2_SCREENSHOTS=DIR saves the new dialogs and the inspector's backup group there (to look at them).
void shoot(QWidget *w, const char *name)
{
    const QString dir = qEnvironmentVariable("PGHA_DAY2_SCREENSHOTS");
    if (!dir.isEmpty())
        w->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
}

QByteArray monitorData(const QString &name)
{
    QFile f(QStringLiteral(PGHA_SOURCE_DIR "/tests/monitor/data/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(name));
    return f.readAll();
}

} // namespace

class TestGuiDay2 : public QObject
{
    Q_OBJECT
    std::unique_ptr<MainWindow> m_w;
    MainWindow &w() { return *m_w; }
    const Topology &topo() { return m_w->document()->topology(); }

    // Backups on: the HAProxy host also holds the repository (a finding, but a design the backup verbs accept).
    void giveBackupRole()
    {
        Host h = *topo().hostByName(QStringLiteral("HAProxy-demo"));
        h.roles |= Role::Backup;
        w().document()->undoStack()->push(ChangeValueCommand::host(w().document(), h));
        QVERIFY(waitAnalysed(w()));
    }

    // The backup and restore journals land in the (test mode) data location of the reference cluster.
    static void removeJournals()
    {
        const Result<QString> dir = DataPaths::clusterDir(ProjectFile::referenceTopology().cluster.name);
        if (dir.ok() && dir.value().contains(QLatin1String("qttest")))
            QDir(dir.value()).removeRecursively();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        removeJournals();
    }
    void cleanupTestCase() { removeJournals(); }

    void init()
    {
        m_w = std::make_unique<MainWindow>();
        m_w->setVault(std::make_shared<MemoryVault>());
        m_w->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_w.get()));
        QVERIFY(waitAnalysed(w()));
    }

    void cleanup()
    {
        w().document()->markClean();
        while (MessageBox::hasNextAnswer())
            MessageBox::question(nullptr, {}, {}, QMessageBox::Ok, QMessageBox::Ok);
        for (auto *d : w().findChildren<QDialog *>())
            d->close();
        m_w.reset();
    }

    // Each backup field writes its key of cluster.backup with one undo step, and the validator judges it live.
    void backupInInspector()
    {
        w().scene()->selectOnly({}, {});
        QCoreApplication::processEvents();
        QVERIFY(!topo().cluster.backup.enabled);
        auto *path = child<QLineEdit>(&w(), "cluster_backup_path");
        QVERIFY(!path->isEnabled());  // backups off: nothing to edit yet
        child<QCheckBox>(&w(), "cluster_backup_enabled")->click();
        QVERIFY(topo().cluster.backup.enabled);
        QVERIFY(path->isEnabled());
        shoot(child<QWidget>(&w(), "clusterEditor"), "inspector-backup");
        typeInto(path, QStringLiteral("/srv/pgbackrest"));
        QCOMPARE(topo().cluster.backup.path, QStringLiteral("/srv/pgbackrest"));
        auto *retention = child<QSpinBox>(&w(), "cluster_backup_retention_full");
        retention->setValue(4);
        QCOMPARE(topo().cluster.backup.retentionFull, 4);
        auto *transport = child<QComboBox>(&w(), "cluster_backup_transport");
        const int ssh = transport->findData(QStringLiteral("ssh"));
        QVERIFY(ssh >= 0);
        transport->setCurrentIndex(ssh);
        emit transport->activated(ssh);
        QCOMPARE(topo().cluster.backup.transport, QStringLiteral("ssh"));
        auto *repository = child<QComboBox>(&w(), "cluster_backup_repository");
        const int local = repository->findData(QStringLiteral("local"));
        QVERIFY(local >= 0);
        repository->setCurrentIndex(local);
        emit repository->activated(local);
        QCOMPARE(topo().cluster.backup.repository, QStringLiteral("local"));
        child<QSpinBox>(&w(), "cluster_backup_archive_timeout")->setValue(120);
        child<QSpinBox>(&w(), "cluster_backup_tls_port")->setValue(8433);
        typeInto(child<QLineEdit>(&w(), "cluster_backup_diff"), QString());
        QCOMPARE(topo().cluster.backup.archiveTimeout, 120);
        QCOMPARE(topo().cluster.backup.tlsPort, 8433);
        QVERIFY(topo().cluster.backup.diff.isEmpty());
        child<QCheckBox>(&w(), "cluster_backup_initial_full")->click();
        QVERIFY(topo().cluster.backup.initialFull);
        // Live validation: a schedule outside the accepted OnCalendar form is the rule backup-invalid's error.
        typeInto(child<QLineEdit>(&w(), "cluster_backup_full"), QStringLiteral("every sunday"));
        QVERIFY(waitAnalysed(w()));
        Severity severity = Severity::Info;
        QVERIFY(hasFinding(w().findingsPanel()->model()->findings(), QStringLiteral("backup-invalid"), &severity));
        QCOMPARE(severity, Severity::Error);
        // Undo, step by step, back to no backups at all.
        QUndoStack *stack = w().document()->undoStack();
        QCOMPARE(stack->count(), 10);
        stack->undo();
        QCOMPARE(topo().cluster.backup.full, BackupSettings().full);
        QVERIFY(waitAnalysed(w()));
        QVERIFY(!hasFinding(w().findingsPanel()->model()->findings(), QStringLiteral("backup-invalid")));
        while (stack->canUndo())
            stack->undo();
        QCOMPARE(topo().cluster.backup, BackupSettings());
        QCOMPARE(path->text(), BackupSettings().path);  // the field follows the undo
    }

    // A host of role backup turns backups on without cluster.backup: an edited backup field then keeps the block.
    void backupFieldKeepsTheBlock()
    {
        giveBackupRole();
        w().scene()->selectOnly({}, {});
        QCoreApplication::processEvents();
        auto *path = child<QLineEdit>(&w(), "cluster_backup_path");
        QVERIFY(path->isEnabled());
        QVERIFY(!topo().cluster.backup.enabled);
        typeInto(path, QStringLiteral("/srv/repo"));
        QVERIFY(topo().cluster.backup.enabled);
        QCOMPARE(topo().cluster.backup.path, QStringLiteral("/srv/repo"));
        auto *repository = child<QComboBox>(&w(), "cluster_backup_repository");
        QVERIFY(repository->findData(QStringLiteral("HAProxy-demo")) >= 0);  // the host of role backup is a choice
    }

    void backupActionsOnlyWithBackups()
    {
        BackupActions *a = w().backupActions();
        const QList<QAction *> actions{a->backupNowAction(QStringLiteral("full")), a->backupNowAction(QStringLiteral("diff")),
                                       a->backupNowAction(QStringLiteral("incr")), a->backupsAction(), a->restoreAction()};
        for (QAction *act : actions) {
            QVERIFY(act);
            QVERIFY2(!act->isEnabled(), qPrintable(act->objectName()));
        }
        QVERIFY(!a->backUpNow(QStringLiteral("full")));
        // cluster.backup alone names no repository host: still nothing to run.
        Cluster c = topo().cluster;
        c.backup.enabled = true;
        w().document()->undoStack()->push(ChangeValueCommand::cluster(w().document(), c, QStringLiteral("backup"), QString()));
        QVERIFY(waitAnalysed(w()));
        QVERIFY(!a->backupsAction()->isEnabled());
        giveBackupRole();
        for (QAction *act : actions)
            QVERIFY2(act->isEnabled(), qPrintable(act->objectName()));
        w().document()->undoStack()->undo();
        QVERIFY(waitAnalysed(w()));
        QVERIFY(!a->restoreAction()->isEnabled());
    }

    // Back Up Now: pgha backup's plan in the dialog, run by the runner (a fake host behind the seam) once confirmed.
    void backUpNowRunsThePlan()
    {
        giveBackupRole();
        BackupActions *a = w().backupActions();
        QSignalSpy opened(a, &BackupActions::planDialogOpened);
        QVERIFY(a->backUpNow(QStringLiteral("diff")));
        QVERIFY(opened.wait(15000));
        auto *dialog = opened.first().first().value<PlanRunDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->shownPlanText().contains(QStringLiteral("--type=diff backup")));
        QVERIFY(dialog->shownPlanText().contains(QStringLiteral("[HAProxy-demo]")));
        FakeHosts hosts;
        dialog->setSessionFactory(fakeFactory(&hosts));
        QSignalSpy finished(dialog, &PlanRunDialog::runFinished);
        MessageBox::setNextAnswer(QMessageBox::No);
        dialog->run();
        QTRY_VERIFY(child<QLabel>(dialog, "planStatus")->text().contains(QStringLiteral("nothing was changed")));
        QVERIFY(!dialog->isRunning());
        QCOMPARE(hosts.ran().size(), 0);  // not confirmed: nothing ran
        MessageBox::setNextAnswer(QMessageBox::Yes);
        dialog->run();
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().first().value<DeployRunner::Outcome>(), DeployRunner::Outcome::Done);
        QVERIFY(hosts.count(QStringLiteral("--type=diff backup")) >= 1);
        QVERIFY(dialog->logText().contains(QStringLiteral("backup")));
        shoot(dialog, "backup-run");
    }

    // Restore…: the plan with a warning that it stops the cluster, in the confirmation too; declined = nothing ran.
    void restoreWarnsAndAsks()
    {
        giveBackupRole();
        BackupActions *a = w().backupActions();
        QSignalSpy opened(a, &BackupActions::planDialogOpened);
        RestoreTarget target;
        target.time = normalizeRestoreTime(QStringLiteral("2026-12-01 18:30:00+00"));
        QVERIFY(a->restoreTo(target));
        QVERIFY(opened.wait(15000));
        auto *dialog = opened.first().first().value<PlanRunDialog *>();
        auto *warning = child<QLabel>(dialog, "planWarning");
        QVERIFY(!warning->isHidden());
        QVERIFY(warning->text().contains(QStringLiteral("stops cluster")));
        QVERIFY(dialog->shownPlanText().contains(QStringLiteral("2026-12-01 18:30:00+00")));
        shoot(dialog, "restore-plan");
        FakeHosts hosts;
        dialog->setSessionFactory(fakeFactory(&hosts));
        MessageBox::takeShown();
        MessageBox::setNextAnswer(QMessageBox::No);
        dialog->run();
        QTRY_VERIFY(child<QLabel>(dialog, "planStatus")->text().contains(QStringLiteral("nothing was changed")));
        const QStringList shown = MessageBox::takeShown();
        QCOMPARE(shown.size(), 1);
        QVERIFY(shown.first().contains(QStringLiteral("stops cluster")));
        QCOMPARE(hosts.ran().size(), 0);
        QVERIFY(child<QPushButton>(dialog, "planRunButton")->isEnabled());  // it may still be run
    }

    // Restore… asks latest or a moment (checked as --to is) and the timeline.
    void restoreTargetDialog()
    {
        RestoreTargetDialog ask(QStringLiteral("c1"));
        auto *time = child<QLineEdit>(&ask, "restoreTime");
        time->setText(QStringLiteral("yesterday"));
        QVERIFY(!ask.target().has_value());
        time->setText(QStringLiteral("2026-12-01T18:30:00Z"));
        QVERIFY(ask.target().has_value());
        QCOMPARE(ask.target()->time, normalizeRestoreTime(QStringLiteral("2026-12-01T18:30:00Z")));
        child<QSpinBox>(&ask, "restoreTimeline")->setValue(3);
        QCOMPARE(ask.target()->timeline, 3);
        child<QRadioButton>(&ask, "restoreLatest")->setChecked(true);
        QVERIFY(ask.target()->time.isEmpty());
        QVERIFY(!time->isEnabled());
    }

    // Backups…: the same parser as pgha backups on pgBackRest's recorded answer.
    void backupsListFromRecordedInfo()
    {
        auto *dialog = new BackupsDialog(topo(), &w());
        BackupInfo info;
        info.host = QStringLiteral("backup1");
        info.json = monitorData(QStringLiteral("pgbackrest-2.45-info.json"));
        dialog->showInfo(info);
        const auto parsed = PgBackRestInfoParser::parse(info.json);
        QVERIFY(parsed.ok());
        auto *tree = child<QTreeWidget>(dialog, "backupsTree");
        QCOMPARE(tree->topLevelItemCount(), int(parsed.value().size()));
        shoot(dialog, "backups");
        const PgBackRestInfoParser::Backup &last = parsed.value().first().backups.last();
        QVERIFY(!tree->findItems(last.label, Qt::MatchStartsWith | Qt::MatchRecursive).isEmpty());
        info.error = QStringLiteral("backup1: fake refusal");
        info.hostKeyRefused = true;
        dialog->showInfo(info);
        QCOMPARE(tree->topLevelItemCount(), 0);
        QVERIFY(child<QLabel>(dialog, "backupsStatus")->text().contains(QStringLiteral("Deploy page")));
        dialog->close();
    }

    // The Drift page's Apply… shows pgha apply's plan of the drift shown, with what it does not plan.
    void applyShowsThePlanOfTheDrift()
    {
        const Topology t = topo();
        Secrets secrets;
        SecretStore::fillMissing(&secrets);
        auto setup = std::make_shared<DriftSetup>();
        setup->deploy.secrets = secrets;
        setup->deploy.plan = buildPlan(t, generateBundle(t, secrets), secrets, PlanOptions());
        QTemporaryDir dir;
        setup->deploy.journal = DeployJournal::load(dir.filePath(QStringLiteral("deploy.journal.json"))).value();
        const QList<ExpectedFile> expected = expectedFiles(setup->deploy.plan);
        setup->design = driftDesign(t, expected);
        // Every host answers with the design's files, but HAProxy's configuration differs.
        QList<ObservedHost> observed;
        for (const Host &h : t.hosts) {
            ObservedHost o;
            o.name = h.name;
            o.reachable = true;
            for (const ExpectedFile &f : expected)
                if (f.host == h.name)
                    o.files.insert(f.path, ObservedFile{true, f.path.endsWith(QLatin1String("haproxy.cfg")) ? QStringLiteral("00") : f.sha256,
                                                        f.mode, f.owner, {}});
            observed << o;
        }
        DriftRun run;
        run.report = computeDrift(setup->design, observed);
        QVERIFY(run.report.hasDrift());
        const ApplyPlan expectedPlan = buildApplyPlan(t, secrets, setup->deploy.plan, setup->design, run.report);
        QVERIFY(!expectedPlan.plan.steps.isEmpty());

        DriftView view;
        view.setTopology(t);
        auto *apply = child<QPushButton>(&view, "driftApplyButton");
        QVERIFY(!apply->isEnabled());
        view.showRun(run, setup);
        QVERIFY(apply->isEnabled());
        PlanRunDialog *dialog = view.apply();
        QVERIFY(dialog);
        const QString text = dialog->shownPlanText();
        QCOMPARE(text, PlanRunDialog::planText(expectedPlan.plan, expectedPlan.notPlanned));
        QVERIFY(text.contains(expectedPlan.plan.steps.first().id));
        QVERIFY(text.contains(QStringLiteral("haproxy.cfg")));
        for (const QString &l : expectedPlan.notPlanned)
            QVERIFY(text.contains(l));
        QVERIFY(child<QPushButton>(dialog, "planRunButton")->isEnabled());
        shoot(dialog, "apply-plan");
        dialog->close();
        // A design edited after the comparison is not applied from it.
        Topology edited = t;
        edited.cluster.patroni.ttl += 1;
        view.setTopology(edited);
        QVERIFY(!view.apply());
        QVERIFY(child<QLabel>(&view, "driftStatus")->text().contains(QStringLiteral("compare again")));
        view.setTopology(t);
        // What apply leaves to a person is said above the plan, too.
        PlanRunDialog::Request request;
        request.title = QStringLiteral("apply");
        request.topology = t;
        request.plan = expectedPlan.plan;
        request.notPlanned = {QStringLiteral("node9: in the cluster, not in the design; remove it by hand")};
        PlanRunDialog withManual(request);
        QVERIFY(child<QLabel>(&withManual, "planNotPlanned")->text().contains(request.notPlanned.first()));
        QVERIFY(withManual.shownPlanText().startsWith(QStringLiteral("# not planned (do these by hand):\n#   node9")));
        // No drift: nothing to apply.
        view.showRun(DriftRun(), setup);
        QVERIFY(!apply->isEnabled());
    }

    // The Monitor tab names the VIP's holder from iproute2's recorded answers, only for designs with cluster.vip.
    void vipHolderFromRecordedAnswer()
    {
        auto *label = w().findChild<VipHolderLabel *>(QStringLiteral("vipHolderLabel"));
        QVERIFY(label);
        QVERIFY(label->isHidden());  // the reference design has no floating address
        Topology t = topo();
        Host second = *t.hostByName(QStringLiteral("HAProxy-demo"));
        second.name = QStringLiteral("haproxy2");
        t.hosts << second;
        t.cluster.vip.address = QStringLiteral("198.51.100.100");
        FakeHosts hosts;
        hosts.addRule({QStringLiteral("HAProxy-demo"), QStringLiteral("ip -o addr show"), 0,
                       monitorData(QStringLiteral("iproute2-6.1-addr-holder.txt"))});
        hosts.addRule({QStringLiteral("haproxy2"), QStringLiteral("ip -o addr show"), 0,
                       monitorData(QStringLiteral("iproute2-6.1-addr-backup.txt"))});
        VipHolderLabel own;
        own.setSessionFactory(fakeFactory(&hosts));
        own.setTopology(t);
        QSignalSpy probed(&own, &VipHolderLabel::probed);
        own.probe();
        QVERIFY(probed.wait(10000));
        QCOMPARE(own.text(), QStringLiteral("Floating address 198.51.100.100 is held by HAProxy-demo."));
        QCOMPARE(hosts.count(QStringLiteral("ip -o addr show to 198.51.100.100")), 2);
        // Both answer that they hold it: split brain, said so.
        hosts.rules[1].out = hosts.rules[0].out;
        own.probe();
        QVERIFY(probed.wait(10000));
        QVERIFY(own.text().contains(QStringLiteral("split brain")));
        QVERIFY(own.text().contains(QStringLiteral("HAProxy-demo, haproxy2")));
        // The window's label follows the design: shown with cluster.vip, hidden without.
        Cluster c = topo().cluster;
        c.vip.address = QStringLiteral("10.104.0.100");
        w().document()->undoStack()->push(ChangeValueCommand::cluster(w().document(), c, QStringLiteral("vip"), QString()));
        QVERIFY(waitAnalysed(w()));
        QVERIFY(!label->isHidden());
        QVERIFY(label->text().contains(QStringLiteral("10.104.0.100")));
        w().document()->undoStack()->undo();
        QVERIFY(waitAnalysed(w()));
        QVERIFY(label->isHidden());
    }

    // In German every menu's accelerators are distinct (&Neu and &Neu aus Vorlage once shared N).
    void germanAcceleratorsDistinct()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/pgha_de.qm")));
        QVERIFY(QCoreApplication::installTranslator(&german));
        MainWindow window;
        QCoreApplication::removeTranslator(&german);
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&Datei"));
        const auto key = [](const QString &text) {
            const int i = text.indexOf(QRegularExpression(QStringLiteral("&[^&]")));
            return i < 0 ? QChar() : text.at(i + 1).toLower();
        };
        QList<QList<QAction *>> menus{window.menuBar()->actions()};
        for (QMenu *m : window.menuBar()->findChildren<QMenu *>())
            menus << m->actions();
        for (const QList<QAction *> &actions : menus) {
            QHash<QChar, QString> seen;
            for (QAction *a : actions) {
                const QChar k = key(a->text());
                if (a->isSeparator() || k.isNull())
                    continue;
                QVERIFY2(!seen.contains(k), qPrintable(QStringLiteral("%1 and %2 share &%3").arg(seen.value(k), a->text(), k)));
                seen.insert(k, a->text());
            }
        }
    }
};

QTEST_MAIN(TestGuiDay2)
#include "tst_guiday2.moc"
