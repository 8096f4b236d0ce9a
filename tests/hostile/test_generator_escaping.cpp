// The second wall (issue 8): hostile values put straight into the Topology and the Secrets, bypassing the loader
// and the validator, must not change the structure of any generated file. Each file is read back the way its
// consumer reads it (yaml-cpp for YAML, bash for the environment file, the install script and the runbook's
// commands, HAProxy's word rules for haproxy.cfg) and compared with the same design's benign bundle.
#include "core/generate/GenUtil.h"
#include "core/generate/Generator.h"
#include "core/generate/PgBouncerConfig.h"
#include "core/model/Platform.h"
#include "core/generate/KeepalivedConfig.h"
#include "core/model/Secrets.h"
#include "core/project/ProjectFile.h"
#include "core/util/ShellQuote.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <yaml-cpp/yaml.h>

using namespace pgha;

namespace {

const QString kMarker = QStringLiteral("/tmp/pgha-hostile-escaping-%1").arg(QCoreApplication::applicationPid());

Secrets benignSecrets()
{
    Secrets s;
    s.superuserPassword = QStringLiteral("Vq7nR2xK9pLm4sT8wZ3bY6cF1hJ5dG0a");
    s.replicationPassword = QStringLiteral("Xk2Pm9Qr4Tn7Ws1Zb8Cv5Yh3Lj6Fd0Ga");
    s.rewindPassword = QStringLiteral("Hn4Jt8Rk2Wm6Qp9Zs3Xv7Bc1Yf5Ld0Ge");
    s.restApiPassword = QStringLiteral("Pb6Nk3Tr9Wq2Zm7Xs4Hv8Jc1Yd5Lf0Gt");
    s.haproxyStatsPassword = QStringLiteral("Mf3Qk8Ts2Wr6Zn9Xp4Hb7Jv1Yc5Ld0Gu");
    s.poolerAuthPassword = QStringLiteral("Rw5Kp2Tn8Qz3Xm6Hs9Jb1Vc4Yd7Lf0Gv");
    return s;
}

QString touch()
{
    return QStringLiteral("$(touch ") + kMarker + QStringLiteral(")`touch ") + kMarker + QStringLiteral("`");
}

Host repositoryHost()
{
    Host repo;
    repo.name = QStringLiteral("repo1");
    repo.address = QStringLiteral("10.104.0.9");
    repo.subnet = QStringLiteral("db");
    repo.os = QStringLiteral("rhel8");
    repo.roles = Role::Backup;
    return repo;
}

// Every field that reaches a file, made hostile. Host names stay valid: they are also file paths in the
// bundle, whose confinement BundleWriter tests.
Topology hostileTopology()
{
    Topology t = ProjectFile::referenceTopology();
    t.cluster.name = QStringLiteral("c\nevil: 1 # ") + touch() + QStringLiteral(" %i");
    t.cluster.ns = QStringLiteral("ns'\"\n- x");
    t.cluster.users.superuser = QStringLiteral("all 0.0.0.0/0 trust #\nx: y");
    t.cluster.users.replication = QStringLiteral("rep'l\"ica\\");
    t.cluster.users.rewind = QStringLiteral("all");
    t.cluster.postgres.dataDir = QStringLiteral("/var/lib/pg") + touch() + QStringLiteral("\nrm -rf /x");
    t.cluster.postgres.parameters.insert(QStringLiteral("work_mem\nfsync"), QStringLiteral("4MB\n  evil: true"));
    t.cluster.postgres.parameters.insert(QStringLiteral("application_name"), QStringLiteral("'\"\\ # x"));
    t.cluster.etcd.token = QStringLiteral("tok\"\nETCD_EVIL=\"1\" ") + touch() + QStringLiteral(" $HOME \\");
    for (Host &h : t.hosts)
        h.ssh.user = QStringLiteral("-oProxyCommand=touch ") + kMarker;
    HbaRule r;
    r.type = QStringLiteral("host all all 0.0.0.0/0 trust\nhost");
    r.database = QStringLiteral("all\nhost all all 0.0.0.0/0 trust");
    r.user = QStringLiteral("x\" y,+all,all 0.0.0.0/0 trust #");
    r.address = QStringLiteral("10.0.0.0/8 trust");
    r.method = QStringLiteral("scram-sha-256 # x");
    t.cluster.extraHba.append(r);
    t.cluster.pooler.enabled = true;
    t.cluster.pooler.authUser = QStringLiteral("x\" y\nauth_type = trust ; [databases]\n* = host=10.0.0.9");
    // Backups (issue 10): a repository host; path and schedules reach pgbackrest.conf, units and the crontab.
    Host repo = repositoryHost();
    repo.ssh.user = QStringLiteral("-oProxyCommand=touch ") + kMarker;
    t.hosts.append(repo);
    t.cluster.backup.enabled = true;
    t.cluster.backup.path = QStringLiteral("/var/lib/br") + touch() + QStringLiteral("\nrepo1-path=/");
    t.cluster.backup.full = QStringLiteral("Sun *-*-* 01:00\nExecStart=/bin/sh -c ") + touch() + QStringLiteral(" %i");
    t.cluster.backup.diff = QStringLiteral("* * * * * ") + touch() + QStringLiteral("\n* * * * * x");
    return t;
}

Topology benignTopology()
{
    Topology t = ProjectFile::referenceTopology();
    t.cluster.pooler.enabled = true;
    t.hosts.append(repositoryHost());
    t.cluster.backup.enabled = true;
    HbaRule r;
    r.type = QStringLiteral("hostssl");
    r.database = QStringLiteral("app");
    r.user = QStringLiteral("app");
    r.address = QStringLiteral("10.0.0.0/8");
    r.method = QStringLiteral("scram-sha-256");
    t.cluster.extraHba.append(r);
    return t;
}

Secrets hostileSecrets()
{
    Secrets s = benignSecrets();
    s.haproxyStatsPassword = QStringLiteral("pw\n    stats admin if TRUE\n'\"#x $HOME \\");
    s.haproxyStatsUser = QStringLiteral("hap user");
    s.restApiPassword = QStringLiteral("a'b\"c\nd: e");
    s.restApiUser = QStringLiteral("u\n  evil: 1");
    s.superuserPassword = QStringLiteral("p\u2028q\x7f'");
    s.poolerAuthPassword = QStringLiteral("pw\"\n\"evil\" \"x'; DROP ROLE postgres; --");
    return s;
}

// The key paths of a YAML tree: "a.b", "a.list[]" ... (sequence items collapse), values left out.
void shape(const YAML::Node &n, const QString &prefix, QStringList *out, const QString &skip)
{
    if (n.IsMap()) {
        for (auto it = n.begin(); it != n.end(); ++it) {
            const QString p = prefix + QLatin1Char('.') + QString::fromStdString(it->first.Scalar());
            out->append(p);
            if (p != skip)
                shape(it->second, p, out, skip);
        }
    } else if (n.IsSequence()) {
        for (const YAML::Node &e : n)
            shape(e, prefix + QStringLiteral("[]"), out, skip);
    }
}

QStringList yamlShape(const QByteArray &text, const QString &skip = {})
{
    QStringList out;
    shape(YAML::Load(text.toStdString()), QString(), &out, skip);
    out.removeDuplicates();
    out.sort();
    return out;
}

struct Run
{
    int exitCode = -1;
    QByteArray out, err;
};

Run run(const QString &program, const QStringList &args, const QMap<QString, QString> &env = {})
{
    QProcess p;
    if (!env.isEmpty()) {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            e.insert(it.key(), it.value());
        p.setProcessEnvironment(e);
    }
    p.start(program, args);
    p.waitForFinished(30000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// HAProxy's word rules (configuration manual 2.2): blanks separate words; '...' is literal; "..." and bare text
// take backslash escapes; an unquoted # starts a comment. Returns the words of one line.
QStringList haproxyWords(const QString &line)
{
    QStringList words;
    QString cur;
    bool inWord = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char(' ') || c == QLatin1Char('\t')) {
            if (inWord)
                words << cur;
            cur.clear();
            inWord = false;
        } else if (c == QLatin1Char('#')) {
            break;
        } else if (c == QLatin1Char('\'')) {
            inWord = true;
            const qsizetype end = line.indexOf(QLatin1Char('\''), i + 1);
            if (end < 0)
                return {QStringLiteral("<unterminated quote>")};
            cur += line.mid(i + 1, end - i - 1);
            i = end;
        } else if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            inWord = true;
            const QChar n = line.at(++i);
            if (n == QLatin1Char('x') && i + 2 < line.size()) {
                cur += QChar(line.mid(i + 1, 2).toInt(nullptr, 16));
                i += 2;
            } else {
                cur += n;
            }
        } else {
            inWord = true;
            cur += c;
        }
    }
    if (inWord)
        words << cur;
    return words;
}

