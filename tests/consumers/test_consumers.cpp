// Every file generated for every golden case is checked by the program that consumes it:
//   haproxy -c, a real etcd cluster (YAML and environment-file forms, health + gRPC gateway),
//   patroni --validate-config against that running etcd, systemd-analyze verify, bash -n, shellcheck, pgbouncer,
//   pgBackRest's own option parser on each pgbackrest.conf (`help COMMAND` for every command the host runs).
// Services that must run use the loopback variant of the case, on 127.0.1.x only.
#include "core/generate/GenUtil.h"
#include "core/generate/Generator.h"
#include "core/generate/HAProxyConfig.h"
#include "core/generate/LoopbackVariant.h"
#include "core/model/BackupLayout.h"
#include "core/model/Platform.h"
#include "core/model/Secrets.h"
#include "core/pki/ClusterTls.h"
#include "core/project/ProjectFile.h"
#include "core/validation/Validator.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <memory>
#include <unistd.h>
#include <vector>

using namespace pgha;

namespace {

struct RunResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString text() const { return QString::fromUtf8(out + err); }
};

RunResult run(const QString &program, const QStringList &args, int timeoutMs = 60000,
              const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    RunResult r;
    if (!p.waitForStarted(timeoutMs)) {
        r.err = "cannot start " + program.toUtf8();
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out: " + program.toUtf8();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

struct Case
{
    Topology topology;
    Secrets secrets;
};

// The TLS material of a bundle on this machine: each host's /etc/pgha/tls files under <root>/<host>, and the
// admin client certificate under <root>/admin.{crt,key} for etcdctl and curl.
struct LocalTls
{
    QString root;
    bool on = false;

    QString dirOf(const QString &host) const { return root + QLatin1Char('/') + host; }
    QString ca() const { return root + QStringLiteral("/ca.crt"); }
    QString adminCert() const { return root + QStringLiteral("/admin.crt"); }
    QString adminKey() const { return root + QStringLiteral("/admin.key"); }
    // A generated file's content with /etc/pgha/tls pointing at the host's local copy.
    QByteArray localize(const GeneratedFile &f) const
    {
        QByteArray c = f.content;
        if (on)
            c.replace(ClusterTls::dir().toUtf8(), dirOf(f.host).toUtf8());
        return c;
    }
    // etcdctl's TLS arguments with the admin certificate (none when TLS is off).
    QStringList etcdctlArgs() const
    {
        if (!on)
            return {};
        return {QStringLiteral("--cacert=") + ca(), QStringLiteral("--cert=") + adminCert(),
                QStringLiteral("--key=") + adminKey()};
    }
    // curl's: verify against the CA; withClient adds the admin certificate.
    QStringList curlArgs(bool withClient = true) const
    {
        if (!on)
            return {};
        QStringList a{QStringLiteral("--cacert"), ca()};
        if (withClient)
            a << QStringLiteral("--cert") << adminCert() << QStringLiteral("--key") << adminKey();
        return a;
    }
};

bool writeFile(const QString &path, const QByteArray &data);

LocalTls writeTls(const Topology &topology, const Secrets &secrets, const Bundle &b, const QString &root)
{
    LocalTls t;
    t.root = root;
    t.on = topology.cluster.security.tls;
    if (!t.on)
        return t;
    for (const GeneratedFile &f : b.files) {
        if (f.path.startsWith(ClusterTls::dir() + QLatin1Char('/'))) {
            const QString local = t.dirOf(f.host) + f.path.mid(ClusterTls::dir().size());
            writeFile(local, f.content);
            QFile::setPermissions(local, f.mode == 0600 ? (QFile::ReadOwner | QFile::WriteOwner)
                                                        : (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                                           | QFile::ReadOther));
        }
    }
    writeFile(t.ca(), secrets.tls.ca.certPem);
    writeFile(t.adminCert(), secrets.tls.admin.certPem);
    writeFile(t.adminKey(), secrets.tls.admin.keyPem);
    QFile::setPermissions(t.adminKey(), QFile::ReadOwner | QFile::WriteOwner);
    return t;
}

// The case's secrets with host certificates fitting this topology (the loopback variant moves every host to
// another address: new leaves from the case's CA).
Secrets secretsFor(const Topology &topology, Secrets secrets)
{
    const Result<QStringList> r = ClusterTls::fillMissing(topology, &secrets);
    if (!r.ok())
        qWarning("%s", qPrintable(r.error().toString()));
    return secrets;
}

Result<Case> loadCase(const QString &dir)
{
    auto loaded = ProjectFile::load(dir + QStringLiteral("/topology.pgha.yaml"));
    if (!loaded.ok())
        return loaded.error();
    QTemporaryDir tmp;
    const QString copy = tmp.filePath(QStringLiteral("secrets.yaml"));
    QFile::copy(dir + QStringLiteral("/secrets.yaml"), copy);
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    auto secrets = SecretStore::loadFile(copy);
    if (!secrets.ok())
        return secrets.error();
    return Case{loaded->topology, secrets.value()};
}

// The PostgreSQL bin directory installed here (Debian 12: 15), to stand in for other layouts.
QString localPgBinDir()
{
    const QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &v : versions) {
        const QString bin = QStringLiteral("/usr/lib/postgresql/") + v + QStringLiteral("/bin");
        if (QFileInfo(bin + QStringLiteral("/postgres")).isExecutable())
            return bin;
    }
    return {};
}

// Kills the etcd members it started, whatever way the test leaves.
class EtcdCluster
{
public:
    ~EtcdCluster() { stop(); }

    bool start(const QString &name, const QStringList &args, const QProcessEnvironment &env, const QString &logPath)
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(env);
        p->setStandardOutputFile(logPath);
        p->setStandardErrorFile(logPath, QIODevice::Append);
        p->start(QStringLiteral("etcd"), args);
        if (!p->waitForStarted(10000))
            return false;
        m_names << name;
        m_procs.push_back(std::move(p));
        return true;
    }

    // Name of a member that died, or empty.
    QString deadMember() const
    {
        for (size_t i = 0; i < m_procs.size(); ++i) {
            if (m_procs[i]->state() == QProcess::NotRunning)
                return m_names[int(i)];
        }
        return {};
    }

    void stop()
    {
        for (auto &p : m_procs) {
            if (p->state() != QProcess::NotRunning) {
                p->kill();
                p->waitForFinished(10000);
            }
        }
        m_procs.clear();
        m_names.clear();
    }

private:
    std::vector<std::unique_ptr<QProcess>> m_procs;
    QStringList m_names;
};

