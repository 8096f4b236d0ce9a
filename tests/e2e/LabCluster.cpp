#include "LabCluster.h"

#include <QSet>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

bool LabCluster::prepare(QString *error, bool tls)
{
    QString yaml = m_lab.designYaml();
    const QString off = QStringLiteral("  security: {tls: false}\n");
    if (tls) {
        if (!yaml.contains(off)) {
            *error = QStringLiteral("lab.pgha.yaml has no '%1'").arg(off.trimmed());
            return false;
        }
        yaml.replace(off, QStringLiteral("  security: {tls: true}\n"));
    }
    if (!writeFile(project(), yaml.toUtf8())) {
        *error = project() + QStringLiteral(": cannot write");
        return false;
    }
    QFile::remove(secrets());
    QStringList args{QStringLiteral("secrets"), QStringLiteral("-o"), secrets()};
    if (tls)
        args << project();  // with the design: its TLS material too
    const Run s = run(pgha(), args);
    if (s.code != 0) {
        *error = QString::fromUtf8(s.out);
        return false;
    }
    QFile sf(secrets());
    if (!sf.open(QIODevice::ReadOnly)) {
        *error = secrets() + QStringLiteral(": ") + sf.errorString();
        return false;
    }
    const QByteArray text = sf.readAll();
    const QRegularExpression re(QStringLiteral("^superuser_password: *[\"']?([^\"'\\n]+)"), QRegularExpression::MultilineOption);
    m_superPassword = re.match(QString::fromUtf8(text)).captured(1);
    if (m_superPassword.isEmpty()) {
        *error = secrets() + QStringLiteral(": no superuser_password");
        return false;
    }
    m_ca.clear();
    if (tls) {
        // The CA certificate: the first PEM certificate of the secrets' tls block.
        const int b = int(text.indexOf("-----BEGIN CERTIFICATE-----"));
        const int e = b < 0 ? -1 : int(text.indexOf("-----END CERTIFICATE-----", b));
        if (e < 0) {
            *error = secrets() + QStringLiteral(": no CA certificate");
            return false;
        }
        QByteArray pem;
        for (const QByteArray &l : text.mid(b, e - b + 25).split('\n'))
            pem += l.trimmed() + '\n';
        const QString ca = m_dir + QStringLiteral("/ca.crt");
        if (!writeFile(ca, pem)) {
            *error = ca + QStringLiteral(": cannot write");
            return false;
        }
        m_ca = ca;
    }
    return true;
}

QStringList LabCluster::curlTls() const
{
    return m_ca.isEmpty() ? QStringList() : QStringList{QStringLiteral("--cacert"), m_ca};
}

QString LabCluster::pgha()
{
    return QStringLiteral(PGHA_BINARY_DIR "/src/cli/pgha");
}

LabCluster::Run LabCluster::runWith(const QProcessEnvironment &env, const QString &program, const QStringList &args,
                                    int timeoutMs, const QByteArray &input)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.seconds = double(t.nsecsElapsed()) / 1e9;
    r.out = p.readAll();
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

LabCluster::Run LabCluster::run(const QString &program, const QStringList &args, int timeoutMs, const QByteArray &input) const
{
    return runWith(m_lab.environment(), program, args, timeoutMs, input);
}

LabCluster::Run LabCluster::deploy(const QStringList &extra, const QString &journal, const QString &knownHosts) const
{
    return run(pgha(), QStringList{QStringLiteral("deploy"), project(), QStringLiteral("--yes"), QStringLiteral("--secrets"),
                                   secrets(), QStringLiteral("--journal"), journal, QStringLiteral("--known-hosts"), knownHosts}
                   + extra);
}

QStringList LabCluster::applyArgs(const QString &design, const QString &journal, const QString &knownHosts,
                                  const QStringList &extra) const
{
    return QStringList{QStringLiteral("apply"), design, QStringLiteral("--yes"), QStringLiteral("--journal"), journal,
                       QStringLiteral("--secrets"), secrets(), QStringLiteral("--known-hosts"), knownHosts}
        + extra;
}

bool LabCluster::noDrift(const QString &design, const QString &knownHosts, QByteArray *out) const
{
    const Run d = run(pgha(), {QStringLiteral("diff"), design, QStringLiteral("--secrets"), secrets(),
                               QStringLiteral("--known-hosts"), knownHosts},
                      90000);
    *out = d.out;
    return d.code == 0 && d.out.contains("no drift");
}

