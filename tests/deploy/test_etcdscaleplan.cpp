// etcd grown 3 -> 5 and shrunk 5 -> 3 by pgha apply, one member at a time (issue 9 item 5): the transition rules
// (core/validation/EtcdTransition), the drift of etcd's member list (core/drift/EtcdDrift) and the steps
// (deploy/EtcdScalePlan inside deploy/ApplyPlan), on the recorded probe answers of the 3+1 lab (tests/drift/data).
#include "../drift/DriftLabData.h"
#include "core/drift/DriftCompute.h"
#include "core/generate/Generator.h"
#include "core/model/Secrets.h"
#include "core/parse/DriftProbeParser.h"
#include "core/project/ProjectFile.h"
#include "core/validation/EtcdTransition.h"
#include "core/validation/Validator.h"
#include "deploy/ApplyPlan.h"
#include "deploy/DeployPlan.h"
#include "deploy/DriftCollector.h"

#include <QFile>
#include <QTest>

using namespace pgha;

namespace {

// node4 and node5 with the etcd role alone (.14, .15), after the HAProxy host.
Topology fiveEtcd()
{
    Topology t = labTopology();
    for (int k : {4, 5}) {
        Host h = *t.hostByName(QStringLiteral("node3"));
        h.name = QStringLiteral("node%1").arg(k);
        h.address = QStringLiteral("127.0.33.1%1").arg(k);
        h.roles = Role::Etcd;
        t.hosts << h;
    }
    return t;
}

EtcdParser::Member member(const QString &name, const QString &address, const QString &id)
{
    EtcdParser::Member m;
    m.id = id;
    m.name = name;
    m.peerUrls << QStringLiteral("http://%1:2380").arg(address);
    if (!name.isEmpty())
        m.clientUrls << QStringLiteral("http://%1:2379").arg(address);
    return m;
}

// Every host answers like the recorded node2 (database hosts) or haproxy; the files are the design's except those
// in `changed` (path suffixes), which differ; hosts not recorded (node4, node5) answer with nothing installed.
QList<ObservedHost> observe(const QList<ExpectedFile> &expected, const QList<EtcdParser::Member> &etcd, const QStringList &changed = {})
{
    QList<ObservedHost> out;
    const auto node2 = DriftProbeParser::parse(QStringLiteral("node2"), readData(QStringLiteral("probe-node2.json")));
    const auto ha = DriftProbeParser::parse(QStringLiteral("haproxy"), readData(QStringLiteral("probe-haproxy.json")));
    if (!node2.ok() || !ha.ok())
        return out;
    for (const QString &n : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}) {
        ObservedHost h = node2.value();
        h.name = n;
        h.etcdMembers = etcd;
        out << h;
    }
    out << ha.value();
    for (const QString &n : {QStringLiteral("node4"), QStringLiteral("node5")}) {
        ObservedHost h;
        h.name = n;
        h.reachable = true;
        out << h;
    }
    for (ObservedHost &h : out) {
        h.files.clear();
        for (const ExpectedFile &f : expected) {
            if (f.host != h.name || h.name == QLatin1String("node4") || h.name == QLatin1String("node5"))
                continue;
            bool differs = false;
            for (const QString &c : changed)
                differs = differs || f.path.endsWith(c);
            h.files.insert(f.path, ObservedFile{true, differs ? QStringLiteral("00") : f.sha256, f.mode, f.owner, {}});
        }
    }
    return out;
}

QList<EtcdParser::Member> labMembers()
{
    return {member(QStringLiteral("node2"), QStringLiteral("127.0.33.12"), QStringLiteral("2")),
            member(QStringLiteral("node1"), QStringLiteral("127.0.33.11"), QStringLiteral("1")),
            member(QStringLiteral("node3"), QStringLiteral("127.0.33.13"), QStringLiteral("3"))};
}

QString scripts(const DeployStep *s)
{
    QString out;
    if (!s)
        return out;
    for (const DeployOp &o : s->ops)
        out += o.script + QLatin1Char('\n');
    return out;
}

