#include "deploy/PatroniScripts.h"

#include "core/model/Topology.h"
#include "core/pki/ClusterTls.h"
#include "core/util/ShellQuote.h"

namespace pgha::PatroniScripts {

namespace {

QString q(const QString &s)
{
    return shellQuote(s);
}

// The common start of the REST scripts: argv[1..4] = base URL, CA, certificate, key; the credentials from stdin.
const char *kPrelude =
    "import sys, json, time, ssl, base64, urllib.request as u, urllib.error as ue\n"
    "base, ca, cert, key = sys.argv[1:5]\n"
    "args = sys.argv[5:]\n"
    "line = sys.stdin.readline().strip()\n"
    "auth = 'Basic ' + base64.b64encode(line.encode()).decode()\n"
    "ctx = ssl.create_default_context(cafile=ca) if base.startswith('https') else None\n"
    "if ctx: ctx.load_cert_chain(cert, key)\n"
    "def req(method, p, body=None, timeout=10):\n"
    "    data = json.dumps(body).encode() if body is not None else None\n"
    "    r = u.Request(base + p, data=data, method=method, headers={'Authorization': auth, 'Content-Type': 'application/json'})\n"
    "    try:\n"
    "        resp = u.urlopen(r, timeout=timeout, context=ctx)\n"
    "        return resp.status, resp.read().decode()\n"
    "    except ue.HTTPError as e:\n"
    "        return e.code, e.read().decode()\n"
    "def get(p):\n"
    "    return json.loads(req('GET', p)[1])\n"
    "def running(m):\n"
    "    return m.get('state') in ('running', 'streaming')\n"
    "def leads(m):\n"
    "    return m.get('role') in ('leader', 'master', 'primary', 'standby_leader')\n";

QString python(const char *body, const QString &restUrl, const QString &keyPath, const QStringList &args = {})
{
    QString cmd = QStringLiteral("python3 -c %1 %2 %3 %4 %5")
                      .arg(q(QString::fromLatin1(kPrelude) + QString::fromLatin1(body)), q(restUrl), q(ClusterTls::caPath()),
                           q(ClusterTls::certPath()), q(keyPath));
    for (const QString &a : args)
        cmd += QLatin1Char(' ') + q(a);
    return cmd;
}

} // namespace

QString restUrl(const Topology &t, const Host &h)
{
    const QString a = h.address.contains(QLatin1Char(':')) ? QLatin1Char('[') + h.address + QLatin1Char(']') : h.address;
    return (t.cluster.security.tls ? QStringLiteral("https://") : QStringLiteral("http://")) + a + QLatin1Char(':')
        + QString::number(t.cluster.patroni.restApiPort);
}

QString switchoverAway(const QString &restUrl, const QString &name, const QString &keyPath)
{
    static const char *py =
        "import sys, json, time, ssl, base64, urllib.request as u\n"
        "base, name, ca, cert, key = sys.argv[1:6]\n"
        "auth = 'Basic ' + base64.b64encode(sys.stdin.readline().strip().encode()).decode()\n"
        "ctx = ssl.create_default_context(cafile=ca) if base.startswith('https') else None\n"
        "if ctx: ctx.load_cert_chain(cert, key)\n"
        "def get(p):\n"
        "    return json.loads(u.urlopen(u.Request(base + p, headers={'Authorization': auth}), timeout=5,"
        " context=ctx).read().decode())\n"
        "if get('/patroni').get('role') not in ('master', 'primary'):\n"
        "    print(name + ' is not the leader: no switchover'); sys.exit(0)\n"
        // synchronous_mode: only the named synchronous standby may take over; after a replica's restart Patroni
        // names one again a loop or two later. Waited for (90 s) before the switchover is asked for.
        "if get('/config').get('synchronous_mode'):\n"
        "    end = time.time() + 90\n"
        "    while True:\n"
        "        try: ms = get('/cluster').get('members', [])\n"
        "        except Exception: ms = []\n"
        "        sync = [m['name'] for m in ms if m.get('role') == 'sync_standby' and m.get('state') in ('running', 'streaming')]\n"
        "        if sync: print('synchronous standby: ' + sync[0]); break\n"
        "        if time.time() > end: print('no synchronous standby named within 90 s: no switchover'); sys.exit(1)\n"
        "        time.sleep(0.5)\n"
        "body = json.dumps({'leader': name}).encode()\n"
        "r = u.Request(base + '/switchover', data=body, method='POST', headers={'Authorization': auth,"
        " 'Content-Type': 'application/json'})\n"
        // 412/503 while no candidate qualifies yet (synchronous mode names its standby a loop after a restart):
        // asked again for up to 90 s.
        "end = time.time() + 90\n"
        "while True:\n"
        "    try:\n"
        "        print(u.urlopen(r, timeout=60, context=ctx).read().decode()); break\n"
        "    except u.HTTPError as e:\n"
        "        msg = e.read().decode()\n"
        "        if e.code not in (412, 503) or time.time() > end:\n"
        "            print('POST /switchover: HTTP %d %s' % (e.code, msg)); sys.exit(1)\n"
        "        time.sleep(1)\n"
        "end = time.time() + 120\n"
        "while time.time() < end:\n"
        "    try:\n"
        "        c = get('/cluster')\n"
        "        ms = c.get('members', [])\n"
        "        lead = [m for m in ms if m.get('role') in ('leader', 'master', 'primary') and m.get('state') == 'running']\n"
        "        me = [m for m in ms if m.get('name') == name and m.get('role') in ('replica', 'sync_standby')"
        " and m.get('state') in ('running', 'streaming')]\n"
        "        if lead and lead[0].get('name') != name and me:\n"
        "            print('leader is now ' + lead[0]['name']); sys.exit(0)\n"
        "    except Exception as e:\n"
        "        pass\n"
        "    time.sleep(0.1)\n"
        "print('the switchover did not complete within 120 s'); sys.exit(1)\n";
    return QStringLiteral("python3 -c %1 %2 %3 %4 %5 %6")
        .arg(q(QString::fromLatin1(py)), q(restUrl), q(name), q(ClusterTls::caPath()), q(ClusterTls::certPath()),
             q(keyPath));
}


QString patchConfig(const QString &restUrl, const QString &patchJson, const QStringList &expectPending,
                    const QString &keyPath)
{
    static const char *body =
        "patch = json.loads(args[0]); expect = [n for n in args[1].split(',') if n]\n"
        "def flat(o, pre=''):\n"
        "    out = {}\n"
        "    for k, v in o.items():\n"
        "        if isinstance(v, dict) and v: out.update(flat(v, pre + k + '.'))\n"
        "        else: out[pre + k] = v\n"
        "    return out\n"
        "t0 = time.time()\n"
        "s, b = req('PATCH', '/config', patch, 30)\n"
        "if s != 200: print('PATCH /config failed: HTTP %d %s' % (s, b)); sys.exit(1)\n"
        "want = flat(patch)\n"
        "end = time.time() + 30\n"
        "while True:\n"
        "    live = flat(get('/config'))\n"
        "    bad = [k for k, v in want.items() if live.get(k) != v]\n"
        "    if not bad: break\n"
        "    if time.time() > end:\n"
        "        print('read back differs: ' + ', '.join('%s=%r (sent %r)' % (k, live.get(k), want[k]) for k in bad)); sys.exit(1)\n"
        "    time.sleep(0.1)\n"
        "print('read back: ' + ', '.join('%s=%s' % (k, json.dumps(v)) for k, v in sorted(want.items())))\n"
        "print('dynamic configuration applied in %.2f s' % (time.time() - t0))\n"
        "end = time.time() + 90\n"
        "while expect:\n"
        "    ms = {m.get('name'): m for m in get('/cluster').get('members', [])}\n"
        "    waiting = [n for n in expect if not ms.get(n, {}).get('pending_restart')]\n"
        "    if not waiting: print('pending restart on ' + ', '.join(expect)); break\n"
        "    if time.time() > end: print('no pending restart reported by ' + ', '.join(waiting)); sys.exit(1)\n"
        "    time.sleep(0.1)\n";
    return python(body, restUrl, keyPath, {patchJson, expectPending.join(QLatin1Char(','))});
}

namespace {

// The rolling member step (restart and upgrade alike): what the member still needs, the waits around it.
// args: name, members, max lag, the Patroni release wanted ("" = any), the command that restarts Patroni itself
// ("" = POST /restart), PostgreSQL's bin directory ("" = no binary check), "check" (a probe) or "run".
const char *kRollBody =
    "import subprocess, re\n"
    "name, members, maxlag = args[0], int(args[1]), int(args[2])\n"
    "want, cmd, pgbin, check = args[3], args[4], args[5], args[6] == 'check'\n"
    "def binary_version():\n"
    "    try: out = subprocess.run([pgbin + '/postgres', '-V'], capture_output=True, text=True, timeout=10).stdout\n"
    "    except Exception: return None\n"
    "    m = re.search(r'\\(PostgreSQL\\) (\\d+)\\.(\\d+)', out)\n"
    "    return int(m.group(1)) * 10000 + int(m.group(2)) if m else None\n"
    "def todo(me):\n"
    "    why = []\n"
    "    if me.get('pending_restart'): why.append('a restart is pending')\n"
    "    v = (me.get('patroni') or {}).get('version', '')\n"
    "    if want and v != want: why.append('Patroni %s runs, %s is wanted' % (v, want))\n"
    "    b = binary_version() if pgbin else None\n"
    "    if b and me.get('server_version') != b: why.append('PostgreSQL %s runs, %s is installed' % (me.get('server_version'), b))\n"
    "    return why\n"
    "if check: sys.exit(1 if todo(get('/patroni')) else 0)\n"
    "def healthy():\n"
    "    ms = get('/cluster').get('members', [])\n"
    "    if len(ms) < members: return False, 'only %d of %d members registered' % (len(ms), members)\n"
    "    ls = [m for m in ms if leads(m) and running(m)]\n"
    "    if len(ls) != 1: return False, 'no running leader'\n"
    "    for m in ms:\n"
    "        if m is ls[0]: continue\n"
    "        if not running(m): return False, '%s is %s' % (m.get('name'), m.get('state'))\n"
    "        lag = m.get('lag')\n"
    "        if not isinstance(lag, int) or lag > maxlag: return False, '%s lags %s bytes' % (m.get('name'), lag)\n"
    "    return True, 'leader %s, %d replicas streaming within %d bytes' % (ls[0].get('name'), len(ms) - 1, maxlag)\n"
    "def wait_healthy(what, limit):\n"
    "    end = time.time() + limit; last = ''\n"
    "    while time.time() < end:\n"
    "        try: ok, last = healthy()\n"
    "        except Exception as e: ok, last = False, str(e)\n"
    "        if ok: return last\n"
    "        time.sleep(0.1)\n"
    "    print(what + ': ' + last); sys.exit(1)\n"
    "me = get('/patroni')\n"
    "why = todo(me)\n"
    "if not why: print(name + ': no restart pending'); sys.exit(0)\n"
    "if leads(me) or me.get('role') == 'primary': print(name + ' leads: it must be switched over first'); sys.exit(1)\n"
    "print(name + ': ' + '; '.join(why))\n"
    "print('before: ' + wait_healthy('the cluster is not healthy, so ' + name + ' stays up', 120))\n"
    "t0 = time.time()\n"
    "if cmd:\n"
    "    r = subprocess.run(['sh', '-c', cmd], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=240)\n"
    "    if r.returncode != 0: print('restarting Patroni failed (exit %d): %s' % (r.returncode, (r.stdout + r.stderr)[-800:])); sys.exit(1)\n"
    "    print('%s: Patroni restarted in %.1f s' % (name, time.time() - t0))\n"
    "    end = time.time() + 180; why = ['its REST API does not answer']\n"
    "    while time.time() < end:\n"
    "        try: why = todo(get('/patroni'))\n"
    "        except Exception as e: why = [str(e)]\n"
    "        if not why: break\n"
    "        time.sleep(0.1)\n"
    "    if why: print(name + ' after the restart: ' + '; '.join(why)); sys.exit(1)\n"
    "else:\n"
    "    s, b = req('POST', '/restart', {}, 180)\n"
    "    if s != 200: print('POST /restart failed: HTTP %d %s' % (s, b)); sys.exit(1)\n"
    "    print('%s restarted in %.1f s' % (name, time.time() - t0))\n"
    "print('after: ' + wait_healthy(name + ' is not back streaming', 180))\n"
    "if want: print('%s runs Patroni %s' % (name, want))\n"
    "print('%s back in %.1f s' % (name, time.time() - t0))\n";

QStringList rollArgs(const QString &name, int members, qint64 maxLagBytes, const RollAction &action, const char *mode)
{
    return {name, QString::number(members), QString::number(maxLagBytes), action.patroniVersion, action.restartCommand,
            action.postgresBinDir, QString::fromLatin1(mode)};
}

} // namespace

QString rollMember(const QString &restUrl, const QString &name, int members, qint64 maxLagBytes, const QString &keyPath,
                   const RollAction &action)
{
    return python(kRollBody, restUrl, keyPath, rollArgs(name, members, maxLagBytes, action, "run"));
}

QString rollDone(const QString &restUrl, const QString &keyPath, const RollAction &action)
{
    return QStringLiteral("echo | ") + python(kRollBody, restUrl, keyPath, rollArgs({}, 0, 0, action, "check"));
}

QString restartMember(const QString &restUrl, const QString &name, int members, qint64 maxLagBytes,
                      const QString &keyPath)
{
    return rollMember(restUrl, name, members, maxLagBytes, keyPath, {});
}

QString noPendingRestart(const QString &restUrl, const QString &keyPath)
{
    return rollDone(restUrl, keyPath, {});
}

QString reloadMember(const QString &restUrl, const QString &keyPath)
{
    static const char *body =
        "s, b = req('POST', '/reload', {}, 30)\n"
        "if s not in (200, 202): print('POST /reload failed: HTTP %d %s' % (s, b)); sys.exit(1)\n"
        "print(b.strip() or 'reloaded')\n";
    return python(body, restUrl, keyPath);
}

QString stopService(const QString &svc, bool disable)
{
    return QStringLiteral("if [ -d /run/systemd/system ]; then %2systemctl stop %1; else\n"
                          "  pid=$(cat /run/%1.pid 2>/dev/null)\n"
                          "  if [ -n \"$pid\" ] && kill \"$pid\" 2>/dev/null; then\n"
                          "    i=0; while kill -0 \"$pid\" 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done\n"
                          "  fi\n"
                          "  rm -f /run/%1.pid\n"
                          "fi")
        .arg(svc, disable ? QStringLiteral("systemctl disable --quiet %1 2>/dev/null; ").arg(svc) : QString());
}

QString refuseIfLeads(const QString &restUrl, const QString &name, const QString &keyPath)
{
    static const char *body =
        "name = args[0]\n"
        "try: me = get('/patroni')\n"
        "except Exception as e: print(name + ': its Patroni does not answer (' + str(e) + '): nothing to hand over'); sys.exit(0)\n"
        "if leads(me) or me.get('role') == 'primary': print(name + ' leads the cluster: switch over first; it stays'); sys.exit(1)\n"
        "print(name + ' is a ' + str(me.get('role')) + ': it may leave')\n";
    return QStringLiteral("echo | ") + python(body, restUrl, keyPath, {name});
}

QString memberGone(const QString &restUrl, const QString &name, int limitSec, const QString &keyPath)
{
    static const char *body =
        "name, limit = args[0], int(args[1])\n"
        "t0 = time.time(); last = ''\n"
        "while time.time() < t0 + limit:\n"
        "    try:\n"
        "        ms = get('/cluster').get('members', [])\n"
        "        names = [m.get('name') for m in ms]\n"
        "        ls = [m for m in ms if leads(m) and running(m)]\n"
        "        if name not in names and len(ls) == 1:\n"
        "            print('%s left /cluster after %.1f s; members: %s' % (name, time.time() - t0, ', '.join(names))); sys.exit(0)\n"
        "        last = 'members: ' + ', '.join(names)\n"
        "    except Exception as e: last = str(e)\n"
        "    time.sleep(0.5)\n"
        "print('%s is still listed after %d s (%s)' % (name, limit, last)); sys.exit(1)\n";
    return QStringLiteral("echo | ") + python(body, restUrl, keyPath, {name, QString::number(limitSec)});
}

} // namespace pgha::PatroniScripts
