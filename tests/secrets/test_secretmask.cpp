// SecretMask: what the designer's preview shows instead of a secret.
#include "core/generate/Generator.h"
#include "core/model/SecretMask.h"
#include "core/model/Secrets.h"
#include "core/project/ProjectFile.h"

#include <QTest>

using namespace pgha;

class TestSecretMask : public QObject
{
    Q_OBJECT
private slots:
    void valuesArePasswordsOnly()
    {
        Secrets s;
        s.superuserPassword = QStringLiteral("superSecret1");
        s.replicationPassword = QStringLiteral("replSecret22");
        s.restApiPassword = QStringLiteral("superSecret1");  // the same value once
        const QStringList v = SecretMask::values(s);
        QCOMPARE(v.size(), 2);
        QVERIFY(!v.contains(s.restApiUser));
        QVERIFY(!v.contains(s.haproxyStatsUser));
    }

    void masksEveryOccurrenceAndPemBodies()
    {
        const QString text = QStringLiteral("password: abcdefgh12\nurl: postgres://u:abcdefgh12@h/\n"
                                            "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"
                                            "-----END PRIVATE KEY-----\nkeep: this\n");
        const QString masked = SecretMask::apply(text, {QStringLiteral("abcdefgh12")});
        QVERIFY(!masked.contains(QLatin1String("abcdefgh12")));
        QVERIFY(!masked.contains(QLatin1String("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC")));
        QCOMPARE(masked.count(SecretMask::kMask), 3);
        QVERIFY(masked.contains(QLatin1String("keep: this")));
        QVERIFY(masked.contains(QLatin1String("-----BEGIN PRIVATE KEY-----")));
    }

    void generatedBundleShowsNoSecretOnceMasked()
    {
        Secrets s;
        SecretStore::fillMissing(&s);
        const Bundle b = generateBundle(ProjectFile::referenceTopology(), s);
        const QStringList values = SecretMask::values(s);
        int filesWithSecrets = 0;
        for (const GeneratedFile &f : b.files) {
            const QString text = QString::fromUtf8(f.content);
            bool had = false;
            for (const QString &v : values)
                had = had || text.contains(v);
            filesWithSecrets += had ? 1 : 0;
            const QString masked = SecretMask::apply(text, values);
            for (const QString &v : values)
                QVERIFY2(!masked.contains(v), qPrintable(f.host + QLatin1Char(':') + f.path));
        }
        QVERIFY(filesWithSecrets > 0);  // the bundle does hold secrets: the test looked at something
    }
};

QTEST_GUILESS_MAIN(TestSecretMask)
#include "test_secretmask.moc"
