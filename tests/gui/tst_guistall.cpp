// Speed figure: on a 200-host design, the longest stall of the GUI thread while edits are made through
// the inspector and the canvas, each followed by re-validation and a refreshed preview. A 1 ms timer
// probes the event loop; the longest gap between its ticks is the stall. Prints the figures.
#include "GuiTestSupport.h"

#include "core/project/ProjectFile.h"
#include "gui/canvas/DesignScene.h"
#include "gui/dialogs/MessageBox.h"
#include "gui/document/Document.h"
#include "gui/preview/PreviewPanel.h"
#include "gui/secrets/MemoryVault.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <ctime>
#endif

using namespace pgha;
using namespace pgha::test;

namespace {

Topology bigTopology(int hosts)
{
    Topology t = ProjectFile::referenceTopology();
    t.hosts.clear();
    t.subnets.clear();
    for (int s = 0; s < 4; ++s) {
        Subnet sub;
        sub.name = QStringLiteral("db%1").arg(s);
        sub.cidr = QStringLiteral("10.%1.0.0/24").arg(100 + s);
        t.subnets << sub;
    }
    for (int i = 0; i < hosts; ++i) {
        Host h;
        h.name = QStringLiteral("pg%1").arg(i + 1);
        const int s = i % 4;
        h.subnet = QStringLiteral("db%1").arg(s);
        h.address = QStringLiteral("10.%1.0.%2").arg(100 + s).arg(i / 4 + 1);
        h.roles = Role::Postgres;
        if (i < 5)
            h.roles = Role::Etcd;
        else if (i < 7)
            h.roles = Role::HAProxy;
        t.hosts << h;
    }
    return t;
}

// CPU time of the calling thread: the GUI thread's own work between two probe ticks, which a loaded
// machine's scheduling does not inflate (the wall-clock gap includes time the thread waited for a core).
qint64 threadCpuNs()
{
#ifdef Q_OS_LINUX
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
#else
    return 0;
#endif
}

} // namespace

