// The SSH layer against real sshds of the lab (own prefix 127.0.5 so it can run beside the e2e test):
// host-key policy (unknown asked / refused / accepted, changed always refused), exec, stdin, exit codes.
#include "deploy/SshPrompter.h"
#include "deploy/SshSession.h"

#include "LabFixture.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace pgha;

namespace {

class ScriptedPrompter : public SshPrompter
{
public:
    std::optional<QString> answer;
    QList<SshQuestion> asked;
    std::optional<QString> ask(const SshQuestion &q) override
    {
        asked << q;
        return answer;
    }
};

QString localFingerprint(const QString &pubKeyFile)
{
    QProcess p;
    p.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"),
                                          QStringLiteral("-f"), pubKeyFile});
    p.waitForFinished(10000);
    return QString::fromUtf8(p.readAllStandardOutput()).section(QLatin1Char(' '), 1, 1);
}

} // namespace

class TestSshSession : public QObject
{
    Q_OBJECT
private:
    LabFixture m_lab{QStringLiteral("127.0.5")};
    QTemporaryDir m_tmp;

    SshTarget target(const QString &host, const QString &knownHosts) const
    {
        SshTarget t;
        t.hostName = host;
        t.address = m_lab.address(host);
        t.identityFile = m_lab.keyFile();
        t.knownHostsFile = knownHosts;
        t.connectTimeoutSec = 20;
        t.commandTimeoutSec = 30;
        return t;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(m_lab.up(&error), qPrintable(error));
    }
    void cleanupTestCase() { m_lab.down(); }

    void unknownKey_data()
    {
        QTest::addColumn<bool>("acceptFlag");
        QTest::addColumn<bool>("havePrompter");
        QTest::addColumn<bool>("promptAccepts");
        QTest::addColumn<bool>("expectConnected");
        QTest::newRow("no flag, no prompter: refused") << false << false << false << false;
        QTest::newRow("prompter refuses") << false << true << false << false;
        QTest::newRow("prompter accepts") << false << true << true << true;
        QTest::newRow("--accept-new-host-keys") << true << false << false << true;
    }
    void unknownKey()
    {
        QFETCH(bool, acceptFlag);
        QFETCH(bool, havePrompter);
        QFETCH(bool, promptAccepts);
        QFETCH(bool, expectConnected);
        const QString kh = m_tmp.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')) + QStringLiteral(".known_hosts"));
        ScriptedPrompter prompter;
        if (promptAccepts)
            prompter.answer = QStringLiteral("yes");
        SshTarget t = target(QStringLiteral("node1"), kh);
        t.acceptNewHostKeys = acceptFlag;
        SshSession s(t, havePrompter ? &prompter : nullptr);
        const std::optional<SshError> e = s.connect();
        const QString fp = localFingerprint(m_lab.dir() + QStringLiteral("/hosts/node1/etc/ssh/ssh_host_ed25519_key.pub"));
        QVERIFY(fp.startsWith(QLatin1String("SHA256:")));
        QCOMPARE(s.serverFingerprint(), fp);
        if (havePrompter) {
            QCOMPARE(prompter.asked.size(), 1);
            QCOMPARE(prompter.asked.first().fingerprint, fp);
            QCOMPARE(prompter.asked.first().kind, SshQuestion::Kind::UnknownHostKey);
        }
        if (!expectConnected) {
            QVERIFY(e.has_value());
            QCOMPARE(e->kind, SshError::Kind::HostKeyUnknown);
            QVERIFY2(e->message.contains(fp), qPrintable(e->message));
            QVERIFY(!QFile::exists(kh) || QFile(kh).size() == 0);
            return;
        }
        QVERIFY2(!e.has_value(), qPrintable(e ? e->message : QString()));
        QFile f(kh);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains(m_lab.address(QStringLiteral("node1")).toLatin1()));
        // Known now: a second session connects without asking.
        ScriptedPrompter never;
        SshSession again(target(QStringLiteral("node1"), kh), &never);
        QVERIFY(!again.connect().has_value());
        QCOMPARE(never.asked.size(), 0);
    }

    void exec_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("out");
        QTest::addColumn<QByteArray>("err");
        QTest::newRow("echo") << QStringLiteral("echo hello") << QByteArray() << 0 << QByteArray("hello\n") << QByteArray();
        QTest::newRow("exit code") << QStringLiteral("echo oops >&2; exit 7") << QByteArray() << 7 << QByteArray()
                                   << QByteArray("oops\n");
        QTest::newRow("stdin") << QStringLiteral("cat") << QByteArray("a\0b\nc", 5) << 0 << QByteArray("a\0b\nc", 5)
                               << QByteArray();
        QTest::newRow("runs in the host's own /etc") << QStringLiteral("cat /etc/ssh/sshd_pgha_lab.conf | head -1")
                                                     << QByteArray() << 0 << QByteArray("ListenAddress 127.0.5.12:22\n")
                                                     << QByteArray();
        QByteArray big(300000, 'x');
        QTest::newRow("large output") << QStringLiteral("head -c 300000 /dev/zero | tr '\\0' x") << QByteArray() << 0
                                      << big << QByteArray();
    }
    void exec()
    {
        QFETCH(QString, script);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, out);
        QFETCH(QByteArray, err);
        SshTarget t = target(QStringLiteral("node2"), m_tmp.filePath(QStringLiteral("exec.known_hosts")));
        t.acceptNewHostKeys = true;
        SshSession s(t, nullptr);
        const auto e = s.connect();
        QVERIFY2(!e, qPrintable(e ? e->message : QString()));
        const ExecResult r = s.run(script, input);
        QVERIFY2(!r.error, qPrintable(r.error ? r.error->message : QString()));
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(r.out, out);
        QCOMPARE(r.err, err);
    }

    void commandTimeout()
    {
        SshTarget t = target(QStringLiteral("node2"), m_tmp.filePath(QStringLiteral("exec.known_hosts")));
        t.acceptNewHostKeys = true;
        SshSession s(t, nullptr);
        QVERIFY(!s.connect());
        const ExecResult r = s.run(QStringLiteral("sleep 30"), {}, 1);
        QVERIFY(r.error.has_value());
        QCOMPARE(r.error->kind, SshError::Kind::Timeout);
    }

    void changedKeyAlwaysRefused()
    {
        const QString kh = m_tmp.filePath(QStringLiteral("changed.known_hosts"));
        SshTarget t = target(QStringLiteral("node3"), kh);
        t.acceptNewHostKeys = true;
        {
            SshSession s(t, nullptr);
            QVERIFY(!s.connect());
        }
        QVERIFY(m_lab.rekey(QStringLiteral("node3")));
        QFile f(kh);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        ScriptedPrompter yes;
        yes.answer = QStringLiteral("yes");
        SshSession s(t, &yes);  // even with --accept-new-host-keys and a prompter that says yes
        const auto e = s.connect();
        QVERIFY(e.has_value());
        QCOMPARE(e->kind, SshError::Kind::HostKeyChanged);
        QVERIFY2(e->message.contains(QLatin1String("CHANGED")) && e->message.contains(QLatin1String("ssh-keygen -R")),
                 qPrintable(e->message));
        QCOMPARE(yes.asked.size(), 0);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);  // known_hosts untouched
    }
};

QTEST_GUILESS_MAIN(TestSshSession)
#include "test_sshsession.moc"
