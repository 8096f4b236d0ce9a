// The command line speaks the language LC_ALL / LC_MESSAGES / LANG ask for (issue 12): English by default and for
// C/POSIX/en_*, German findings for de_DE, and `--format json` stays English (machine-readable, rule ids stable)
// whatever the locale. Runs the real pgha binary.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
};

Run runPgha(const QStringList &args, const QMap<QString, QString> &env)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const char *k : {"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"})
        e.remove(QLatin1String(k));
    for (const QString &k : e.keys()) {
        if (k.startsWith(QLatin1String("PGHA_")))
            e.remove(k);
    }
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(PGHA_BINARY), args);
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return r;
}

// One PostgreSQL host with no replica and a host without a role: findings with known texts.
const char *kDesign = R"(format: 1
cluster:
  name: lang
subnets:
  - name: db
    cidr: 10.104.0.0/24
hosts:
  - name: pg1
    address: 10.104.0.11
    subnet: db
    os: rhel9
    roles: [postgres, etcd, haproxy]
  - name: spare
    address: 10.104.0.12
    subnet: db
    os: rhel9
    roles: []
)";

} // namespace

class TestCliLanguage : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_file;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("lang.pgha.yaml"));
        QFile f(m_file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kDesign);
    }

    void text_data()
    {
        QTest::addColumn<QString>("var");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("absent");
        const QString en = QStringLiteral("Host spare has no role");
        const QString de = QStringLiteral("Host spare hat keine Rolle");
        QTest::newRow("nothing set: English") << QString() << QString() << en << de;
        QTest::newRow("LANG=C.UTF-8") << "LANG" << "C.UTF-8" << en << de;
        QTest::newRow("LANG=en_GB.UTF-8") << "LANG" << "en_GB.UTF-8" << en << de;
        QTest::newRow("LANG=de_DE.UTF-8") << "LANG" << "de_DE.UTF-8" << de << en;
        QTest::newRow("LC_MESSAGES=de_AT.UTF-8") << "LC_MESSAGES" << "de_AT.UTF-8" << de << en;
        QTest::newRow("LC_ALL=C wins over LANG=de") << "LC_ALL" << "C" << en << de;
    }
    void text()
    {
        QFETCH(QString, var);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QFETCH(QString, absent);
        QMap<QString, QString> env;
        if (!var.isEmpty())
            env.insert(var, value);
        if (var == QLatin1String("LC_ALL"))
            env.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
        const Run r = runPgha({QStringLiteral("validate"), m_file}, env);
        QVERIFY2(r.exitCode == 1 || r.exitCode == 2, qPrintable(r.out));
        QVERIFY2(r.out.contains(expected), qPrintable(r.out));
        QVERIFY2(!r.out.contains(absent), qPrintable(r.out));
    }

    void jsonStaysEnglish()
    {
        const Run r = runPgha({QStringLiteral("validate"), m_file, QStringLiteral("--format"), QStringLiteral("json")},
                              {{QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8")}});
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8());
        QVERIFY2(!doc.isNull(), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("Host spare has no role")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("\"host-without-role\"")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QLatin1String("keine Rolle")), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestCliLanguage)
#include "test_cli_language.moc"