// etcd answers health on every member within the deadline.
QString waitHealthy(const QStringList &clientUrls, EtcdCluster &cluster, int timeoutMs, const QStringList &tlsArgs = {})
{
    QDeadlineTimer deadline(timeoutMs);
    QString last;
    for (const QString &url : clientUrls) {
        for (;;) {
            const QString dead = cluster.deadMember();
            if (!dead.isEmpty())
                return QStringLiteral("etcd member %1 exited").arg(dead);
            const RunResult r = run(QStringLiteral("etcdctl"),
                                    QStringList{QStringLiteral("--endpoints=") + url, QStringLiteral("--dial-timeout=2s"),
                                                QStringLiteral("--command-timeout=3s")}
                                        + tlsArgs + QStringList{QStringLiteral("endpoint"), QStringLiteral("health")},
                                    15000);
            if (r.exitCode == 0 && r.text().contains(QLatin1String("is healthy")))
                break;
            last = r.text().trimmed();
            if (deadline.hasExpired())
                return QStringLiteral("%1 not healthy: %2").arg(url, last);
            QThread::msleep(200);
        }
    }
    return {};
}

// The gRPC gateway (Patroni's etcd3 client speaks JSON over HTTP to it) lists every member. curl, so that the
// request presents the admin client certificate when etcd wants one.
QString checkGateway(const QString &clientUrl, int expectedMembers, const QStringList &curlTls)
{
    const RunResult r = run(QStringLiteral("curl"),
                            QStringList{QStringLiteral("-sS"), QStringLiteral("--noproxy"), QStringLiteral("*"),
                                        QStringLiteral("-m"), QStringLiteral("10"), QStringLiteral("-w"),
                                        QStringLiteral("\n%{http_code}"), QStringLiteral("-H"),
                                        QStringLiteral("Content-Type: application/json"), QStringLiteral("-d"),
                                        QStringLiteral("{}")}
                                + curlTls + QStringList{clientUrl + QStringLiteral("/v3/cluster/member/list")},
                            15000);
    const QByteArray all = r.out.trimmed();
    const int nl = all.lastIndexOf('\n');
    const QByteArray body = nl < 0 ? QByteArray() : all.left(nl);
    const QByteArray status = nl < 0 ? all : all.mid(nl + 1);
    if (r.exitCode != 0 || status != "200")
        return QStringLiteral("gateway %1: exit %2 HTTP %3 %4").arg(clientUrl).arg(r.exitCode).arg(
            QString::fromUtf8(status), r.text());
    const QJsonArray members = QJsonDocument::fromJson(body).object().value(QStringLiteral("members")).toArray();
    if (members.size() != expectedMembers)
        return QStringLiteral("gateway %1: %2 members, expected %3: %4")
            .arg(clientUrl)
            .arg(members.size())
            .arg(expectedMembers)
            .arg(QString::fromUtf8(body));
    return {};
}

QByteArray withDataDir(const QByteArray &yaml, const QString &dataDir)
{
    QList<QByteArray> lines = yaml.split('\n');
    for (QByteArray &l : lines) {
        if (l.startsWith("data-dir:"))
            l = "data-dir: " + dataDir.toUtf8();
    }
    return lines.join('\n');
}

QProcessEnvironment envFromFile(const QByteArray &content)
{
    QProcessEnvironment env;  // clean: only what the file says (plus PATH for etcd itself)
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    for (const QByteArray &raw : content.split('\n')) {
        const QByteArray l = raw.trimmed();
        if (l.isEmpty() || l.startsWith('#'))
            continue;
        const int eq = l.indexOf('=');
        QByteArray v = l.mid(eq + 1);
        if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
            v = v.mid(1, v.size() - 2);
        env.insert(QString::fromUtf8(l.left(eq)), QString::fromUtf8(v));
    }
    return env;
}

// The two Patroni releases that judge every patroni.yml: Debian's package (3.0.2, on PATH) and 4.1.5 from
// pip in the virtualenv scripts/setup-patroni-venv.sh makes.
const QString kPatroni3 = QStringLiteral("/usr/bin/patroni");
const QString kPatroni4Venv = QStringLiteral("/opt/pgha/patroni-4.1.5");
QString patroni4()
{
    return kPatroni4Venv + QStringLiteral("/bin/patroni");
}

// The errors our validation reports about what Patroni RELEASE accepts (patroni-version-*), for the design
// as if it named that release.
QStringList versionRefusals(Topology t, const QString &release)
{
    t.cluster.patroni.version = release;
    QStringList out;
    for (const Finding &f : validate(t))
        if (f.ruleId.startsWith(QLatin1String("patroni-version-")) && f.severity == Severity::Error)
            out << f.ruleId + QStringLiteral(": ") + f.message;
    return out;
}

// Runs PROGRAM ARGS in a private mount namespace where /opt/patroni (what pip designs name in their unit)
// is the test machine's Patroni 4.1.5 virtualenv: an overlay over /opt, so nothing real is touched.
RunResult runWithPatroniVenv(const QString &program, const QStringList &args, const QString &workDir)
{
    const QString ovl = workDir + QStringLiteral("/opt-ovl");
    QDir().mkpath(ovl);
    const QString script = QStringLiteral(
        "set -e\n"
        "mount --make-rprivate /\n"
        "mount -t tmpfs tmpfs \"$OVL\"\n"
        "mkdir -p \"$OVL/upper\" \"$OVL/work\"\n"
        "mount -t overlay overlay -o \"lowerdir=/opt,upperdir=$OVL/upper,workdir=$OVL/work\" /opt\n"
        "mkdir -p /opt/patroni\n"
        "mount --bind \"$VENV\" /opt/patroni\n"
        "exec \"$@\"\n");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OVL"), ovl);
    env.insert(QStringLiteral("VENV"), kPatroni4Venv);
    return run(QStringLiteral("unshare"),
               QStringList{QStringLiteral("-m"), QStringLiteral("sh"), QStringLiteral("-c"), script, QStringLiteral("sh"),
                           program} + args,
               60000, env);
}

