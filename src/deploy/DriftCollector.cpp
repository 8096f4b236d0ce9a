#include "deploy/DriftCollector.h"

#include "core/generate/GenUtil.h"
#include "core/generate/HostsFile.h"
#include "core/model/Platform.h"
#include "core/model/Secrets.h"
#include "core/model/Topology.h"
#include "core/parse/DriftProbeParser.h"
#include "core/pki/ClusterTls.h"
#include "core/util/ShellQuote.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <thread>

namespace pgha {

namespace {

QString url(const QString &scheme, const QString &address, int port, const QString &path)
{
    const QString a = address.contains(QLatin1Char(':')) ? QLatin1Char('[') + address + QLatin1Char(']') : address;
    return QStringLiteral("%1://%2:%3%4").arg(scheme, a).arg(port).arg(path);
}

} // namespace

QList<ExpectedFile> expectedFiles(const DeployPlan &deployPlan)
{
    QList<ExpectedFile> out;
    for (const DeployStep &s : deployPlan.steps) {
        if (!s.id.startsWith(QLatin1String("files:")))
            continue;
        for (const DeployOp &op : s.ops) {
            if (op.kind != DeployOp::Kind::WriteFiles)
                continue;
            for (const FileToWrite &f : op.files)
                out << ExpectedFile{s.host, f.path,
                                    QString::fromLatin1(QCryptographicHash::hash(f.content, QCryptographicHash::Sha256).toHex()),
                                    QString::number(f.mode, 8), f.owner, f.service};
        }
    }
    return out;
}

QList<DriftProbe> driftProbes(const Topology &topology, const Secrets &secrets, const DeployPlan &deployPlan)
{
    const Cluster &c = topology.cluster;
    const bool tls = c.security.tls;
    const QString scheme = tls ? QStringLiteral("https") : QStringLiteral("http");
    const QList<ExpectedFile> files = expectedFiles(deployPlan);
    QList<DriftProbe> out;
    for (const Host &h : topology.hosts) {
        QJsonObject in;
        QJsonArray paths;
        for (const ExpectedFile &f : files)
            if (f.host == h.name)
                paths.append(f.path);
        in.insert(QStringLiteral("files"), paths);
        in.insert(QStringLiteral("hosts_file"), HostsFile::path());
        if (tls)
            in.insert(QStringLiteral("ca"), ClusterTls::caPath());
        if (h.has(Role::Postgres)) {
            in.insert(QStringLiteral("patroni"), url(scheme, h.address, c.patroni.restApiPort, {}));
            in.insert(QStringLiteral("pg_port"), c.postgres.port);
            in.insert(QStringLiteral("pg_bin"), GenUtil::postgresBinDir(topology, h));
            // The installed server package (its version against cluster.postgres.package_version).
            in.insert(QStringLiteral("pg_package"), Platform::postgresPackages(h.os, c.postgres.distribution, c.postgres.version).value(0));
            in.insert(QStringLiteral("pkg_tool"), Platform::osFamily(h.os) == OsFamily::Rhel ? QStringLiteral("rpm") : QStringLiteral("dpkg"));
            if (tls)
                in.insert(QStringLiteral("patroni_cert"),
                          QJsonArray{ClusterTls::certPath(), ClusterTls::postgresKeyPath()});
        }
        if (h.has(Role::Etcd)) {
            in.insert(QStringLiteral("etcd"), url(scheme, h.address, c.etcd.clientPort, QStringLiteral("/v3/cluster/member/list")));
            if (tls)
                in.insert(QStringLiteral("etcd_cert"), QJsonArray{ClusterTls::certPath(), ClusterTls::etcdKeyPath()});
        }
        if (h.has(Role::HAProxy)) {
            in.insert(QStringLiteral("haproxy"), url(QStringLiteral("http"), h.address, c.haproxy.statsPort, QStringLiteral("/;csv")));
            in.insert(QStringLiteral("haproxy_auth"), QString(secrets.haproxyStatsUser + QLatin1Char(':') + secrets.haproxyStatsPassword));
        }
        out << DriftProbe{h.name, deployPlan.targets.value(h.name), QJsonDocument(in).toJson(QJsonDocument::Compact)};
    }
    return out;
}

QString driftProbeScript()
{
    // Read-only: hashes files, reads pg_settings as postgres over the local socket, GETs the local REST APIs.
    static const char *py =
        "import sys, os, pwd, json, hashlib, base64, ssl, subprocess, urllib.request as u, urllib.error as ue\n"
        "cfg = json.loads(sys.stdin.read())\n"
        "out = {'files': {}}\n"
        "for p in cfg.get('files', []):\n"
        "    try:\n"
        "        st = os.stat(p)\n"
        "        with open(p, 'rb') as f: h = hashlib.sha256(f.read()).hexdigest()\n"
        "        try: owner = pwd.getpwuid(st.st_uid).pw_name\n"
        "        except KeyError: owner = str(st.st_uid)\n"
        "        out['files'][p] = {'sha256': h, 'mode': '%o' % (st.st_mode & 0o7777), 'owner': owner}\n"
        "    except FileNotFoundError: out['files'][p] = None\n"
        "    except Exception as e: out['files'][p] = {'error': str(e)}\n"
        "def ctx(cert):\n"
        "    if 'ca' not in cfg: return None\n"
        "    c = ssl.create_default_context(cafile=cfg['ca'])\n"
        "    if cert: c.load_cert_chain(cert[0], cert[1])\n"
        "    return c\n"
        "def get(url, cert=None, auth=None, post=None):\n"
        "    h = {'Content-Type': 'application/json'} if post is not None else {}\n"
        "    if auth: h['Authorization'] = 'Basic ' + base64.b64encode(auth.encode()).decode()\n"
        "    try:\n"
        "        c = ctx(cert) if url.startswith('https') else None\n"
        "        r = u.urlopen(u.Request(url, data=post, headers=h), timeout=3, context=c)\n"
        "        return {'status': r.status, 'body': r.read().decode('utf-8', 'replace')}\n"
        "    except ue.HTTPError as e: return {'status': e.code, 'body': e.read().decode('utf-8', 'replace')}\n"
        "    except Exception as e: return {'error': str(e)}\n"
        "if 'patroni' in cfg:\n"
        "    b, cert = cfg['patroni'], cfg.get('patroni_cert')\n"
        "    for k in ('patroni', 'config', 'cluster'): out[k] = get(b + '/' + k, cert)\n"
        "    q = (\"select coalesce(json_agg(json_build_array(name, setting, unit, context, pending_restart)), '[]') \"\n"
        "         \"from pg_settings\")\n"
        "    try:\n"
        "        r = subprocess.run(['runuser', '-u', 'postgres', '--', os.path.join(cfg['pg_bin'], 'psql'), '-XAtq',\n"
        "                            '-p', str(cfg['pg_port']), '-d', 'postgres', '-c', q], capture_output=True, timeout=10)\n"
        "        if r.returncode == 0: out['pg_settings'] = {'rows': json.loads(r.stdout.decode())}\n"
        "        else: out['pg_settings'] = {'error': r.stderr.decode('utf-8', 'replace').strip()}\n"
        "    except Exception as e: out['pg_settings'] = {'error': str(e)}\n"
        "if cfg.get('pg_package'):\n"
        "    n = cfg['pg_package']\n"
        "    cmd = ['rpm', '-q', '--qf', '%{VERSION}-%{RELEASE}', n] if cfg.get('pkg_tool') == 'rpm' else ['dpkg-query', '-W', '-f=${Version}', n]\n"
        "    try:\n"
        "        r = subprocess.run(cmd, capture_output=True, timeout=10)\n"
        "        v = r.stdout.decode('utf-8', 'replace').strip()\n"
        "        out['pg_package'] = {'version': v} if r.returncode == 0 and v else {'error': n + ': ' + (r.stderr.decode('utf-8', 'replace').strip() or 'not installed')}\n"
        "    except Exception as e: out['pg_package'] = {'error': str(e)}\n"
    "if 'etcd' in cfg: out['etcd'] = get(cfg['etcd'], cfg.get('etcd_cert'), post=b'{}')\n"
        "if 'haproxy' in cfg: out['haproxy'] = get(cfg['haproxy'], auth=cfg.get('haproxy_auth'))\n"
        "if 'hosts_file' in cfg:\n"
        "    try:\n"
        "        with open(cfg['hosts_file'], 'rb') as f: out['hosts_file'] = {'text': f.read(65536).decode('utf-8', 'replace')}\n"
        "    except FileNotFoundError: out['hosts_file'] = None\n"
        "    except Exception as e: out['hosts_file'] = {'error': str(e)}\n"
        "print(json.dumps(out))\n";
    return QStringLiteral("python3 -c ") + shellQuote(QString::fromLatin1(py));
}

DriftCollection collectDrift(const QList<DriftProbe> &probes, const SessionFactory &factory, int timeoutSec)
{
    DriftCollection result;
    QList<ObservedHost> hosts(probes.size());
    QList<int> refused(probes.size(), 0);
    std::atomic_bool cancel{false};
    std::vector<std::thread> threads;
    const QString script = driftProbeScript();
    for (int i = 0; i < probes.size(); ++i) {
        threads.emplace_back([&, i] {
            const DriftProbe &p = probes.at(i);
            ObservedHost &h = hosts[i];
            h.name = p.host;
            std::unique_ptr<RemoteSession> s = factory(p.target, nullptr, &cancel);
            if (const std::optional<SshError> e = s->connect()) {
                h.error = e->message;
                refused[i] = e->kind == SshError::Kind::HostKeyChanged || e->kind == SshError::Kind::HostKeyUnknown;
                return;
            }
            const ExecResult r = s->run(script, p.input, timeoutSec);
            s->disconnect();
            if (!r.ok()) {
                h.error = r.error ? r.error->message
                                  : QCoreApplication::translate("pgha::Drift", "the probe failed (exit %1): %2")
                                        .arg(r.exitCode)
                                        .arg(QString::fromUtf8(r.err + r.out).trimmed().right(300));
                return;
            }
            Result<ObservedHost> parsed = DriftProbeParser::parse(p.host, r.out);
            if (!parsed.ok()) {
                h.error = parsed.error().message;
                return;
            }
            h = parsed.value();
        });
    }
    for (std::thread &t : threads)
        t.join();
    result.hosts = hosts;
    for (int r : refused)
        result.hostKeyRefused = result.hostKeyRefused || r;
    return result;
}

} // namespace pgha