QList<QStringList> haproxyDirectives(const QByteArray &cfg)
{
    QList<QStringList> out;
    for (const QString &l : QString::fromUtf8(cfg).split(QLatin1Char('\n'))) {
        const QStringList w = haproxyWords(l);
        if (!w.isEmpty())
            out << w;
    }
    return out;
}

// The variables bash sees after sourcing an environment file (systemd's EnvironmentFile= reads the same quoting).
QMap<QString, QString> sourceEnvFile(const QString &path)
{
    const Run r = run(QStringLiteral("env"), {QStringLiteral("-i"), QStringLiteral("/bin/bash"), QStringLiteral("-c"),
                                              QStringLiteral("set -a; . \"$1\"; env -0"), QStringLiteral("_"), path});
    QMap<QString, QString> vars;
    for (const QByteArray &kv : r.out.split('\0')) {
        const int eq = kv.indexOf('=');
        if (eq > 0 && kv.startsWith("ETCD_"))
            vars.insert(QString::fromUtf8(kv.left(eq)), QString::fromUtf8(kv.mid(eq + 1)));
    }
    return vars;
}

// pgbouncer.ini as PgBouncer reads it: [section] lines, key = value, a value either "..." ("" for a quote) or the
// rest of the line; ';' and '#' start comment lines. Returns "section.key" -> value in file order.
QList<QPair<QString, QString>> pgbouncerIni(const QByteArray &text)
{
    QList<QPair<QString, QString>> out;
    QString section;
    for (QString l : QString::fromUtf8(text).split(QLatin1Char('\n'))) {
        l = l.trimmed();
        if (l.isEmpty() || l.startsWith(QLatin1Char(';')) || l.startsWith(QLatin1Char('#')))
            continue;
        if (l.startsWith(QLatin1Char('['))) {
            section = l.mid(1, l.indexOf(QLatin1Char(']')) - 1);
            continue;
        }
        const qsizetype eq = l.indexOf(QLatin1Char('='));
        if (eq < 0) {
            out << qMakePair(QStringLiteral("<no key>"), l);
            continue;
        }
        const QString key = section + QLatin1Char('.') + l.left(eq).trimmed();
        QString v = l.mid(eq + 1).trimmed();
        if (v.startsWith(QLatin1Char('"'))) {
            QString u;
            qsizetype i = 1;
            for (; i < v.size(); ++i) {
                if (v.at(i) == QLatin1Char('"')) {
                    if (i + 1 < v.size() && v.at(i + 1) == QLatin1Char('"')) {
                        u += QLatin1Char('"');
                        ++i;
                        continue;
                    }
                    break;
                }
                u += v.at(i);
            }
            if (i + 1 < v.size())
                u += QStringLiteral("<trailing:") + v.mid(i + 1) + QLatin1Char('>');
            v = u;
        }
        out << qMakePair(key, v);
    }
    return out;
}

} // namespace

