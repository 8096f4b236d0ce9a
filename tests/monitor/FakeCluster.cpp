#include "FakeCluster.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace pgha;

namespace {

constexpr quint16 kRestPort = 18008;
constexpr quint16 kEtcdPort = 12379;
constexpr quint16 kStatsPort = 17000;
const char *const kPassword = "fake-rest-password-123456";
const char *const kStatsPassword = "fake-stats-password-123456";

QByteArray basic(const char *user, const char *password)
{
    return "Basic " + QByteArray(QByteArray(user) + ':' + password).toBase64();
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

FakeCluster::FakeCluster(int memberCount, int etcdCount, bool withHaproxy, int base, bool v4, const QString &prefix)
    : patroni4(v4)
{
    for (int i = 0; i < memberCount; ++i) {
        Member m;
        m.name = QStringLiteral("m%1").arg(i + 1);
        m.address = prefix + QString::number(base + i);
        m.rest = new FakeHttpServer;
        m_started = m_started && m.rest->start(QHostAddress(m.address), kRestPort);
        members.append(m);
    }
    leader = members.value(0).name;
    for (int i = 0; i < members.size(); ++i) {
        const QString name = members.at(i).name;
        members[i].rest->setHandler([this, name](const FakeHttpServer::Request &req) {
            return patroniAnswer(*member(name), req);
        });
    }
    for (int i = 0; i < etcdCount; ++i) {
        Etcd e;
        e.name = QStringLiteral("m%1").arg(i + 1);
        e.id = QString::number(9000000000000000001ULL + quint64(i));  // beyond 2^53 like real ids
        e.address = members.at(i).address;
        e.server = new FakeHttpServer;
        m_started = m_started && e.server->start(QHostAddress(e.address), kEtcdPort);
        etcd.append(e);
    }
    for (int i = 0; i < etcd.size(); ++i) {
        etcd[i].server->setHandler([this, i](const FakeHttpServer::Request &req) { return etcdAnswer(etcd.at(i), req); });
    }
    if (withHaproxy) {
        haproxy = new FakeHttpServer;
        m_started = m_started && haproxy->start(QHostAddress(prefix + QString::number(base + 60)), kStatsPort);
        haproxy->setHandler([this](const FakeHttpServer::Request &req) { return haproxyAnswer(req); });
    }
}

FakeCluster::~FakeCluster()
{
    for (Member &m : members)
        delete m.rest;
    for (Etcd &e : etcd)
        delete e.server;
    delete haproxy;
}

FakeCluster::Member *FakeCluster::member(const QString &name)
{
    for (Member &m : members) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

void FakeCluster::setMemberDown(const QString &name, bool down)
{
    Member *m = member(name);
    m->down = down;
    m->rest->setRefuseAll(down);
}

void FakeCluster::setEtcdDown(int index, bool down)
{
    etcd[index].down = down;
    etcd[index].server->setRefuseAll(down);
}

Topology FakeCluster::topology() const
{
    Topology t;
    t.cluster.name = QStringLiteral("fake");
    t.cluster.patroni.restApiPort = kRestPort;
    t.cluster.etcd.clientPort = kEtcdPort;
    t.cluster.haproxy.statsPort = kStatsPort;
    t.cluster.security.tls = false;  // plain http fakes (test_monitor_tls has the TLS ones)
    for (int i = 0; i < members.size(); ++i) {
        Host h;
        h.name = members.at(i).name;
        h.address = members.at(i).address;
        h.roles = Role::Postgres;
        if (i < etcd.size())
            h.roles |= Role::Etcd;
        t.hosts.append(h);
    }
    if (haproxy) {
        Host h;
        h.name = QStringLiteral("lb");
        h.address = haproxy->serverAddress().toString();
        h.roles = Role::HAProxy;
        t.hosts.append(h);
    }
    return t;
}

Secrets FakeCluster::secrets() const
{
    Secrets s;
    s.restApiUser = QStringLiteral("patroni");
    s.restApiPassword = QLatin1String(kPassword);
    s.haproxyStatsUser = QStringLiteral("haproxy");
    s.haproxyStatsPassword = QLatin1String(kStatsPassword);
    return s;
}

QByteArray FakeCluster::clusterJson() const
{
    QJsonArray list;
    for (const Member &m : members) {
        if (!m.registered)
            continue;
        const bool isLeader = m.name == leader;
        const QString role = isLeader ? QStringLiteral("leader")
                                      : (m.name == syncStandby ? QStringLiteral("sync_standby") : QStringLiteral("replica"));
        const QString state = m.stopped ? QStringLiteral("stopped")
                                        : (isLeader || !patroni4 ? QStringLiteral("running") : QStringLiteral("streaming"));
        QJsonObject o{{QStringLiteral("name"), m.name},
                      {QStringLiteral("role"), role},
                      {QStringLiteral("state"), state},
                      {QStringLiteral("api_url"), QStringLiteral("http://%1:%2/patroni").arg(m.address).arg(kRestPort)},
                      {QStringLiteral("host"), m.address},
                      {QStringLiteral("port"), 5432},
                      {QStringLiteral("timeline"), timeline}};
        if (!isLeader) {
            o.insert(QStringLiteral("lag"), double(m.lag));
            if (patroni4) {
                o.insert(QStringLiteral("receive_lag"), double(m.lag));
                o.insert(QStringLiteral("replay_lag"), double(m.lag));
            }
        }
        if (m.pendingRestart)
            o.insert(QStringLiteral("pending_restart"), true);
        list.append(o);
    }
    QJsonObject root{{QStringLiteral("members"), list}};
    if (patroni4)
        root.insert(QStringLiteral("scope"), QStringLiteral("fake"));
    if (paused)
        root.insert(QStringLiteral("pause"), true);
    return json(root);
}

FakeHttpServer::Response FakeCluster::patroniAnswer(const Member &self, const FakeHttpServer::Request &req)
{
    const bool authorized = req.authorization == basic("patroni", kPassword);
    if (req.method == "GET" && req.path == "/cluster")
        return {200, clusterJson()};
    if (req.method == "GET" && req.path == "/patroni") {
        const bool isLeader = self.name == leader;
        QJsonObject o{{QStringLiteral("state"), self.stopped ? QStringLiteral("stopped") : QStringLiteral("running")},
                      {QStringLiteral("role"), isLeader ? (patroni4 ? QStringLiteral("primary") : QStringLiteral("master"))
                                                        : QStringLiteral("replica")},
                      {QStringLiteral("timeline"), timeline},
                      {QStringLiteral("patroni"), QJsonObject{{QStringLiteral("version"), patroni4 ? QStringLiteral("4.0.4") : QStringLiteral("3.0.2")},
                                                              {QStringLiteral("scope"), QStringLiteral("fake")}}}};
        if (isLeader) {
            QJsonArray repl;
            for (const Member &m : members) {
                if (m.name != leader && !m.down)
                    repl.append(QJsonObject{{QStringLiteral("application_name"), m.name},
                                            {QStringLiteral("state"), QStringLiteral("streaming")}});
            }
            o.insert(QStringLiteral("replication"), repl);
            o.insert(QStringLiteral("xlog"), QJsonObject{{QStringLiteral("location"), 67108864}});
        }
        return {200, json(o)};
    }
    if (req.method == "GET" && req.path == "/history")
        return {200, "[]"};
    if (req.method == "GET" && req.path == "/config")
        return {200, json(QJsonObject{{QStringLiteral("ttl"), 10}, {QStringLiteral("pause"), paused},
                                      {QStringLiteral("synchronous_mode"), !syncStandby.isEmpty()}})};
    if (req.method == "POST" || req.method == "PATCH") {
        if (!authorized)
            return {401, "no auth"};
        const QJsonObject body = QJsonDocument::fromJson(req.body).object();
        if (req.path == "/switchover" || req.path == "/failover") {
            const QString candidate = body.value(QStringLiteral("candidate")).toString();
            if (req.path == "/switchover" && body.value(QStringLiteral("leader")).toString() != leader)
                return {412, "leader name does not match"};
            if (req.path == "/switchover" && !syncStandby.isEmpty() && candidate != syncStandby)
                return {412, "candidate name does not match with sync_standby"};
            if (stopOldLeaderOnSwitchover && member(leader))
                member(leader)->stopped = true;
            leader = candidate;
            ++timeline;
            return {200, "Successfully switched over to \"" + candidate.toUtf8() + "\""};
        }
        if (req.path == "/config") {
            paused = body.value(QStringLiteral("pause")).toBool();
            return {200, json(QJsonObject{{QStringLiteral("pause"), paused}})};
        }
        if (req.path == "/restart")
            return {200, "restarted successfully"};
        if (req.path == "/reload")
            return {202, "reload scheduled"};
        if (req.path == "/reinitialize")
            return {200, "reinitialize started"};
    }
    return {404, "{}"};
}

bool FakeCluster::etcdQuorum() const
{
    int up = 0;
    for (const Etcd &e : etcd)
        up += e.down ? 0 : 1;
    return up >= int(etcd.size()) / 2 + 1;
}

FakeHttpServer::Response FakeCluster::etcdAnswer(const Etcd &self, const FakeHttpServer::Request &req)
{
    const bool quorum = etcdQuorum();
    if (req.path == "/health")
        return quorum ? FakeHttpServer::Response{200, "{\"health\":\"true\"}"}
                      : FakeHttpServer::Response{503, "{\"health\":\"false\",\"reason\":\"RAFT NO LEADER\"}"};
    if (req.path == "/v3/maintenance/status") {
        const QString leaderId = quorum ? etcd.first().id : QStringLiteral("0");
        return {200, json(QJsonObject{{QStringLiteral("header"), QJsonObject{{QStringLiteral("member_id"), self.id},
                                                                             {QStringLiteral("raft_term"), QStringLiteral("3")}}},
                                      {QStringLiteral("leader"), leaderId},
                                      {QStringLiteral("raftTerm"), QStringLiteral("3")},
                                      {QStringLiteral("dbSize"), QStringLiteral("20480")},
                                      {QStringLiteral("version"), QStringLiteral("3.4.23")}})};
    }
    if (req.path == "/v3/cluster/member/list") {
        QJsonArray list;
        for (const Etcd &e : etcd) {
            list.append(QJsonObject{{QStringLiteral("ID"), e.id},
                                    {QStringLiteral("name"), e.name},
                                    {QStringLiteral("clientURLs"), QJsonArray{QStringLiteral("http://%1:%2").arg(e.address).arg(kEtcdPort)}}});
        }
        return {200, json(QJsonObject{{QStringLiteral("members"), list}})};
    }
    return {404, "{}"};
}

FakeHttpServer::Response FakeCluster::haproxyAnswer(const FakeHttpServer::Request &req)
{
    if (req.authorization != basic("haproxy", kStatsPassword))
        return {401, "<html>401 Unauthorized</html>", "text/html"};
    if (req.path != "/;csv")
        return {404, "{}"};
    QByteArray csv = "# pxname,svname,scur,status,check_status\nstats,FRONTEND,0,OPEN,\n";
    for (const char *pool : {"primary", "replicas"}) {
        int sessions = 0;
        for (const Member &m : members) {
            const bool isLeader = m.name == leader;
            const bool up = !m.down && !m.stopped && (QByteArray(pool) == "primary" ? isLeader : !isLeader);
            csv += QByteArray(pool) + ',' + m.name.toUtf8() + ',' + (up ? "2" : "0") + ',' + (up ? "UP" : "DOWN")
                + ',' + (up ? "L7OK" : "L7STS") + '\n';
            sessions += up ? 2 : 0;
        }
        csv += QByteArray(pool) + ",BACKEND," + QByteArray::number(sessions) + ",UP,\n";
    }
    return {200, csv, "text/csv"};
}