// Runs PATRONI --validate-config. When bin_dir is not this machine's layout, a private mount namespace
// shows this machine's PostgreSQL binaries at that path: an overlay over the deepest existing ancestor
// (so the mount point can be created without touching the real filesystem) and a bind mount on top.
RunResult validatePatroni(const QString &patroni, const QString &configPath, const QString &binDir,
                          const QString &workDir)
{
    if (QFileInfo(binDir + QStringLiteral("/postgres")).isExecutable())
        return run(patroni, {QStringLiteral("--validate-config"), configPath});

    QString existing = binDir;
    while (!QFileInfo::exists(existing))
        existing = QFileInfo(existing).path();
    const QString ovl = workDir + QStringLiteral("/ovl");
    QDir().mkpath(ovl);
    const QString script = QStringLiteral(
        "set -e\n"
        "mount --make-rprivate /\n"
        "mount -t tmpfs tmpfs \"$OVL\"\n"
        "mkdir -p \"$OVL/upper\" \"$OVL/work\"\n"
        "mount -t overlay overlay -o \"lowerdir=$LOWER,upperdir=$OVL/upper,workdir=$OVL/work\" \"$LOWER\"\n"
        "mkdir -p \"$BINDIR\"\n"
        "mount --bind \"$PGBIN\" \"$BINDIR\"\n"
        "exec \"$PATRONI\" --validate-config \"$CONFIG\"\n");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATRONI"), patroni);
    env.insert(QStringLiteral("OVL"), ovl);
    env.insert(QStringLiteral("LOWER"), existing);
    env.insert(QStringLiteral("BINDIR"), binDir);
    env.insert(QStringLiteral("PGBIN"), localPgBinDir());
    env.insert(QStringLiteral("CONFIG"), configPath);
    return run(QStringLiteral("unshare"), {QStringLiteral("-m"), QStringLiteral("sh"), QStringLiteral("-c"), script},
               60000, env);
}

// One "host" of the real cluster: Patroni as user postgres in private mount and PID namespaces, with its own
// tmpfs over the postgres home (data dir, pgpass) and /run/postgresql. Killing unshare (--kill-child) tears
// the whole namespace down, PostgreSQL included.
class PatroniHost
{
public:
    ~PatroniHost() { stop(); }

    bool start(const QString &configPath, const QString &home, const QString &dataDir, const QString &logPath,
               const QString &tlsDir = {})
    {
        const QString script = QStringLiteral(
            "set -e\n"
            "mount --make-rprivate /\n"
            "mount -t tmpfs -o mode=0755 tmpfs \"$PGHOME\"\n"
            "mkdir -p /run/postgresql\n"
            "mount -t tmpfs -o mode=2775 tmpfs /run/postgresql\n"
            "chown postgres:postgres \"$PGHOME\" /run/postgresql\n"
            "install -d -m 0700 -o postgres -g postgres \"$DATADIR\"\n"
            "install -m 0600 -o postgres -g postgres \"$CONFIG\" \"$PGHOME/patroni.yml\"\n"
            // The keys 0600 owned by postgres, as the deploy places them (PostgreSQL refuses others).
            "if [ -n \"$TLSSRC\" ]; then\n"
            "  install -d -m 0700 -o postgres -g postgres \"$PGHOME/tls\"\n"
            "  for f in \"$TLSSRC\"/*; do install -m 0600 -o postgres -g postgres \"$f\" \"$PGHOME/tls/\"; done\n"
            "fi\n"
            "cd /\n"
            "exec runuser -u postgres -- env -i PATH=/usr/bin:/bin LANG=C.UTF-8 patroni \"$PGHOME/patroni.yml\"\n");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGHOME"), home);
        env.insert(QStringLiteral("DATADIR"), dataDir);
        env.insert(QStringLiteral("CONFIG"), configPath);
        env.insert(QStringLiteral("TLSSRC"), tlsDir);
        m_proc.setProcessEnvironment(env);
        m_proc.setStandardOutputFile(logPath);
        m_proc.setStandardErrorFile(logPath, QIODevice::Append);
        m_proc.start(QStringLiteral("unshare"), {QStringLiteral("--mount"), QStringLiteral("--pid"), QStringLiteral("--fork"),
                                                 QStringLiteral("--kill-child"), QStringLiteral("--mount-proc"),
                                                 QStringLiteral("sh"), QStringLiteral("-c"), script});
        return m_proc.waitForStarted(10000);
    }
    bool running() const { return m_proc.state() != QProcess::NotRunning; }
    void stop()
    {
        if (m_proc.state() != QProcess::NotRunning) {
            m_proc.kill();
            m_proc.waitForFinished(20000);
        }
    }

private:
    QProcess m_proc;
};

// HTTP status of a request with curl (0 when no answer); curlTls as LocalTls::curlArgs gives.
int httpStatus(const QString &url, const QStringList &curlTls = {}, const QString &method = QStringLiteral("GET"))
{
    const RunResult r = run(QStringLiteral("curl"),
                            QStringList{QStringLiteral("-s"), QStringLiteral("--noproxy"), QStringLiteral("*"),
                                        QStringLiteral("-m"), QStringLiteral("5"), QStringLiteral("-o"),
                                        QStringLiteral("/dev/null"), QStringLiteral("-w"), QStringLiteral("%{http_code}"),
                                        QStringLiteral("-X"), method}
                                + curlTls + QStringList{url},
                            8000);
    return r.out.trimmed().toInt();
}

QString tail(const QString &path, int bytes = 3000)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = f.readAll();
    return QString::fromUtf8(all.right(bytes));
}

} // namespace

