// Pieces of the designer that need no window: line diff, auto-layout, commands on a Document, the
// secrets codec.
#include "core/project/ProjectFile.h"
#include "core/edit/EditRules.h"
#include "deploy/DriftSetup.h"
#include "gui/commands/ChangeValueCommand.h"
#include "gui/dashboard/DriftView.h"
#include "gui/commands/MoveItemsCommand.h"
#include "gui/commands/RemoveItemsCommand.h"
#include "gui/document/AutoLayout.h"
#include "gui/document/Document.h"
#include "gui/preview/LineDiff.h"
#include "gui/secrets/SecretVault.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

using namespace pgha;

class TestGuiUnits : public QObject
{
    Q_OBJECT
private slots:
    void lineDiff_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("expected");
        QTest::newRow("equal") << QStringLiteral("a\nb") << QStringLiteral("a\nb") << QString();
        QTest::newRow("changed line") << QStringLiteral("a\nttl: 30\nc") << QStringLiteral("a\nttl: 25\nc")
                                      << QStringLiteral("  a\n- ttl: 30\n+ ttl: 25\n  c");
        QTest::newRow("added at end") << QStringLiteral("a") << QStringLiteral("a\nb") << QStringLiteral("  a\n+ b");
        QTest::newRow("removed in middle") << QStringLiteral("a\nb\nc") << QStringLiteral("a\nc") << QStringLiteral("  a\n- b\n  c");
        QTest::newRow("from nothing") << QString() << QStringLiteral("x") << QStringLiteral("- \n+ x");
    }
    void lineDiff()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QString, expected);
        QCOMPARE(LineDiff::unified(before, after), expected);
    }

    void autoLayoutPlacesEveryHost()
    {
        Topology t = ProjectFile::referenceTopology();
        for (Host &h : t.hosts)
            h.pos = {};
        AutoLayout::placeUnpositioned(&t);
        QSet<QPair<double, double>> spots;
        for (const Host &h : t.hosts)
            spots.insert({h.pos.x, h.pos.y});
        QCOMPARE(spots.size(), t.hosts.size());
        // The load balancer sits on its own first row, above the database nodes.
        const Host *lb = t.hostByName(QStringLiteral("HAProxy-demo"));
        for (const Host &h : t.hosts) {
            if (h.has(Role::Postgres))
                QVERIFY(h.pos.y > lb->pos.y);
        }
        // The empty client zone got a rectangle of its own, clear of the db zone.
        const Subnet *clients = t.subnetByName(QStringLiteral("clients"));
        QVERIFY(clients->rect.width > 0);
        QVERIFY(!AutoLayout::autoZoneRect(t, 0).intersects(AutoLayout::autoZoneRect(t, 1)));
    }

    void nudgesMerge()
    {
        Document doc;
        doc.reset(ProjectFile::referenceTopology(), QString());
        const Host h = doc.topology().hosts.first();
        const CanvasPos p0 = h.pos;
        CanvasPos p1 = p0, p2 = p0;
        p1.x += 10;
        p2.x += 20;
        doc.undoStack()->push(new MoveItemsCommand(&doc, {{h.uid, p0, p1}}, {}, true));
        doc.undoStack()->push(new MoveItemsCommand(&doc, {{h.uid, p1, p2}}, {}, true));
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.topology().hosts.first().pos, p2);
        doc.undoStack()->undo();
        QCOMPARE(doc.topology().hosts.first().pos, p0);
    }

    void subnetRenameCarriesHosts()
    {
        Document doc;
        doc.reset(ProjectFile::referenceTopology(), QString());
        const Subnet before = *doc.topology().subnetByName(QStringLiteral("db"));
        Subnet after = before;
        after.name = QStringLiteral("database");
        ChangeValueCommand::Values values;
        values.subnets << after;
        values.hosts = EditRules::hostsFollowingRename(doc.topology(), before.name, after.name);
        doc.undoStack()->push(new ChangeValueCommand(&doc, values, QStringLiteral("rename")));
        for (const Host &h : doc.topology().hosts)
            QCOMPARE(h.subnet, QStringLiteral("database"));
        doc.undoStack()->undo();
        for (const Host &h : doc.topology().hosts)
            QCOMPARE(h.subnet, QStringLiteral("db"));
    }

    void changeValueMergesPerFieldAndItem()
    {
        Document doc;
        doc.reset(ProjectFile::referenceTopology(), QString());
        const Host first = doc.topology().hosts.at(0);
        const Host second = doc.topology().hosts.at(1);
        Host a = first;
        a.ssh.port = 2201;
        doc.undoStack()->push(ChangeValueCommand::host(&doc, a, QStringLiteral("ssh.port")));
        a.ssh.port = 2202;
        doc.undoStack()->push(ChangeValueCommand::host(&doc, a, QStringLiteral("ssh.port")));
        QCOMPARE(doc.undoStack()->count(), 1);  // one field of one host: one step
        Host b = second;
        b.ssh.port = 2203;
        doc.undoStack()->push(ChangeValueCommand::host(&doc, b, QStringLiteral("ssh.port")));
        QCOMPARE(doc.undoStack()->count(), 2);  // another host: its own step
        Host c = second;
        c.ssh.user = QStringLiteral("admin");
        doc.undoStack()->push(ChangeValueCommand::host(&doc, c));
        QCOMPARE(doc.undoStack()->count(), 3);  // no merge key: never merges
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.topology().hosts.at(1), second);
        QCOMPARE(doc.topology().hosts.at(0).ssh.port, 2202);
        doc.undoStack()->undo();
        QCOMPARE(doc.topology().hosts.at(0), first);

        // Spinning back to where it was leaves no step at all.
        Cluster cl = doc.topology().cluster;
        const int ttl = cl.patroni.ttl;
        cl.patroni.ttl = ttl + 1;
        doc.undoStack()->push(ChangeValueCommand::cluster(&doc, cl, QStringLiteral("ttl"), QStringLiteral("patroni.ttl")));
        cl.patroni.ttl = ttl;
        doc.undoStack()->push(ChangeValueCommand::cluster(&doc, cl, QStringLiteral("ttl"), QStringLiteral("patroni.ttl")));
        QCOMPARE(doc.topology().cluster.patroni.ttl, ttl);
        QCOMPARE(doc.undoStack()->count(), doc.undoStack()->index());
        QVERIFY(!doc.undoStack()->canRedo());
        QCOMPARE(doc.undoStack()->index(), 0);
    }

    void removeSubnetKeepsHosts()
    {
        Document doc;
        doc.reset(ProjectFile::referenceTopology(), QString());
        const Topology original = doc.topology();
        const quint32 db = doc.topology().subnetByName(QStringLiteral("db"))->uid;
        doc.undoStack()->push(new RemoveItemsCommand(&doc, {doc.topology().hosts.first().uid}, {db}));
        QCOMPARE(doc.topology().hosts.size(), original.hosts.size() - 1);
        QVERIFY(!doc.topology().subnetByName(QStringLiteral("db")));
        for (const Host &h : doc.topology().hosts)
            QVERIFY(h.subnet.isEmpty());
        doc.undoStack()->undo();
        QCOMPARE(doc.topology(), original);
    }

    void secretsCodecRoundTrip()
    {
        Secrets s;
        SecretStore::fillMissing(&s);
        s.restApiUser = QStringLiteral("api");
        const std::optional<Secrets> back = SecretVault::decode(SecretVault::encode(s));
        QVERIFY(back.has_value());
        QCOMPARE(*back, s);
        QVERIFY(!SecretVault::decode("not json").has_value());
        QVERIFY(SecretVault::keyFor(QStringLiteral("c"), QStringLiteral("/a.pgha.yaml"))
                != SecretVault::keyFor(QStringLiteral("c"), QStringLiteral("/b.pgha.yaml")));
    }

    // The Monitor tab's Drift page shows what pgha diff finds: one row per difference, its fix, a summary.
    void driftViewShowsTheReport()
    {
        pgha::DriftView view;
        QSignalSpy checked(&view, &pgha::DriftView::checked);
        pgha::DriftRun run;
        run.seconds = 0.5;
        pgha::DriftItem ttl;
        ttl.area = pgha::DriftItem::Area::Dynamic;
        ttl.fix = pgha::DriftItem::Fix::PatchConfig;
        ttl.key = QStringLiteral("ttl");
        ttl.design = QStringLiteral("12");
        ttl.actual = QStringLiteral("10");
        run.report.items << ttl;
        view.showRun(run);
        auto *table = view.findChild<QTableWidget *>(QStringLiteral("driftTable"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("ttl"));
        QCOMPARE(table->item(0, 5)->text(), QStringLiteral("patch-config"));
        QCOMPARE(checked.count(), 1);
        QCOMPARE(checked.first().first().toBool(), true);
        run.report.items.clear();
        view.showRun(run);
        QCOMPARE(table->rowCount(), 0);
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("driftStatus"))->text().startsWith(QStringLiteral("No drift")));
    }
};

QTEST_MAIN(TestGuiUnits)
#include "tst_guiunits.moc"