class TestGeneratorEscaping : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Bundle m_benign;
    Bundle m_hostile;
    Topology m_topology;
    Secrets m_secrets;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
        return path;
    }

    // A bin directory whose programs record their arguments (one per line, C-escaped by printf %q) and do nothing.
    QString fakeBin(const QStringList &programs)
    {
        const QString bin = m_dir.filePath(QStringLiteral("bin"));
        QDir().mkpath(bin);
        for (const QString &p : programs) {
            const QString path = bin + QLatin1Char('/') + p;
            QFile f(path);
            if (f.open(QIODevice::WriteOnly))
                f.write(QStringLiteral("#!/bin/bash\n{ printf '%s %s' \"${0##*/}\" \"$#\"; printf ' %q' \"$@\"; echo; } >>%1\n")
                            .arg(shellQuote(m_dir.filePath(QStringLiteral("calls.log"))))
                            .toUtf8());
            f.close();
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        QFile::remove(m_dir.filePath(QStringLiteral("calls.log")));
        return bin;
    }

    QStringList calls()
    {
        QFile f(m_dir.filePath(QStringLiteral("calls.log")));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(kMarker);
        m_topology = hostileTopology();
        m_secrets = hostileSecrets();
        m_benign = generateBundle(benignTopology(), benignSecrets());
        m_hostile = generateBundle(m_topology, m_secrets);
        QCOMPARE(m_hostile.files.size(), m_benign.files.size());
    }

    void cleanupTestCase()
    {
        QVERIFY2(!QFile::exists(kMarker), "a hostile value was executed");
    }

    void patroniYamlKeepsItsKeys()
    {
        int checked = 0;
        for (int i = 0; i < m_hostile.files.size(); ++i) {
            const GeneratedFile &h = m_hostile.files.at(i);
            if (!h.path.endsWith(QLatin1String("patroni.yml")))
                continue;
            const GeneratedFile &b = m_benign.files.at(i);
            QCOMPARE(h.path, b.path);
            const QString params = QStringLiteral(".bootstrap.dcs.postgresql.parameters");
            QCOMPARE(yamlShape(h.content, params), yamlShape(b.content, params));
            const YAML::Node y = YAML::Load(h.content.toStdString());
            // Values come back exactly; the data directory as the deploy uses it (normalised).
            QCOMPARE(QString::fromStdString(y["scope"].Scalar()), m_topology.cluster.name);
            QCOMPARE(QString::fromStdString(y["namespace"].Scalar()), m_topology.cluster.ns);
            QCOMPARE(QString::fromStdString(y["postgresql"]["authentication"]["superuser"]["username"].Scalar()),
                     m_topology.cluster.users.superuser);
            QCOMPARE(QString::fromStdString(y["postgresql"]["authentication"]["superuser"]["password"].Scalar()),
                     m_secrets.superuserPassword);
            QCOMPARE(QString::fromStdString(y["restapi"]["authentication"]["password"].Scalar()),
                     m_secrets.restApiPassword);
            QCOMPARE(QString::fromStdString(y["postgresql"]["data_dir"].Scalar()),
                     QDir::cleanPath(m_topology.cluster.postgres.dataDir));
            // Parameters: exactly the benign ones plus the two hostile names, nothing injected.
            const YAML::Node p = y["bootstrap"]["dcs"]["postgresql"]["parameters"];
            const YAML::Node bp = YAML::Load(b.content.toStdString())["bootstrap"]["dcs"]["postgresql"]["parameters"];
            QCOMPARE(int(p.size()), int(bp.size()) + 2);
            QCOMPARE(QString::fromStdString(p["work_mem\nfsync"].Scalar()), QStringLiteral("4MB\n  evil: true"));
            // pg_hba: as many entries as the benign design, none of them trust, each a single line.
            const YAML::Node hba = y["postgresql"]["pg_hba"];
            QCOMPARE(hba.size(), YAML::Load(b.content.toStdString())["postgresql"]["pg_hba"].size());
            for (const YAML::Node &l : hba) {
                const QString line = QString::fromStdString(l.Scalar());
                QVERIFY2(!line.contains(QLatin1Char('\n')), qPrintable(line));
                // The words of a pg_hba line: a hostile name stays inside its double quotes.
                QString unquoted = line;
                unquoted.remove(QRegularExpression(QStringLiteral("\"[^\"]*\"")));
                QVERIFY2(!unquoted.contains(QLatin1String("trust")), qPrintable(line));
                QVERIFY2(!unquoted.contains(QLatin1String("0.0.0.0/0")) || line.endsWith(QLatin1String(" reject")),
                         qPrintable(line));
            }
            ++checked;
        }
        QVERIFY(checked >= 3);
    }

    void etcdYamlKeepsItsKeys()
    {
        int checked = 0;
        for (int i = 0; i < m_hostile.files.size(); ++i) {
            const GeneratedFile &h = m_hostile.files.at(i);
            if (h.syntax != FileSyntax::Yaml || h.path.endsWith(QLatin1String("patroni.yml")))
                continue;
            QCOMPARE(yamlShape(h.content), yamlShape(m_benign.files.at(i).content));
            const YAML::Node y = YAML::Load(h.content.toStdString());
            QCOMPARE(QString::fromStdString(y["initial-cluster-token"].Scalar()), m_topology.cluster.etcd.token);
            ++checked;
        }
        QVERIFY(checked >= 3);
    }

    void etcdEnvFileHasExactlyItsVariables()
    {
        int checked = 0;
        for (int i = 0; i < m_hostile.files.size(); ++i) {
            const GeneratedFile &h = m_hostile.files.at(i);
            // etcd's environment file only (other INI files, pgbackrest.conf, are not shell and must not be sourced).
            if (h.syntax != FileSyntax::Ini || !h.path.contains(QLatin1String("etcd")))
                continue;
            const QMap<QString, QString> hv = sourceEnvFile(write(QStringLiteral("hostile.env"), h.content));
            const QMap<QString, QString> bv = sourceEnvFile(write(QStringLiteral("benign.env"), m_benign.files.at(i).content));
            QVERIFY(bv.size() >= 10);
            QCOMPARE(hv.keys(), bv.keys());
            // The token arrives whole; its line break (the validator refuses it) became a space.
            QString want = m_topology.cluster.etcd.token;
            want.replace(QLatin1Char('\n'), QLatin1Char(' '));
            QCOMPARE(hv.value(QStringLiteral("ETCD_INITIAL_CLUSTER_TOKEN")), want);
            ++checked;
        }
        QVERIFY(checked >= 3);
    }

    void haproxyCfgHasNoExtraDirective()
    {
        int checked = 0;
        for (int i = 0; i < m_hostile.files.size(); ++i) {
            const GeneratedFile &h = m_hostile.files.at(i);
            if (h.syntax != FileSyntax::HAProxy)
                continue;
            const QList<QStringList> hd = haproxyDirectives(h.content);
            const QList<QStringList> bd = haproxyDirectives(m_benign.files.at(i).content);
            QCOMPARE(hd.size(), bd.size());
            for (int k = 0; k < hd.size(); ++k) {
                QCOMPARE(hd.at(k).size(), bd.at(k).size());
                QCOMPARE(hd.at(k).first(), bd.at(k).first());
            }
            bool sawAuth = false;
            for (const QStringList &d : hd) {
                QVERIFY2(!(d.value(0) == QLatin1String("stats") && d.value(1) == QLatin1String("admin")),
                         qPrintable(d.join(QLatin1Char(' '))));
                if (d.value(0) == QLatin1String("stats") && d.value(1) == QLatin1String("auth")) {
                    QCOMPARE(d.value(2), m_secrets.haproxyStatsUser + QLatin1Char(':') + m_secrets.haproxyStatsPassword);
                    sawAuth = true;
                }
            }
            QVERIFY(sawAuth);
            // And HAProxy itself reads the file (without TLS: the CA file of a TLS design is not on this machine).
            if (!QStandardPaths::findExecutable(QStringLiteral("haproxy")).isEmpty()) {
                Topology plain = m_topology;
                plain.cluster.security.tls = false;
                const Bundle pb = generateBundle(plain, m_secrets);
                const GeneratedFile *pf = pb.find(h.host, h.path);
                QVERIFY(pf);
                QString cfg = QString::fromUtf8(pf->content);
                QVERIFY(cfg.contains(QLatin1String("stats auth ")));
                cfg.replace(QLatin1String("    user haproxy\n    group haproxy\n"), QString());
                cfg.replace(QLatin1String("    log /dev/log local0\n"), QString());
                const Run r = run(QStringLiteral("haproxy"),
                                  {QStringLiteral("-c"), QStringLiteral("-f"), write(QStringLiteral("h.cfg"), cfg.toUtf8())});
                QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
            }
            ++checked;
        }
        QVERIFY(checked >= 1);
    }

    void pgbouncerFilesKeepTheirKeys()
    {
        int checked = 0;
        for (int i = 0; i < m_hostile.files.size(); ++i) {
            const GeneratedFile &h = m_hostile.files.at(i);
            const GeneratedFile &b = m_benign.files.at(i);
            QCOMPARE(h.path, b.path);
            if (h.path == Platform::pgbouncerConfigPath()) {
                const auto hk = pgbouncerIni(h.content);
                const auto bk = pgbouncerIni(b.content);
                QCOMPARE(hk.size(), bk.size() - 1);  // stats_users only takes a plain name: left out
                QStringList hostileKeys, benignKeys;
                for (const auto &kv : hk)
                    hostileKeys << kv.first;
                for (const auto &kv : bk) {
                    if (kv.first != QLatin1String("pgbouncer.stats_users"))
                        benignKeys << kv.first;
                }
                QCOMPARE(hostileKeys, benignKeys);
                QString expected = m_topology.cluster.pooler.authUser;
                expected.replace(QLatin1Char('\n'), QLatin1Char('?'));
                for (const auto &kv : hk) {
                    if (kv.first == QLatin1String("pgbouncer.auth_user"))
                        QCOMPARE(kv.second, expected);
                    if (kv.first == QLatin1String("pgbouncer.auth_type"))
                        QCOMPARE(kv.second, QStringLiteral("scram-sha-256"));
                    QVERIFY2(kv.first != QLatin1String("databases.*") || kv.second == QLatin1String("host=/run/postgresql port=5432"),
                             qPrintable(kv.second));
                }
                ++checked;
            } else if (h.path == Platform::pgbouncerUserlistPath()) {
                // One line: "user" "password", each a single quoted word.
                const QList<QByteArray> lines = h.content.trimmed().split('\n');
                QCOMPARE(lines.size(), 1);
                static const QRegularExpression entry(QStringLiteral("^\"((?:[^\"]|\"\")*)\" \"((?:[^\"]|\"\")*)\"$"));
                const QRegularExpressionMatch m = entry.match(QString::fromUtf8(lines.first()));
                QVERIFY2(m.hasMatch(), lines.first().constData());
                QString pw = m_secrets.poolerAuthPassword;
                pw.replace(QLatin1Char('\n'), QLatin1Char('?'));
                QCOMPARE(m.captured(2).replace(QStringLiteral("\"\""), QStringLiteral("\"")), pw);
                ++checked;
            }
        }
        QVERIFY(checked >= 2);
        // The deploy's SQL: the role only ever as a quoted identifier or a literal; the password never, only its
        // SCRAM verifier (base64 and '$', ':') as a literal.
        const QString sql = QString::fromUtf8(PgBouncerConfig::authSetupSql(m_topology, m_secrets));
        const QString benignSql = QString::fromUtf8(PgBouncerConfig::authSetupSql(benignTopology(), benignSecrets()));
        QVERIFY(!sql.contains(QLatin1String("DROP ROLE postgres")));
        QVERIFY(sql.contains(QLatin1String("PASSWORD '") + QString::fromLatin1(PgBouncerConfig::authVerifier(m_topology, m_secrets))
                             + QLatin1String("';\n")));
        QVERIFY(sql.contains(QLatin1String("GRANT USAGE ON SCHEMA pgha_pooler TO \"x\"\" y\n")));
        QVERIFY(sql.contains(QLatin1String("WHERE rolname = 'x\" y\n")));
        QCOMPARE(sql.count(QLatin1Char('\n')) - benignSql.count(QLatin1Char('\n')), 2 * 7);  // the two-line name 7 times
    }

    void installScriptParsesAndQuotesTheDataDirectory()
    {
        int checked = 0;
        for (const GeneratedFile &h : m_hostile.files) {
            if (h.syntax != FileSyntax::Shell)
                continue;
            const Run r = run(QStringLiteral("bash"), {QStringLiteral("-n"), write(QStringLiteral("install.sh"), h.content)});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            ++checked;
        }
        QVERIFY(checked >= 4);
        // The data directory lines, run by bash with a recording install: one argument, the normalised path.
        const QString dir = QDir::cleanPath(m_topology.cluster.postgres.dataDir);
        const QString bin = fakeBin({QStringLiteral("install")});
        const Run r = run(QStringLiteral("bash"), {QStringLiteral("-c"), GenUtil::dataDirScript(dir)},
                          {{QStringLiteral("PATH"), bin + QStringLiteral(":/usr/bin:/bin")}});
        QCOMPARE(r.exitCode, 0);
        const QStringList c = calls();
        QVERIFY(!c.isEmpty());
        QCOMPARE(c.last(), QStringLiteral("install 9 -d -o postgres -g postgres -m 0700 -- ")
                               + QString::fromUtf8(run(QStringLiteral("bash"), {QStringLiteral("-c"),
                                                                                QStringLiteral("printf %q \"$1\""),
                                                                                QStringLiteral("_"), dir})
                                                       .out));
    }

    // Issue 8, item 2: only the missing components are created; an existing parent is never changed.
    void dataDirectoryNeverTouchesAnExistingParent_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<QStringList>("created");
        QTest::newRow("/pgdata") << QStringLiteral("/pgdata") << QStringList{QStringLiteral("/pgdata")};
        QTest::newRow("/home/pgdata") << QStringLiteral("/home/pgdata") << QStringList{QStringLiteral("/home/pgdata")};
        QTest::newRow("dot-dot normalised")
            << QStringLiteral("/var/lib/pgsql/../../../etc/pgha-nonexistent")
            << QStringList{QStringLiteral("/etc/pgha-nonexistent")};
        QTest::newRow("missing parents") << QStringLiteral("/pgha-nonexistent-a/b/data")
                                         << QStringList{QStringLiteral("/pgha-nonexistent-a"),
                                                        QStringLiteral("/pgha-nonexistent-a/b"),
                                                        QStringLiteral("/pgha-nonexistent-a/b/data")};
    }

    void dataDirectoryNeverTouchesAnExistingParent()
    {
        QFETCH(QString, dir);
        QFETCH(QStringList, created);
        const QString bin = fakeBin({QStringLiteral("install")});
        const Run r = run(QStringLiteral("bash"), {QStringLiteral("-c"), GenUtil::dataDirScript(dir)},
                          {{QStringLiteral("PATH"), bin + QStringLiteral(":/usr/bin:/bin")}});
        QCOMPARE(r.exitCode, 0);
        QStringList dirs;
        for (const QString &call : calls())
            dirs << call.section(QLatin1Char(' '), -1);
        QCOMPARE(dirs, created);
        QVERIFY(calls().last().contains(QLatin1String("-m 0700")));
    }

    // The runbook's shell lines, run by bash with recording ssh/scp/psql/curl and nothing else on PATH.
    QStringList runRunbook(const Bundle &bundle)
    {
        const GeneratedFile *readme = bundle.find(QString(), QStringLiteral("README.md"));
        if (!readme)
            return {};
        QStringList lines;
        bool inSh = false;
        for (const QString &l : QString::fromUtf8(readme->content).split(QLatin1Char('\n'))) {
            if (l.startsWith(QLatin1String("```")))
                inSh = l == QLatin1String("```sh");
            else if (inSh && !l.trimmed().isEmpty())
                lines << l;
        }
        const QString bin = fakeBin({QStringLiteral("ssh"), QStringLiteral("scp"), QStringLiteral("psql"),
                                     QStringLiteral("curl")});
        const Run r = run(QStringLiteral("bash"), {QStringLiteral("-c"), lines.join(QLatin1Char('\n'))},
                          {{QStringLiteral("PATH"), bin}});
        if (r.exitCode != 0)
            return {QStringLiteral("bash failed: ") + QString::fromUtf8(r.err)};
        return calls();
    }

    void runbookCommandsSeeOneTarget_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("tls") << true;
        QTest::newRow("plain") << false;
    }

    void runbookCommandsSeeOneTarget()
    {
        QFETCH(bool, tls);
        Topology hostile = m_topology;
        Topology benign = benignTopology();
        hostile.cluster.security.tls = benign.cluster.security.tls = tls;
        const QStringList b = runRunbook(generateBundle(benign, benignSecrets()));
        const QStringList h = runRunbook(generateBundle(hostile, m_secrets));
        QVERIFY(b.size() > 10);
        // The same commands with the same number of arguments each (program and argc) as the benign design's
        // runbook: nothing added, nothing split, nothing joined.
        // (The "--" that keeps an option-looking ssh target an operand is the one argument allowed extra.)
        const auto shape = [](const QStringList &calls) {
            QStringList p;
            for (const QString &c : calls) {
                const QStringList words = c.split(QLatin1Char(' '));
                p << words.value(0) + QLatin1Char(' ') + QString::number(words.value(1).toInt() - int(words.count(QStringLiteral("--"))));
            }
            return p;
        };
        QCOMPARE(shape(h), shape(b));
        const Host &first = hostile.hosts.first();
        const QString target = QString::fromUtf8(
            run(QStringLiteral("bash"), {QStringLiteral("-c"), QStringLiteral("printf %q \"$1\""), QStringLiteral("_"),
                                         first.ssh.user + QLatin1Char('@') + first.address})
                .out);
        int ssh = 0;
        for (const QString &call : h) {
            if (!call.startsWith(QLatin1String("ssh ")))
                continue;
            // ssh ARGC [-p N] -- USER@ADDRESS COMMAND...: the option-looking user is an operand after "--".
            QVERIFY2(call.section(QLatin1Char(' '), 2, 2) == QLatin1String("--"), qPrintable(call));
            if (call.contains(QStringLiteral(" -- ") + target + QLatin1Char(' ')))
                ++ssh;
        }
        QVERIFY(ssh >= 3);
        if (!tls) {
            // The superuser reaches psql as one argument.
            const QString su = QString::fromUtf8(run(QStringLiteral("bash"), {QStringLiteral("-c"), QStringLiteral("printf %q \"$1\""),
                                                                              QStringLiteral("_"), hostile.cluster.users.superuser})
                                                     .out);
            bool psql = false;
            for (const QString &call : h)
                psql = psql || (call.startsWith(QLatin1String("psql ")) && call.contains(QStringLiteral(" -U ") + su + QLatin1Char(' ')));
            QVERIFY(psql);
        }
    }

    void pgbackrestFilesKeepTheirKeys()
    {
        int confs = 0, crontabs = 0;
        for (int i = 0; i < m_hostile.files.size(); ++i) {
            const GeneratedFile &h = m_hostile.files.at(i);
            const GeneratedFile &b = m_benign.files.at(i);
            QCOMPARE(h.path, b.path);
            if (h.path.endsWith(QLatin1String("/pgbackrest.conf"))) {
                // The same sections and keys in the same order: no value adds a line, a key or a section.
                const auto keys = [](const QByteArray &conf) {
                    QStringList k;
                    for (const QString &l : QString::fromUtf8(conf).split(QLatin1Char('\n'))) {
                        if (l.startsWith(QLatin1Char('#')) || l.isEmpty())
                            continue;
                        k << (l.startsWith(QLatin1Char('[')) ? QStringLiteral("[section]") : l.section(QLatin1Char('='), 0, 0));
                    }
                    return k;
                };
                QCOMPARE(keys(h.content), keys(b.content));
                QCOMPARE(h.content.count('\n'), b.content.count('\n'));
                ++confs;
            } else if (h.path.endsWith(QLatin1String("pgbackrest.crontab"))) {
                // Every line a comment or one cron entry made of the schedule's numbers; a bad schedule adds none.
                for (const QString &l : QString::fromUtf8(h.content).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                    QVERIFY2(l.startsWith(QLatin1Char('#'))
                                 || QRegularExpression(QStringLiteral("^[0-9]+ [0-9]+ \\* \\* [0-9,*]+ ")).match(l).hasMatch(),
                             qPrintable(l));
                }
                ++crontabs;
            }
        }
        QVERIFY(confs >= 4);
        QCOMPARE(crontabs, 1);
    }

    void hostsFileAndUnitKeepTheirLines()
    {
        for (int i = 0; i < m_hostile.files.size(); ++i) {
            const GeneratedFile &h = m_hostile.files.at(i);
            if (h.syntax != FileSyntax::Hosts && h.syntax != FileSyntax::Systemd)
                continue;
            const QByteArray &b = m_benign.files.at(i).content;
            QCOMPARE(h.content.count('\n'), b.count('\n'));
            if (h.syntax == FileSyntax::Systemd) {
                // Same keys in the same order; '%' doubled for systemd.
                const auto keys = [](const QByteArray &unit) {
                    QStringList k;
                    for (const QString &l : QString::fromUtf8(unit).split(QLatin1Char('\n'))) {
                        if (!l.startsWith(QLatin1Char('#')) && l.contains(QLatin1Char('=')))
                            k << l.section(QLatin1Char('='), 0, 0);
                    }
                    return k;
                };
                QCOMPARE(keys(h.content), keys(b));
                QVERIFY(h.content.contains("%%i"));
            }
        }
    }

    // keepalived.conf has no quoting a value could rely on: every hostile value (the VIP, the interface, a peer's
    // address, the VRRP password) becomes one word that adds no line, keyword, block or comment.
    void keepalivedConfKeepsItsStructure()
    {
        Topology benign = ProjectFile::referenceTopology();
        Host lb2 = *benign.hostsWith(Role::HAProxy).first();
        lb2.name = QStringLiteral("lb2");
        lb2.address = QStringLiteral("10.104.0.7");
        benign.hosts.append(lb2);
        benign.cluster.vip.address = QStringLiteral("10.104.0.100");
        benign.cluster.vip.interface = QStringLiteral("eth0");
        Secrets benignSec = benignSecrets();
        benignSec.vipPassword = QStringLiteral("Vrrp4Tst");

        Topology hostile = benign;
        hostile.cluster.vip.address = QStringLiteral("10.104.0.100/24\n    }\n    notify_master \"/bin/touch ") + kMarker + QStringLiteral("\" #");
        hostile.cluster.vip.interface = QStringLiteral("eth0 # x\n}\n$HOME @x !y");
        hostile.hosts.last().address = QStringLiteral("10.104.0.7\n    }\n    track_file { ") + touch();
        Secrets hostileSec = benignSec;
        hostileSec.vipPassword = QStringLiteral("pw\n    }\n#!");

        const auto lines = [](const QByteArray &conf) {
            QList<QStringList> out;
            for (const QString &l : QString::fromUtf8(conf).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                if (!l.startsWith(QLatin1Char('#')))
                    out << l.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            }
            return out;
        };
        int checked = 0;
        for (const Host *h : benign.hostsWith(Role::HAProxy)) {
            const QByteArray b = KeepalivedConfig::config(benign, benignSec, *h);
            const Host *hh = hostile.hostByName(h->name);
            QVERIFY(hh);
            const QByteArray x = KeepalivedConfig::config(hostile, hostileSec, *hh);
            const QList<QStringList> bl = lines(b);
            const QList<QStringList> xl = lines(x);
            QCOMPARE(xl.size(), bl.size());
            for (int k = 0; k < xl.size(); ++k) {
                QCOMPARE(xl.at(k).size(), bl.at(k).size());
                if (!bl.at(k).first().front().isDigit())  // a keyword, not an address in a list
                    QCOMPARE(xl.at(k).first(), bl.at(k).first());
            }
            // The only quoted text is the track script; no comment starts, substitutes or selects after a value.
            for (const QString &l : QString::fromUtf8(x).split(QLatin1Char('\n'))) {
                if (l.startsWith(QLatin1Char('#')))
                    continue;
                if (l.contains(QLatin1String("script \""))) {
                    QVERIFY2(l.count(QLatin1Char('"')) == 2 && !l.contains(QLatin1String("touch")), qPrintable(l));
                    continue;
                }
                QVERIFY2(!l.contains(QLatin1Char('#')) && !l.contains(QLatin1Char('!')) && !l.contains(QLatin1Char('"'))
                             && !l.contains(QLatin1Char('@')),
                         qPrintable(l));
                QVERIFY2(!l.contains(QLatin1Char('$')) && !l.contains(QLatin1String("touch")), qPrintable(l));
            }
            QVERIFY(x.contains("pgha-invalid-value"));
            // keepalived reads the benign file (config test; the interface need not exist for the parse).
            if (!QStandardPaths::findExecutable(QStringLiteral("keepalived")).isEmpty()) {
                const Run r = run(QStringLiteral("keepalived"), {QStringLiteral("-t"), QStringLiteral("-l"),
                                                                 QStringLiteral("-f"), write(QStringLiteral("k.conf"), b)});
                QVERIFY2(!QByteArray(r.out + r.err).contains("Unknown keyword"), QByteArray(r.out + r.err).constData());
            }
            ++checked;
        }
        QCOMPARE(checked, 2);
        // The install script's interface lookup quotes the address for the shell.
        Topology auto_ = hostile;
        auto_.cluster.vip.interface.clear();
        const QString script = KeepalivedConfig::interfaceScript(*auto_.hostByName(QStringLiteral("lb2")));
        QVERIFY(script.contains(shellQuote(auto_.hostByName(QStringLiteral("lb2"))->address)));
        const Run n = run(QStringLiteral("bash"), {QStringLiteral("-n"), QStringLiteral("-c"), script});
        QCOMPARE(n.exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestGeneratorEscaping)
#include "test_generator_escaping.moc"
