// assembleClusterState(): a poll round's parsed answers judged without any network (issue 12: ClusterPoller's
// assemble as a pure function). Members merged from /cluster and /patroni, absent and unreachable members,
// streaming from the leader's replication list, scope fallbacks, etcd leader and health, synchronous mode.
#include "monitor/PollRound.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace pgha;

namespace {

MemberState listed(const char *name, const char *role, const char *state, int port = 8008)
{
    MemberState m;
    m.name = QString::fromLatin1(name);
    m.host = QStringLiteral("10.0.0.") + m.name.right(1);
    m.apiUrl = QStringLiteral("http://%1:%2").arg(m.host).arg(port);
    m.role = QString::fromLatin1(role);
    m.state = QString::fromLatin1(state);
    m.timeline = 3;
    return m;
}

PollRound::Node node(const char *role, const char *state, const QStringList &streaming = {})
{
    PollRound::Node n;
    n.ok = true;
    n.status.role = QString::fromLatin1(role);
    n.status.state = QString::fromLatin1(state);
    n.status.timeline = 3;
    n.status.scope = QStringLiteral("from-node");
    n.status.version = QStringLiteral("3.0.2");
    n.status.streamingReplicas = streaming;
    return n;
}

// A healthy three-member round: n1 leads and lists n2 and n3 as streaming.
PollRound healthy()
{
    PollRound r;
    r.clusterName = QStringLiteral("design-name");
    r.clusterOk = true;
    r.cluster.scope = QStringLiteral("main");
    r.cluster.members = {listed("n1", "leader", "running"), listed("n2", "replica", "running"),
                         listed("n3", "replica", "running")};
    r.cluster.members[1].lagBytes = 0;
    r.cluster.members[2].lagBytes = 0;
    r.nodes.insert(QStringLiteral("http://10.0.0.1:8008"), node("leader", "running", {QStringLiteral("n2"), QStringLiteral("n3")}));
    r.nodes.insert(QStringLiteral("http://10.0.0.2:8008"), node("replica", "running"));
    r.nodes.insert(QStringLiteral("http://10.0.0.3:8008"), node("replica", "running"));
    return r;
}

} // namespace

class TestAssemble : public QObject
{
    Q_OBJECT
private slots:
    void healthyCluster()
    {
        const ClusterState s = assembleClusterState(healthy());
        QCOMPARE(s.scope, QStringLiteral("main"));
        QCOMPARE(s.members.size(), 3);
        QVERIFY(s.leader() && s.leader()->name == QLatin1String("n1"));
        for (const MemberState &m : s.members) {
            QVERIFY2(m.reachable, qPrintable(m.name));
            QCOMPARE(m.patroniVersion, QStringLiteral("3.0.2"));
        }
        QVERIFY(s.member(QStringLiteral("n2"))->streaming);  // from the leader's replication list
        QVERIFY(s.member(QStringLiteral("n3"))->streaming);
        QCOMPARE(s.verdict, Verdict::Healthy);
    }

    void poolers()
    {
        // PgBouncer answering: pools kept, healthy; not answering: degraded (HAProxy's checks would not notice);
        // refusing the monitor's password: a monitoring gap, not a fault.
        PollRound r = healthy();
        r.poolersWatched = true;
        PoolerInstance ok;
        ok.name = QStringLiteral("n1");
        ok.endpoint = QStringLiteral("10.0.0.1:6432");
        ok.reachable = true;
        PgBouncerPool pool;
        pool.database = QStringLiteral("app");
        pool.user = QStringLiteral("app_user");
        pool.clActive = 3;
        pool.clWaiting = 1;
        ok.pools << pool;
        r.poolers << ok;
        ClusterState s = assembleClusterState(r);
        QVERIFY(s.poolerMonitored);
        QCOMPARE(s.poolers.first().clientsActive(), 3);
        QCOMPARE(s.verdict, Verdict::Healthy);
        QCOMPARE(s.toJson().value(QStringLiteral("pgbouncer")).toArray().first().toObject().value(QStringLiteral("pools"))
                     .toArray().first().toObject().value(QStringLiteral("cl_waiting")).toInt(), 1);
        PoolerInstance down;
        down.name = QStringLiteral("n2");
        down.error = QStringLiteral("Connection refused");
        r.poolers << down;
        s = assembleClusterState(r);
        QCOMPARE(s.verdict, Verdict::Degraded);
        QVERIFY(s.reasons.join(QLatin1Char('\n')).contains(QLatin1String("PgBouncer on n2 does not answer")));
        r.poolers.last().authFailed = true;
        s = assembleClusterState(r);
        QCOMPARE(s.verdict, Verdict::Healthy);
        QCOMPARE(s.gaps.size(), 1);
    }

    void memberNotAnsweringIsUnreachable()
    {
        PollRound r = healthy();
        r.nodes[QStringLiteral("http://10.0.0.3:8008")] = PollRound::Node{false, {}, QStringLiteral("connection refused")};
        r.nodes[QStringLiteral("http://10.0.0.1:8008")].status.streamingReplicas = {QStringLiteral("n2")};
        const ClusterState s = assembleClusterState(r);
        const MemberState *n3 = s.member(QStringLiteral("n3"));
        QVERIFY(n3);
        QCOMPARE(n3->state, QStringLiteral("unreachable"));
        QVERIFY(!n3->reachable);
        QCOMPARE(n3->error, QStringLiteral("connection refused"));
        QVERIFY(!n3->streaming);
        QCOMPARE(s.verdict, Verdict::Degraded);
    }

