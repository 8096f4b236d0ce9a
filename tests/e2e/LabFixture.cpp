#include "LabFixture.h"

#include <QFile>
#include <QProcess>
#include <QThread>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

LabFixture::LabFixture(const QString &prefix, Kind kind) : m_kind(kind)
{
    m_prefix = prefix;
    if (m_prefix.isEmpty())
        m_prefix = qEnvironmentVariable("PGHA_LAB_PREFIX", QStringLiteral("127.0.0"));
    m_dir = (kind == Kind::Systemd ? QStringLiteral("/var/tmp/pgha-slab-") : QStringLiteral("/var/tmp/pgha-lab-")) + m_prefix;
}

LabFixture::~LabFixture()
{
    if (m_lockFd >= 0) {
        down();
        ::close(m_lockFd);  // releases the lock
    }
}

bool LabFixture::lock()
{
    if (m_lockFd >= 0)
        return true;
    const QByteArray path = QStringLiteral("/var/tmp/pgha-lab-%1.lock").arg(m_prefix).toLocal8Bit();
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    for (int i = 0; i < 9000; ++i) {  // up to 15 minutes behind another run
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            m_lockFd = fd;
            return true;
        }
        QThread::msleep(100);
    }
    ::close(fd);
    return false;
}

QString LabFixture::script()
{
    return QStringLiteral(PGHA_SOURCE_DIR "/tests/e2e/lab/lab.sh");
}

QString LabFixture::scriptPath() const
{
    return m_kind == Kind::Systemd ? QStringLiteral(PGHA_SOURCE_DIR "/tests/e2e/systemd/lab.sh") : script();
}

QString LabFixture::designYaml() const
{
    QFile in(QStringLiteral(PGHA_SOURCE_DIR "/tests/e2e/lab.pgha.yaml"));
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QString yaml = QString::fromUtf8(in.readAll());
    yaml.replace(QStringLiteral("/var/tmp/pgha-lab-127.0.0/"), m_dir + QLatin1Char('/'));
    yaml.replace(QStringLiteral("127.0.0."), m_prefix + QLatin1Char('.'));
    return yaml;
}

int LabFixture::lab(const QStringList &args, QByteArray *out, int timeoutMs) const
{
    return runScript(args, out, timeoutMs);
}

QProcessEnvironment LabFixture::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGHA_LAB_PREFIX"), m_prefix);
    env.insert(QStringLiteral("PGHA_LAB_DIR"), m_dir);
    if (m_lockFd >= 0)
        env.insert(QStringLiteral("PGHA_LAB_LOCKED"), QStringLiteral("1"));
    return env;
}

int LabFixture::runScript(const QStringList &args, QByteArray *out, int timeoutMs) const
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.setProcessChannelMode(out ? QProcess::SeparateChannels : QProcess::ForwardedErrorChannel);
    p.start(QStringLiteral("/bin/bash"), QStringList{scriptPath()} + args);
    if (!p.waitForStarted(10000))
        return -1;
    if (!p.waitForFinished(timeoutMs)) {
        qWarning("lab.sh %s: no answer after %d ms, killed", qPrintable(args.join(QLatin1Char(' '))), timeoutMs);
        p.kill();
        p.waitForFinished(5000);
        return -1;
    }
    if (out)
        *out = p.readAllStandardOutput() + p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool LabFixture::up(QString *error)
{
    if (!lock()) {
        if (error)
            *error = QStringLiteral("the lab %1 stayed busy (lock held by another run)").arg(m_prefix);
        return false;
    }
    QByteArray out;
    const int rc = runScript({QStringLiteral("up")}, &out, 120000);
    m_up = rc == 0;
    if (!m_up && error)
        *error = QString::fromUtf8(out);
    return m_up;
}

void LabFixture::down()
{
    if (m_lockFd < 0)
        return;  // never ours: leave another run's lab alone
    QByteArray out;
    runScript({QStringLiteral("down")}, &out, 120000);
    m_up = false;
}

QStringList LabFixture::hosts()
{
    return {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3"), QStringLiteral("haproxy")};
}

QString LabFixture::address(const QString &host) const
{
    static const QStringList suffix = {QStringLiteral("11"), QStringLiteral("12"), QStringLiteral("13"),
                                       QStringLiteral("20")};
    if (host == QLatin1String("node4"))  // the optional spare host (PGHA_LAB_NODE4=1 at up)
        return m_prefix + QStringLiteral(".14");
    if (host == QLatin1String("node5"))  // the second spare host (PGHA_LAB_NODE5=1 at up)
        return m_prefix + QStringLiteral(".15");
    if (host == QLatin1String("haproxy2"))  // the optional second HAProxy host (PGHA_LAB_HAPROXY2=1 at up)
        return m_prefix + QStringLiteral(".21");
    const int i = hosts().indexOf(host);
    return i < 0 ? QString() : m_prefix + QLatin1Char('.') + suffix.at(i);
}

QString LabFixture::hostPath(const QString &host, const QString &path) const
{
    if (m_kind == Kind::Systemd)
        return {};
    // Mirrors the bind mounts of lab-host-init.sh.
    static const QList<QPair<QString, QString>> mounts = {
        {QStringLiteral("/etc"), QStringLiteral("etc")},
        {QStringLiteral("/run"), QStringLiteral("run")},
        {QStringLiteral("/var/log"), QStringLiteral("var-log")},
        {QStringLiteral("/var/lib/postgresql"), QStringLiteral("var-lib-postgresql")},
        {QStringLiteral("/var/lib/etcd"), QStringLiteral("var-lib-etcd")},
        {QStringLiteral("/root"), QStringLiteral("root")},
        {QStringLiteral("/tmp"), QStringLiteral("tmp")},
    };
    for (const auto &m : mounts) {
        if (path == m.first || path.startsWith(m.first + QLatin1Char('/')))
            return m_dir + QStringLiteral("/hosts/") + host + QLatin1Char('/') + m.second + path.mid(m.first.size());
    }
    return path;  // not private to the host
}

int LabFixture::ssh(const QString &host, const QString &command, QByteArray *out, int timeoutMs) const
{
    return runScript({QStringLiteral("ssh"), host, command}, out, timeoutMs);
}

int LabFixture::exec(const QString &host, const QString &command, QByteArray *out, int timeoutMs) const
{
    return runScript({QStringLiteral("exec"), host, QStringLiteral("/bin/sh"), QStringLiteral("-c"), command}, out,
                     timeoutMs);
}

bool LabFixture::rekey(const QString &host) const
{
    return runScript({QStringLiteral("rekey"), host}, nullptr, 120000) == 0;
}
