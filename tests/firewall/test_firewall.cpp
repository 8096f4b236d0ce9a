// The generated firewall admits each port only from its peers. The nftables file is read back twice: as
// written, and as the kernel holds it after `nft -f` in a private network namespace; `nft -c -f` accepts it.
// The firewalld rich rules of the RHEL install script are read back the same way. Expected sources are
// spelled out per port here, not computed by the generator's own function.
#include "core/generate/Firewall.h"
#include "core/generate/Generator.h"
#include "core/generate/InstallScript.h"
#include "core/generate/MemberNetworks.h"
#include "core/model/Secrets.h"
#include "core/model/Topology.h"
#include "core/util/Net.h"
#include "deploy/DeployPlan.h"

#include <QDir>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace pgha;

namespace {

using Matrix = QMap<int, QSet<QString>>;  // port -> admitted sources

Host host(const char *name, const char *address, const char *subnet, Roles roles, const char *os)
{
    Host h;
    h.name = QString::fromLatin1(name);
    h.address = QString::fromLatin1(address);
    h.subnet = QString::fromLatin1(subnet);
    h.roles = roles;
    h.os = QString::fromLatin1(os);
    return h;
}

Topology design(const char *os)
{
    Topology t;
    t.cluster.name = QStringLiteral("fw");
    Subnet db;
    db.name = QStringLiteral("db");
    db.cidr = QStringLiteral("10.1.0.0/24");
    Subnet lb;
    lb.name = QStringLiteral("lb");
    lb.cidr = QStringLiteral("10.2.0.0/24");
    Subnet app;
    app.name = QStringLiteral("app");
    app.cidr = QStringLiteral("10.50.0.0/16");
    app.clients = true;
    Subnet app6;
    app6.name = QStringLiteral("app6");
    app6.cidr = QStringLiteral("fd00:50::/64");
    app6.clients = true;
    Subnet ops;
    ops.name = QStringLiteral("ops");
    ops.cidr = QStringLiteral("10.9.0.7/24");  // host bits set: the rules use the network
    ops.admin = true;
    t.subnets = {db, lb, app, app6, ops};
    const Roles pgEtcd = Roles(Role::Postgres | Role::Etcd);
    t.hosts = {host("pg1", "10.1.0.1", "db", pgEtcd, os), host("pg2", "10.1.0.2", "db", pgEtcd, os),
               host("pg3", "10.1.0.3", "db", Roles(Role::Postgres), os), host("e1", "10.1.0.9", "db", Roles(Role::Etcd), os),
               host("lb1", "10.2.0.1", "lb", Roles(Role::HAProxy), os)};
    t.assignUids();
    return t;
}

QSet<QString> set(std::initializer_list<const char *> l)
{
    QSet<QString> s;
    for (const char *e : l)
        s.insert(QString::fromLatin1(e));
    return s;
}

// What the issue asks, written out for the design above.
Matrix expected(const QString &hostName)
{
    const QSet<QString> members = set({"10.1.0.1/32", "10.1.0.2/32", "10.1.0.3/32"});
    const QSet<QString> etcd = set({"10.1.0.1/32", "10.1.0.2/32", "10.1.0.9/32"});
    const QSet<QString> haproxy = set({"10.2.0.1/32"});
    const QSet<QString> admin = set({"10.9.0.0/24"});
    const QSet<QString> clients = set({"10.50.0.0/16", "fd00:50::/64"});
    Matrix m;
    if (hostName == QLatin1String("pg1") || hostName == QLatin1String("pg2") || hostName == QLatin1String("e1")) {
        m[2380] = etcd;                      // peers: the etcd members
        m[2379] = members + etcd + admin;    // Patroni hosts, the members' own checks, admins
    }
    if (hostName.startsWith(QLatin1String("pg"))) {
        m[8008] = haproxy + members + admin;            // HAProxy checks, the other members, admins
        m[5432] = members + haproxy + clients + admin;  // replication, HAProxy, clients, admins
    }
    if (hostName == QLatin1String("lb1")) {
        m[5000] = clients + members;  // clients; the members for the deploy's routing check
        m[5001] = clients + members;
        m[7000] = admin;
    }
    return m;
}

// nft lists adjacent addresses as a range ("10.1.0.1-10.1.0.3"): back to /32 entries (IPv4, small ranges).
QStringList expandRange(const QString &a)
{
    const QStringList ends = a.split(QLatin1Char('-'));
    const auto from = IpAddress::parse(ends.value(0));
    const auto to = IpAddress::parse(ends.value(1));
    if (ends.size() != 2 || !from || !to || from->family != IpAddress::Family::V4 || to->family != IpAddress::Family::V4)
        return {a};
    auto value = [](const IpAddress &x) {
        return (quint32(x.bytes[0]) << 24) | (quint32(x.bytes[1]) << 16) | (quint32(x.bytes[2]) << 8) | x.bytes[3];
    };
    QStringList out;
    for (quint32 v = value(*from); v <= value(*to) && out.size() <= 256; ++v)
        out << QStringLiteral("%1.%2.%3.%4/32").arg(v >> 24).arg((v >> 16) & 255).arg((v >> 8) & 255).arg(v & 255);
    return out;
}

QString withPrefix(const QString &a)
{
    if (a.contains(QLatin1Char('/')))
        return a;
    return a + (a.contains(QLatin1Char(':')) ? QStringLiteral("/128") : QStringLiteral("/32"));
}

// The generator folds consecutive host addresses into small networks (10.1.0.2/31): back to the /32 entries
// they admit, so that what is compared is the set of admitted addresses. Subnets (/24 and wider) stay as they are.
QStringList expandSmallNetwork(const QString &cidr)
{
    const std::optional<Cidr> c = Cidr::parse(cidr);
    if (!c || c->network.family != IpAddress::Family::V4 || c->prefix < 28 || c->prefix == 32)
        return {cidr};
    const IpAddress &n = c->network;
    const quint32 base = (quint32(n.bytes[0]) << 24) | (quint32(n.bytes[1]) << 16) | (quint32(n.bytes[2]) << 8) | n.bytes[3];
    QStringList out;
    for (quint32 v = base; v < base + (quint32(1) << (32 - c->prefix)); ++v)
        out << QStringLiteral("%1.%2.%3.%4/32").arg(v >> 24).arg((v >> 16) & 255).arg((v >> 8) & 255).arg(v & 255);
    return out;
}

void addEntries(QSet<QString> *into, const QString &list)
{
    for (const QString &a : list.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        for (const QString &e : expandRange(a.trimmed())) {
            for (const QString &one : expandSmallNetwork(withPrefix(e)))
                into->insert(one);
        }
    }
}

// Reads "ip saddr { a, b } tcp dport N accept" / "ip6 saddr ..." / "ip saddr @set tcp dport N accept" (the set
// declared as "set NAME { ... elements = { a, b } }") / "tcp dport { ... } drop" lines, as written by the
// generator or listed by nft (which drops /32, may put a set on one line or spread it over several).
Matrix readNft(const QString &text, QSet<int> *dropped)
{
    Matrix m;
    QMap<QString, QSet<QString>> sets;
    static const QRegularExpression set(QStringLiteral("set (\\w+) \\{[^{}]*elements = \\{([^}]*)\\}"));
    for (auto it = set.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch x = it.next();
        addEntries(&sets[x.captured(1)], x.captured(2));
    }
    static const QRegularExpression accept(
        QStringLiteral("ip6? saddr (\\{ ([^}]*) \\}|@(\\w+)|(\\S+)) tcp dport (\\d+) accept"));
    static const QRegularExpression drop(QStringLiteral("tcp dport \\{ ([^}]*) \\} drop"));
    for (auto it = accept.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch x = it.next();
        QSet<QString> &into = m[x.captured(5).toInt()];
        if (!x.captured(3).isEmpty()) {
            if (!sets.contains(x.captured(3)))
                into.insert(QStringLiteral("undeclared set @") + x.captured(3));
            into += sets.value(x.captured(3));
        } else {
            addEntries(&into, x.captured(2).isEmpty() ? x.captured(4) : x.captured(2));
        }
    }
    for (auto it = drop.globalMatch(text); it.hasNext();) {
        for (const QString &p : it.next().captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts))
            dropped->insert(p.trimmed().toInt());
    }
    return m;
}

