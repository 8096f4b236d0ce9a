// pgha apply adds and removes HAProxy hosts (issue 9, item 5): the drift (core/drift/HaproxyDrift) and the plan
// (deploy/HaproxyScalePlan through buildApplyPlan) on the recorded 3+1 lab (DriftLabData.h).
#include "DriftLabData.h"

#include "core/drift/DriftCompute.h"
#include "core/generate/Generator.h"
#include "core/model/Secrets.h"
#include "core/parse/DriftProbeParser.h"
#include "deploy/ApplyPlan.h"
#include "deploy/DeployPlan.h"
#include "deploy/DriftCollector.h"
#include "deploy/DriftSetup.h"
#include "core/pki/ClusterTls.h"

#include <QTemporaryDir>

#include <QTest>

using namespace pgha;

namespace {

Topology withHaproxy2(Topology t)
{
    Host h2 = *t.hostByName(QStringLiteral("haproxy"));
    h2.name = QStringLiteral("haproxy2");
    h2.address = QStringLiteral("127.0.33.21");
    t.hosts << h2;
    return t;
}

// The lab's hosts as the probe saw them: CHANGED paths differ from the design (on every host that has them), the
// other files are as generated; LISTED is what each /etc/hosts.pgha lists.
QList<ObservedHost> observed(const QList<ExpectedFile> &expected, const QStringList &changed,
                             const QList<QPair<QString, QString>> &listed)
{
    QList<ObservedHost> obs = observedLab();
    for (ObservedHost &h : obs) {
        h.hasListedHosts = true;
        h.listedHosts = listed;
    }
    for (const ExpectedFile &f : expected)
        for (ObservedHost &h : obs)
            if (h.name == f.host)
                h.files.insert(f.path, ObservedFile{true, changed.contains(f.path) ? QStringLiteral("00") : f.sha256, f.mode, f.owner, {}});
    return obs;
}

QList<QPair<QString, QString>> labListed()
{
    return {{QStringLiteral("node1"), QStringLiteral("127.0.33.11")}, {QStringLiteral("node2"), QStringLiteral("127.0.33.12")},
            {QStringLiteral("node3"), QStringLiteral("127.0.33.13")}, {QStringLiteral("haproxy"), QStringLiteral("127.0.33.20")}};
}

// haproxy2 as the probe finds it before the add: SSH answers, nothing on its stats port, no files.
ObservedHost haproxy2NotRunning()
{
    ObservedHost two;
    two.name = QStringLiteral("haproxy2");
    two.reachable = true;
    two.haproxyDown = true;
    return two;
}

int at(const QStringList &ids, const QString &id)
{
    const int i = int(ids.indexOf(id));
    if (i < 0)
        qWarning("step %s is not in the plan", qPrintable(id));
    return i;
}

} // namespace

