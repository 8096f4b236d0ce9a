// The German catalogue embedded in pgha_gui at ":/i18n/pgha_de.qm" loads and answers in German, for a few
// hand-picked strings of the window and for every finished message of translations/pgha_de.ts; Qt's own
// qtbase_de.qm (standard dialog buttons) is installed where the app looks for it.
#include "TsFile.h"

#include "core/model/Platform.h"
#include "core/model/Topology.h"
#include "core/util/DataPaths.h"
#include "core/validation/Validator.h"
#include "monitor/VerdictRules.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSet>
#include <QTranslator>
#include <QtTest>

using pgha::test::TsMessage;
using namespace pgha;

class TestI18nQm : public QObject
{
    Q_OBJECT
private:
    QTranslator m_pgha;

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(":/i18n/pgha_de.qm")),
                 "resource :/i18n/pgha_de.qm missing: is translations/ wired into pgha_gui?");
        QVERIFY(m_pgha.load(QStringLiteral(":/i18n/pgha_de.qm")));
        QVERIFY(!m_pgha.isEmpty());
        QCOMPARE(m_pgha.language(), QStringLiteral("de_DE"));
        QVERIFY(QCoreApplication::installTranslator(&m_pgha));
    }

    // The locale-based lookup the app does (QLocale -> pgha_de.qm) finds the same file.
    void loadsByLocale()
    {
        QTranslator t;
        QVERIFY(t.load(QLocale(QLocale::German, QLocale::Germany), QStringLiteral("pgha"), QStringLiteral("_"),
                       QStringLiteral(":/i18n")));
        QVERIFY(!t.isEmpty());
    }

    // Real strings of the window, as the user sees them.
    void windowStrings_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("german");
        QTest::newRow("menu File") << "pgha::MainWindow" << "&File" << -1 << "&Datei";
        QTest::newRow("action Save As") << "pgha::MainWindow" << "Save &As…" << -1 << "Speichern &unter…";
        QTest::newRow("findings dock") << "pgha::MainWindow" << "Findings" << -1 << "Befunde";
        QTest::newRow("palette entry") << "pgha::Palette" << "Database node" << -1 << "Datenbankknoten";
        QTest::newRow("new document title") << "pgha::Document" << "Untitled" << -1 << "Unbenannt";
        QTest::newRow("legend heading") << "pgha::LegendWidget" << "Connections" << -1 << "Verbindungen";
        QTest::newRow("undo text, one") << "pgha::Commands" << "Delete %n item(s)" << 1 << "1 Element löschen";
        QTest::newRow("undo text, many") << "pgha::Commands" << "Delete %n item(s)" << 3 << "3 Elemente löschen";
    }
    void windowStrings()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(int, n);
        QFETCH(QString, german);
        QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData(), nullptr, n),
                 german);
    }

    // Every finished message of the .ts answers from the embedded .qm: the resource is the current catalogue.
    void everyMessage_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("comment");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("german");
        const auto ts = pgha::test::readTsFile(QStringLiteral(PGHA_SOURCE_DIR "/translations/pgha_de.ts"));
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QSet<QString> tags;
        for (const TsMessage &m : ts.messages) {
            if (!m.type.isEmpty())
                continue; // unfinished ones are lrelease'd as absent; counted by tst_i18n_ts
            QString tag = m.context + QStringLiteral(": ") + m.source.left(60);
            const QString base = tag;
            for (int i = 2; tags.contains(tag); ++i)
                tag = base + QStringLiteral(" #%1").arg(i);
            tags.insert(tag);
            if (!m.numerus) {
                QTest::newRow(qPrintable(tag)) << m.context << m.source << m.comment << -1 << m.translation;
            } else if (m.forms.size() == 2) {
                // German: form 0 for one, form 1 for every other count; translate() puts n in for %n.
                QString one = m.forms.at(0), two = m.forms.at(1);
                one.replace(QLatin1String("%n"), QLatin1String("1"));
                two.replace(QLatin1String("%n"), QLatin1String("2"));
                QTest::newRow(qPrintable(tag + QStringLiteral(" [1]"))) << m.context << m.source << m.comment << 1 << one;
                QTest::newRow(qPrintable(tag + QStringLiteral(" [2]"))) << m.context << m.source << m.comment << 2 << two;
            }
        }
    }
    void everyMessage()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(QString, comment);
        QFETCH(int, n);
        QFETCH(QString, german);
        const QByteArray c = context.toUtf8(), s = source.toUtf8(), d = comment.toUtf8();
        QCOMPARE(QCoreApplication::translate(c.constData(), s.constData(), d.isEmpty() ? nullptr : d.constData(), n),
                 german);
    }

    // What core, deploy and monitor say reaches the German window in German (issue 12): a finding and its fix from
    // the real validator, a verdict and its reason from the real verdict rules, a distribution name, a deploy step.
    void coreMessagesInGerman()
    {
        Topology t;
        t.cluster.name = QStringLiteral("demo");
        Host h;
        h.name = QStringLiteral("spare");
        h.address = QStringLiteral("10.0.0.9");
        h.os = QStringLiteral("rhel9");
        t.hosts << h;
        const Findings findings = validate(t, nullptr);
        const Finding *noRole = nullptr;
        for (const Finding &f : findings) {
            if (f.ruleId == QLatin1String("host-without-role"))
                noRole = &f;
        }
        QVERIFY(noRole);
        QCOMPARE(noRole->message,
                 QStringLiteral("Host spare hat keine Rolle, daher wird für ihn nichts erzeugt oder ausgerollt."));
        QCOMPARE(noRole->fix, QStringLiteral("Geben Sie ihm eine Rolle (postgres, etcd, haproxy) oder entfernen Sie ihn."));
        QCOMPARE(noRole->ruleId, QStringLiteral("host-without-role"));  // ids never translated

        ClusterState s;
        s.patroniReachable = true;
        MemberState m;
        m.name = QStringLiteral("m1");
        m.role = QStringLiteral("replica");
        m.state = QStringLiteral("running");
        s.members << m;
        VerdictRules::evaluate(&s);
        QCOMPARE(verdictKey(s.verdict), QStringLiteral("unavailable"));  // JSON key stays English
        QCOMPARE(verdictTitle(s.verdict), QStringLiteral("nicht verfügbar"));
        QVERIFY2(s.reasons.contains(QStringLiteral("kein laufender Leader")), qPrintable(s.reasons.join(QLatin1Char('|'))));

        QCOMPARE(Platform::distributionDisplayName(QStringLiteral("os")), QStringLiteral("Die Pakete des Betriebssystems"));
        QCOMPARE(QCoreApplication::translate("pgha::Deploy", "install packages"), QStringLiteral("Pakete installieren"));

        // The data folder's errors (DataPaths), with the field still named in English.
        const Result<QString> bad = DataPaths::clusterDir(QStringLiteral("../x"));
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.startsWith(QStringLiteral("der Clustername \"../x\" kann keinen Datenordner benennen")),
                 qPrintable(bad.error().message));
        QCOMPARE(bad.error().field, QStringLiteral("cluster.name"));
    }

    // Standard dialogs (QMessageBox, QFileDialog buttons) are translated by Qt's own catalogue.
    void qtBaseGerman_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("german");
        QTest::newRow("Cancel button") << "QPlatformTheme" << "Cancel" << "Abbrechen";
        QTest::newRow("Save button") << "QPlatformTheme" << "Save" << "Speichern";
        QTest::newRow("Discard button") << "QPlatformTheme" << "Discard" << "Verwerfen";
    }
    void qtBaseGerman()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(QString, german);
        QTranslator qt;
        const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        QVERIFY2(qt.load(QLocale(QLocale::German), QStringLiteral("qtbase"), QStringLiteral("_"), dir),
                 qPrintable(QStringLiteral("no qtbase_de.qm in %1 (Debian: qt6-translations-l10n)").arg(dir)));
        QVERIFY(QCoreApplication::installTranslator(&qt));
        const QString got = QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData());
        QCoreApplication::removeTranslator(&qt);
        QCOMPARE(got, german);
    }
};

QTEST_GUILESS_MAIN(TestI18nQm)
#include "tst_i18n_qm.moc"
