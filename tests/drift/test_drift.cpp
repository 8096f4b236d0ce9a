// pgha diff's judgement (core/drift) and pgha apply's plan (deploy/ApplyPlan) on recorded probe answers: node2 and
// the HAProxy host of the 3+1 lab (127.0.33), as deploy/DriftCollector's probe printed them after a deploy of
// tests/e2e/lab.pgha.yaml.
#include "DriftLabData.h"

#include "core/drift/DriftCompute.h"
#include "core/generate/Generator.h"
#include "core/model/Secrets.h"
#include "core/parse/DriftProbeParser.h"
#include "core/project/ProjectFile.h"
#include "deploy/ApplyPlan.h"
#include "deploy/DeployPlan.h"
#include "deploy/DriftCollector.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pgha;


class TestDrift : public QObject
{
    Q_OBJECT
private slots:
    void probeAnswersParse()
    {
        const auto n = DriftProbeParser::parse(QStringLiteral("node2"), readData(QStringLiteral("probe-node2.json")));
        QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
        QVERIFY(n->reachable);
        QVERIFY(n->hasSettings);
        QCOMPARE(n->settings.value(QStringLiteral("max_connections")).setting, QStringLiteral("50"));
        QCOMPARE(n->settings.value(QStringLiteral("max_connections")).context, QStringLiteral("postmaster"));
        QCOMPARE(n->settings.value(QStringLiteral("shared_buffers")).unit, QStringLiteral("8kB"));
        QVERIFY(n->hasConfig);
        QCOMPARE(n->config.value(QStringLiteral("ttl")).toInt(), 10);
        QVERIFY(n->hasCluster);
        QCOMPARE(n->members.size(), 3);
        QVERIFY(n->hasEtcd);
        QCOMPARE(n->etcdMembers.size(), 3);
        QCOMPARE(n->role, QStringLiteral("replica"));
        QVERIFY(n->files.value(QStringLiteral("/etc/patroni/config.yml")).present);
        QCOMPARE(n->files.value(QStringLiteral("/etc/patroni/config.yml")).mode, QStringLiteral("600"));
        QVERIFY(!n->files.value(QStringLiteral("/nonexistent")).present);

        const auto h = DriftProbeParser::parse(QStringLiteral("haproxy"), readData(QStringLiteral("probe-haproxy.json")));
        QVERIFY(h.ok());
        QVERIFY(h->hasHaproxy);
        QVERIFY(!h->hasSettings);

        const auto bad = DriftProbeParser::parse(QStringLiteral("x"), "Traceback (most recent call last):");
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QStringLiteral("x: the probe's answer is not JSON")));
    }

    void settingsCompareAsPostgresReadsThem_data()
    {
        QTest::addColumn<QString>("design");
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<bool>("same");
        QTest::newRow("blocks") << "32MB" << "4096" << "8kB" << true;
        QTest::newRow("blocks differ") << "64MB" << "4096" << "8kB" << false;
        QTest::newRow("ms") << "1s" << "1000" << "ms" << true;
        QTest::newRow("min vs s") << "5min" << "300" << "s" << true;
        QTest::newRow("no unit given") << "128" << "128" << "MB" << true;
        QTest::newRow("int") << "50" << "50" << "" << true;
        QTest::newRow("int differs") << "60" << "50" << "" << false;
        QTest::newRow("bool") << "on" << "on" << "" << true;
        QTest::newRow("bool words") << "true" << "on" << "" << true;
        QTest::newRow("bool differs") << "off" << "on" << "" << false;
        QTest::newRow("enum") << "Replica" << "replica" << "" << true;
        QTest::newRow("memory vs time") << "1s" << "1" << "MB" << false;
    }
    void settingsCompareAsPostgresReadsThem()
    {
        QFETCH(QString, design);
        QFETCH(QString, setting);
        QFETCH(QString, unit);
        QFETCH(bool, same);
        PgSetting s;
        s.setting = setting;
        s.unit = unit;
        QCOMPARE(sameSetting(design, s), same);
    }

    void theDeployedLabHasNoDrift()
    {
        const Topology t = labTopology();
        QCOMPARE(t.hosts.size(), 4);
        const DriftDesign d = driftDesign(t, {});
        QCOMPARE(d.dcs.value(QStringLiteral("ttl")).toInt(), 10);
        QCOMPARE(jsonValueText(d.dcs.value(QStringLiteral("postgresql.parameters.shared_buffers"))), QStringLiteral("32MB"));
        const DriftReport r = computeDrift(d, observedLab());
        QString all;
        for (const DriftItem &i : r.items)
            all += driftAreaKey(i.area) + QLatin1Char(' ') + i.host + QLatin1Char(' ') + i.key + QLatin1Char('\n');
        QVERIFY2(!r.hasDrift(), qPrintable(all));
        QCOMPARE(r.leader, QStringLiteral("node1"));
        QCOMPARE(r.replicas.size(), 2);
        QVERIFY(!driftToJson(r).value(QStringLiteral("drift")).toBool());
    }

    void changedSettingsAreDriftWithTheirFix()
    {
        Topology t = labTopology();
        t.cluster.patroni.ttl = 12;
        t.cluster.postgres.parameters[QStringLiteral("max_connections")] = QStringLiteral("60");
        const DriftReport r = computeDrift(driftDesign(t, {}), observedLab());
        QList<DriftItem> dyn;
        QList<DriftItem> running;
        for (const DriftItem &i : r.items) {
            if (i.area == DriftItem::Area::Dynamic)
                dyn << i;
            else if (i.area == DriftItem::Area::Running)
                running << i;
            else
                QFAIL(qPrintable(QStringLiteral("unexpected item ") + i.key));
        }
        QCOMPARE(dyn.size(), 2);
        QCOMPARE(dyn.at(0).key, QStringLiteral("postgresql.parameters.max_connections"));
        QCOMPARE(dyn.at(0).design, QStringLiteral("60"));
        QCOMPARE(dyn.at(0).actual, QStringLiteral("50"));
        QVERIFY(dyn.at(0).needsRestart);
        QCOMPARE(dyn.at(1).key, QStringLiteral("ttl"));
        QVERIFY(!dyn.at(1).needsRestart);
        QCOMPARE(dyn.at(1).fix, DriftItem::Fix::PatchConfig);
        QCOMPARE(running.size(), 3);  // each member still runs 50
        for (const DriftItem &i : running)
            QCOMPARE(i.fix, DriftItem::Fix::RollingRestart);
        QCOMPARE(driftToJson(r).value(QStringLiteral("items")).toArray().size(), 5);
    }

    void topologyDrift()
    {
        const Topology t = labTopology();
        QList<ObservedHost> obs = observedLab();
        obs[2].reachable = false;  // node3
        obs[2].error = QStringLiteral("connection refused");
        MemberState extra;
        extra.name = QStringLiteral("node9");
        extra.role = QStringLiteral("replica");
        extra.state = QStringLiteral("running");
        obs[0].members << extra;
        const DriftReport r = computeDrift(driftDesign(t, {}), obs);
        QCOMPARE(r.unreachable, QStringList{QStringLiteral("node3")});
        bool sawUnreachable = false, sawExtra = false;
        for (const DriftItem &i : r.items) {
            QCOMPARE(i.area, DriftItem::Area::Topology);
            // A replica the design lacks leaves through apply (it has no address here: by hand).
            QCOMPARE(i.fix, DriftItem::Fix::Manual);
            sawUnreachable = sawUnreachable || (i.host == QLatin1String("node3") && i.note == QLatin1String("connection refused"));
            sawExtra = sawExtra || i.host == QLatin1String("node9");
        }
        QVERIFY(sawUnreachable);
        QVERIFY(sawExtra);
    }

    // Scale out: a database-only host of the design the cluster lacks is checked first, then after the other
    // members' files (pg_hba) and HAProxy's its packages, files and Patroni start, then all members run.
    void scaleOutPlan()
    {
        Topology t = labTopology();
        Host n4 = *t.hostByName(QStringLiteral("node3"));
        n4.name = QStringLiteral("node4");
        n4.address = QStringLiteral("127.0.33.14");
        n4.roles = Role::Postgres;
        t.hosts.insert(3, n4);
        Secrets secrets;
        SecretStore::fillMissing(&secrets);
        const DeployPlan deploy = buildPlan(t, generateBundle(t, secrets), secrets, PlanOptions());
        const QList<ExpectedFile> expected = expectedFiles(deploy);
        QList<ObservedHost> obs = observedLab();
        ObservedHost four;
        four.name = QStringLiteral("node4");
        four.reachable = true;
        obs << four;
        for (const ExpectedFile &f : expected)
            for (ObservedHost &h : obs)
                if (h.name == f.host && h.name != QLatin1String("node4")) {
                    const bool changed = f.path == QLatin1String("/etc/haproxy/haproxy.cfg") || f.service == QLatin1String("patroni");
                    h.files.insert(f.path, ObservedFile{true, changed ? QStringLiteral("00") : f.sha256, f.mode, f.owner, {}});
                }
        const DriftDesign d = driftDesign(t, expected);
        const DriftReport r = computeDrift(d, obs);
        bool sawAdd = false;
        for (const DriftItem &i : r.items) {
            if (i.host == QLatin1String("node4"))
                QCOMPARE(i.fix, DriftItem::Fix::AddMember);  // its absent files and settings are part of the add
            sawAdd = sawAdd || (i.area == DriftItem::Area::Topology && i.fix == DriftItem::Fix::AddMember);
        }
        QVERIFY(sawAdd);
        const ApplyPlan ap = buildApplyPlan(t, secrets, deploy, d, r);
        QVERIFY2(ap.notPlanned.isEmpty(), qPrintable(ap.notPlanned.join(QLatin1Char('\n'))));
        const QStringList got = ids(ap.plan);
        QCOMPARE(got.first(), QStringLiteral("check:node4"));
        QVERIFY(!got.contains(QStringLiteral("reload:patroni:node4")));
        QVERIFY(got.indexOf(QStringLiteral("pg-hba:node1")) < got.indexOf(QStringLiteral("patroni-start:node4")));
        QVERIFY(got.indexOf(QStringLiteral("reload:haproxy:haproxy")) < got.indexOf(QStringLiteral("files:node4")));
        QCOMPARE(ap.plan.step(QStringLiteral("files:node1"))->deps, QStringList{QStringLiteral("check:node4")});
        const DeployStep *start = ap.plan.step(QStringLiteral("patroni-start:node4"));
        QVERIFY(start);
        QCOMPARE(start->deps, QStringList{QStringLiteral("files:node4")});
        const DeployStep *first4 = ap.plan.step(QStringLiteral("packages:node4"));
        if (!first4)
            first4 = ap.plan.step(QStringLiteral("files:node4"));
        QVERIFY(first4->deps.contains(QStringLiteral("pg-hba:node1")));
        QVERIFY(first4->deps.contains(QStringLiteral("reload:haproxy:haproxy")));
        const DeployStep *joined = ap.plan.step(QStringLiteral("joined"));
        QVERIFY(joined);
        QCOMPARE(joined->deps, QStringList{QStringLiteral("patroni-start:node4")});
        QCOMPARE(joined->ops.last().expectedMembers, 4);
        QCOMPARE(ap.plan.targets.value(QStringLiteral("node4")).address, QStringLiteral("127.0.33.14"));
        // The check refuses existing data on the new host (never initdb over data, never a second copy).
        QVERIFY(!ap.plan.step(QStringLiteral("check:node4"))->ops.first().check.allowExistingPgData);
    }

    // Scale in: HAProxy and pg_hba first, then Patroni stopped on the member, then /cluster without it; the data
    // stays unless purge. Never the leader, never the last replica.
    void scaleInPlan()
    {
        const Topology t = labTopology();
        Secrets secrets;
        SecretStore::fillMissing(&secrets);
        const DeployPlan deploy = buildPlan(t, generateBundle(t, secrets), secrets, PlanOptions());
        const QList<ExpectedFile> expected = expectedFiles(deploy);
        QList<ObservedHost> obs = observedLab();
        MemberState four;
        four.name = QStringLiteral("node4");
        four.host = QStringLiteral("127.0.33.14");
        four.role = QStringLiteral("replica");
        four.state = QStringLiteral("streaming");
        for (int k = 0; k < 3; ++k)
            obs[k].members << four;
        for (const ExpectedFile &f : expected)
            for (ObservedHost &h : obs)
                if (h.name == f.host)
                    h.files.insert(f.path, ObservedFile{true, f.path == QLatin1String("/etc/haproxy/haproxy.cfg") ? QStringLiteral("00") : f.sha256, f.mode, f.owner, {}});
        const DriftDesign d = driftDesign(t, expected);
        const DriftReport r = computeDrift(d, obs);
        ApplyPlan ap = buildApplyPlan(t, secrets, deploy, d, r);
        QVERIFY2(ap.notPlanned.isEmpty(), qPrintable(ap.notPlanned.join(QLatin1Char('\n'))));
        QStringList got = ids(ap.plan);
        QCOMPARE(got, (QStringList{QStringLiteral("files:haproxy"), QStringLiteral("reload:haproxy:haproxy"),
                                   QStringLiteral("leave:node4"), QStringLiteral("left:node4")}));
        QCOMPARE(ap.plan.step(QStringLiteral("leave:node4"))->deps,
                 (QStringList{QStringLiteral("files:haproxy"), QStringLiteral("reload:haproxy:haproxy")}));
        QCOMPARE(ap.plan.targets.value(QStringLiteral("node4")).address, QStringLiteral("127.0.33.14"));
        QCOMPARE(ap.plan.targets.value(QStringLiteral("node4")).identityFile, ap.plan.targets.value(QStringLiteral("haproxy")).identityFile);
        QCOMPARE(ap.plan.step(QStringLiteral("left:node4"))->host, r.leader);
        QVERIFY(!ap.plan.dryRunText().contains(QStringLiteral("rm -rf")));
        ap = buildApplyPlan(t, secrets, deploy, d, r, ApplyOptions{true});
        QCOMPARE(ids(ap.plan).last(), QStringLiteral("purge:node4"));
        QVERIFY(ap.plan.step(QStringLiteral("purge:node4"))->ops.first().script.contains(QStringLiteral("PG_VERSION")));

        // The leader does not leave.
        QList<ObservedHost> led = obs;
        for (int k = 0; k < 3; ++k)
            for (MemberState &m : led[k].members) {
                if (m.name == QLatin1String("node4"))
                    m.role = QStringLiteral("leader");
                else if (m.isLeader())
                    m.role = QStringLiteral("replica");
            }
        DriftReport lr = computeDrift(d, led);
        ap = buildApplyPlan(t, secrets, deploy, d, lr);
        QVERIFY(!ids(ap.plan).contains(QStringLiteral("leave:node4")));
        QVERIFY(ap.notPlanned.join(QLatin1Char('\n')).contains(QStringLiteral("switch over")));

        // Nor the last replica: the design's other members do not run.
        QList<ObservedHost> lone = obs;
        for (int k = 0; k < 3; ++k)
            for (MemberState &m : lone[k].members)
                if (!m.isLeader() && m.name != QLatin1String("node4"))
                    m.state = QStringLiteral("stopped");
        ap = buildApplyPlan(t, secrets, deploy, d, computeDrift(d, lone));
        QVERIFY(!ids(ap.plan).contains(QStringLiteral("leave:node4")));
        QVERIFY(ap.notPlanned.join(QLatin1Char('\n')).contains(QStringLiteral("without a running replica")));
    }

    void filesCompareByHashModeAndOwner()
    {
        const Topology t = labTopology();
        QList<ObservedHost> obs = observedLab();
        obs[3].files.insert(QStringLiteral("/etc/haproxy/haproxy.cfg"), ObservedFile{true, QStringLiteral("aa"), QStringLiteral("644"), QStringLiteral("root"), {}});
        obs[0].files.insert(QStringLiteral("/etc/patroni/config.yml"), ObservedFile{true, QStringLiteral("bb"), QStringLiteral("644"), QStringLiteral("postgres"), {}});
        const QList<ExpectedFile> files = {
            {QStringLiteral("haproxy"), QStringLiteral("/etc/haproxy/haproxy.cfg"), QStringLiteral("cc"), QStringLiteral("644"), QStringLiteral("root"), QStringLiteral("haproxy")},
            {QStringLiteral("node1"), QStringLiteral("/etc/patroni/config.yml"), QStringLiteral("bb"), QStringLiteral("600"), QStringLiteral("postgres"), QStringLiteral("patroni")},
            {QStringLiteral("node2"), QStringLiteral("/etc/hosts.pgha"), QStringLiteral("dd"), QStringLiteral("644"), QStringLiteral("root"), {}}};
        const DriftReport r = computeDrift(driftDesign(t, files), obs);
        QCOMPARE(r.items.size(), 3);
        QCOMPARE(r.items.at(0).note, QStringLiteral("content differs"));
        QCOMPARE(r.items.at(0).service, QStringLiteral("haproxy"));
        QCOMPARE(r.items.at(1).note, QStringLiteral("mode or owner differs"));
        QVERIFY(r.items.at(1).service.isEmpty());  // same content: nothing to re-read
        QCOMPARE(r.items.at(2).actual, QStringLiteral("absent"));
    }

    // The apply plan: files, then the dynamic PATCH, then replicas one at a time and the leader last.
    void applyPlanOrder()
    {
        Topology t = labTopology();
        t.cluster.patroni.ttl = 12;
        t.cluster.postgres.parameters[QStringLiteral("max_connections")] = QStringLiteral("60");
        Secrets secrets;
        SecretStore::fillMissing(&secrets);
        const DeployPlan deploy = buildPlan(t, generateBundle(t, secrets), secrets, PlanOptions());
        const QList<ExpectedFile> expected = expectedFiles(deploy);
        QVERIFY(!expected.isEmpty());
        QList<ObservedHost> obs = observedLab();
        // haproxy.cfg differs; every other file is as generated.
        for (const ExpectedFile &f : expected) {
            for (ObservedHost &h : obs)
                if (h.name == f.host)
                    h.files.insert(f.path, ObservedFile{true, f.path == QLatin1String("/etc/haproxy/haproxy.cfg") ? QStringLiteral("00") : f.sha256, f.mode, f.owner, {}});
        }
        const DriftDesign d = driftDesign(t, expected);
        const DriftReport r = computeDrift(d, obs);
        const ApplyPlan ap = buildApplyPlan(t, secrets, deploy, d, r);
        QVERIFY(ap.notPlanned.isEmpty());
        QCOMPARE(ids(ap.plan), (QStringList{QStringLiteral("files:haproxy"), QStringLiteral("reload:haproxy:haproxy"),
                                            QStringLiteral("patch-config"), QStringLiteral("restart:node2"),
                                            QStringLiteral("restart:node3"), QStringLiteral("restart:node1")}));
        const DeployStep *patch = ap.plan.step(QStringLiteral("patch-config"));
        QCOMPARE(patch->host, QStringLiteral("node1"));
        QCOMPARE(patch->deps, (QStringList{QStringLiteral("files:haproxy"), QStringLiteral("reload:haproxy:haproxy")}));
        QVERIFY(patch->ops.first().script.contains(QStringLiteral("{\"postgresql\":{\"parameters\":{\"max_connections\":60}},\"ttl\":12}")));
        // The REST password goes through stdin, never the script.
        QVERIFY(!patch->ops.first().script.contains(secrets.restApiPassword));
        QVERIFY(patch->ops.first().input.contains(secrets.restApiPassword.toUtf8()));
        QCOMPARE(ap.plan.step(QStringLiteral("restart:node3"))->deps, QStringList{QStringLiteral("restart:node2")});
        QCOMPARE(ap.plan.step(QStringLiteral("restart:node1"))->deps, QStringList{QStringLiteral("restart:node3")});
        QVERIFY(!ap.plan.step(QStringLiteral("restart:node1"))->probe.isEmpty());
        // Only the leader's step switches over first.
        QCOMPARE(ap.plan.step(QStringLiteral("restart:node1"))->ops.size(), 2);
        QCOMPARE(ap.plan.step(QStringLiteral("restart:node2"))->ops.size(), 1);
        QVERIFY(ap.plan.targets.contains(QStringLiteral("haproxy")));

        // No drift: nothing to do.
        const Topology same = labTopology();
        const DriftDesign d0 = driftDesign(same, {});
        QVERIFY(buildApplyPlan(same, secrets, deploy, d0, computeDrift(d0, observedLab())).plan.steps.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDrift)
#include "test_drift.moc"