// Rich rules with a source address, or with a source ipset filled by "pgha_ipset NAME FAMILY NETWORK...".
Matrix readFirewalld(const QString &script)
{
    Matrix m;
    QMap<QString, QSet<QString>> ipsets;
    static const QRegularExpression ipset(QStringLiteral("^\\s*pgha_ipset (\\S+) inet6? (.+)$"),
                                          QRegularExpression::MultilineOption);
    for (auto it = ipset.globalMatch(script); it.hasNext();) {
        const QRegularExpressionMatch x = it.next();
        addEntries(&ipsets[x.captured(1)], x.captured(2));
    }
    static const QRegularExpression rule(QStringLiteral(
        "--add-rich-rule='rule family=\"ipv[46]\" source (address|ipset)=\"([^\"]+)\" port port=\"(\\d+)\" protocol=\"tcp\" accept'"));
    for (auto it = rule.globalMatch(script); it.hasNext();) {
        const QRegularExpressionMatch x = it.next();
        QSet<QString> &into = m[x.captured(3).toInt()];
        if (x.captured(1) == QLatin1String("ipset")) {
            if (!ipsets.contains(x.captured(2)))
                into.insert(QStringLiteral("unfilled ipset ") + x.captured(2));
            into += ipsets.value(x.captured(2));
        } else {
            for (const QString &one : expandSmallNetwork(x.captured(2)))
                into.insert(one);
        }
    }
    return m;
}

