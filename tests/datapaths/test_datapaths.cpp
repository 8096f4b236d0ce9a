// The one data location (issue 12): the CLI ("pgha") and the GUI ("PG HA Designer") resolve the same journal
// and secrets paths for a cluster, a deploy keeps its generated passwords there (0600, folder 0700), and no
// cluster name can leave the clusters folder.
#include "core/model/Topology.h"
#include "core/util/DataPaths.h"
#include "deploy/DeploySetup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace pgha;

class TestDataPaths : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XDG_DATA_HOME", m_home.path().toUtf8());
    }

    void layout()
    {
        QCOMPARE(DataPaths::base(), m_home.path() + QStringLiteral("/pgha"));
        QCOMPARE(DataPaths::clusterDir(QStringLiteral("main_1")).value(), m_home.path() + QStringLiteral("/pgha/clusters/main_1"));
        QCOMPARE(DataPaths::secretsFile(QStringLiteral("main_1")).value(),
                 m_home.path() + QStringLiteral("/pgha/clusters/main_1/secrets.yaml"));
        QCOMPARE(DataPaths::journalFile(QStringLiteral("main_1")).value(),
                 m_home.path() + QStringLiteral("/pgha/clusters/main_1/deploy.journal.json"));
    }

    void sameForCliAndGui()
    {
        Topology t;
        t.cluster.name = QStringLiteral("orders");
        const QString oldName = QCoreApplication::applicationName();
        const QString oldOrg = QCoreApplication::organizationName();
        QCoreApplication::setApplicationName(QStringLiteral("pgha"));
        QCoreApplication::setOrganizationName(QString());
        const QString cliJournal = defaultJournalPath(t);
        const QString cliSecrets = keptSecretsPath(t, cliJournal);
        QCoreApplication::setApplicationName(QStringLiteral("PG HA Designer"));
        QCoreApplication::setOrganizationName(QStringLiteral("PG HA Designer"));
        const QString guiJournal = defaultJournalPath(t);
        const QString guiSecrets = keptSecretsPath(t, guiJournal);
        QCoreApplication::setApplicationName(oldName);
        QCoreApplication::setOrganizationName(oldOrg);
        QCOMPARE(guiJournal, cliJournal);
        QCOMPARE(guiSecrets, cliSecrets);
        QCOMPARE(cliJournal, DataPaths::journalFile(t.cluster.name).value());
        QCOMPARE(cliSecrets, DataPaths::secretsFile(t.cluster.name).value());
        // A journal named with --journal keeps its secrets beside it.
        QCOMPARE(keptSecretsPath(t, QStringLiteral("/tmp/x/run.json")), QStringLiteral("/tmp/x/run.secrets.yaml"));
    }

    void deployKeepsSecretsThere()
    {
        Topology t;
        t.cluster.name = QStringLiteral("kept");
        DeploySetupOptions o;
        o.projectPath = QStringLiteral("template:empty");
        Result<DeploySetup> s = prepareDeploy(t, o);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        const QString secrets = DataPaths::secretsFile(t.cluster.name).value();
        // prepareDeploy writes nothing (a declined confirmation leaves nothing behind); after the confirmation,
        // keepGeneratedSecrets keeps the generated passwords in the cluster's data folder.
        QVERIFY(!QFileInfo::exists(secrets));
        QVERIFY(!QFileInfo::exists(DataPaths::clusterDir(t.cluster.name).value()));
        const Result<void> kept = keepGeneratedSecrets(&s.value());
        QVERIFY2(kept.ok(), qPrintable(kept.ok() ? QString() : kept.error().toString()));
        QCOMPARE(s->generatedSecretsFile, secrets);
        QCOMPARE(s->journal.path(), DataPaths::journalFile(t.cluster.name).value());
        QVERIFY(QFileInfo::exists(secrets));
        QCOMPARE(int(QFileInfo(secrets).permissions() & 0x0077), 0);  // group and others: nothing
        QCOMPARE(QFileInfo(DataPaths::clusterDir(t.cluster.name).value()).permissions(),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadUser
                     | QFileDevice::WriteUser | QFileDevice::ExeUser);
        // A second run (the other program) reuses the same passwords instead of generating new ones.
        Result<DeploySetup> again = prepareDeploy(t, o);
        QVERIFY(again.ok());
        QVERIFY(again->generatedSecretsFile.isEmpty());
        QVERIFY(again->secrets == s->secrets);
    }

    void refusesUnsafeNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("dot") << QStringLiteral(".");
        QTest::newRow("dotdot") << QStringLiteral("..");
        QTest::newRow("hidden") << QStringLiteral(".x");
        QTest::newRow("slash") << QStringLiteral("a/b");
        QTest::newRow("climb") << QStringLiteral("../../etc");
        QTest::newRow("backslash") << QStringLiteral("a\\b");
        QTest::newRow("space") << QStringLiteral("a b");
        QTest::newRow("newline") << QStringLiteral("a\nb");
        QTest::newRow("too long") << QString(64, QLatin1Char('a'));
        QTest::newRow("non-ascii") << QStringLiteral("cl\u00fcster");
    }
    void refusesUnsafeNames()
    {
        QFETCH(QString, name);
        QVERIFY(!DataPaths::isValidClusterName(name));
        QVERIFY(!DataPaths::clusterDir(name).ok());
        QVERIFY(!DataPaths::secretsFile(name).ok());
        QVERIFY(!DataPaths::journalFile(name).ok());
        QCOMPARE(DataPaths::clusterDir(name).error().field, QStringLiteral("cluster.name"));
        Topology t;
        t.cluster.name = name;
        QVERIFY(defaultJournalPath(t).isEmpty());
        DeploySetupOptions o;
        QVERIFY(!prepareDeploy(t, o).ok());
        // Nothing was created for the refused name, inside the clusters folder or beside it.
        QCOMPARE(QDir(DataPaths::base() + QStringLiteral("/clusters")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("kept")});
        QCOMPARE(QDir(m_home.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{QStringLiteral("pgha")});
    }

    void acceptsIdentifiers()
    {
        for (const char *n : {"a", "cluster_1", "pg-main.prod", "A9", "x.."})
            QVERIFY2(DataPaths::isValidClusterName(QString::fromLatin1(n)), n);
        QVERIFY(DataPaths::isValidClusterName(QString(63, QLatin1Char('z'))));
    }
};

QTEST_GUILESS_MAIN(TestDataPaths)
#include "test_datapaths.moc"