    void expectedMemberMissingFromClusterIsAbsent()
    {
        PollRound r = healthy();
        r.patroniEndpoints = {{QStringLiteral("n4"), QStringLiteral("http://10.0.0.4:8008")}};
        r.seenMembers.insert(QStringLiteral("n5"), QStringLiteral("http://10.0.0.5:8008"));
        r.seenHosts.insert(QStringLiteral("n5"), QStringLiteral("10.0.0.5"));
        r.nodes.insert(QStringLiteral("http://10.0.0.4:8008"), node("replica", "stopped"));
        const ClusterState s = assembleClusterState(r);
        QCOMPARE(s.members.size(), 5);
        const MemberState *n4 = s.member(QStringLiteral("n4"));
        QVERIFY(n4);
        QCOMPARE(n4->state, QStringLiteral("absent"));  // answers itself, but is not in the DCS
        QCOMPARE(n4->role, QStringLiteral("replica"));
        QVERIFY(n4->reachable);
        const MemberState *n5 = s.member(QStringLiteral("n5"));
        QVERIFY(n5);
        QCOMPARE(n5->state, QStringLiteral("absent"));
        QCOMPARE(n5->host, QStringLiteral("10.0.0.5"));
        QStringList names;
        for (const MemberState &m : s.members)
            names << m.name;
        QCOMPARE(names, (QStringList{QStringLiteral("n1"), QStringLiteral("n2"), QStringLiteral("n3"), QStringLiteral("n4"),
                                     QStringLiteral("n5")}));  // sorted by name
    }

    void withoutClusterMembersSpeakForThemselves()
    {
        PollRound r;
        r.clusterOk = false;
        r.clusterError = QStringLiteral("http://10.0.0.1:8008: timed out");
        r.patroniEndpoints = {{QStringLiteral("n1"), QStringLiteral("http://10.0.0.1:8008")},
                              {QStringLiteral("n2"), QStringLiteral("http://10.0.0.2:8008")}};
        r.nodes.insert(QStringLiteral("http://10.0.0.1:8008"), node("leader", "running"));
        r.nodes.insert(QStringLiteral("http://10.0.0.2:8008"), node("replica", "running"));
        const ClusterState s = assembleClusterState(r);
        QVERIFY(!s.patroniReachable);
        QCOMPARE(s.patroniError, r.clusterError);
        QCOMPARE(s.scope, QStringLiteral("from-node"));  // /cluster named none: a member's /patroni does
        QCOMPARE(s.member(QStringLiteral("n1"))->role, QStringLiteral("leader"));
        QCOMPARE(s.member(QStringLiteral("n1"))->state, QStringLiteral("running"));
        QCOMPARE(s.member(QStringLiteral("n2"))->role, QStringLiteral("replica"));
    }

    void scopeFallsBackToTheDesign()
    {
        PollRound r;
        r.clusterName = QStringLiteral("design-name");
        QCOMPARE(assembleClusterState(r).scope, QStringLiteral("design-name"));
        QCOMPARE(assembleClusterState(r).verdict, Verdict::Unavailable);
    }

    void etcdLeaderAndHealth()
    {
        PollRound r = healthy();
        r.etcdEndpoints = {{QStringLiteral("e1"), QStringLiteral("http://10.0.1.1:2379")},
                           {QStringLiteral("e2"), QStringLiteral("http://10.0.1.2:2379")}};
        r.etcdMembersOk = true;
        r.etcdMembers = {{QStringLiteral("11"), QStringLiteral("e1"), {QStringLiteral("http://10.0.1.1:2379")}, {}},
                         {QStringLiteral("22"), QStringLiteral("e2"), {QStringLiteral("http://10.0.1.2:2379")}, {}},
                         {QStringLiteral("33"), QStringLiteral("e3"), {}, {}}};
        PollRound::EtcdProbe p1;
        p1.name = QStringLiteral("e1");
        p1.url = QStringLiteral("http://10.0.1.1:2379");
        p1.healthAnswered = p1.healthy = p1.statusOk = true;
        p1.status.memberId = QStringLiteral("11");
        p1.status.leaderId = QStringLiteral("22");
        p1.status.raftTerm = 7;
        PollRound::EtcdProbe p2 = p1;
        p2.name = QStringLiteral("e2");
        p2.url = QStringLiteral("http://10.0.1.2:2379");
        p2.status.memberId = QStringLiteral("22");
        r.etcdProbes = {p1, p2};
        const ClusterState s = assembleClusterState(r);
        QVERIFY(s.etcdMonitored);
        QCOMPARE(s.etcd.size(), 3);
        QVERIFY(!s.etcd.at(0).isLeader);
        QVERIFY(s.etcd.at(1).isLeader);
        QCOMPARE(s.etcd.at(1).raftTerm, 7);
        QVERIFY(!s.etcd.at(2).reachable);  // no client URL, never probed
        QCOMPARE(s.etcdHealthyCount(), 2);
        QVERIFY(s.etcdHasQuorum());
    }

    void synchronousMode()
    {
        PollRound r = healthy();
        QVERIFY(!assembleClusterState(r).synchronousMode);
        r.config.insert(QStringLiteral("synchronous_mode"), true);
        QVERIFY(assembleClusterState(r).synchronousMode);
        r = healthy();
        r.cluster.members[1].role = QStringLiteral("sync_standby");
        QVERIFY(assembleClusterState(r).synchronousMode);
    }
};

QTEST_GUILESS_MAIN(TestAssemble)
#include "test_assemble.moc"
