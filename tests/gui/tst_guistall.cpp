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

// The probe: a 1 ms timer on the GUI thread; the longest gap between its ticks is the longest stall, wall
// clock and GUI-thread CPU. phase*() are the same since the last startPhase().
class StallProbe
{
public:
    explicit StallProbe(QObject *context)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, context, [this] {
            const qint64 wall = m_gap.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            m_worst = std::max(m_worst, wall);
            m_phase = std::max(m_phase, wall);
            m_worstCpu = std::max(m_worstCpu, cpu - m_lastCpu);
            m_phaseCpu = std::max(m_phaseCpu, cpu - m_lastCpu);
            m_gap.restart();
            m_lastCpu = cpu;
        });
    }
    void start()
    {
        m_gap.start();
        m_lastCpu = threadCpuNs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    void startPhase() { m_phase = m_phaseCpu = 0; }
    double worstMs() const { return m_worst / 1e6; }
    double worstCpuMs() const { return m_worstCpu / 1e6; }
    double phaseMs() const { return m_phase / 1e6; }
    double phaseCpuMs() const { return m_phaseCpu / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_gap;
    qint64 m_lastCpu = 0;
    qint64 m_worst = 0, m_worstCpu = 0, m_phase = 0, m_phaseCpu = 0;
};

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
        StallProbe loading(&w);
        loading.start();
        load.start();
        w.document()->reset(bigTopology(200), QString());
        const qint64 loadMs = load.elapsed();
        QVERIFY(waitAnalysed(w, 60000));
        QTest::qWait(20);
        loading.stop();
        QCOMPARE(w.document()->topology().hosts.size(), 200);
        qInfo("FIGURE: loading 200 hosts into the window (canvas, first analysis applied, preview tree): longest "
              "GUI-thread stall %.1f ms of CPU (%.1f ms wall)", loading.worstCpuMs(), loading.worstMs());

        StallProbe probe(&w);
        DesignScene *scene = w.scene();
        const QList<Host> hosts = w.document()->topology().hosts;
        qint64 worstEditNs = 0;
        double firstEditCpu = 0, laterEditCpu = 0;

        probe.start();
        const int rounds = 12;
        for (int i = 0; i < rounds; ++i) {
            const Host &h = hosts.at(20 + i);
            probe.startPhase();
            scene->selectOnly({h.uid}, {});
            QTest::qWait(5);
            const double selectMs = probe.phaseMs(), selectCpuMs = probe.phaseCpuMs();
            QElapsedTimer editTimer;
            editTimer.start();
            probe.startPhase();
            switch (i % 3) {
            case 0: typeInto(child<QLineEdit>(&w, "hostName"), QStringLiteral("renamed%1").arg(i)); break;
            case 1: child<QCheckBox>(&w, "roleEtcd")->click(); break;
            case 2: scene->nudgeSelection(QPointF(10, 0)); break;
            }
            const qint64 editNs = editTimer.nsecsElapsed();
            worstEditNs = std::max(worstEditNs, editNs);
            QVERIFY(waitAnalysed(w, 60000));
            QTest::qWait(20);
            const double editCpu = std::max(probe.phaseCpuMs(), selectCpuMs);
            (i == 0 ? firstEditCpu : laterEditCpu) = std::max(i == 0 ? firstEditCpu : laterEditCpu, editCpu);
            if (qEnvironmentVariableIsSet("PGHA_PROFILE"))
                qInfo("edit %d: %.1f ms in the edit call; longest gap while selecting %.1f ms (%.1f ms CPU), during the edit "
                      "and its analysis %.1f ms (%.1f ms CPU)",
                      i, editNs / 1e6, selectMs, selectCpuMs, probe.phaseMs(), probe.phaseCpuMs());
        }
        probe.stop();
        const double worstMs = probe.worstMs();
        qInfo("200 hosts: load %lld ms; last analysis (worker thread) %.1f ms; longest GUI-thread stall during %d edits "
              "%.1f ms wall, %.1f ms of GUI-thread CPU; longest edit call %.1f ms",
              loadMs, double(w.analyzer()->lastRunUs()) / 1000.0, rounds, worstMs, probe.worstCpuMs(),
              double(worstEditNs) / 1e6);
        qInfo("FIGURE: first edit after loading 200 hosts: longest GUI-thread stall %.1f ms of CPU (later edits: %.1f ms; "
              "target 16 ms)", firstEditCpu, laterEditCpu);
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

        StallProbe probe(&w);
        QSignalSpy done(&w, &MainWindow::bundleExported);
        MessageBox::setNextAnswer(QMessageBox::Yes);  // if the generated design has errors: export anyway
        QElapsedTimer total;
        total.start();
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
              totalMs, probe.worstMs(), probe.worstCpuMs());
        // Before the export left the GUI thread, the whole of it (hundreds of ms of CPU) was one stall.
        QVERIFY2(probe.worstCpuMs() < 40, qPrintable(QStringLiteral("GUI thread busy %1 ms at once during the export").arg(probe.worstCpuMs())));
        w.document()->markClean();
    }
};

QTEST_MAIN(TestGuiStall)
#include "tst_guistall.moc"
