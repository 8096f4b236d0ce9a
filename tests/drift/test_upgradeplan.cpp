// Rolling upgrades (issue 9 item 5): the version drift (core/drift/VersionDrift) on the recorded lab probe with the
// versions changed, and the plan `pgha apply` makes of it (deploy/UpgradePlan): the order, the waits and what each
// step installs, for Patroni by pip and for a PostgreSQL package pin (which the lab cannot run: its hosts share the
// machine's packages, so this plan is tested here only). Also the two project-file keys it brings.
#include "core/drift/DriftCompute.h"
#include "core/generate/Generator.h"
#include "core/model/Platform.h"
#include "core/model/Secrets.h"
#include "core/parse/DriftProbeParser.h"
#include "core/project/ProjectFile.h"
#include "deploy/ApplyPlan.h"
#include "deploy/DeployPlan.h"
#include "deploy/DriftCollector.h"

#include "DriftLabData.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pgha;

namespace {

QByteArray labYaml()
{
    QByteArray y = readData(QStringLiteral("../../e2e/lab.pgha.yaml"));
    y.replace("127.0.0.", "127.0.33.");
    return y;
}

// The lab design with Patroni 4.1.5 by pip from a wheelhouse.
Topology pipTopology()
{
    Topology t = labTopology();
    t.cluster.patroni.install = PatroniInstall::Pip;
    t.cluster.patroni.version = QStringLiteral("4.1.5");
    t.cluster.patroni.pipFindLinks = QStringLiteral("/opt/pgha/wheels");
    return t;
}

// The recorded lab (leader node1) with Patroni PATRONI on each database host (default 4.1.5) and the server
// package at PACKAGE.
QList<ObservedHost> observed(const QMap<QString, QString> &patroni, const QString &package = {})
{
    QList<ObservedHost> out = observedLab();
    for (ObservedHost &h : out) {
        if (!h.name.startsWith(QLatin1String("node")))
            continue;
        h.patroniVersion = patroni.value(h.name, QStringLiteral("4.1.5"));
        h.postgresPackageVersion = package;
    }
    return out;
}

QStringList upgradeHosts(const DriftReport &r, const QString &key)
{
    QStringList out;
    for (const DriftItem &i : r.withFix(DriftItem::Fix::Upgrade))
        if (i.key == key)
            out << i.host;
    return out;
}

} // namespace

class TestUpgradePlan : public QObject
{
    Q_OBJECT
private slots:
    void probeReadsVersions()
    {
        QJsonObject root = QJsonDocument::fromJson(readData(QStringLiteral("probe-node2.json"))).object();
        QVERIFY(!root.isEmpty());
        root.insert(QStringLiteral("pg_package"), QJsonObject{{QStringLiteral("version"), QStringLiteral("15.14-0+deb12u1")}});
        auto h = DriftProbeParser::parse(QStringLiteral("node2"), QJsonDocument(root).toJson());
        QVERIFY(h.ok());
        QCOMPARE(h->patroniVersion, QStringLiteral("3.0.2"));  // recorded from Debian's Patroni on the lab
        QCOMPARE(h->postgresPackageVersion, QStringLiteral("15.14-0+deb12u1"));
        root.insert(QStringLiteral("pg_package"), QJsonObject{{QStringLiteral("error"), QStringLiteral("postgresql-15: not installed")}});
        h = DriftProbeParser::parse(QStringLiteral("node2"), QJsonDocument(root).toJson());
        QVERIFY(h.ok());
        QVERIFY(h->postgresPackageVersion.isEmpty());
        QCOMPARE(h->postgresPackageError, QStringLiteral("postgresql-15: not installed"));
        // The probe asks each database host's package tool for the server package.
        const Topology t = pipTopology();
        Secrets secrets;
        SecretStore::fillMissing(&secrets);
        const DeployPlan deploy = buildPlan(t, generateBundle(t, secrets), secrets, PlanOptions());
        for (const DriftProbe &p : driftProbes(t, secrets, deploy)) {
            const QJsonObject in = QJsonDocument::fromJson(p.input).object();
            QCOMPARE(in.value(QStringLiteral("pg_package")).toString(), p.host.startsWith(QLatin1String("node")) ? QStringLiteral("postgresql-15") : QString());
        }
        QVERIFY(driftProbeScript().contains(QStringLiteral("dpkg-query")));
    }

