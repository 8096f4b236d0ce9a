// POSIX quoting: every word must reach the program unchanged through a real sh.
#include "core/util/ShellQuote.h"

#include <QProcess>
#include <QTest>

class TestShellQuote : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("word");
        QTest::newRow("plain") << QStringLiteral("/etc/patroni/config.yml");
        QTest::newRow("empty") << QString();
        QTest::newRow("spaces") << QStringLiteral("/var/lib/my data/dir with  two spaces");
        QTest::newRow("single quote") << QStringLiteral("it's");
        QTest::newRow("only quotes") << QStringLiteral("''''");
        QTest::newRow("double quotes") << QStringLiteral("say \"hi\"");
        QTest::newRow("command substitution") << QStringLiteral("$(touch /tmp/pgha-pwned)");
        QTest::newRow("backticks") << QStringLiteral("`id`");
        QTest::newRow("semicolon") << QStringLiteral("a; rm -rf /");
        QTest::newRow("newline") << QStringLiteral("line1\nline2\n");
        QTest::newRow("glob and tilde") << QStringLiteral("~/*.conf");
        QTest::newRow("variable") << QStringLiteral("$HOME ${PATH}");
        QTest::newRow("backslashes") << QStringLiteral("a\\b\\\\c\\");
        QTest::newRow("assignment-looking") << QStringLiteral("FOO=bar");
        QTest::newRow("leading dash") << QStringLiteral("-rf");
        QTest::newRow("utf8") << QStringLiteral("d\u00e9p\u00f4t \u2713");
        QTest::newRow("mixed") << QStringLiteral("a'b\"c $(d) ;e\nf");
    }
    void roundTrip()
    {
        QFETCH(QString, word);
        // printf '%s' WORD through sh: any interpretation by the shell would change the bytes or run code.
        QProcess p;
        p.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"), QStringLiteral("printf '%s' ") + pgha::shellQuote(word)});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()), word);
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/pgha-pwned")));
    }

    void join_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::newRow("argv with hostile words")
            << QStringList{QStringLiteral("a b"), QStringLiteral("c'd"), QStringLiteral("$(e)"), QString(),
                           QStringLiteral("f;g\nh")};
        QTest::newRow("single") << QStringList{QStringLiteral("x")};
    }
    void join()
    {
        QFETCH(QStringList, words);
        // One output line per argument, NUL-separated so newlines inside words survive.
        QProcess p;
        p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"),
                                            QStringLiteral("for a in ") + pgha::shellJoin(words)
                                                + QStringLiteral("; do printf '%s\\0' \"$a\"; done")});
        QVERIFY(p.waitForFinished(10000));
        QByteArray out = p.readAllStandardOutput();
        QVERIFY(out.endsWith('\0'));
        out.chop(1);
        QStringList got;
        for (const QByteArray &part : out.split('\0'))
            got << QString::fromUtf8(part);
        QCOMPARE(got, words);
    }

    void plainWordsStayReadable()
    {
        QCOMPARE(pgha::shellQuote(QStringLiteral("/etc/haproxy/haproxy.cfg")),
                 QStringLiteral("/etc/haproxy/haproxy.cfg"));
        QCOMPARE(pgha::shellQuote(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
        QCOMPARE(pgha::shellQuote(QString()), QStringLiteral("''"));
    }
};

QTEST_GUILESS_MAIN(TestShellQuote)
#include "test_shellquote.moc"
