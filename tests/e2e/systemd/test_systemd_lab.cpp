// The systemd lab itself (tests/e2e/systemd/lab.sh): four hosts that boot real systemd come up in < 30 s,
// are distinct hosts (name, machine id, SSH host key) that do not write to the machine, keep an enabled unit
// across a clean reboot and a power loss, can be kept off and booted, rekeyed; tear-down leaves no process,
// mount or cgroup, also after a run that was killed half-way. Prints FIGURE lines (up/down/reboot/crash times).
#include "LabFigure.h"
#include "LabFixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>

#include <csignal>

namespace {
const QString kPrefix = QStringLiteral("127.0.29");
void figure(const QString &line)
{
    labFigure(QStringLiteral(PGHA_BINARY_DIR "/figures-systemd-lab.txt"), line);
}
} // namespace

class TestSystemdLab : public QObject
{
    Q_OBJECT
private:
    LabFixture m_lab{kPrefix, LabFixture::Kind::Systemd};
    double m_upSeconds = 0;
    double m_rebootSeconds = 0;
    double m_crashSeconds = 0;

    QByteArray sshOut(const QString &host, const QString &cmd, int *code = nullptr) const
    {
        QByteArray out;
        const int rc = m_lab.ssh(host, cmd, &out);
        if (code)
            *code = rc;
        return out.trimmed();
    }
    int labVerb(const QStringList &args, QByteArray *out = nullptr, double *seconds = nullptr) const
    {
        QElapsedTimer t;
        t.start();
        QByteArray o;
        const int rc = m_lab.lab(args, &o);
        if (seconds)
            *seconds = t.elapsed() / 1000.0;
        if (out)
            *out = o;
        if (rc != 0)
            qWarning().noquote() << "lab.sh" << args.join(QLatin1Char(' ')) << "->" << rc << o;
        return rc;
    }

private slots:
    void upInTime()
    {
        QElapsedTimer t;
        t.start();
        QString error;
        QVERIFY2(m_lab.up(&error), qPrintable(error));
        m_upSeconds = t.elapsed() / 1000.0;
        QVERIFY2(m_upSeconds < 30, qPrintable(QStringLiteral("lab up took %1 s").arg(m_upSeconds)));
        QByteArray st;
        QCOMPARE(labVerb({QStringLiteral("status")}, &st), 0);
        QCOMPARE(st.count(" up\n"), 4);
    }

    void hostsBootSystemd()
    {
        QSet<QByteArray> machineIds;
        for (const QString &h : LabFixture::hosts()) {
            int rc = -1;
            // is-system-running --wait: "running" once every unit started; "degraded" names a failed unit.
            const QByteArray out = sshOut(h, QStringLiteral("hostname; cat /proc/1/comm; cat /etc/machine-id; "
                                                            "timeout 60 systemctl is-system-running --wait; "
                                                            "systemctl --failed --no-legend --plain"),
                                          &rc);
            const QList<QByteArray> l = out.split('\n');
            QVERIFY2(l.size() >= 4, out.constData());
            QCOMPARE(QString::fromUtf8(l.at(0)), h);
            QCOMPARE(l.at(1), QByteArray("systemd"));
            QVERIFY2(l.at(3) == "running", out.constData());
            machineIds.insert(l.at(2));
            // Only sshd was left enabled: the machine's etcd, patroni, haproxy, postgresql stay off.
            const QByteArray en = sshOut(h, QStringLiteral("for u in etcd patroni haproxy postgresql; do "
                                                           "systemctl is-enabled $u; systemctl is-active $u; done"));
            QVERIFY2(!en.contains("enabled") && !en.split('\n').contains("active"), en.constData());
        }
        QCOMPARE(machineIds.size(), 4);
        // Four distinct host keys, one per address.
        QFile kh(m_lab.knownHostsFile());
        QVERIFY(kh.open(QIODevice::ReadOnly));
        QSet<QByteArray> keys;
        for (const QByteArray &line : kh.readAll().trimmed().split('\n'))
            keys.insert(line.split(' ').value(2));
        QCOMPARE(keys.size(), 4);
    }