    void versionDrift()
    {
        Topology t = pipTopology();
        DriftDesign d = driftDesign(t, {});
        // node3 already runs the design's release.
        DriftReport r = computeDrift(d, observed({{QStringLiteral("node1"), QStringLiteral("4.1.4")}, {QStringLiteral("node2"), QStringLiteral("4.1.4")}}));
        QCOMPARE(upgradeHosts(r, QStringLiteral("patroni.version")), (QStringList{QStringLiteral("node1"), QStringLiteral("node2")}));
        QCOMPARE(r.withFix(DriftItem::Fix::Upgrade).first().design, QStringLiteral("4.1.5"));
        QCOMPARE(r.withFix(DriftItem::Fix::Upgrade).first().actual, QStringLiteral("4.1.4"));
        QCOMPARE(driftFixKey(DriftItem::Fix::Upgrade), QStringLiteral("upgrade"));
        // Same release everywhere: no drift.
        QVERIFY(!computeDrift(d, observed({})).hasDrift());
        // Debian's package: the distribution decides, a person acts.
        t.cluster.patroni.install = PatroniInstall::Package;
        d = driftDesign(t, {});
        r = computeDrift(d, observed({{QStringLiteral("node2"), QStringLiteral("3.0.2")}}));
        QVERIFY(!r.needs(DriftItem::Fix::Upgrade));
        QCOMPARE(r.withFix(DriftItem::Fix::Manual).size(), 1);
        // No version in the design: nothing compared.
        t.cluster.patroni.version.clear();
        QVERIFY(!computeDrift(driftDesign(t, {}), observed({{QStringLiteral("node2"), QStringLiteral("3.0.2")}})).hasDrift());

        // The PostgreSQL package pin.
        t = pipTopology();
        t.cluster.postgres.packageVersion = QStringLiteral("15.14-0+deb12u1");
        d = driftDesign(t, {});
        QVERIFY(!computeDrift(d, observed({}, QStringLiteral("15.14-0+deb12u1"))).hasDrift());
        r = computeDrift(d, observed({}, QStringLiteral("15.13-0+deb12u1")));
        QCOMPARE(upgradeHosts(r, QStringLiteral("postgresql.package_version")),
                 (QStringList{QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}));
        // Unknown (the probe could not read it): not planned, said why.
        r = computeDrift(d, observed({}));
        QVERIFY(!r.needs(DriftItem::Fix::Upgrade));
        QCOMPARE(r.withFix(DriftItem::Fix::Manual).size(), 3);
    }