// The ufw lines of the Debian install script: "ufw allow from SRC to any port P,Q proto tcp", or a loop
// "for src in A B; do ufw allow from "$src" to any port P,Q proto tcp; done".
Matrix readUfw(const QString &script)
{
    Matrix m;
    static const QRegularExpression loop(QStringLiteral(
        "for src in ([^;]+); do\\s+ufw allow from \"\\$src\" to any port ([\\d,]+) proto tcp\\s+done"));
    static const QRegularExpression one(QStringLiteral("ufw allow from ([^\"\\s]+) to any port ([\\d,]+) proto tcp"));
    const auto add = [&m](const QString &sources, const QString &ports) {
        for (const QString &p : ports.split(QLatin1Char(','), Qt::SkipEmptyParts))
            addEntries(&m[p.toInt()], sources);
    };
    for (auto it = loop.globalMatch(script); it.hasNext();) {
        const QRegularExpressionMatch x = it.next();
        add(x.captured(1), x.captured(2));
    }
    for (auto it = one.globalMatch(script); it.hasNext();) {
        const QRegularExpressionMatch x = it.next();
        add(x.captured(1), x.captured(2));
    }
    return m;
}

// The firewalld block of an install script ("if systemctl is-active --quiet firewalld; then ... fi"), run with
// a stand-in firewall-cmd that keeps permanent ipsets as files (one entry a line) and appends rich rules to a
// file: what the block leaves behind, read as firewalld would hold it.
const char *fakeFirewallCmd = R"(#!/bin/bash
set -eu
d="$FAKE_FW"
mkdir -p "$d/ipsets"
ipset="" get=0 adds=() removes=()
for a in "$@"; do
    case "$a" in
        --permanent|--type=*|--option=*|--remove-port=*|--reload) ;;
        --info-ipset=*) [[ -f "$d/ipsets/${a#*=}" ]]; exit $? ;;
        --new-ipset=*) [[ ! -f "$d/ipsets/${a#*=}" ]] || exit 1; : >"$d/ipsets/${a#*=}" ;;
        --ipset=*) ipset="${a#*=}" ;;
        --get-entries) get=1 ;;
        --add-entry=*) adds+=("${a#*=}") ;;
        --remove-entry=*) removes+=("${a#*=}") ;;
        --add-rich-rule=*) echo "${a#*=}" >>"$d/rich" ;;
        *) echo "fake firewall-cmd: unexpected $a" >&2; exit 2 ;;
    esac
done
[[ -z "$ipset" ]] && exit 0
f="$d/ipsets/$ipset"
[[ -f "$f" ]] || { echo "no ipset $ipset" >&2; exit 1; }
if (( get )); then tr '
' ' ' <"$f"; echo; fi
for r in "${removes[@]}"; do grep -vxF -- "$r" "$f" >"$f.tmp" || true; mv "$f.tmp" "$f"; done
for e in "${adds[@]}"; do echo "$e" >>"$f"; done
)";

QString firewalldBlock(const QString &script)
{
    const QString begin = QStringLiteral("if systemctl is-active --quiet firewalld; then\n");
    const int from = script.indexOf(begin);
    const int to = script.indexOf(QStringLiteral("\nfi\n"), from);
    if (from < 0 || to < 0)
        return {};
    return script.mid(from + begin.size(), to - from - begin.size() + 1);
}

QString describe(const Matrix &m)
{
    QStringList out;
    for (auto it = m.cbegin(); it != m.cend(); ++it) {
        QStringList s = it.value().values();
        s.sort();
        out << QStringLiteral("%1: %2").arg(it.key()).arg(s.join(QStringLiteral(" ")));
    }
    return out.join(QStringLiteral("; "));
}