QString LabCluster::projectText() const
{
    QFile f(project());
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString LabCluster::withHostsLikeNode3(const QString &design, const QStringList &names, const QString &roles) const
{
    const QString node3 = QStringLiteral("  - name: node3\n");
    const qsizetype at = design.indexOf(node3);
    const qsizetype next = at < 0 ? -1 : design.indexOf(QStringLiteral("  - name: "), at + node3.size());
    if (next < 0 || !design.mid(at, next - at).contains(QStringLiteral("roles: [postgres, etcd]")))
        return {};
    QString blocks;
    for (const QString &name : names) {
        QString block = design.mid(at, next - at);
        block.replace(QStringLiteral("name: node3"), QStringLiteral("name: ") + name);
        block.replace(m_lab.address(QStringLiteral("node3")), m_lab.address(name));
        block.replace(QStringLiteral("roles: [postgres, etcd]"), QStringLiteral("roles: ") + roles);
        blocks += block;
    }
    QString out = design;
    out.insert(next, blocks);
    return out;
}

QJsonArray LabCluster::patroniMembers(const QString &host) const
{
    const Run r = runWith(QProcessEnvironment::systemEnvironment(), QStringLiteral("curl"),
                          {QStringLiteral("-s"), QStringLiteral("-m"), QStringLiteral("5"),
                           QStringLiteral("http://%1:8008/cluster").arg(m_lab.address(host))},
                          10000);
    return QJsonDocument::fromJson(r.out).object().value(QLatin1String("members")).toArray();
}

LabCluster::Run LabCluster::psql(int port, const QString &sql, int connectTimeout) const
{
    QString conninfo = QStringLiteral("host=%1 port=%2 user=postgres dbname=postgres connect_timeout=%3")
                           .arg(m_lab.address(QStringLiteral("haproxy")))
                           .arg(port)
                           .arg(connectTimeout);
    if (!m_ca.isEmpty())
        conninfo += QStringLiteral(" sslmode=verify-full sslrootcert=") + m_ca;
    return psqlWith(conninfo, m_superPassword, sql);
}

LabCluster::Run LabCluster::psqlWith(const QString &conninfo, const QString &password, const QString &sql, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), password);
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral("psql"), {conninfo, QStringLiteral("-XAtq"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                                     QStringLiteral("-f"), QStringLiteral("-")});
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    p.write(sql.toUtf8());
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.seconds = t.elapsed() / 1000.0;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput().trimmed();
    if (r.code != 0)
        r.out += "\n" + p.readAllStandardError().trimmed();
    return r;
}

QString LabCluster::leader() const
{
    QStringList found;
    for (const QString &h : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}) {
        const Run r = run(QStringLiteral("curl"),
                          QStringList{QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-m"),
                                      QStringLiteral("2"), QStringLiteral("-w"), QStringLiteral("%{http_code}")}
                              + curlTls()
                              + QStringList{QStringLiteral("%1://%2:8008/primary")
                                                .arg(tls() ? QStringLiteral("https") : QStringLiteral("http"), m_lab.address(h))},
                          10000);
        if (r.out.trimmed() == "200")
            found << h;
    }
    return found.size() == 1 ? found.first() : QString();
}

QString LabCluster::syncStandby(const LabFixture &lab, const QStringList &curlTls)
{
    const QString scheme = curlTls.isEmpty() ? QStringLiteral("http") : QStringLiteral("https");
    for (const QString &h : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}) {
        const Run r = runWith(lab.environment(), QStringLiteral("curl"),
                              QStringList{QStringLiteral("-s"), QStringLiteral("-m"), QStringLiteral("2")} + curlTls
                                  + QStringList{QStringLiteral("%1://%2:8008/cluster").arg(scheme, lab.address(h))},
                              10000);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        if (r.code != 0 || !o.contains(QStringLiteral("members")))
            continue;
        for (const QJsonValue &v : o.value(QStringLiteral("members")).toArray()) {
            const QJsonObject m = v.toObject();
            const QString state = m.value(QStringLiteral("state")).toString();
            if (m.value(QStringLiteral("role")).toString() == QLatin1String("sync_standby")
                && (state == QLatin1String("running") || state == QLatin1String("streaming")))
                return m.value(QStringLiteral("name")).toString();
        }
        return {};
    }
    return {};
}

QString LabCluster::waitSyncStandby(const LabFixture &lab, int timeoutMs, const QStringList &curlTls)
{
    QElapsedTimer t;
    t.start();
    do {
        const QString s = syncStandby(lab, curlTls);
        if (!s.isEmpty())
            return s;
        QThread::msleep(250);
    } while (t.elapsed() < timeoutMs);
    return {};
}

int LabCluster::lostRows(const QByteArray &idList, const QList<int> &acked)
{
    QSet<int> present;
    for (const QByteArray &x : idList.split(','))
        present.insert(x.toInt());
    int lost = 0;
    for (int id : acked)
        lost += present.contains(id) ? 0 : 1;
    return lost;
}

bool LabCluster::writeFile(const QString &path, const QByteArray &data, bool privateFile)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    if (privateFile)
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return f.write(data) == data.size();
}