    void pipUpgradeRollsReplicasThenTheLeader()
    {
        const Topology t = pipTopology();
        Secrets secrets;
        SecretStore::fillMissing(&secrets);
        const DeployPlan deploy = buildPlan(t, generateBundle(t, secrets), secrets, PlanOptions());
        const DriftDesign d = driftDesign(t, {});
        const QMap<QString, QString> old{{QStringLiteral("node1"), QStringLiteral("4.1.4")},
                                         {QStringLiteral("node2"), QStringLiteral("4.1.4")},
                                         {QStringLiteral("node3"), QStringLiteral("4.1.4")}};
        const DriftReport r = computeDrift(d, observed(old));
        QCOMPARE(r.leader, QStringLiteral("node1"));
        const ApplyPlan ap = buildApplyPlan(t, secrets, deploy, d, r);
        QVERIFY(ap.notPlanned.isEmpty());
        QCOMPARE(ids(ap.plan), (QStringList{QStringLiteral("upgrade-install:node2"), QStringLiteral("upgrade-restart:node2"),
                                            QStringLiteral("upgrade-install:node3"), QStringLiteral("upgrade-restart:node3"),
                                            QStringLiteral("upgrade-install:node1"), QStringLiteral("upgrade-restart:node1")}));
        // One member at a time: each step waits for the one before.
        for (int i = 1; i < ap.plan.steps.size(); ++i)
            QCOMPARE(ap.plan.steps.at(i).deps, QStringList{ap.plan.steps.at(i - 1).id});
        // The install is the deploy's own pip step, from the wheelhouse only.
        const DeployStep *in = ap.plan.step(QStringLiteral("upgrade-install:node2"));
        QCOMPARE(in->ops.size(), 1);
        QCOMPARE(in->ops.first().script, deploy.step(QStringLiteral("patroni-pip:node2"))->ops.first().script);
        QVERIFY(in->ops.first().script.contains(QStringLiteral("--no-index --find-links '/opt/pgha/wheels'")));
        QVERIFY(in->ops.first().script.contains(QStringLiteral("patroni[etcd3,psycopg2-binary]==4.1.5")));
        QVERIFY(in->probe.contains(QStringLiteral("patroni 4.1.5")));
        // The restart: Patroni itself (stop + the deploy's start), waited for until 4.1.5 runs; healthy before and after.
        const DeployStep *re = ap.plan.step(QStringLiteral("upgrade-restart:node2"));
        QCOMPARE(re->ops.size(), 1);
        const QString script = re->ops.first().script;
        QVERIFY(script.contains(QStringLiteral("wait_healthy")));
        QVERIFY(script.contains(QStringLiteral(" 4.1.5 ")));
        QVERIFY(script.contains(QStringLiteral("Patroni did not stop")));
        QVERIFY(script.contains(QStringLiteral("setsid nohup")));  // the deploy's start script, direct mode
        QVERIFY(re->probe.endsWith(QStringLiteral(" check")));
        QVERIFY(!script.contains(secrets.restApiPassword));
        QVERIFY(re->ops.first().input.contains(secrets.restApiPassword.toUtf8()));
        // The leader switches over first, then restarts.
        const DeployStep *lead = ap.plan.step(QStringLiteral("upgrade-restart:node1"));
        QCOMPARE(lead->ops.size(), 2);
        QVERIFY(lead->ops.first().script.contains(QStringLiteral("/switchover")));
        QVERIFY(lead->ops.first().input.contains(secrets.restApiPassword.toUtf8()));
    }

    void upgradeAndRestartInOnePass()
    {
        // max_connections changed (a restart on every member) while only node3 runs another Patroni.
        Topology t = pipTopology();
        t.cluster.postgres.parameters[QStringLiteral("max_connections")] = QStringLiteral("60");
        Secrets secrets;
        SecretStore::fillMissing(&secrets);
        const DeployPlan deploy = buildPlan(t, generateBundle(t, secrets), secrets, PlanOptions());
        const DriftDesign d = driftDesign(t, {});
        const DriftReport r = computeDrift(d, observed({{QStringLiteral("node3"), QStringLiteral("4.1.4")}}));
        const ApplyPlan ap = buildApplyPlan(t, secrets, deploy, d, r);
        QCOMPARE(ids(ap.plan), (QStringList{QStringLiteral("patch-config"), QStringLiteral("restart:node2"),
                                            QStringLiteral("upgrade-install:node3"), QStringLiteral("upgrade-restart:node3"),
                                            QStringLiteral("restart:node1")}));
        // The plain restart stays PostgreSQL's own (POST /restart), the upgrade restarts Patroni.
        QVERIFY(!ap.plan.step(QStringLiteral("restart:node2"))->ops.first().script.contains(QStringLiteral("setsid nohup")));
        QVERIFY(ap.plan.step(QStringLiteral("upgrade-restart:node3"))->ops.first().script.contains(QStringLiteral("setsid nohup")));
    }