    void machineUntouched()
    {
        const QString probe = QStringLiteral("/etc/pgha-slab-probe-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(!QFile::exists(probe));
        int rc = -1;
        sshOut(QStringLiteral("node1"), QStringLiteral("echo x >%1 && test -f %1").arg(probe), &rc);
        QCOMPARE(rc, 0);
        QVERIFY2(!QFile::exists(probe), "a file written on a lab host appeared on the machine");
        // The other hosts do not see it either (one overlay each).
        sshOut(QStringLiteral("node2"), QStringLiteral("test ! -e %1").arg(probe), &rc);
        QCOMPARE(rc, 0);
        // The machine's /root is not the hosts' /root.
        const QByteArray ls = sshOut(QStringLiteral("node1"), QStringLiteral("ls -A /root | sort | tr '\\n' ' '"));
        QCOMPARE(ls, QByteArray(".bash_logout .bashrc .profile .ssh"));
    }

    void enabledUnitSurvivesRebootAndPowerLoss()
    {
        const QString node = QStringLiteral("node1");
        int rc = -1;
        sshOut(node,
               QStringLiteral("printf '[Unit]\\nDescription=probe\\n[Service]\\nExecStart=/bin/sleep infinity\\n"
                              "[Install]\\nWantedBy=multi-user.target\\n' >/etc/systemd/system/pgha-probe.service && "
                              "echo kept >/var/lib/pgha-probe && systemctl daemon-reload && "
                              "systemctl enable --now --quiet pgha-probe && systemctl is-active pgha-probe"),
               &rc);
        QCOMPARE(rc, 0);
        const auto check = [&](int boots) {
            const QByteArray out = sshOut(node, QStringLiteral("systemctl is-active pgha-probe; cat /var/lib/pgha-probe; "
                                                               "journalctl --list-boots --no-pager | grep -c '^ *-\\?[0-9]'"));
            QCOMPARE(out, QByteArray("active\nkept\n") + QByteArray::number(boots));
        };
        check(1);
        QCOMPARE(labVerb({QStringLiteral("reboot"), node}, nullptr, &m_rebootSeconds), 0);
        check(2);
        QCOMPARE(labVerb({QStringLiteral("crash"), node}, nullptr, &m_crashSeconds), 0);
        check(3);
        // Power off and stay off: unreachable; then boot.
        QCOMPARE(labVerb({QStringLiteral("crash"), QStringLiteral("--stay-down"), node}), 0);
        QByteArray st;
        QCOMPARE(labVerb({QStringLiteral("status")}, &st), 1);
        QVERIFY2(st.contains("node1 127.0.29.11 off"), st.constData());
        QVERIFY(m_lab.ssh(node, QStringLiteral("true"), nullptr, 30000) != 0);
        QCOMPARE(labVerb({QStringLiteral("boot"), node}), 0);
        check(4);
        figure(QStringLiteral("FIGURE: systemd lab: clean reboot of a host (poweroff, boot, sshd answers) %1 s; "
                              "power loss + boot %2 s")
                   .arg(m_rebootSeconds, 0, 'f', 1)
                   .arg(m_crashSeconds, 0, 'f', 1));
    }

    void rekey()
    {
        const auto keyOf = [this](const QString &addr) {
            QFile kh(m_lab.knownHostsFile());
            if (!kh.open(QIODevice::ReadOnly))
                return QByteArray();
            for (const QByteArray &line : kh.readAll().split('\n'))
                if (line.startsWith(QByteArray(addr.toUtf8() + ' ')))
                    return line;
            return QByteArray();
        };
        const QString a = m_lab.address(QStringLiteral("node3"));
        const QByteArray before = keyOf(a);
        QVERIFY(!before.isEmpty());
        QVERIFY(m_lab.rekey(QStringLiteral("node3")));
        const QByteArray after = keyOf(a);
        QVERIFY(!after.isEmpty() && after != before);
        int rc = -1;
        QCOMPARE(sshOut(QStringLiteral("node3"), QStringLiteral("hostname"), &rc), QByteArray("node3"));
    }

    void downLeavesNothing()
    {
        QElapsedTimer t;
        t.start();
        m_lab.down();
        const double down = t.elapsed() / 1000.0;
        QByteArray out;
        QCOMPARE(labVerb({QStringLiteral("check-clean")}, &out), 0);
        figure(QStringLiteral("FIGURE: systemd lab (4 hosts booting systemd-nspawn over overlays): up %1 s "
                              "(target < 30), down %2 s, nothing left (process, mount, cgroup)")
                   .arg(m_upSeconds, 0, 'f', 1)
                   .arg(down, 0, 'f', 1));
    }

    void anInterruptedUpTearsDown()
    {
        // SIGTERM (a ctest timeout, Ctrl-C) while `up` runs: its trap tears down what it had built.
        QProcess p;  // the lock is still ours (LabFixture keeps it until destruction)
        p.setProcessEnvironment(m_lab.environment());
        p.start(QStringLiteral("/bin/bash"), {m_lab.scriptPath(), QStringLiteral("up")});
        QVERIFY(p.waitForStarted());
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 30000 && !QFile::exists(m_lab.dir() + QStringLiteral("/hosts/node2/nspawn.pid")))
            QThread::msleep(20);
        QVERIFY(QFile::exists(m_lab.dir() + QStringLiteral("/holder.pid")));
        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(60000));
        QVERIFY(p.exitCode() != 0 || p.exitStatus() != QProcess::NormalExit);
        QByteArray out;
        QCOMPARE(labVerb({QStringLiteral("check-clean")}, &out), 0);
    }

    void leftoversOfAKilledRunAreCleaned()
    {
        // A run killed half-way (its holder process, nspawns, mounts and cgroups stay), then down cleans up.
        QProcess p;  // the lock is still ours (LabFixture keeps it until destruction)
        p.setProcessEnvironment(m_lab.environment());
        p.start(QStringLiteral("/bin/bash"), {m_lab.scriptPath(), QStringLiteral("up")});  // down, then up again
        QVERIFY(p.waitForStarted());
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 30000 && !QFile::exists(m_lab.dir() + QStringLiteral("/hosts/node2/nspawn.pid")))
            QThread::msleep(20);
        ::kill(pid_t(p.processId()), SIGKILL);
        p.waitForFinished(5000);
        QByteArray out;
        QCOMPARE(labVerb({QStringLiteral("check-clean")}, &out), 1);  // something is left: the test can fail
        QVERIFY2(out.contains("left:"), out.constData());
        // The state file naming the cgroups is lost too: they are found by name.
        QFile::remove(m_lab.dir() + QStringLiteral("/cgroups"));
        QCOMPARE(labVerb({QStringLiteral("down")}, &out), 0);
        QCOMPARE(labVerb({QStringLiteral("check-clean")}, &out), 0);
    }

    void cleanupTestCase() { m_lab.down(); }
};

QTEST_GUILESS_MAIN(TestSystemdLab)
#include "test_systemd_lab.moc"
