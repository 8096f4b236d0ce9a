// File ▸ Import Running Cluster…: the design of a (fake) running cluster opens in the window, unsaved, fetched off the
// GUI thread; a failing endpoint is reported and leaves the design as it was.
#include "FakeHttpServer.h"

#include "gui/MainWindow.h"
#include "gui/dialogs/MessageBox.h"
#include "gui/document/Document.h"
#include "gui/secrets/MemoryVault.h"

#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

using namespace pgha;

namespace {

QByteArray recorded(const char *name)
{
    QFile f(QStringLiteral(PGHA_SOURCE_DIR "/tests/monitor/data/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestImportGui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void importOpensTheDesign()
    {
        FakeHttpServer rest;
        QVERIFY(rest.start(QHostAddress(QStringLiteral("127.0.31.61"))));
        rest.setResponse("GET", "/cluster", 200, recorded("patroni-3.0.2-cluster.json"));
        rest.setResponse("GET", "/config", 200, recorded("patroni-3.0.2-config.json"));
        rest.setResponse("GET", "/patroni", 200, recorded("patroni-3.0.2-patroni-leader.json"));

        MainWindow w;
        w.setVault(std::make_shared<MemoryVault>());
        QVERIFY(w.findChild<QAction *>(QStringLiteral("importClusterAction")));
        w.document()->markClean();
        const Topology before = w.document()->topology();
        QSignalSpy done(&w, &MainWindow::clusterImported);
        MessageBox::setNextAnswer(QMessageBox::Ok);  // the notes (no SSH: defaults assumed)
        QVERIFY(w.importRunningCluster(rest.baseUrl()));
        QVERIFY(done.wait(15000));
        QCOMPARE(done.first().first().toBool(), true);
        const QStringList shown = MessageBox::takeShown();
        QVERIFY2(shown.join(QLatin1Char(' ')).contains(QStringLiteral("Note:")), qPrintable(shown.join(QLatin1Char('\n'))));
        const Topology &t = w.document()->topology();
        QCOMPARE(t.cluster.name, QStringLiteral("monlab"));
        QCOMPARE(t.hostsWith(Role::Postgres).size(), 3);
        QCOMPARE(t.cluster.patroni.ttl, 10);
        QCOMPARE(t.cluster.postgres.version, 15);
        QVERIFY(t != before);
        QVERIFY(w.document()->isModified());
        // Only GET requests reached the cluster.
        for (const FakeHttpServer::Request &r : rest.requests())
            QCOMPARE(r.method, QByteArray("GET"));

        // A failing endpoint: reported, the design stays.
        rest.setResponse("GET", "/config", 503, "{}");
        const Topology imported = w.document()->topology();
        done.clear();
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(w.importRunningCluster(rest.baseUrl()));
        QVERIFY(done.wait(15000));
        QCOMPARE(done.first().first().toBool(), false);
        QVERIFY(MessageBox::takeShown().join(QLatin1Char(' ')).contains(QStringLiteral("HTTP 503")));
        QCOMPARE(w.document()->topology(), imported);
        w.document()->markClean();
    }
};

QTEST_MAIN(TestImportGui)
#include "tst_import_gui.moc"