class TestConsumers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Mount namespaces (bin_dir mapping, the real cluster) and runuser need root; CI runs as root.
        QVERIFY2(geteuid() == 0, "test_consumers needs root");
        for (const char *tool : {"haproxy", "etcd", "etcdctl", "patroni", "systemd-analyze", "shellcheck", "bash",
                                 "unshare", "pgbackrest"}) {
            QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty()
                         || !QStandardPaths::findExecutable(QString::fromLatin1(tool),
                                                            {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")})
                                 .isEmpty(),
                     tool);
        }
        QVERIFY2(!localPgBinDir().isEmpty(), "no PostgreSQL binaries under /usr/lib/postgresql");
        // Both judges answer with the release they are: a silently missing or wrong one would prove nothing.
        QCOMPARE(run(kPatroni3, {QStringLiteral("--version")}).text().trimmed(), QStringLiteral("patroni 3.0.2"));
        QVERIFY2(QFileInfo(patroni4()).isExecutable(),
                 "no Patroni 4.1.5 virtualenv: run scripts/setup-patroni-venv.sh (setup-debian.sh does)");
        QCOMPARE(run(patroni4(), {QStringLiteral("--version")}).text().trimmed(), QStringLiteral("patroni 4.1.5"));
    }

    // Starts pgbouncer on the generated INI (files copied world-readable into DIR, so that the unprivileged user
    // pgbouncer insists on can read them) and asks its admin console SHOW POOLS as the auth_user; "" when fine.
    static QString checkPgBouncer(const Topology &t, const Secrets &s, const Bundle &b, const LocalTls &lt,
                                  const GeneratedFile &ini)
    {
        // Its own directory: the case's temporary directory is 0700, which the unprivileged user cannot enter.
        QTemporaryDir own(QDir::tempPath() + QStringLiteral("/pgha-pgbouncer-XXXXXX"));
        const QString dir = own.path();
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                       | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
        const auto place = [&](const QString &name, const QByteArray &content) {
            const QString path = dir + QLatin1Char('/') + name;
            writeFile(path, content);
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
            return path;
        };
        const GeneratedFile *users = b.find(ini.host, Platform::pgbouncerUserlistPath());
        if (!users)
            return QStringLiteral("no userlist.txt");
        QString text = QString::fromUtf8(lt.localize(ini));
        text.replace(Platform::pgbouncerUserlistPath(), place(QStringLiteral("userlist.txt"), users->content));
        // TLS files: world-readable copies (the test's own throwaway material).
        static const QRegularExpression tlsLine(QStringLiteral("^((?:client|server)_tls_\\w+_file) = (.+)$"),
                                                QRegularExpression::MultilineOption);
        for (auto it = tlsLine.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            QFile src(m.captured(2));
            if (!src.open(QIODevice::ReadOnly))
                return QStringLiteral("cannot read ") + m.captured(2);
            text.replace(m.captured(0), m.captured(1) + QStringLiteral(" = ") + place(m.captured(1), src.readAll()));
        }
        const QString cfg = place(QStringLiteral("pgbouncer.ini"), text.toUtf8());
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        if (geteuid() == 0)
            p.start(QStringLiteral("setpriv"), {QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                                                 QStringLiteral("--clear-groups"), QStringLiteral("pgbouncer"), cfg});
        else
            p.start(QStringLiteral("pgbouncer"), {cfg});
        struct Stop { QProcess &p; ~Stop() { p.terminate(); if (!p.waitForFinished(5000)) { p.kill(); p.waitForFinished(5000); } } } stop{p};
        if (!p.waitForStarted(5000))
            return QStringLiteral("pgbouncer did not start");
        const Host *h = t.hostByName(ini.host);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), s.poolerAuthPassword);
        const QString sslmode = t.cluster.security.tls ? QStringLiteral("require") : QStringLiteral("disable");
        RunResult r;
        QDeadlineTimer until(20000);
        do {
            if (p.waitForFinished(200) || p.state() == QProcess::NotRunning)
                return QStringLiteral("pgbouncer exited: ") + QString::fromUtf8(p.readAll());
            r = run(QStringLiteral("psql"),
                    {QStringLiteral("host=%1 port=%2 user=%3 dbname=pgbouncer sslmode=%4 connect_timeout=3")
                         .arg(h->address).arg(t.cluster.pooler.port).arg(t.cluster.pooler.authUser, sslmode),
                     QStringLiteral("-XAt"), QStringLiteral("-c"), QStringLiteral("SHOW POOLS")},
                    10000, env);
        } while (r.exitCode != 0 && !until.hasExpired());
        if (r.exitCode != 0)
            return r.text() + QStringLiteral("\n") + QString::fromUtf8(p.readAll());
        if (!r.text().contains(QLatin1String("pgbouncer|")))
            return QStringLiteral("SHOW POOLS: ") + r.text();
        return {};
    }

    // pgBackRest reads a configuration file for every command, `help` included, and refuses what its option parser
    // refuses: a bad value or range (error 032), an option set twice (031), an option unknown to 2.45 (a WARN). Each
    // command the host runs is asked, since values are checked only for the options a command takes; `server` is
    // asked without --stanza (it takes none). Offline: nothing connects. Then the option that says where the
    // repository is must read back as the file has it (the file really is the one parsed). "" when fine.
    static QString checkPgBackRest(const QString &conf, const QString &stanza, const QByteArray &content)
    {
        const QStringList base{QStringLiteral("--config=") + conf, QStringLiteral("--log-level-console=warn"),
                               QStringLiteral("--log-level-file=off")};
        QStringList commands{QStringLiteral("archive-push"), QStringLiteral("archive-get"), QStringLiteral("restore"),
                             QStringLiteral("check"), QStringLiteral("info")};
        if (content.contains("\nrepo1-path="))
            commands << QStringLiteral("backup") << QStringLiteral("expire") << QStringLiteral("stanza-create");
        for (const QString &cmd : commands) {
            const RunResult r = run(QStringLiteral("pgbackrest"),
                                    base + QStringList{QStringLiteral("--stanza=") + stanza, QStringLiteral("help"), cmd});
            if (r.exitCode != 0 || r.text().contains(QLatin1String("WARN")) || r.text().contains(QLatin1String("ERROR")))
                return QStringLiteral("help %1: exit %2: %3").arg(cmd).arg(r.exitCode).arg(r.text().left(500));
        }
        if (content.contains("\ntls-server-address=")) {
            const RunResult r = run(QStringLiteral("pgbackrest"), base + QStringList{QStringLiteral("help"), QStringLiteral("server")});
            if (r.exitCode != 0 || r.text().contains(QLatin1String("WARN")) || r.text().contains(QLatin1String("ERROR")))
                return QStringLiteral("help server: exit %1: %2").arg(r.exitCode).arg(r.text().left(500));
        }
        const QRegularExpression where(QStringLiteral("\\n(repo1-path|repo1-host)=([^\\n]*)"));
        const QRegularExpressionMatch m = where.match(QString::fromUtf8(content));
        if (!m.hasMatch())
            return QStringLiteral("neither repo1-path nor repo1-host in the file");
        const RunResult r = run(QStringLiteral("pgbackrest"),
                                base + QStringList{QStringLiteral("--stanza=") + stanza, QStringLiteral("help"),
                                                   QStringLiteral("archive-get"), m.captured(1)});
        if (!r.text().contains(QStringLiteral("current: ") + m.captured(2)))
            return QStringLiteral("help archive-get %1 does not read back %2: %3").arg(m.captured(1), m.captured(2), r.text().left(500));
        return {};
    }

    void cases_data()
    {
        QTest::addColumn<QString>("caseDir");
        QTest::addColumn<int>("firstOctet");
        const QDir root(QStringLiteral(PGHA_SOURCE_DIR "/tests/golden"));
        int first = 1;
        for (const QString &n : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            if (!QFile::exists(root.filePath(n + QStringLiteral("/topology.pgha.yaml"))))
                continue;
            // A fresh range per case: no port of the previous case can still be in the way. 16 addresses each (the
            // largest case has 7 hosts), so that 15 cases fit into 127.0.1.0/24.
            QTest::newRow(qPrintable(n)) << root.filePath(n) << first;
            first += 16;
        }
    }

    void cases()
    {
        QFETCH(QString, caseDir);
        QFETCH(int, firstOctet);
        QVERIFY2(firstOctet + 15 < 255, "too many golden cases for 127.0.1.0/24");
        auto c = loadCase(caseDir);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());

        const Bundle real = generateBundle(c->topology, c->secrets);
        const Topology loopTopo = mapToLoopback(c->topology, QStringLiteral("127.0.1."), firstOctet);
        const Secrets loopSecrets = secretsFor(loopTopo, c->secrets);
        const Bundle loop = generateBundle(loopTopo, loopSecrets);
        const LocalTls realTls = writeTls(c->topology, c->secrets, real, tmp.filePath(QStringLiteral("real-tls")));
        const LocalTls loopTls = writeTls(loopTopo, loopSecrets, loop, tmp.filePath(QStringLiteral("loopback-tls")));
        if (loopTopo.cluster.security.tls) {
            QVERIFY(loop.find(loopTopo.hosts.first().name, ClusterTls::caPath()));
            QVERIFY(QFile::exists(loopTls.adminKey()));
        }

        int checked = 0;
        // Static checks on the real bundle, and on the loopback one (what the lab deploys).
        for (const Bundle *b : {&real, &loop}) {
            const QString tag = b == &real ? QStringLiteral("real") : QStringLiteral("loopback");
            const LocalTls &lt = b == &real ? realTls : loopTls;
            for (const GeneratedFile &f : b->files) {
                const QString local = tmp.filePath(tag + QLatin1Char('/') + f.bundlePath());
                QByteArray content = lt.localize(f);
                if (f.syntax == FileSyntax::HAProxy) {
                    // The servers' states a reload saves (the deploy starts HAProxy with an empty one: "1").
                    const QString state = tmp.filePath(QStringLiteral("server-state"));
                    QVERIFY(writeFile(state, "1\n"));
                    content.replace(HAProxyConfig::serverStatePath().toUtf8(), state.toUtf8());
                }
                QVERIFY(writeFile(local, content));
                if (f.syntax == FileSyntax::HAProxy) {
                    const RunResult r = run(QStringLiteral("haproxy"), {QStringLiteral("-c"), QStringLiteral("-f"), local});
                    QVERIFY2(r.exitCode == 0, qPrintable(f.bundlePath() + QLatin1Char('\n') + r.text()));
                    QVERIFY2(!r.text().contains(QLatin1String("WARNING")) && !r.text().contains(QLatin1String("ALERT")),
                             qPrintable(f.bundlePath() + QLatin1Char('\n') + r.text()));
                    ++checked;
                } else if (f.syntax == FileSyntax::Shell) {
                    RunResult r = run(QStringLiteral("bash"), {QStringLiteral("-n"), local});
                    QVERIFY2(r.exitCode == 0, qPrintable(f.bundlePath() + QLatin1Char('\n') + r.text()));
                    r = run(QStringLiteral("shellcheck"), {local});
                    QVERIFY2(r.exitCode == 0, qPrintable(f.bundlePath() + QLatin1Char('\n') + r.text()));
                    ++checked;
                } else if (f.syntax == FileSyntax::Systemd) {
                    // verify wants the unit under its own name; ExecStart's binary (/usr/bin/patroni) exists here.
                    const QString unitDir = tmp.filePath(QStringLiteral("units-") + tag + QLatin1Char('-') + f.host);
                    // A pip design's unit starts /opt/patroni/bin/patroni: verified where that is the 4.1.5 venv.
                    const QString unit = unitDir + QLatin1Char('/') + QFileInfo(f.path).fileName();
                    QVERIFY(writeFile(unit, f.content));
                    const QByteArray venvExec = QByteArray("ExecStart=") + Platform::patroniVenvDir().toUtf8();
                    const bool venv = f.content.contains(venvExec);
                    const RunResult r = venv
                        ? runWithPatroniVenv(QStringLiteral("systemd-analyze"), {QStringLiteral("verify"), unit},
                                             unitDir)
                        : run(QStringLiteral("systemd-analyze"), {QStringLiteral("verify"), unit});
                    QVERIFY2(r.exitCode == 0, qPrintable(f.bundlePath() + QLatin1Char('\n') + r.text()));
                    QVERIFY2(!r.text().contains(QFileInfo(f.path).fileName()),
                             qPrintable(f.bundlePath() + QLatin1Char('\n') + r.text()));
                    ++checked;
                } else if (f.path == BackupLayout::configPath()) {
                    const QString why = checkPgBackRest(local, BackupLayout::stanza(c->topology), content);
                    QVERIFY2(why.isEmpty(), qPrintable(f.bundlePath() + QStringLiteral(": ") + why));
                    ++checked;
                }
            }
        }

        // PgBouncer: the real pgbouncer starts from each generated pgbouncer.ini (loopback variant), listens, and
        // admits the auth_user from userlist.txt to its admin console (stats_users), where SHOW POOLS answers.
        if (!QStandardPaths::findExecutable(QStringLiteral("pgbouncer"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")}).isEmpty()) {
            for (const GeneratedFile &f : loop.files) {
                if (f.path != Platform::pgbouncerConfigPath())
                    continue;
                const QString why = checkPgBouncer(loopTopo, loopSecrets, loop, loopTls, f);
                QVERIFY2(why.isEmpty(), qPrintable(f.bundlePath() + QStringLiteral(": ") + why));
                ++checked;
            }
        }

        // etcd, twice: from the YAML config file, then from the environment file the OS package reads.
        const QList<const Host *> members = loopTopo.hostsWith(Role::Etcd);
        QVERIFY(!members.isEmpty());
        QStringList clientUrls;
        for (const Host *h : members)
            clientUrls << GenUtil::serviceUrl(loopTopo, h->address, loopTopo.cluster.etcd.clientPort);

        for (const QString &form : {QStringLiteral("yaml"), QStringLiteral("env")}) {
            EtcdCluster cluster;
            for (const Host *h : members) {
                const QString dataDir = tmp.filePath(form + QStringLiteral("-data/") + h->name);
                const QString log = tmp.filePath(form + QStringLiteral("-") + h->name + QStringLiteral(".log"));
                if (form == QLatin1String("yaml")) {
                    const GeneratedFile *f = loop.find(h->name, Platform::etcdConfigYamlPath());
                    QVERIFY(f);
                    const QString cfg = tmp.filePath(QStringLiteral("etcd-") + h->name + QStringLiteral(".yaml"));
                    QVERIFY(writeFile(cfg, withDataDir(loopTls.localize(*f), dataDir)));
                    QVERIFY(cluster.start(h->name, {QStringLiteral("--config-file"), cfg},
                                          QProcessEnvironment::systemEnvironment(), log));
                } else {
                    const GeneratedFile *f = loop.find(h->name, Platform::etcdEnvFilePath(h->os));
                    QVERIFY(f);
                    QProcessEnvironment env = envFromFile(loopTls.localize(*f));
                    QVERIFY(env.contains(QStringLiteral("ETCD_DATA_DIR")));
                    env.insert(QStringLiteral("ETCD_DATA_DIR"), dataDir);
                    QVERIFY(cluster.start(h->name, {}, env, log));
                }
            }
            const QString health = waitHealthy(clientUrls, cluster, 60000, loopTls.etcdctlArgs());
            QVERIFY2(health.isEmpty(), qPrintable(form + QStringLiteral(": ") + health));
            for (const QString &url : clientUrls) {
                const QString gw = checkGateway(url, int(members.size()), loopTls.curlArgs());
                QVERIFY2(gw.isEmpty(), qPrintable(form + QStringLiteral(": ") + gw));
            }
            if (loopTls.on) {
                // client-cert-auth holds: the CA alone (no client certificate) is refused, on both forms.
                const RunResult noCert = run(QStringLiteral("etcdctl"),
                                             {QStringLiteral("--endpoints=") + clientUrls.first(),
                                              QStringLiteral("--cacert=") + loopTls.ca(),
                                              QStringLiteral("--dial-timeout=2s"), QStringLiteral("--command-timeout=2s"),
                                              QStringLiteral("endpoint"), QStringLiteral("health")},
                                             15000);
                QVERIFY2(noCert.exitCode != 0, qPrintable(noCert.text()));
                QVERIFY2(!checkGateway(clientUrls.first(), int(members.size()), loopTls.curlArgs(false)).isEmpty(),
                         "the gateway answered without a client certificate");
            }
            checked += int(members.size());

            if (form == QLatin1String("yaml")) {
                // Patroni 3.0.2's validator wants the etcd hosts answering, free listen ports, bin_dir binaries.
                for (const Host *h : loopTopo.hostsWith(Role::Postgres)) {
                    const GeneratedFile *f = loop.find(h->name, Platform::patroniConfigPath(h->os));
                    QVERIFY(f);
                    const QString cfg = tmp.filePath(QStringLiteral("patroni-") + h->name + QStringLiteral(".yml"));
                    QVERIFY(writeFile(cfg, loopTls.localize(*f)));
                    const QString binDir = Platform::postgresBinDir(h->os, loopTopo.cluster.postgres.distribution,
                                                                    loopTopo.cluster.postgres.version);
                    QVERIFY(f->content.contains(binDir.toUtf8()));
                    // Both releases judge every case, whatever the design installs. Each must accept the file
                    // exactly when our validation, told that release, finds nothing it would refuse.
                    for (const auto &[release, patroni] : {std::pair{QStringLiteral("3.0.2"), kPatroni3},
                                                           std::pair{QStringLiteral("4.1.5"), patroni4()}}) {
                        const QStringList refusals = versionRefusals(c->topology, release);
                        const RunResult r = validatePatroni(patroni, cfg, binDir,
                                                            tmp.filePath(QStringLiteral("ns-") + h->name));
                        const QString what = h->name + QStringLiteral(" under Patroni ") + release
                            + QStringLiteral(": exit %1\n").arg(r.exitCode) + r.text()
                            + QStringLiteral("\nour validation: ") + refusals.join(QStringLiteral("; "));
                        if (refusals.isEmpty())
                            QVERIFY2(r.exitCode == 0 && r.text().trimmed().isEmpty(), qPrintable(what));
                        else
                            QVERIFY2(r.exitCode != 0 && r.text().contains(QLatin1String("didn't pass validation")),
                                     qPrintable(what));
                        ++checked;
                    }
                }
            }
            cluster.stop();
        }
        qInfo("%s: %d consumer checks passed", qPrintable(QFileInfo(caseDir).fileName()), checked);
    }


    // The final judge: the lab case's files run a real cluster. Two Patroni members bootstrap against the
    // generated etcd cluster, HAProxy routes port 5000 to the primary and 5001 to the replica, logging in
    // with the generated passwords through the generated pg_hba (scram-sha-256).
    void realCluster()
    {
        const QString caseDir = QStringLiteral(PGHA_SOURCE_DIR "/tests/golden/debian12-pg15-os-lab");
        auto c = loadCase(caseDir);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
        const Topology t = mapToLoopback(c->topology, QStringLiteral("127.0.1."), 150);
        const QString binDir = Platform::postgresBinDir(t.hosts[0].os, t.cluster.postgres.distribution,
                                                        t.cluster.postgres.version);
        if (!QFileInfo(binDir + QStringLiteral("/postgres")).isExecutable())
            QSKIP("the lab case's PostgreSQL version is not the one installed here");
        const Secrets secrets = secretsFor(t, c->secrets);
        const Bundle b = generateBundle(t, secrets);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const LocalTls tls = writeTls(t, secrets, b, tmp.filePath(QStringLiteral("tls")));
        QVERIFY(tls.on);  // the lab case runs with TLS on every hop

        EtcdCluster etcd;
        QStringList clientUrls;
        for (const Host *h : t.hostsWith(Role::Etcd)) {
            const GeneratedFile *f = b.find(h->name, Platform::etcdConfigYamlPath());
            QVERIFY(f);
            const QString cfg = tmp.filePath(QStringLiteral("etcd-") + h->name + QStringLiteral(".yaml"));
            QVERIFY(writeFile(cfg, withDataDir(tls.localize(*f), tmp.filePath(QStringLiteral("etcd-data/") + h->name))));
            QVERIFY(etcd.start(h->name, {QStringLiteral("--config-file"), cfg}, QProcessEnvironment::systemEnvironment(),
                               tmp.filePath(QStringLiteral("etcd-") + h->name + QStringLiteral(".log"))));
            clientUrls << GenUtil::serviceUrl(t, h->address, t.cluster.etcd.clientPort);
        }
        const QString health = waitHealthy(clientUrls, etcd, 60000, tls.etcdctlArgs());
        QVERIFY2(health.isEmpty(), qPrintable(health));

        const QList<const Host *> pg = t.hostsWith(Role::Postgres);
        QVERIFY(pg.size() >= 2);
        std::vector<std::unique_ptr<PatroniHost>> members;
        auto startMember = [&](const Host *h) {
            const GeneratedFile *f = b.find(h->name, Platform::patroniConfigPath(h->os));
            if (!f)
                return false;
            const QString cfg = tmp.filePath(QStringLiteral("patroni-") + h->name + QStringLiteral(".yml"));
            // Inside the member's namespace the TLS files are copied to <home>/tls, owned by postgres.
            const QString home = Platform::postgresHome(h->os);
            QByteArray content = f->content;
            content.replace(ClusterTls::dir().toUtf8(), (home + QStringLiteral("/tls")).toUtf8());
            if (!writeFile(cfg, content))
                return false;
            members.push_back(std::make_unique<PatroniHost>());
            return members.back()->start(cfg, home, GenUtil::postgresDataDir(t, *h),
                                         tmp.filePath(QStringLiteral("patroni-") + h->name + QStringLiteral(".log")),
                                         tls.dirOf(h->name));
        };
        auto waitStatus = [&](const Host *h, const QString &endpoint, int timeoutMs) {
            const QString url = GenUtil::serviceUrl(t, h->address, t.cluster.patroni.restApiPort) + QLatin1Char('/') + endpoint;
            QDeadlineTimer deadline(timeoutMs);
            while (!deadline.hasExpired()) {
                // As HAProxy asks: CA-verified, no client certificate.
                if (httpStatus(url, tls.curlArgs(false)) == 200)
                    return true;
                QThread::msleep(300);
            }
            return false;
        };
        const QString log0 = tmp.filePath(QStringLiteral("patroni-") + pg[0]->name + QStringLiteral(".log"));
        QVERIFY(startMember(pg[0]));
        QVERIFY2(waitStatus(pg[0], QStringLiteral("primary"), 120000), qPrintable(tail(log0)));
        QVERIFY(startMember(pg[1]));
        const QString log1 = tmp.filePath(QStringLiteral("patroni-") + pg[1]->name + QStringLiteral(".log"));
        QVERIFY2(waitStatus(pg[1], QStringLiteral("replica"), 120000), qPrintable(tail(log1)));

        // The REST API: a client that does not trust the cluster CA fails verification; unsafe endpoints
        // without a client certificate are refused (verify_client: optional), with the admin certificate but
        // without the REST password too.
        {
            const QString base = GenUtil::serviceUrl(t, pg[1]->address, t.cluster.patroni.restApiPort);
            const RunResult untrusted = run(QStringLiteral("curl"),
                                            {QStringLiteral("-sS"), QStringLiteral("--noproxy"), QStringLiteral("*"),
                                             QStringLiteral("-m"), QStringLiteral("5"), base + QStringLiteral("/health")},
                                            10000);
            QCOMPARE(untrusted.exitCode, 60);  // curl: peer certificate cannot be authenticated
            QCOMPARE(httpStatus(base + QStringLiteral("/restart"), tls.curlArgs(false), QStringLiteral("POST")), 403);
            QCOMPARE(httpStatus(base + QStringLiteral("/restart"), tls.curlArgs(true), QStringLiteral("POST")), 401);
        }

        const Host *lb = t.hostsWith(Role::HAProxy).value(0);
        QVERIFY(lb);
        const GeneratedFile *hf = b.find(lb->name, Platform::haproxyConfigPath());
        QVERIFY(hf);
        const QString hcfg = tmp.filePath(QStringLiteral("haproxy.cfg"));
        QVERIFY(writeFile(hcfg, tls.localize(*hf)));
        QProcess haproxy;
        haproxy.setStandardOutputFile(tmp.filePath(QStringLiteral("haproxy.log")));
        haproxy.setStandardErrorFile(tmp.filePath(QStringLiteral("haproxy.log")), QIODevice::Append);
        haproxy.start(QStringLiteral("haproxy"), {QStringLiteral("-db"), QStringLiteral("-f"), hcfg});
        QVERIFY(haproxy.waitForStarted(10000));
        struct Killer { QProcess &p; ~Killer() { p.kill(); p.waitForFinished(10000); } } killHaproxy{haproxy};

        auto query = [&](int port, const QString &sslmode = QStringLiteral("verify-full")) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("PGPASSWORD"), c->secrets.superuserPassword);
            env.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QStringLiteral("5"));
            // Through HAProxy the server is whichever member answers: its certificate names HAProxy too.
            env.insert(QStringLiteral("PGSSLMODE"), sslmode);
            env.insert(QStringLiteral("PGSSLROOTCERT"), tls.ca());
            return run(QStringLiteral("psql"),
                       {QStringLiteral("-h"), lb->address, QStringLiteral("-p"), QString::number(port), QStringLiteral("-U"),
                        t.cluster.users.superuser, QStringLiteral("-d"), QStringLiteral("postgres"), QStringLiteral("-At"),
                        QStringLiteral("-c"), QStringLiteral("select pg_is_in_recovery()")},
                       15000, env);
        };
        // HAProxy marks servers UP before the first check: poll until each port gives the expected role.
        for (const auto &[port, want] : {std::pair<int, QString>{t.cluster.haproxy.primaryPort, QStringLiteral("f")},
                                         std::pair<int, QString>{t.cluster.haproxy.replicaPort, QStringLiteral("t")}}) {
            QDeadlineTimer deadline(60000);
            RunResult r;
            int consecutive = 0;
            while (!deadline.hasExpired() && consecutive < 3) {
                r = query(port);
                consecutive = (r.exitCode == 0 && QString::fromUtf8(r.out).trimmed() == want) ? consecutive + 1 : 0;
                if (consecutive < 3)
                    QThread::msleep(300);
            }
            QVERIFY2(consecutive >= 3, qPrintable(QStringLiteral("port %1: ").arg(port) + r.text()
                                                  + tail(tmp.filePath(QStringLiteral("haproxy.log")))));
        }
        // Plain text is refused by pg_hba (hostnossl ... reject), with the right password.
        const RunResult plain = query(t.cluster.haproxy.primaryPort, QStringLiteral("disable"));
        QVERIFY2(plain.exitCode != 0 && plain.text().contains(QLatin1String("no encryption")), qPrintable(plain.text()));
    }

    // Designs no golden case has: the install scripts stay valid bash for every OS, distribution and role mix.
    void installScriptsForEveryCombination()
    {
        QTemporaryDir tmp;
        int n = 0;
        for (const QString &os : Platform::knownOsIds()) {
            for (const QString &dist : Platform::knownDistributions()) {
                Topology t = ProjectFile::referenceTopology();
                t.cluster.postgres.distribution = dist;
                const QList<int> versions = Platform::postgresVersions(os, dist);
                if (!versions.isEmpty())
                    t.cluster.postgres.version = versions.last();
                Host bare = t.hosts.first();
                bare.name = QStringLiteral("bare");
                bare.address = QStringLiteral("10.104.0.9");
                bare.roles = {};
                t.hosts << bare;
                Host all = bare;
                all.name = QStringLiteral("all");
                all.address = QStringLiteral("10.104.0.10");
                all.roles = Roles(Role::Postgres | Role::Etcd | Role::HAProxy);
                t.hosts << all;
                for (Host &h : t.hosts)
                    h.os = os;
                Secrets secrets;
                SecretStore::fillMissing(&secrets);
                const Bundle b = generateBundle(t, secrets);
                for (const GeneratedFile &f : b.files) {
                    if (f.syntax != FileSyntax::Shell)
                        continue;
                    const QString local = tmp.filePath(os + QLatin1Char('-') + dist + QLatin1Char('-') + f.host + QStringLiteral(".sh"));
                    QVERIFY(writeFile(local, f.content));
                    RunResult r = run(QStringLiteral("bash"), {QStringLiteral("-n"), local});
                    QVERIFY2(r.exitCode == 0, qPrintable(local + QLatin1Char('\n') + r.text()));
                    r = run(QStringLiteral("shellcheck"), {local});
                    QVERIFY2(r.exitCode == 0, qPrintable(local + QLatin1Char('\n') + r.text()));
                    ++n;
                }
            }
        }
        qInfo("%d install scripts checked", n);
    }

    // The checks can fail: a broken file of each kind is refused by its consumer.
    void brokenFilesAreRefused()
    {
        QTemporaryDir tmp;
        const QString cfg = tmp.filePath(QStringLiteral("bad.cfg"));
        QVERIFY(writeFile(cfg, "listen primary\n    bind 10.0.0.1:5000\n    server a nosuchhost.invalid:5432 check\n"));
        QVERIFY(run(QStringLiteral("haproxy"), {QStringLiteral("-c"), QStringLiteral("-f"), cfg}).exitCode != 0);

        const QString sh = tmp.filePath(QStringLiteral("bad.sh"));
        QVERIFY(writeFile(sh, "#!/bin/bash\nset -euo pipefail\nx=$1\necho $x\n"));
        QVERIFY(run(QStringLiteral("shellcheck"), {sh}).exitCode != 0);

        // An unquoted watchdog mode off is a YAML boolean: refused.
        const QString yml = tmp.filePath(QStringLiteral("bad.yml"));
        QVERIFY(writeFile(yml, "scope: x\nname: y\nwatchdog:\n  mode: off\n"));
        for (const QString &patroni : {kPatroni3, patroni4()}) {
            const RunResult r = run(patroni, {QStringLiteral("--validate-config"), yml});
            QVERIFY2(r.exitCode != 0 || !r.text().trimmed().isEmpty(), qPrintable(patroni));
        }
    }
};

QTEST_GUILESS_MAIN(TestConsumers)
#include "test_consumers.moc"