int runNft(const QStringList &args, QByteArray *out)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("unshare"), QStringList{QStringLiteral("--net")} + args);
    if (!p.waitForFinished(30000))
        return -1;
    *out = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class TestFirewall : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(geteuid() == 0, "nft in a private network namespace needs root (CI runs as root)");
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("nft"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")})
                      .isEmpty(),
                 "nftables is required (scripts/setup-debian.sh)");
    }

    void nftablesMatrix_data()
    {
        QTest::addColumn<QString>("hostName");
        for (const char *h : {"pg1", "pg3", "e1", "lb1"})
            QTest::newRow(h) << QString::fromLatin1(h);
    }

    void nftablesMatrix()
    {
        QFETCH(QString, hostName);
        const Topology t = design("debian12");
        const Host *h = t.hostByName(hostName);
        QVERIFY(h);
        const Bundle b = generateBundle(t, Secrets());
        const GeneratedFile *f = b.find(hostName, Firewall::nftPath());
        QVERIFY(f);
        const Matrix want = expected(hostName);

        // As written.
        QSet<int> dropped;
        const Matrix written = readNft(QString::fromUtf8(f->content), &dropped);
        QVERIFY2(written == want, qPrintable(QStringLiteral("written %1\nwanted  %2").arg(describe(written), describe(want))));
        QCOMPARE(dropped, QSet<int>(want.keyBegin(), want.keyEnd()));  // every cluster port, never ssh
        QVERIFY(!dropped.contains(22));

        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("firewall.nft"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(f->content);
        out.close();

        // nft accepts it, and loading twice (re-running the install script) works.
        QByteArray o;
        QCOMPARE(runNft({QStringLiteral("nft"), QStringLiteral("-c"), QStringLiteral("-f"), file}, &o), 0);
        QCOMPARE(runNft({QStringLiteral("sh"), QStringLiteral("-c"),
                         QStringLiteral("nft -f \"$0\" && nft -f \"$0\" && nft list table inet pgha"), file},
                        &o),
                 0);
        // As the kernel holds it.
        QSet<int> keptDropped;
        const Matrix kernel = readNft(QString::fromUtf8(o), &keptDropped);
        QVERIFY2(kernel == want, qPrintable(QStringLiteral("kernel %1\nwanted %2\n%3").arg(describe(kernel), describe(want),
                                                                                          QString::fromUtf8(o))));
        QCOMPARE(keptDropped, dropped);
        QVERIFY(o.contains("policy accept"));
        QVERIFY(o.contains("iif \"lo\" accept"));

        // The install script loads that file.
        const GeneratedFile *script = b.find(hostName, InstallScript::path());
        QVERIFY(script && script->content.contains("nft -f /etc/pgha/firewall.nft"));
    }

    void firewalldMatrix_data() { nftablesMatrix_data(); }

    void firewalldMatrix()
    {
        QFETCH(QString, hostName);
        const Topology t = design("rhel9");
        const Bundle b = generateBundle(t, Secrets());
        QVERIFY(!b.find(hostName, Firewall::nftPath()));
        const GeneratedFile *script = b.find(hostName, InstallScript::path());
        QVERIFY(script);
        const Matrix got = readFirewalld(QString::fromUtf8(script->content));
        const Matrix want = expected(hostName);
        QVERIFY2(got == want, qPrintable(QStringLiteral("got    %1\nwanted %2").arg(describe(got), describe(want))));
        // No port opened to everyone any more.
        QVERIFY(!script->content.contains("--add-port="));
    }

    // The firewalld block really fills its ipsets, and a second run after an address changed leaves exactly
    // the new networks in them (entries of the old design removed), with the rich rules naming them.
    void firewalldIpsetsHoldExactlyTheDesign()
    {
        QTemporaryDir tmp;
        const QString bin = tmp.filePath(QStringLiteral("bin"));
        QVERIFY(QDir().mkpath(bin));
        QFile fake(bin + QStringLiteral("/firewall-cmd"));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write(fakeFirewallCmd);
        fake.close();
        QVERIFY(fake.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const QString state = tmp.filePath(QStringLiteral("fw"));
        const auto run = [&](const Topology &t) {
            const Bundle bundle = generateBundle(t, Secrets());  // kept: find() points into it
            const GeneratedFile *script = bundle.find(QStringLiteral("pg1"), InstallScript::path());
            const QString block = script ? firewalldBlock(QString::fromUtf8(script->content)) : QString();
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("PATH"), bin + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
            env.insert(QStringLiteral("FAKE_FW"), state);
            p.setProcessEnvironment(env);
            p.setProcessChannelMode(QProcess::MergedChannels);
            QFile::remove(state + QStringLiteral("/rich"));
            p.start(QStringLiteral("bash"), {QStringLiteral("-c"), QStringLiteral("set -euo pipefail\n") + block});
            const bool ok = !block.isEmpty() && p.waitForFinished(30000) && p.exitCode() == 0;
            return std::make_pair(ok, QString::fromUtf8(p.readAll()));
        };
        const auto entries = [&](const char *ipset) {
            QFile f(state + QStringLiteral("/ipsets/") + QLatin1String(ipset));
            QStringList l;
            if (f.open(QIODevice::ReadOnly))
                l = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            l.sort();
            return l;
        };
        Topology t = design("rhel9");
        auto r = run(t);
        QVERIFY2(r.first, qPrintable(r.second));
        QCOMPARE(entries("pgha_haproxy_postgres"),
                 QStringList({QStringLiteral("10.1.0.1/32"), QStringLiteral("10.1.0.2/31"), QStringLiteral("10.2.0.1/32")}));
        QCOMPARE(entries("pgha_etcd"),
                 QStringList({QStringLiteral("10.1.0.1/32"), QStringLiteral("10.1.0.2/32"), QStringLiteral("10.1.0.9/32")}));

        for (Host &h : t.hosts) {
            if (h.name == QLatin1String("pg3"))
                h.address = QStringLiteral("10.1.0.7");
        }
        r = run(t);
        QVERIFY2(r.first, qPrintable(r.second));
        QCOMPARE(entries("pgha_haproxy_postgres"),
                 QStringList({QStringLiteral("10.1.0.1/32"), QStringLiteral("10.1.0.2/32"), QStringLiteral("10.1.0.7/32"),
                              QStringLiteral("10.2.0.1/32")}));
        QFile rich(state + QStringLiteral("/rich"));
        QVERIFY(rich.open(QIODevice::ReadOnly));
        const QByteArray rules = rich.readAll();
        QVERIFY(rules.contains("rule family=\"ipv4\" source ipset=\"pgha_haproxy_postgres\" port port=\"5432\" protocol=\"tcp\" accept"));
        QVERIFY(rules.contains("source address=\"fd00:50::/64\" port port=\"5432\""));
    }

    void ufwMatrix_data() { nftablesMatrix_data(); }

    // ufw (when active on a Debian host) admits the same sources per port as the nftables table.
    void ufwMatrix()
    {
        QFETCH(QString, hostName);
        const Bundle b = generateBundle(design("debian12"), Secrets());
        const GeneratedFile *script = b.find(hostName, InstallScript::path());
        QVERIFY(script);
        const Matrix got = readUfw(QString::fromUtf8(script->content));
        const Matrix want = expected(hostName);
        QVERIFY2(got == want, qPrintable(QStringLiteral("got    %1\nwanted %2").arg(describe(got), describe(want))));
    }

    // A subnet declared members_only stands for its hosts where every design host in it is admitted anyway; a
    // subnet holding one host the rule does not admit keeps the exact networks.
    void membersOnlySubnet()
    {
        Topology t = design("debian12");
        for (Subnet &s : t.subnets)
            s.membersOnly = s.name == QLatin1String("db") || s.name == QLatin1String("lb");
        // db holds pg1-pg3 and e1 (etcd only): the PostgreSQL ports do not admit e1, so db stays exact there;
        // lb holds lb1 only: 10.2.0.0/24 replaces 10.2.0.1/32.
        Matrix want = expected(QStringLiteral("pg1"));
        for (int port : {8008, 5432}) {
            want[port].remove(QStringLiteral("10.2.0.1/32"));
            want[port].insert(QStringLiteral("10.2.0.0/24"));
        }
        // The etcd client port admits pg1-pg3 and e1: every host of db, so db's network.
        want[2379] = set({"10.1.0.0/24", "10.9.0.0/24"});
        const Bundle b = generateBundle(t, Secrets());
        const GeneratedFile *f = b.find(QStringLiteral("pg1"), Firewall::nftPath());
        QVERIFY(f);
        QSet<int> dropped;
        const Matrix got = readNft(QString::fromUtf8(f->content), &dropped);
        QVERIFY2(got == want, qPrintable(QStringLiteral("got    %1\nwanted %2").arg(describe(got), describe(want))));

        // memberNetworks directly: the members_only flag is what widens, nothing else.
        const QList<const Host *> pg = t.hostsWith(Role::Postgres);
        QCOMPARE(memberNetworks(t, pg).networks, QStringList({QStringLiteral("10.1.0.1/32"), QStringLiteral("10.1.0.2/31")}));
        QList<const Host *> all;
        for (const Host &h : t.hosts)
            all << &h;
        QCOMPARE(memberNetworks(t, all).networks, QStringList({QStringLiteral("10.1.0.0/24"), QStringLiteral("10.2.0.0/24")}));
        for (Subnet &s : t.subnets)
            s.membersOnly = false;
        QCOMPARE(memberNetworks(t, all).networks,
                 QStringList({QStringLiteral("10.1.0.1/32"), QStringLiteral("10.1.0.2/31"), QStringLiteral("10.1.0.9/32"),
                              QStringLiteral("10.2.0.1/32")}));
    }

    // The check can fail: nft refuses a broken file, and the reader sees a wider rule.
    void brokenIsRefused()
    {
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("bad.nft"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("table inet pgha {\n chain input {\n type filter hook input priority 0;\n ip saddr { 10.1.0.0/33 } "
                  "tcp dport 5432 accept\n }\n}\n");
        out.close();
        QByteArray o;
        QVERIFY(runNft({QStringLiteral("nft"), QStringLiteral("-c"), QStringLiteral("-f"), file}, &o) != 0);
        QSet<int> d;
        const Matrix wide = readNft(QStringLiteral("ip saddr { 0.0.0.0/0 } tcp dport 5432 accept"), &d);
        QVERIFY(wide != expected(QStringLiteral("pg1")));
    }

    // Day 2 (pgha apply: a host joins or leaves): the deploy plan's reload:firewall step loads the changed
    // file only where the table inet pgha is loaded already (the install script switched it on); a host whose
    // firewall is off stays off. Run on the real nft in a private network namespace.
    void deployReloadsOnlyALoadedFirewall()
    {
        const Topology t = design("debian12");
        const Bundle b = generateBundle(t, Secrets());
        const DeployPlan plan = buildPlan(t, b, Secrets(), {});
        const DeployStep *s = plan.step(QStringLiteral("reload:firewall:pg1"));
        QVERIFY(s);
        QVERIFY(s->deps.contains(QStringLiteral("files:pg1")));
        QCOMPARE(s->ops.size(), 1);
        const GeneratedFile *f = b.find(QStringLiteral("pg1"), Firewall::nftPath());
        QVERIFY(f);
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("firewall.nft"));
        const QString marker = tmp.filePath(QStringLiteral("changed-firewall"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(f->content);
        out.close();
        QString script = s->ops.first().script;
        QVERIFY(script.contains(Firewall::nftPath()) && script.contains(changedMarker(QStringLiteral("firewall"))));
        script.replace(Firewall::nftPath(), file).replace(changedMarker(QStringLiteral("firewall")), marker);
        const auto touchMarker = [&] {
            QFile m(marker);
            return m.open(QIODevice::WriteOnly);
        };

        // Off: left off, the marker gone.
        QVERIFY(touchMarker());
        QByteArray o;
        QCOMPARE(runNft({QStringLiteral("sh"), QStringLiteral("-c"), script + QStringLiteral("\nnft list tables")}, &o), 0);
        QVERIFY2(o.contains("not loaded") && !o.contains("table inet pgha\n"), o.constData());
        QVERIFY(!QFile::exists(marker));

        // On (an older, empty table of ours): replaced by the file's rules.
        QVERIFY(touchMarker());
        QCOMPARE(runNft({QStringLiteral("sh"), QStringLiteral("-c"),
                         QStringLiteral("nft add table inet pgha\n") + script + QStringLiteral("\nnft list table inet pgha")},
                        &o),
                 0);
        QVERIFY2(o.contains("reloaded"), o.constData());
        QSet<int> dropped;
        const Matrix loaded = readNft(QString::fromUtf8(o), &dropped);
        QVERIFY2(loaded == expected(QStringLiteral("pg1")), o.constData());
        QVERIFY(!QFile::exists(marker));
    }
};

QTEST_GUILESS_MAIN(TestFirewall)
#include "test_firewall.moc"