class TestHaproxyScale : public QObject
{
    Q_OBJECT
private slots:
    // The probe's answer: /etc/hosts.pgha read as text, a stats port that gives no HTTP answer.
    void probeReadsHostsFileAndHaproxyDown()
    {
        const QByteArray json = R"({"files": {}, "haproxy": {"error": "[Errno 111] Connection refused"},
            "hosts_file": {"text": "# BEGIN pgha cluster lab\n127.0.33.11 node1\n\n127.0.33.21   haproxy2\n# END pgha cluster lab\n"}})";
        const Result<ObservedHost> h = DriftProbeParser::parse(QStringLiteral("haproxy2"), json);
        QVERIFY(h.ok());
        QVERIFY(h->haproxyDown);
        QVERIFY(!h->hasHaproxy);
        QVERIFY(h->hasListedHosts);
        QCOMPARE(h->listedHosts.size(), 2);
        QCOMPARE(h->listedHosts.at(1), qMakePair(QStringLiteral("haproxy2"), QStringLiteral("127.0.33.21")));
        // HTTP 401 is an answer: HAProxy runs (a wrong password is not a host to add).
        const Result<ObservedHost> auth = DriftProbeParser::parse(QStringLiteral("haproxy"), R"({"haproxy": {"status": 401, "body": ""}, "hosts_file": null})");
        QVERIFY(auth.ok());
        QVERIFY(!auth->haproxyDown);
        QVERIFY(auth->hasListedHosts);
        QVERIFY(auth->listedHosts.isEmpty());
        // The probe asks for the file.
        Secrets secrets;
        SecretStore::fillMissing(&secrets);
        const Topology t = labTopology();
        const QList<DriftProbe> probes = driftProbes(t, secrets, buildPlan(t, generateBundle(t, secrets), secrets, PlanOptions()));
        QVERIFY(probes.first().input.contains("\"hosts_file\":\"/etc/hosts.pgha\""));
        QVERIFY(driftProbeScript().contains(QStringLiteral("hosts_file")));
    }

    // haproxy2 in the design, its HAProxy not running: checked first; the members' pg_hba rewritten and Patroni
    // reloaded (waited for) before its packages, files and HAProxy; then haproxy-ready and the routing proof.
    void addPlan()
    {
        const Topology t = withHaproxy2(labTopology());
        Secrets secrets;
        SecretStore::fillMissing(&secrets);
        const DeployPlan deploy = buildPlan(t, generateBundle(t, secrets), secrets, PlanOptions());
        const QList<ExpectedFile> expected = expectedFiles(deploy);
        QList<ObservedHost> obs = observed(expected, {QStringLiteral("/etc/patroni/config.yml"), QStringLiteral("/etc/hosts.pgha")}, labListed());
        obs << haproxy2NotRunning();
        const DriftDesign d = driftDesign(t, expected);
        const DriftReport r = computeDrift(d, obs);
        bool sawAdd = false;
        for (const DriftItem &i : r.items) {
            if (i.host == QLatin1String("haproxy2"))
                QCOMPARE(i.fix, DriftItem::Fix::AddHaproxy);  // its absent files are part of the add
            sawAdd = sawAdd || (i.area == DriftItem::Area::Topology && i.fix == DriftItem::Fix::AddHaproxy);
            QVERIFY(i.fix != DriftItem::Fix::RemoveHaproxy);
        }
        QVERIFY(sawAdd);
        QCOMPARE(driftFixKey(DriftItem::Fix::AddHaproxy), QStringLiteral("add-haproxy"));

        const ApplyPlan ap = buildApplyPlan(t, secrets, deploy, d, r);
        QVERIFY2(ap.notPlanned.isEmpty(), qPrintable(ap.notPlanned.join(QLatin1Char('\n'))));
        const QStringList got = ids(ap.plan);
        QCOMPARE(got.first(), QStringLiteral("check:haproxy2"));
        QVERIFY(ap.plan.step(QStringLiteral("files:node1"))->deps.contains(QStringLiteral("check:haproxy2")));
        for (const QString &n : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}) {
            QVERIFY(at(got, QStringLiteral("pg-hba:") + n) >= 0);
            QVERIFY(at(got, QStringLiteral("pg-hba:") + n) < at(got, QStringLiteral("haproxy-start:haproxy2")));
        }
        QVERIFY(!got.contains(QStringLiteral("reload:haproxy:haproxy2")));  // never a reload of what does not run
        QVERIFY(!got.contains(QStringLiteral("reload:haproxy:haproxy")));   // the first HAProxy is not touched
        const DeployStep *first2 = ap.plan.step(QStringLiteral("packages:haproxy2"));
        if (!first2)
            first2 = ap.plan.step(QStringLiteral("files:haproxy2"));
        QVERIFY(first2);
        QVERIFY(first2->deps.contains(QStringLiteral("pg-hba:node1")));
        QVERIFY(first2->deps.contains(QStringLiteral("check:haproxy2")));
        QCOMPARE(ap.plan.step(QStringLiteral("haproxy-start:haproxy2"))->deps, QStringList{QStringLiteral("files:haproxy2")});
        QCOMPARE(ap.plan.step(QStringLiteral("haproxy-ready:haproxy2"))->deps, QStringList{QStringLiteral("haproxy-start:haproxy2")});
        const DeployStep *routing = ap.plan.step(QStringLiteral("routing:haproxy2"));
        QVERIFY(routing);
        QCOMPARE(routing->deps, QStringList{QStringLiteral("haproxy-ready:haproxy2")});
        QCOMPARE(ids(ap.plan).last(), QStringLiteral("routing:haproxy2"));
        // The check covers HAProxy's ports on the new host.
        const DeployStep *check = ap.plan.step(QStringLiteral("check:haproxy2"));
        QVERIFY(check->deps.isEmpty());
        QList<int> ports;
        for (const auto &p : check->ops.first().check.ports)
            ports << p.first;
        QCOMPARE(ports, (QList<int>{5000, 5001, 7000}));
        // Secrets through stdin only.
        const DeployOp &ready = ap.plan.step(QStringLiteral("haproxy-ready:haproxy2"))->ops.first();
        QVERIFY(ready.input.contains(secrets.haproxyStatsPassword.toUtf8()));
        QVERIFY(!ready.script.contains(secrets.haproxyStatsPassword));
        QCOMPARE(ap.plan.targets.value(QStringLiteral("haproxy2")).address, QStringLiteral("127.0.33.21"));

        // No leader: not planned, said so.
        QList<ObservedHost> noLeader = obs;
        for (ObservedHost &h : noLeader)
            h.hasCluster = false;
        const DriftReport nr = computeDrift(d, noLeader);
        QVERIFY(!nr.needs(DriftItem::Fix::AddHaproxy));
    }

    // With a floating address: the first HAProxy host's keepalived.conf (its unicast peers) rewritten and keepalived
    // reloaded before the new host joins; keepalived started there once its HAProxy routes.
    void addPlanWithVip()
    {
        Topology t = withHaproxy2(labTopology());
        t.cluster.vip.address = QStringLiteral("127.0.33.30");
        Secrets secrets;
        SecretStore::fillMissing(&secrets);
        const DeployPlan deploy = buildPlan(t, generateBundle(t, secrets), secrets, PlanOptions());
        const QList<ExpectedFile> expected = expectedFiles(deploy);
        QList<ObservedHost> obs = observed(expected,
                                           {QStringLiteral("/etc/patroni/config.yml"), QStringLiteral("/etc/hosts.pgha"),
                                            QStringLiteral("/etc/keepalived/keepalived.conf")},
                                           labListed());
        obs << haproxy2NotRunning();
        const DriftDesign d = driftDesign(t, expected);
        const ApplyPlan ap = buildApplyPlan(t, secrets, deploy, d, computeDrift(d, obs));
        const QStringList got = ids(ap.plan);
        QVERIFY2(got.contains(QStringLiteral("reload:keepalived:haproxy")), qPrintable(got.join(QLatin1Char(' '))));
        QVERIFY(at(got, QStringLiteral("reload:keepalived:haproxy")) < at(got, QStringLiteral("haproxy-start:haproxy2")));
        const DeployStep *ka = ap.plan.step(QStringLiteral("keepalived-start:haproxy2"));
        QVERIFY(ka);
        QCOMPARE(ka->deps, QStringList{QStringLiteral("haproxy-ready:haproxy2")});
        QVERIFY(!got.contains(QStringLiteral("vip-ready")));  // the address is up already
    }

    // TLS: each member's certificate names the HAProxy hosts, so it is new when one joins: written in the files
    // phase, then PostgreSQL reloaded until it presents one that names haproxy2, before anything goes on haproxy2.
    void addPlanWithTls()
    {
        Topology t = withHaproxy2(labTopology());
        t.cluster.security.tls = true;
        Secrets secrets;
        SecretStore::fillMissing(&secrets);
        QVERIFY(ClusterTls::fillMissing(t, &secrets).ok());
        const DeployPlan deploy = buildPlan(t, generateBundle(t, secrets), secrets, PlanOptions());
        const QList<ExpectedFile> expected = expectedFiles(deploy);
        QList<ObservedHost> obs = observed(expected, {QStringLiteral("/etc/hosts.pgha"), ClusterTls::certPath()}, labListed());
        obs << haproxy2NotRunning();
        const DriftDesign d = driftDesign(t, expected);
        const ApplyPlan ap = buildApplyPlan(t, secrets, deploy, d, computeDrift(d, obs));
        QVERIFY2(ap.notPlanned.isEmpty(), qPrintable(ap.notPlanned.join(QLatin1Char('\n'))));
        const QStringList got = ids(ap.plan);
        QStringList reloads;
        for (const QString &n : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}) {
            const DeployStep *r = ap.plan.step(QStringLiteral("pg-tls-reload:") + n);
            QVERIFY2(r, qPrintable(got.join(QLatin1Char(' '))));
            QVERIFY(r->deps.contains(QStringLiteral("files:") + n));  // after its new certificate is written
            QVERIFY(r->ops.first().script.contains(QStringLiteral("pg_reload_conf()")));
            QVERIFY(r->ops.last().script.contains(QStringLiteral("-verify_ip 127.0.33.21")));
            QVERIFY(r->probe.contains(QStringLiteral("-verify_ip 127.0.33.21")));  // a rerun skips a member that presents it
            reloads << r->id;
        }
        const DeployStep *first2 = ap.plan.step(QStringLiteral("packages:haproxy2"));
        if (!first2)
            first2 = ap.plan.step(QStringLiteral("files:haproxy2"));
        QVERIFY(first2);
        for (const QString &r : reloads)
            QVERIFY(first2->deps.contains(r));
        QVERIFY(ap.plan.step(QStringLiteral("routing:haproxy2")));
        // Without TLS there is nothing to reload.
        QVERIFY(!ids(buildApplyPlan(withHaproxy2(labTopology()), secrets, deploy, d, computeDrift(d, obs)).plan)
                     .join(QLatin1Char(' ')).contains(QStringLiteral("pg-tls-reload")));
    }

    // haproxy2 gone from the design, still listed by the cluster: its HAProxy stopped first (files kept), reached
    // like the design's HAProxy host; then the files without it. Never an etcd or Patroni member.
    void removePlan()
    {
        const Topology t = labTopology();
        Secrets secrets;
        SecretStore::fillMissing(&secrets);
        const DeployPlan deploy = buildPlan(t, generateBundle(t, secrets), secrets, PlanOptions());
        const QList<ExpectedFile> expected = expectedFiles(deploy);
        QList<QPair<QString, QString>> listed = labListed();
        listed << qMakePair(QStringLiteral("haproxy2"), QStringLiteral("127.0.33.21"));
        const QList<ObservedHost> obs = observed(expected, {QStringLiteral("/etc/patroni/config.yml"), QStringLiteral("/etc/hosts.pgha")}, listed);
        const DriftDesign d = driftDesign(t, expected);
        const DriftReport r = computeDrift(d, obs);
        const QList<DriftItem> gone = r.withFix(DriftItem::Fix::RemoveHaproxy);
        QCOMPARE(gone.size(), 1);
        QCOMPARE(gone.first().host, QStringLiteral("haproxy2"));
        QCOMPARE(gone.first().address, QStringLiteral("127.0.33.21"));
        ApplyPlan ap = buildApplyPlan(t, secrets, deploy, d, r);
        QVERIFY2(ap.notPlanned.isEmpty(), qPrintable(ap.notPlanned.join(QLatin1Char('\n'))));
        const QStringList got = ids(ap.plan);
        QCOMPARE(got.first(), QStringLiteral("haproxy-stop:haproxy2"));
        QVERIFY(ap.plan.step(QStringLiteral("files:node1"))->deps.contains(QStringLiteral("haproxy-stop:haproxy2")));
        const DeployStep *stop = ap.plan.step(QStringLiteral("haproxy-stop:haproxy2"));
        QVERIFY(!stop->probe.isEmpty());  // already stopped: nothing to do
        QVERIFY(stop->ops.first().script.contains(QStringLiteral("haproxy.pid")));
        QVERIFY(!stop->ops.first().script.contains(QStringLiteral("rm -rf")));
        QVERIFY(!stop->ops.first().script.contains(QStringLiteral("rm -f /etc")));
        QCOMPARE(ap.plan.targets.value(QStringLiteral("haproxy2")).address, QStringLiteral("127.0.33.21"));
        QCOMPARE(ap.plan.targets.value(QStringLiteral("haproxy2")).identityFile, ap.plan.targets.value(QStringLiteral("haproxy")).identityFile);
        QCOMPARE(driftFixKey(DriftItem::Fix::RemoveHaproxy), QStringLiteral("remove-haproxy"));

        // An etcd member or a Patroni member of that name is not an HAProxy host to stop.
        QList<ObservedHost> asEtcd = obs;
        for (ObservedHost &h : asEtcd) {
            EtcdParser::Member m;
            m.name = QStringLiteral("haproxy2");
            h.etcdMembers << m;
        }
        QVERIFY(!computeDrift(d, asEtcd).needs(DriftItem::Fix::RemoveHaproxy));
        // The etcd member list unreadable: not stopped, said so.
        QList<ObservedHost> noEtcd = obs;
        for (ObservedHost &h : noEtcd)
            h.hasEtcd = false;
        const DriftReport ne = computeDrift(d, noEtcd);
        QVERIFY(!ne.needs(DriftItem::Fix::RemoveHaproxy));
        bool manual = false;
        for (const DriftItem &i : ne.withFix(DriftItem::Fix::Manual))
            manual = manual || i.host == QLatin1String("haproxy2");
        QVERIFY(manual);
        // A name or address that cannot be used is not planned.
        QList<QPair<QString, QString>> bad = labListed();
        bad << qMakePair(QStringLiteral("evil;host"), QStringLiteral("127.0.33.22")) << qMakePair(QStringLiteral("h3"), QStringLiteral("not-an-ip"));
        const QList<ObservedHost> badObs = observed(expected, {}, bad);
        ap = buildApplyPlan(t, secrets, deploy, d, computeDrift(d, badObs));
        QVERIFY(ap.plan.steps.isEmpty());
        QCOMPARE(ap.notPlanned.size(), 2);
        // The design as the cluster lists it: nothing to do.
        QVERIFY(!computeDrift(d, observed(expected, {}, labListed())).hasDrift());
    }

    // TLS: the design that adds haproxy2 issues its certificate; diff/apply accept that (only generated passwords
    // mean the cluster's secrets are missing), apply keeps it with the secrets, and the next run expects the same
    // files instead of a new certificate each time.
    void tlsCertificateOfAJoiningHostIsKept()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Topology base = labTopology();
        base.cluster.security.tls = true;
        Secrets secrets;
        SecretStore::fillMissing(&secrets);
        QVERIFY(ClusterTls::fillMissing(base, &secrets).ok());
        const QString journal = dir.filePath(QStringLiteral("deploy.journal.json"));
        const QString kept = keptSecretsPath(base, journal);
        QVERIFY(SecretStore::saveFile(secrets, kept).ok());
        const Topology two = withHaproxy2(base);
        DriftSetupOptions o;
        o.journalPath = journal;
        const Result<DriftSetup> first = prepareDrift(two, o);
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
        QCOMPARE(first->deploy.secretsToKeep, kept);
        QVERIFY(!first->deploy.passwordsGenerated);
        DeploySetup keep = first->deploy;
        QVERIFY(keepGeneratedSecrets(&keep).ok());
        const Result<DriftSetup> again = prepareDrift(two, o);
        QVERIFY(again.ok());
        QVERIFY(again->deploy.secretsToKeep.isEmpty());  // nothing new to issue: the kept certificate is used
        int compared = 0;
        for (const ExpectedFile &a : first->design.files)
            for (const ExpectedFile &b : again->design.files)
                if (a.host == QLatin1String("haproxy2") && b.host == a.host && a.path == b.path) {
                    QCOMPARE(b.sha256, a.sha256);
                    ++compared;
                }
        QVERIFY(compared > 0);
        // No kept secrets at all: refused (generated passwords are not the cluster's).
        DriftSetupOptions none;
        none.journalPath = dir.filePath(QStringLiteral("other.journal.json"));
        const Result<DriftSetup> refused = prepareDrift(two, none);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QStringLiteral("--secrets")));
    }
};

QTEST_GUILESS_MAIN(TestHaproxyScale)
#include "test_haproxyscale.moc"