class TestGuiStall : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void stallDuringEdits()
    {
        MainWindow w;
        w.setVault(std::make_shared<MemoryVault>());
        w.resize(1500, 940);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QElapsedTimer load;
        load.start();
        w.document()->reset(bigTopology(200), QString());
        const qint64 loadMs = load.elapsed();
        QVERIFY(waitAnalysed(w, 60000));
        QCOMPARE(w.document()->topology().hosts.size(), 200);

        // The probe: the longest gap between ticks of a 1 ms timer while edits happen.
        qint64 worstNs = 0;
        qint64 editWorstNs = 0;  // the longest gap since the current edit began
        qint64 worstCpuNs = 0;
        qint64 lastCpu = threadCpuNs();
        QElapsedTimer gap;
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        probe.setInterval(1);
        QObject::connect(&probe, &QTimer::timeout, &w, [&] {
            worstNs = std::max(worstNs, gap.nsecsElapsed());
            editWorstNs = std::max(editWorstNs, gap.nsecsElapsed());
            gap.restart();
            const qint64 cpu = threadCpuNs();
            worstCpuNs = std::max(worstCpuNs, cpu - lastCpu);
            lastCpu = cpu;
        });

        DesignScene *scene = w.scene();
        const QList<Host> hosts = w.document()->topology().hosts;
        qint64 worstEditNs = 0;

        gap.start();
        lastCpu = threadCpuNs();
        probe.start();
        const int rounds = 12;
        for (int i = 0; i < rounds; ++i) {
            const Host &h = hosts.at(20 + i);
            scene->selectOnly({h.uid}, {});
            QTest::qWait(5);
            QElapsedTimer editTimer;
            editTimer.start();
            const qint64 worstBefore = worstNs;
            editWorstNs = 0;
            switch (i % 3) {
            case 0: typeInto(child<QLineEdit>(&w, "hostName"), QStringLiteral("renamed%1").arg(i)); break;
            case 1: child<QCheckBox>(&w, "roleEtcd")->click(); break;
            case 2: scene->nudgeSelection(QPointF(10, 0)); break;
            }
            const qint64 editNs = editTimer.nsecsElapsed();
            worstEditNs = std::max(worstEditNs, editNs);
            QVERIFY(waitAnalysed(w, 60000));
            QTest::qWait(20);
            if (qEnvironmentVariableIsSet("PGHA_PROFILE"))
                qInfo("edit %d: %.1f ms in the edit; longest gap during this edit %.1f ms; worst so far %.1f ms (before %.1f)",
                      i, editNs / 1e6, editWorstNs / 1e6, worstNs / 1e6, worstBefore / 1e6);
        }
        probe.stop();
        const double worstMs = double(worstNs) / 1e6;
        qInfo("200 hosts: load %lld ms; last analysis (worker thread) %.1f ms; longest GUI-thread stall during %d edits "
              "%.1f ms wall, %.1f ms of GUI-thread CPU; longest edit call %.1f ms",
              loadMs, double(w.analyzer()->lastRunUs()) / 1000.0, rounds, worstMs, double(worstCpuNs) / 1e6,
              double(worstEditNs) / 1e6);
        // A bound for a loaded 2-core CI machine (scheduling gaps count too); it catches regressions such as
        // the 4 s repaint of dense dashed lines this probe found. The figure above is what the report quotes.
        QVERIFY2(worstMs < 1000, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(worstMs)));
        w.document()->markClean();
    }

    // File > Export Bundle on the 200-host design: validation, generation and the .tar.gz happen off the GUI
    // thread, so the event loop keeps ticking while the archive is written.
    void exportDoesNotStall()
    {
        MainWindow w;
        w.setVault(std::make_shared<MemoryVault>());
        w.resize(1500, 940);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.document()->reset(bigTopology(200), QString());
        QVERIFY(waitAnalysed(w, 60000));
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());

        qint64 worstNs = 0, worstCpuNs = 0, lastCpu = threadCpuNs();
        QElapsedTimer gap;
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        probe.setInterval(1);
        QObject::connect(&probe, &QTimer::timeout, &w, [&] {
            worstNs = std::max(worstNs, gap.nsecsElapsed());
            gap.restart();
            const qint64 cpu = threadCpuNs();
            worstCpuNs = std::max(worstCpuNs, cpu - lastCpu);
            lastCpu = cpu;
        });
        QSignalSpy done(&w, &MainWindow::bundleExported);
        MessageBox::setNextAnswer(QMessageBox::Yes);  // if the generated design has errors: export anyway
        QElapsedTimer total;
        total.start();
        gap.start();
        lastCpu = threadCpuNs();
        probe.start();
        QVERIFY(w.exportBundleTo(tmp.filePath(QStringLiteral("big.tar.gz"))));
        QVERIFY(done.wait(120000));
        probe.stop();
        const qint64 totalMs = total.elapsed();
        while (MessageBox::hasNextAnswer())
            MessageBox::question(nullptr, {}, {}, QMessageBox::Ok, QMessageBox::Ok);
        QVERIFY(done.first().at(0).toBool());
        QVERIFY(QFileInfo(tmp.filePath(QStringLiteral("big.tar.gz"))).size() > 10000);
        qInfo("FIGURE: export of 200 hosts from the window: %lld ms in all; longest GUI-thread stall %.1f ms wall, "
              "%.1f ms of GUI-thread CPU",
              totalMs, worstNs / 1e6, worstCpuNs / 1e6);
        // Before the export left the GUI thread, the whole of it (hundreds of ms of CPU) was one stall.
        QVERIFY2(worstCpuNs / 1e6 < 40, qPrintable(QStringLiteral("GUI thread busy %1 ms at once during the export").arg(worstCpuNs / 1e6)));
        w.document()->markClean();
    }
};

QTEST_MAIN(TestGuiStall)
#include "tst_guistall.moc"