QStringList ruleIdsOf(const Findings &f)
{
    QStringList out;
    for (const Finding &x : f)
        out << x.ruleId;
    return out;
}

} // namespace

class TestEtcdScalePlan : public QObject
{
    Q_OBJECT
private slots:
    // One member at a time, additions first; an even count only as a step (warning); no step may lose quorum.
    void transitions()
    {
        const QStringList three{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        EtcdTransition t = planEtcdTransition(three, {QStringLiteral("d"), QStringLiteral("e")}, {});
        QCOMPARE(t.counts, (QList<int>{3, 4, 5}));
        QCOMPARE(t.countsText(), QStringLiteral("3 -> 4 -> 5"));
        QVERIFY(!t.refused);
        QCOMPARE(ruleIdsOf(t.findings), (QStringList{QStringLiteral("etcd-member-steps"), QStringLiteral("etcd-even-step")}));
        QCOMPARE(t.findings.at(1).severity, Severity::Warning);

        t = planEtcdTransition(three + QStringList{QStringLiteral("d"), QStringLiteral("e")}, {}, {QStringLiteral("d"), QStringLiteral("e")});
        QCOMPARE(t.counts, (QList<int>{5, 4, 3}));
        QCOMPARE(t.steps.first().add, false);
        QVERIFY(!t.refused);

        // A replacement grows first: 3 -> 4 -> 3, never 2.
        t = planEtcdTransition(three, {QStringLiteral("d")}, {QStringLiteral("c")});
        QCOMPARE(t.counts, (QList<int>{3, 4, 3}));
        QVERIFY(t.steps.first().add);

        // One step alone: no etcd-member-steps; 3 -> 4 still warns (even).
        t = planEtcdTransition(three, {QStringLiteral("d")}, {});
        QCOMPARE(ruleIdsOf(t.findings), QStringList{QStringLiteral("etcd-even-step")});

        // Adding to a single member stops etcd until the new one runs; removing the last member leaves none.
        t = planEtcdTransition({QStringLiteral("a")}, {QStringLiteral("b")}, {});
        QVERIFY(t.refused);
        QVERIFY(ruleIdsOf(t.findings).contains(QStringLiteral("etcd-quorum-step")));
        t = planEtcdTransition({QStringLiteral("a")}, {}, {QStringLiteral("a")});
        QVERIFY(t.refused);
        // 2 -> 3 is fine (2 running of 3 is a majority), 2 -> 1 too.
        QVERIFY(!planEtcdTransition({QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("c")}, {}).refused);
        QVERIFY(!planEtcdTransition({QStringLiteral("a"), QStringLiteral("b")}, {}, {QStringLiteral("b")}).refused);
        QVERIFY(planEtcdTransition(three, {}, {}).steps.isEmpty());
    }

    // Grow 3 -> 5: the new hosts checked, then the quorum, then per member: packages, files, member add on a
    // member that stays, start with initial-cluster-state existing, healthy; only then the files phase (Patroni's
    // etcd3 hosts, the members' etcd files, etcd restarted one at a time, each waiting for health).
    void growPlan()
    {
        const Topology t = fiveEtcd();
        const Planned p = planned(t);
        const Secrets &secrets = p.secrets;
        const DeployPlan &deploy = p.deploy;
        const QList<ExpectedFile> &expected = p.expected;
        const DriftDesign &d = p.design;
        QCOMPARE(d.etcdPeerUrls.value(QStringLiteral("node5")), QStringLiteral("http://127.0.33.15:2380"));
        const DriftReport r = computeDrift(d, observe(expected, labMembers(), {QStringLiteral("config.yml"), QStringLiteral("etcd.conf.yaml"),
                                                                               QStringLiteral("/etc/default/etcd"), QStringLiteral("firewall.nft")}));
        QCOMPARE(r.etcdMembers.size(), 3);
        int adds = 0;
        for (const DriftItem &i : r.items) {
            if (i.host == QLatin1String("node4") || i.host == QLatin1String("node5"))
                QCOMPARE(i.fix, DriftItem::Fix::EtcdAddMember);  // its absent files come with its own steps
            if (i.area == DriftItem::Area::Topology && i.fix == DriftItem::Fix::EtcdAddMember) {
                ++adds;
                QVERIFY2(i.note.contains(QStringLiteral("3 -> 4 -> 5")), qPrintable(i.note));
            }
        }
        QCOMPARE(adds, 2);
        QCOMPARE(driftFixKey(DriftItem::Fix::EtcdAddMember), QStringLiteral("etcd-add-member"));

        const ApplyPlan ap = buildApplyPlan(t, secrets, deploy, d, r);
        QVERIFY2(ap.notPlanned.isEmpty(), qPrintable(ap.notPlanned.join(QLatin1Char('\n'))));
        QVERIFY2(ap.etcdTransition.contains(QStringLiteral("3 -> 4 (+node4) -> 5 (+node5)")), qPrintable(ap.etcdTransition));
        QVERIFY(ap.etcdTransition.contains(QStringLiteral("[etcd-even-step]")));
        const QStringList got = ids(ap.plan);
        auto at = [&got](const QString &id) { return got.indexOf(id); };
        for (const QString &id : {QStringLiteral("check:node4"), QStringLiteral("check:node5"), QStringLiteral("etcd-quorum"),
                                  QStringLiteral("files:node4"), QStringLiteral("etcd-member-add:node4"), QStringLiteral("etcd-start:node4"),
                                  QStringLiteral("etcd-healthy:node4"), QStringLiteral("etcd-member-add:node5"),
                                  QStringLiteral("etcd-healthy:node5"), QStringLiteral("files:node1"), QStringLiteral("reload:patroni:node1"),
                                  QStringLiteral("reload:etcd:node1"), QStringLiteral("reload:etcd:node3")})
            QVERIFY2(at(id) >= 0, qPrintable(id + QStringLiteral(" missing from ") + got.join(QLatin1Char(' '))));
        QCOMPARE(got.count(QStringLiteral("files:node4")), 1);
        QVERIFY(ap.plan.step(QStringLiteral("etcd-quorum"))->deps.contains(QStringLiteral("check:node5")));
        QVERIFY(ap.plan.step(QStringLiteral("etcd-member-add:node4"))->deps.contains(QStringLiteral("files:node4")));
        QVERIFY(ap.plan.step(QStringLiteral("etcd-member-add:node5"))->deps.contains(QStringLiteral("etcd-healthy:node4")));
        QCOMPARE(ap.plan.step(QStringLiteral("etcd-start:node5"))->deps, QStringList{QStringLiteral("etcd-member-add:node5")});
        // Growth alone: the members' files (and firewalls) before the new members are added, their etcd restarts after.
        QVERIFY(ap.plan.step(QStringLiteral("files:node1"))->deps.contains(QStringLiteral("etcd-quorum")));
        QVERIFY(!ap.plan.step(QStringLiteral("files:node1"))->deps.contains(QStringLiteral("etcd-healthy:node5")));
        QVERIFY(ap.plan.step(QStringLiteral("reload:etcd:node1"))->deps.contains(QStringLiteral("etcd-healthy:node5")));
        QVERIFY(ap.plan.step(QStringLiteral("reload:firewall:node1")));
        for (const DeployStep &s : ap.plan.steps)
            if (s.id.startsWith(QLatin1String("reload:firewall:")))
                QVERIFY2(ap.plan.step(QStringLiteral("etcd-member-add:node4"))->deps.contains(s.id), qPrintable(s.id));
        // The commands run on a member that stays; the new member's start on itself.
        QCOMPARE(ap.plan.step(QStringLiteral("etcd-member-add:node4"))->host, QStringLiteral("node2"));
        QCOMPARE(ap.plan.step(QStringLiteral("etcd-start:node4"))->host, QStringLiteral("node4"));
        QCOMPARE(ap.plan.targets.value(QStringLiteral("node5")).address, QStringLiteral("127.0.33.15"));
        const QString add4 = scripts(ap.plan.step(QStringLiteral("etcd-member-add:node4")));
        QVERIFY2(add4.contains(QStringLiteral("member add node4 --peer-urls=http://127.0.33.14:2380")), qPrintable(add4));
        QVERIFY(add4.contains(QStringLiteral("endpoint health --cluster")));
        QVERIFY(!ap.plan.step(QStringLiteral("etcd-member-add:node4"))->probe.isEmpty());
        // initial-cluster: the members before it and itself; existing.
        const QString start5 = scripts(ap.plan.step(QStringLiteral("etcd-start:node5")));
        QVERIFY2(start5.contains(QStringLiteral("ETCD_INITIAL_CLUSTER=\"node2=http://127.0.33.12:2380,node1=http://127.0.33.11:2380,"
                                                "node3=http://127.0.33.13:2380,node4=http://127.0.33.14:2380,node5=http://127.0.33.15:2380\"")),
                 qPrintable(start5));
        QVERIFY(start5.contains(QStringLiteral("ETCD_INITIAL_CLUSTER_STATE=\"existing\"")));
        QVERIFY(!scripts(ap.plan.step(QStringLiteral("etcd-start:node4"))).contains(QStringLiteral("node5=")));
        // An etcd restart of the files phase waits until every member is healthy before the next.
        const DeployStep *restart = ap.plan.step(QStringLiteral("reload:etcd:node3"));
        QCOMPARE(restart->ops.last().kind, DeployOp::Kind::WaitFor);
        QVERIFY(restart->ops.last().script.contains(QStringLiteral("endpoint health --cluster")));
        // The check refuses existing etcd data on a new member.
        QVERIFY(!ap.plan.step(QStringLiteral("check:node4"))->ops.first().check.allowExistingEtcdData);
    }

    // Shrink 5 -> 3: after the quorum, each leaving member removed from a member that stays (leadership moved away
    // first when it leads), then etcd stopped on it; data kept unless purge; then the files phase.
    void shrinkPlan()
    {
        const Topology t = labTopology();
        const Planned p = planned(t);
        const Secrets &secrets = p.secrets;
        const DeployPlan &deploy = p.deploy;
        const QList<ExpectedFile> &expected = p.expected;
        const DriftDesign &d = p.design;
        const QList<EtcdParser::Member> five = labMembers()
            + QList<EtcdParser::Member>{member(QStringLiteral("node5"), QStringLiteral("127.0.33.15"), QStringLiteral("5")),
                                        member(QStringLiteral("node4"), QStringLiteral("127.0.33.14"), QStringLiteral("4"))};  // by id: any order
        const DriftReport r = computeDrift(d, observe(expected, five, {QStringLiteral("config.yml")}));
        const QList<DriftItem> removes = r.withFix(DriftItem::Fix::EtcdRemoveMember);
        QCOMPARE(removes.size(), 2);
        QCOMPARE(removes.first().address, QStringLiteral("127.0.33.14"));
        ApplyPlan ap = buildApplyPlan(t, secrets, deploy, d, r);
        QVERIFY2(ap.notPlanned.isEmpty(), qPrintable(ap.notPlanned.join(QLatin1Char('\n'))));
        QVERIFY2(ap.etcdTransition.contains(QStringLiteral("5 -> 4 (-node4) -> 3 (-node5)")), qPrintable(ap.etcdTransition));
        const QStringList got = ids(ap.plan);
        QCOMPARE(got.mid(0, 5), (QStringList{QStringLiteral("etcd-quorum"), QStringLiteral("etcd-member-remove:node4"),
                                             QStringLiteral("etcd-stop:node4"), QStringLiteral("etcd-member-remove:node5"),
                                             QStringLiteral("etcd-stop:node5")}));
        QCOMPARE(ap.plan.step(QStringLiteral("etcd-member-remove:node5"))->deps, QStringList{QStringLiteral("etcd-member-remove:node4")});
        QVERIFY(ap.plan.step(QStringLiteral("files:node1"))->deps.contains(QStringLiteral("etcd-stop:node5")));
        QVERIFY(ap.plan.step(QStringLiteral("reload:patroni:node1")));
        const QString rm4 = scripts(ap.plan.step(QStringLiteral("etcd-member-remove:node4")));
        QVERIFY(rm4.contains(QStringLiteral("move-leader")));
        QVERIFY(rm4.contains(QStringLiteral("member remove")));
        QCOMPARE(ap.plan.step(QStringLiteral("etcd-member-remove:node4"))->host, QStringLiteral("node2"));
        QCOMPARE(ap.plan.targets.value(QStringLiteral("node4")).address, QStringLiteral("127.0.33.14"));
        QCOMPARE(ap.plan.targets.value(QStringLiteral("node4")).identityFile, ap.plan.targets.value(QStringLiteral("node2")).identityFile);
        QVERIFY(!ap.plan.dryRunText().contains(QStringLiteral("rm -rf")));
        ap = buildApplyPlan(t, secrets, deploy, d, r, ApplyOptions{true});
        QVERIFY2(scripts(ap.plan.step(QStringLiteral("etcd-stop:node5"))).contains(QStringLiteral("rm -rf /var/lib/etcd/pgha")), qPrintable(scripts(ap.plan.step(QStringLiteral("etcd-stop:node5")))));
    }

    // Nothing of a change that would lose quorum is planned; a new host with PostgreSQL and etcd is left to a person.
    void refusals()
    {
        Topology t = fiveEtcd();
        Planned p = planned(t);
        DriftReport r = computeDrift(p.design, observe(p.expected, {member(QStringLiteral("node1"), QStringLiteral("127.0.33.11"), QStringLiteral("1"))}));
        QVERIFY(r.withFix(DriftItem::Fix::EtcdAddMember).isEmpty());
        ApplyPlan ap = buildApplyPlan(t, p.secrets, p.deploy, p.design, r);
        QVERIFY(!ids(ap.plan).contains(QStringLiteral("etcd-member-add:node2")));
        QVERIFY(!ids(ap.plan).contains(QStringLiteral("etcd-quorum")));
        QVERIFY2(ap.notPlanned.join(QLatin1Char('\n')).contains(QStringLiteral("no quorum")), qPrintable(ap.notPlanned.join(QLatin1Char('\n'))));

        t = labTopology();
        Host n4 = *t.hostByName(QStringLiteral("node3"));
        n4.name = QStringLiteral("node4");
        n4.address = QStringLiteral("127.0.33.14");
        t.hosts << n4;  // postgres + etcd, not a Patroni member yet
        p = planned(t);
        r = computeDrift(p.design, observe(p.expected, labMembers()));
        QVERIFY(r.withFix(DriftItem::Fix::EtcdAddMember).isEmpty());
        ap = buildApplyPlan(t, p.secrets, p.deploy, p.design, r);
        QVERIFY(!ids(ap.plan).contains(QStringLiteral("etcd-member-add:node4")));
    }

    // docs/validation-rules.md documents the transition rules, in order, in their own section.
    void rulesDocumented()
    {
        QFile doc(QStringLiteral(PGHA_SOURCE_DIR "/docs/validation-rules.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        qsizetype last = text.indexOf(QStringLiteral("## Rules of `pgha apply`"));
        QVERIFY(last >= 0);
        for (const QString &id : etcdTransitionRuleIds()) {
            const qsizetype at = text.indexOf(QStringLiteral("### `") + id + QStringLiteral("`"));
            QVERIFY2(at > last, qPrintable(id));
            last = at;
            QVERIFY2(!ruleIds().contains(id), qPrintable(id + QStringLiteral(" is a designer rule id too")));
        }
    }
};

QTEST_GUILESS_MAIN(TestEtcdScalePlan)
#include "test_etcdscaleplan.moc"
