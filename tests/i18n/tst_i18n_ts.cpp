// The German .ts is complete: nothing unfinished, placeholders and accelerators kept, and nothing in the current
// sources that lupdate would add as a new, untranslated message.
#include "TsFile.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using pgha::test::TsFile;
using pgha::test::TsMessage;

namespace {

const QString kTsPath = QStringLiteral(PGHA_SOURCE_DIR "/translations/pgha_de.ts");

QString describe(const TsMessage &m)
{
    return QStringLiteral("[%1] \"%2\"%3").arg(m.context, m.source,
        m.comment.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m.comment));
}

// %1..%99 as a sorted list: a translation may reorder them but must keep each one.
QStringList placeholders(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("%(\\d{1,2})"));
    QStringList out;
    for (auto it = re.globalMatch(s); it.hasNext();)
        out << it.next().captured(0);
    out.sort();
    out.removeDuplicates();
    return out;
}

// Number of keyboard accelerators ("&File"; "&&" is a literal ampersand).
int accelerators(QString s)
{
    s.replace(QStringLiteral("&&"), QString());
    static const QRegularExpression re(QStringLiteral("&[^\\s&;]"));
    // HTML entities such as &amp; in rich text are not accelerators.
    static const QRegularExpression entity(QStringLiteral("&[a-zA-Z]+;|&#\\d+;"));
    s.remove(entity);
    int n = 0;
    for (auto it = re.globalMatch(s); it.hasNext(); it.next())
        ++n;
    return n;
}

} // namespace

class TestI18nTs : public QObject
{
    Q_OBJECT
private:
    TsFile m_ts;
    void addMessageRows();

private slots:
    void initTestCase()
    {
        m_ts = pgha::test::readTsFile(kTsPath);
        QVERIFY2(m_ts.error.isEmpty(), qPrintable(m_ts.error));
    }

    void header()
    {
        QCOMPARE(m_ts.language, QStringLiteral("de_DE"));
        QCOMPARE(m_ts.sourceLanguage, QStringLiteral("en"));
        QVERIFY2(!m_ts.messages.isEmpty(), "pgha_de.ts holds no message: run `ninja update_translations`");
    }

    void nothingUnfinished()
    {
        const auto missing = pgha::test::untranslated(m_ts);
        for (const TsMessage &m : missing)
            qWarning().noquote() << "untranslated:" << describe(m);
        qInfo().noquote() << m_ts.messages.size() << "messages," << missing.size() << "untranslated";
        QCOMPARE(missing.size(), 0);
    }

    void placeholdersKept_data() { addMessageRows(); }
    void placeholdersKept()
    {
        QFETCH(QString, source);
        QFETCH(QStringList, translations);
        QFETCH(bool, numerus);
        for (const QString &t : translations) {
            if (t.isEmpty())
                continue; // counted by nothingUnfinished
            QCOMPARE(placeholders(t), placeholders(source));
            if (numerus && source.contains(QLatin1String("%n")))
                QVERIFY2(t.contains(QLatin1String("%n")), qPrintable(t));
        }
    }

    void acceleratorsKept_data() { addMessageRows(); }
    void acceleratorsKept()
    {
        QFETCH(QString, source);
        QFETCH(QStringList, translations);
        for (const QString &t : translations) {
            if (t.isEmpty())
                continue;
            QCOMPARE(accelerators(t), accelerators(source));
        }
    }

    // lupdate over the current sources into a scratch copy: a tr() string added since the last translation pass
    // shows up here as a new unfinished message.
    void upToDateWithSources()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString copy = tmp.filePath(QStringLiteral("pgha_de.ts"));
        QVERIFY(QFile::copy(kTsPath, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

        QStringList args{QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                         QStringLiteral("-no-obsolete"), QStringLiteral("-I"),
                         QStringLiteral(PGHA_SOURCE_DIR "/src")};
        // The same folders translations/CMakeLists.txt hands to lupdate.
        for (const char *dir : {"src/gui", "src/app", "src/deploy", "src/monitor", "src/core", "ui"}) {
            const QString path = QStringLiteral(PGHA_SOURCE_DIR "/") + QLatin1String(dir);
            if (QDir(path).exists())
                args << path;
        }
        args << QStringLiteral("-ts") << copy;
        QProcess lupdate;
        lupdate.start(QStringLiteral(PGHA_LUPDATE), args);
        QVERIFY2(lupdate.waitForFinished(90000), "lupdate did not finish");
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
                 lupdate.readAllStandardError().constData());

        const TsFile updated = pgha::test::readTsFile(copy);
        QVERIFY2(updated.error.isEmpty(), qPrintable(updated.error));
        const auto missing = pgha::test::untranslated(updated);
        for (const TsMessage &m : missing)
            qWarning().noquote() << "new in the sources, not yet in pgha_de.ts:" << describe(m);
        if (!missing.isEmpty())
            qWarning("fix: ninja update_translations, then translate translations/pgha_de.ts");
        QCOMPARE(missing.size(), 0);
    }
};

void TestI18nTs::addMessageRows()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("translations");
    QTest::addColumn<bool>("numerus");
    QSet<QString> tags;
    for (const TsMessage &m : std::as_const(m_ts.messages)) {
        QString tag = m.context + QStringLiteral(": ") + m.source.left(60);
        if (!m.comment.isEmpty())
            tag += QStringLiteral(" (") + m.comment + QLatin1Char(')');
        const QString base = tag;
        for (int i = 2; tags.contains(tag); ++i)
            tag = base + QStringLiteral(" #%1").arg(i);
        tags.insert(tag);
        QTest::newRow(qPrintable(tag)) << m.source << (m.numerus ? m.forms : QStringList{m.translation})
                                       << m.numerus;
    }
}

QTEST_GUILESS_MAIN(TestI18nTs)
#include "tst_i18n_ts.moc"
