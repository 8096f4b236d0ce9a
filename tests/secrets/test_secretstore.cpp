#include "core/model/Secrets.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace pgha;

namespace {

const char *const kEnvNames[] = {"PGHA_SUPERUSER_PASSWORD", "PGHA_REPLICATION_PASSWORD", "PGHA_REWIND_PASSWORD",
                                 "PGHA_RESTAPI_USER",       "PGHA_RESTAPI_PASSWORD",     "PGHA_HAPROXY_STATS_USER",
                                 "PGHA_HAPROXY_STATS_PASSWORD"};

void clearEnvironment()
{
    for (const char *n : kEnvNames)
        qunsetenv(n);
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text, int mode)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text);
    f.close();
    ::chmod(QFile::encodeName(path).constData(), mode_t(mode));
    return path;
}

int modeOf(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QList<QString Secrets::*> passwordMembers()
{
    return {&Secrets::superuserPassword, &Secrets::replicationPassword, &Secrets::rewindPassword,
            &Secrets::restApiPassword, &Secrets::haproxyStatsPassword};
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void init() { clearEnvironment(); }
    void cleanup() { clearEnvironment(); }

    void generatedLengthAndAlphabet_data()
    {
        QTest::addColumn<int>("requested");
        QTest::addColumn<int>("expected");
        QTest::newRow("default") << -1 << 32;
        QTest::newRow("too short is raised to 24") << 8 << 24;
        QTest::newRow("zero") << 0 << 24;
        QTest::newRow("exactly 24") << 24 << 24;
        QTest::newRow("long") << 64 << 64;
    }

    void generatedLengthAndAlphabet()
    {
        QFETCH(int, requested);
        QFETCH(int, expected);
        // Safe unquoted in YAML, shell words, HAProxy's config and libpq connection strings.
        static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9._-]+$"));
        for (int i = 0; i < 50; ++i) {
            const QString p = requested < 0 ? SecretStore::generatePassword() : SecretStore::generatePassword(requested);
            QCOMPARE(p.size(), expected);
            QVERIFY2(safe.match(p).hasMatch(), qPrintable(p));
        }
    }

    void generatedAreUniqueAndUseTheWholeAlphabet()
    {
        QSet<QString> seen;
        QSet<QChar> chars;
        for (int i = 0; i < 1000; ++i) {
            const QString p = SecretStore::generatePassword();
            QVERIFY2(!seen.contains(p), "a password was drawn twice");
            seen.insert(p);
            for (const QChar c : p)
                chars.insert(c);
        }
        QCOMPARE(seen.size(), 1000);
        // 32000 draws over a ~60-character alphabet: every character shows up unless the draw is biased or
        // truncated (e.g. an off-by-one that never picks the last one).
        const QString alphabet = QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.");
        for (const QChar c : alphabet)
            QVERIFY2(chars.contains(c), qPrintable(QStringLiteral("never drew '%1'").arg(c)));
        QCOMPARE(chars.size(), alphabet.size());
    }

    void fillMissingKeepsGivenValues()
    {
        Secrets s;
        s.replicationPassword = QStringLiteral("given-replication-password");
        SecretStore::fillMissing(&s);
        QCOMPARE(s.replicationPassword, QStringLiteral("given-replication-password"));
        QSet<QString> distinct;
        for (QString Secrets::*m : passwordMembers()) {
            QVERIFY((s.*m).size() >= 24);
            distinct.insert(s.*m);
        }
        QCOMPARE(distinct.size(), passwordMembers().size());  // never one password for two accounts
        QCOMPARE(s.restApiUser, QStringLiteral("patroni"));
        QCOMPARE(s.haproxyStatsUser, QStringLiteral("haproxy"));
    }

    void environmentOverrides_data()
    {
        QTest::addColumn<QByteArray>("env");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("member");  // index into the list below
        QTest::newRow("superuser") << QByteArray("PGHA_SUPERUSER_PASSWORD") << QStringLiteral("su-from-env-123456789") << 0;
        QTest::newRow("replication") << QByteArray("PGHA_REPLICATION_PASSWORD") << QStringLiteral("repl-from-env") << 1;
        QTest::newRow("rewind") << QByteArray("PGHA_REWIND_PASSWORD") << QStringLiteral("rw-from-env") << 2;
        QTest::newRow("restapi user") << QByteArray("PGHA_RESTAPI_USER") << QStringLiteral("apiuser") << 3;
        QTest::newRow("restapi password") << QByteArray("PGHA_RESTAPI_PASSWORD") << QStringLiteral("api-pw") << 4;
        QTest::newRow("stats user") << QByteArray("PGHA_HAPROXY_STATS_USER") << QStringLiteral("statsuser") << 5;
        QTest::newRow("stats password") << QByteArray("PGHA_HAPROXY_STATS_PASSWORD") << QStringLiteral("st-pw") << 6;
    }

    void environmentOverrides()
    {
        QFETCH(QByteArray, env);
        QFETCH(QString, value);
        QFETCH(int, member);
        const QList<QString Secrets::*> all = {&Secrets::superuserPassword, &Secrets::replicationPassword,
                                               &Secrets::rewindPassword,    &Secrets::restApiUser,
                                               &Secrets::restApiPassword,   &Secrets::haproxyStatsUser,
                                               &Secrets::haproxyStatsPassword};
        Secrets fromFile;
        for (QString Secrets::*m : all)
            fromFile.*m = QStringLiteral("from-file");
        qputenv(env.constData(), value.toUtf8());
        Secrets s = fromFile;
        SecretStore::applyEnvironment(&s);
        for (int i = 0; i < all.size(); ++i)
            QCOMPARE(s.*all[i], i == member ? value : QStringLiteral("from-file"));
        // An empty variable does not wipe a value.
        qputenv(env.constData(), QByteArray());
        s = fromFile;
        SecretStore::applyEnvironment(&s);
        QCOMPARE(s, fromFile);
    }

    void loadFileModes_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("0600") << 0600 << true;
        QTest::newRow("0400") << 0400 << true;
        QTest::newRow("0644") << 0644 << false;
        QTest::newRow("0640") << 0640 << false;
        QTest::newRow("0604") << 0604 << false;
        QTest::newRow("0660") << 0660 << false;
    }

    void loadFileModes()
    {
        QFETCH(int, mode);
        QFETCH(bool, accepted);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("secrets.yaml"),
                                       "superuser_password: 'abcdefghijklmnopqrstuvwx'\nrestapi_user: api\n", mode);
        QCOMPARE(modeOf(path), mode);
        const Result<Secrets> r = SecretStore::loadFile(path);
        QCOMPARE(r.ok(), accepted);
        if (accepted) {
            QCOMPARE(r->superuserPassword, QStringLiteral("abcdefghijklmnopqrstuvwx"));
            QCOMPARE(r->restApiUser, QStringLiteral("api"));
            QVERIFY(r->replicationPassword.isEmpty());  // not given: left for fillMissing
        } else {
            // The message names the file and says what to do.
            QCOMPARE(r.error().file, path);
            QVERIFY2(r.error().toString().contains(path), qPrintable(r.error().toString()));
            QVERIFY2(r.error().message.contains(QLatin1String("chmod 600")), qPrintable(r.error().message));
        }
    }

    void loadFileErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("unknown key") << QByteArray("superuser_password: abc\n  \nsuperuser_pasword: typo\n") << 3 << 1
                                     << QStringLiteral("unknown key");
        QTest::newRow("indented unknown key") << QByteArray("{rewind_password: a,\n   colour: blue}\n") << 2 << 4
                                              << QStringLiteral("unknown key");
        QTest::newRow("key given twice") << QByteArray("rewind_password: a\nrewind_password: b\n") << 2 << 1
                                         << QStringLiteral("twice");
        QTest::newRow("list value") << QByteArray("rewind_password: [a, b]\n") << 1 << 1
                                    << QStringLiteral("text value");
        QTest::newRow("not a mapping") << QByteArray("- a\n- b\n") << 1 << 1 << QStringLiteral("mapping");
        QTest::newRow("syntax error") << QByteArray("superuser_password: a: b\n") << 1 << 22
                                      << QStringLiteral("syntax");
    }

    void loadFileErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, messagePart);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("s.yaml"), text, 0600);
        const Result<Secrets> r = SecretStore::loadFile(path);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(messagePart, Qt::CaseInsensitive), qPrintable(r.error().toString()));
        QCOMPARE(r.error().file, path);
        QCOMPARE(r.error().line, line);
        QCOMPARE(r.error().column, column);
    }

    void missingFile()
    {
        const Result<Secrets> r = SecretStore::loadFile(QStringLiteral("/nonexistent/secrets.yaml"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().file, QStringLiteral("/nonexistent/secrets.yaml"));
    }

    void saveFileRoundTrip_data()
    {
        QTest::addColumn<QString>("password");
        QTest::newRow("generated") << SecretStore::generatePassword();
        QTest::newRow("quote and colon") << QStringLiteral("it's: a #secret");
        QTest::newRow("yaml keyword") << QStringLiteral("off");
        QTest::newRow("leading space and unicode") << QStringLiteral(" p\u00e4ssw\u00f6rd \u20ac");
        QTest::newRow("number") << QStringLiteral("0123");
    }

    void saveFileRoundTrip()
    {
        QFETCH(QString, password);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secrets.yaml"));
        // An older, world-readable file at the same path must not pass its mode on.
        writeFile(dir, QStringLiteral("secrets.yaml"), "old", 0644);
        Secrets s;
        SecretStore::fillMissing(&s);
        s.superuserPassword = password;
        s.restApiUser = QStringLiteral("api-user");
        const Result<void> w = SecretStore::saveFile(s, path);
        QVERIFY2(w.ok(), qPrintable(w.ok() ? QString() : w.error().toString()));
        QCOMPARE(modeOf(path), 0600);
        const Result<Secrets> r = SecretStore::loadFile(path);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r.value(), s);
    }

    void saveFileUnwritable()
    {
        QTemporaryDir dir;
        const QString blocker = writeFile(dir, QStringLiteral("file"), "x", 0600);
        const Result<void> w = SecretStore::saveFile(Secrets(), blocker + QStringLiteral("/s.yaml"));
        QVERIFY(!w.ok());
        QVERIFY2(w.error().toString().contains(blocker), qPrintable(w.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "test_secretstore.moc"
