#include "monitor/PollRound.h"

#include "monitor/VerdictRules.h"

#include <QCoreApplication>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace pgha {

namespace {

QString normUrl(const QString &url)
{
    return QUrl(url).toString(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
}

} // namespace

ClusterState assembleClusterState(const PollRound &r)
{
    ClusterState s;
    s.time = r.time;
    s.pollMs = r.pollMs;
    s.lagThresholdBytes = r.lagThresholdBytes;
    s.patroniReachable = r.clusterOk;
    s.patroniError = r.clusterOk ? QString() : r.clusterError;
    s.scope = r.cluster.scope.isEmpty() ? r.clusterName : r.cluster.scope;
    s.paused = r.cluster.paused;
    s.findings = r.findings;
    s.notes = r.notes;
    s.tls = r.tls;
    s.certWarnDays = r.certWarnDays;
    for (const PollRound::Node &n : std::as_const(r.nodes)) {
        // Patroni 3.x leaves the scope out of /cluster; every member's /patroni names it.
        if (s.scope.isEmpty() && n.ok)
            s.scope = n.status.scope;
        s.paused = s.paused || (n.ok && n.status.paused && !r.clusterOk);
    }

    QSet<QString> listedUrls;
    if (r.clusterOk) {
        s.members = r.cluster.members;
        for (MemberState &m : s.members)
            listedUrls.insert(normUrl(m.apiUrl));
    }
    // Members that should be there but are not listed: from the project, or seen in an earlier round.
    auto addAbsent = [&s, &listedUrls](const QString &name, const QString &url, const QString &host) {
        for (const MemberState &m : std::as_const(s.members)) {
            if (m.name == name || (!url.isEmpty() && normUrl(m.apiUrl) == url))
                return;
        }
        if (listedUrls.contains(url))
            return;
        MemberState m;
        m.name = name.isEmpty() ? QUrl(url).host() : name;
        m.host = host.isEmpty() ? QUrl(url).host() : host;
        m.apiUrl = url;
        m.state = QStringLiteral("absent");
        s.members.append(m);
    };
    for (const MonitorTarget::Endpoint &e : std::as_const(r.patroniEndpoints))
        addAbsent(e.name, e.url, QString());
    for (auto it = r.seenMembers.cbegin(); it != r.seenMembers.cend(); ++it)
        addAbsent(it.key(), it.value(), r.seenHosts.value(it.key()));

    // Merge what each member's own REST API said.
    QStringList streamingByLeader;
    for (const PollRound::Node &n : std::as_const(r.nodes)) {
        if (n.ok && n.status.role == QLatin1String("leader"))
            streamingByLeader += n.status.streamingReplicas;
    }
    for (MemberState &m : s.members) {
        const auto it = r.nodes.constFind(normUrl(m.apiUrl));
        if (it == r.nodes.cend())
            continue;
        const PollRound::Node &nr = it.value();
        m.reachable = nr.ok;
        m.error = nr.error;
        if (nr.ok) {
            const PatroniParser::NodeStatus &n = nr.status;
            m.patroniVersion = n.version;
            for (auto t = n.tags.cbegin(); t != n.tags.cend(); ++t)
                m.tags.insert(t.key(), t.value());
            m.pendingRestart = m.pendingRestart || n.pendingRestart;
            if (m.state == QLatin1String("absent") || !r.clusterOk) {
                // Not in the DCS (or the DCS view is unavailable): show what the member says of itself.
                m.role = n.role;
                m.state = r.clusterOk ? QStringLiteral("absent") : n.state;
                m.timeline = n.timeline;
            }
            if (m.timeline == 0)
                m.timeline = n.timeline;
            if (n.replicationState == QLatin1String("streaming"))
                m.streaming = m.isReplica();
            if (m.name.isEmpty())
                m.name = n.name;
        } else if (m.state != QLatin1String("absent")) {
            // Listed in the DCS (its key lives until the ttl expires) but its Patroni does not answer.
            m.state = QStringLiteral("unreachable");
        }
        if (m.isReplica() && streamingByLeader.contains(m.name))
            m.streaming = true;
    }
    std::sort(s.members.begin(), s.members.end(),
              [](const MemberState &a, const MemberState &b) { return a.name < b.name; });

    // etcd
    s.etcdMonitored = !r.etcdEndpoints.isEmpty();
    if (s.etcdMonitored) {
        auto probeFor = [&r](const EtcdParser::Member &m) -> const PollRound::EtcdProbe * {
            for (const PollRound::EtcdProbe &p : std::as_const(r.etcdProbes)) {
                if (p.statusOk && p.status.memberId == m.id)
                    return &p;
            }
            for (const PollRound::EtcdProbe &p : std::as_const(r.etcdProbes)) {
                if (m.clientUrls.contains(p.url) || m.clientUrls.contains(p.url + QLatin1Char('/')))
                    return &p;
            }
            return nullptr;
        };
        QString leaderId;
        for (const PollRound::EtcdProbe &p : std::as_const(r.etcdProbes)) {
            if (p.statusOk && p.status.leaderId != QLatin1String("0") && !p.status.leaderId.isEmpty())
                leaderId = p.status.leaderId;
        }
        auto fill = [&leaderId](EtcdMemberState *e, const PollRound::EtcdProbe *p) {
            if (!p) {
                e->error = QCoreApplication::translate("pgha::Monitor", "not probed (no client URL)");
                return;
            }
            e->reachable = p->healthAnswered || p->statusOk;
            e->healthy = p->healthy;
            e->error = p->error;
            if (p->statusOk) {
                e->raftTerm = p->status.raftTerm;
                e->dbSize = p->status.dbSize;
                e->version = p->status.version;
                if (e->id.isEmpty())
                    e->id = p->status.memberId;
            }
            e->isLeader = !e->id.isEmpty() && e->id == leaderId && e->healthy;
        };
        if (r.etcdMembersOk) {
            for (const EtcdParser::Member &m : std::as_const(r.etcdMembers)) {
                EtcdMemberState e;
                e.name = m.name;
                e.id = m.id;
                e.clientUrl = m.clientUrls.value(0);
                fill(&e, probeFor(m));
                s.etcd.append(e);
            }
        } else {
            for (const PollRound::EtcdProbe &p : std::as_const(r.etcdProbes)) {
                EtcdMemberState e;
                e.name = p.name.isEmpty() ? QUrl(p.url).host() : p.name;
                e.clientUrl = p.url;
                fill(&e, &p);
                s.etcd.append(e);
            }
            s.etcdError = QCoreApplication::translate("pgha::Monitor", "no etcd member listed the members");
        }
    }

    const QJsonValue sync = r.config.value(QStringLiteral("synchronous_mode"));
    s.synchronousMode = sync.toBool() || (sync.isString() && sync.toString() != QLatin1String("off")
                                          && sync.toString() != QLatin1String("false"));
    for (const MemberState &m : std::as_const(s.members))
        s.synchronousMode = s.synchronousMode || m.role == QLatin1String("sync_standby");

    s.haproxyMonitored = r.haproxyWatched;
    s.haproxy = r.haproxy;
    s.poolerMonitored = r.poolersWatched;
    s.poolers = r.poolers;
    s.archiverMonitored = r.archiverWatched;
    s.archiver = r.archiver;
    VerdictRules::evaluate(&s);
    return s;
}

} // namespace pgha