    void postgresPackageUpgrade()
    {
        Topology t = pipTopology();
        t.cluster.postgres.packageVersion = QStringLiteral("15.14-0+deb12u1");
        Secrets secrets;
        SecretStore::fillMissing(&secrets);
        const DeployPlan deploy = buildPlan(t, generateBundle(t, secrets), secrets, PlanOptions());
        const DriftDesign d = driftDesign(t, {});
        const ApplyPlan ap = buildApplyPlan(t, secrets, deploy, d, computeDrift(d, observed({}, QStringLiteral("15.13-0+deb12u1"))));
        QCOMPARE(ids(ap.plan), (QStringList{QStringLiteral("upgrade-install:node2"), QStringLiteral("upgrade-restart:node2"),
                                            QStringLiteral("upgrade-install:node3"), QStringLiteral("upgrade-restart:node3"),
                                            QStringLiteral("upgrade-install:node1"), QStringLiteral("upgrade-restart:node1")}));
        const DeployStep *in = ap.plan.step(QStringLiteral("upgrade-install:node2"));
        QCOMPARE(in->ops.size(), 1);
        QVERIFY(in->ops.first().script.contains(QStringLiteral("apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-confold 'postgresql-15=15.14-0+deb12u1'")));
        QVERIFY(in->probe.contains(QStringLiteral("dpkg-query -W -f='${Version}' postgresql-15 2>/dev/null)\" = 15.14-0+deb12u1 ]")));
        // PostgreSQL restarted through Patroni (POST /restart), until the server runs the installed binary's version.
        const QString re = ap.plan.step(QStringLiteral("upgrade-restart:node2"))->ops.first().script;
        QVERIFY(re.contains(QStringLiteral(" /usr/lib/postgresql/15/bin run")));
        QVERIFY(!re.contains(QStringLiteral("setsid nohup")));
        QCOMPARE(Platform::pinnedPackage(QStringLiteral("rhel9"), QStringLiteral("postgresql15-server"), QStringLiteral("15.14-1PGDG.rhel9")),
                 QStringLiteral("postgresql15-server-15.14-1PGDG.rhel9"));
        QCOMPARE(Platform::postgresPackages(QStringLiteral("rhel9"), QStringLiteral("pgdg"), 16),
                 (QStringList{QStringLiteral("postgresql16-server"), QStringLiteral("postgresql16-contrib")}));
    }

    void projectFileKeys()
    {
        QByteArray y = labYaml();
        y.replace("  postgres:\n", "  postgres:\n    package_version: \"15.14-0+deb12u1\"\n");
        y.replace("  patroni: {", "  patroni: {install: pip, version: \"4.1.4\", pip_find_links: /opt/pgha/wheels, ");
        const auto loaded = ProjectFile::parse(y, QStringLiteral("lab.pgha.yaml"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QCOMPARE(loaded->topology.cluster.postgres.packageVersion, QStringLiteral("15.14-0+deb12u1"));
        QCOMPARE(loaded->topology.cluster.patroni.pipFindLinks, QStringLiteral("/opt/pgha/wheels"));
        const auto again = ProjectFile::parse(ProjectFile::serialize(loaded->topology), QStringLiteral("again.pgha.yaml"));
        QVERIFY(again.ok());
        QVERIFY(again->topology == loaded->topology);
        // Both reach a command line: strict grammars, the file and field named.
        QByteArray bad = y;
        bad.replace("15.14-0+deb12u1", "15.14; rm -rf /");
        auto e = ProjectFile::parse(bad, QStringLiteral("bad.pgha.yaml"));
        QVERIFY(!e.ok());
        QVERIFY2(e.error().toString().contains(QStringLiteral("cluster.postgres.package_version")), qPrintable(e.error().toString()));
        bad = y;
        bad.replace("pip_find_links: /opt/pgha/wheels", "pip_find_links: wheels");
        e = ProjectFile::parse(bad, QStringLiteral("bad.pgha.yaml"));
        QVERIFY(!e.ok());
        QVERIFY2(e.error().toString().contains(QStringLiteral("cluster.patroni.pip_find_links")), qPrintable(e.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TestUpgradePlan)
#include "test_upgradeplan.moc"
