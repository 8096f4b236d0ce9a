#include "monitor/ClusterState.h"

#include "monitor/RepositoryView.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace pgha {

QString verdictKey(Verdict v)
{
    switch (v) {
    case Verdict::Healthy:
        return QStringLiteral("healthy");
    case Verdict::Degraded:
        return QStringLiteral("degraded");
    case Verdict::Unavailable:
        break;
    }
    return QStringLiteral("unavailable");
}

QString verdictTitle(Verdict v)
{
    switch (v) {
    case Verdict::Healthy:
        return QCoreApplication::translate("pgha::Monitor", "healthy");
    case Verdict::Degraded:
        return QCoreApplication::translate("pgha::Monitor", "degraded");
    case Verdict::Unavailable:
        break;
    }
    return QCoreApplication::translate("pgha::Monitor", "unavailable");
}

const HaproxyPool *HaproxyInstance::pool(const QString &kind) const
{
    for (const HaproxyPool &p : pools) {
        if (p.kind == kind)
            return &p;
    }
    return nullptr;
}

const MemberState *ClusterState::member(const QString &name) const
{
    for (const MemberState &m : members) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

const MemberState *ClusterState::leader() const
{
    for (const MemberState &m : members) {
        if (m.isLeader())
            return &m;
    }
    return nullptr;
}

int ClusterState::etcdHealthyCount() const
{
    int n = 0;
    for (const EtcdMemberState &e : etcd)
        n += e.healthy ? 1 : 0;
    return n;
}

bool ClusterState::etcdHasQuorum() const
{
    if (!etcdMonitored)
        return true;
    if (etcd.isEmpty())
        return false;
    return etcdHealthyCount() >= etcd.size() / 2 + 1;
}

namespace {

QJsonValue bytesOrNull(qint64 v)
{
    return v < 0 ? QJsonValue() : QJsonValue(double(v));
}

} // namespace

QJsonObject ClusterState::toJson() const
{
    QJsonArray jm;
    for (const MemberState &m : members) {
        QJsonObject tagsObj;
        for (auto it = m.tags.cbegin(); it != m.tags.cend(); ++it)
            tagsObj.insert(it.key(), it.value());
        QJsonObject o{{QStringLiteral("name"), m.name},
                      {QStringLiteral("host"), m.host},
                      {QStringLiteral("port"), m.port},
                      {QStringLiteral("api_url"), m.apiUrl},
                      {QStringLiteral("role"), m.role},
                      {QStringLiteral("state"), m.state},
                      {QStringLiteral("streaming"), m.streaming},
                      {QStringLiteral("timeline"), m.timeline},
                      {QStringLiteral("lag_bytes"), bytesOrNull(m.lagBytes)},
                      {QStringLiteral("receive_lag_bytes"), bytesOrNull(m.receiveLagBytes)},
                      {QStringLiteral("replay_lag_bytes"), bytesOrNull(m.replayLagBytes)},
                      {QStringLiteral("pending_restart"), m.pendingRestart},
                      {QStringLiteral("tags"), tagsObj},
                      {QStringLiteral("reachable"), m.reachable},
                      {QStringLiteral("patroni_version"), m.patroniVersion}};
        if (!m.error.isEmpty())
            o.insert(QStringLiteral("error"), m.error);
        jm.append(o);
    }
    QJsonArray je;
    for (const EtcdMemberState &e : etcd) {
        QJsonObject o{{QStringLiteral("name"), e.name},
                      {QStringLiteral("id"), e.id},
                      {QStringLiteral("client_url"), e.clientUrl},
                      {QStringLiteral("reachable"), e.reachable},
                      {QStringLiteral("healthy"), e.healthy},
                      {QStringLiteral("leader"), e.isLeader},
                      {QStringLiteral("raft_term"), double(e.raftTerm)},
                      {QStringLiteral("db_size"), double(e.dbSize)},
                      {QStringLiteral("version"), e.version}};
        if (!e.error.isEmpty())
            o.insert(QStringLiteral("error"), e.error);
        je.append(o);
    }
    QJsonArray jh;
    for (const HaproxyInstance &h : haproxy) {
        QJsonArray pools;
        for (const HaproxyPool &p : h.pools) {
            QJsonArray servers;
            for (const HaproxyServerState &s : p.servers) {
                servers.append(QJsonObject{{QStringLiteral("name"), s.name},
                                           {QStringLiteral("status"), s.status},
                                           {QStringLiteral("sessions"), s.sessions},
                                           {QStringLiteral("check_status"), s.checkStatus}});
            }
            pools.append(QJsonObject{{QStringLiteral("name"), p.name},
                                     {QStringLiteral("kind"), p.kind},
                                     {QStringLiteral("sessions"), p.sessions},
                                     {QStringLiteral("up"), QJsonArray::fromStringList(p.upServers())},
                                     {QStringLiteral("servers"), servers}});
        }
        QJsonObject o{{QStringLiteral("name"), h.name},
                      {QStringLiteral("stats_url"), h.statsUrl},
                      {QStringLiteral("reachable"), h.reachable},
                      {QStringLiteral("auth_failed"), h.authFailed},
                      {QStringLiteral("pools"), pools}};
        if (!h.error.isEmpty())
            o.insert(QStringLiteral("error"), h.error);
        jh.append(o);
    }
    const MemberState *l = leader();
    QJsonObject root{{QStringLiteral("time"), time.toString(Qt::ISODateWithMs)},
                     {QStringLiteral("poll_ms"), double(pollMs)},
                     {QStringLiteral("scope"), scope},
                     {QStringLiteral("paused"), paused},
                     {QStringLiteral("synchronous_mode"), synchronousMode},
                     {QStringLiteral("leader"), l ? QJsonValue(l->name) : QJsonValue()},
                     {QStringLiteral("members"), jm},
                     {QStringLiteral("verdict"), verdictKey(verdict)},
                     {QStringLiteral("reasons"), QJsonArray::fromStringList(reasons)},
                     {QStringLiteral("monitoring_gaps"), QJsonArray::fromStringList(gaps)}};
    if (!patroniError.isEmpty())
        root.insert(QStringLiteral("patroni_error"), patroniError);
    if (!tls.isEmpty()) {
        QJsonArray jt;
        for (const TlsEndpointState &t : tls) {
            QJsonObject o{{QStringLiteral("name"), t.name},
                          {QStringLiteral("endpoint"), t.endpoint},
                          {QStringLiteral("service"), t.service},
                          {QStringLiteral("subject"), t.subject}};
            if (t.notAfter.isValid()) {
                o.insert(QStringLiteral("not_after"), t.notAfter.toString(Qt::ISODate));
                o.insert(QStringLiteral("days_left"), t.daysLeft);
            }
            if (!t.error.isEmpty())
                o.insert(QStringLiteral("error"), t.error);
            jt.append(o);
        }
        root.insert(QStringLiteral("tls"), jt);
    }
    if (!findings.isEmpty())
        root.insert(QStringLiteral("findings"), QJsonArray::fromStringList(findings));
    if (etcdMonitored) {
        root.insert(QStringLiteral("etcd"), je);
        root.insert(QStringLiteral("etcd_quorum"), etcdHasQuorum());
    }
    if (haproxyMonitored)
        root.insert(QStringLiteral("haproxy"), jh);
    if (!vip.address.isEmpty()) {
        root.insert(QStringLiteral("vip"), QJsonObject{{QStringLiteral("address"), vip.address},
                                                       {QStringLiteral("holders"), QJsonArray::fromStringList(vip.holders)},
                                                       {QStringLiteral("unreachable"), QJsonArray::fromStringList(vip.unreachable)}});
    }
    if (poolerMonitored) {
        QJsonArray jp;
        for (const PoolerInstance &p : poolers) {
            QJsonArray pools;
            for (const PgBouncerPool &pool : p.pools)
                pools.append(QJsonObject{{QStringLiteral("database"), pool.database},
                                         {QStringLiteral("user"), pool.user},
                                         {QStringLiteral("cl_active"), pool.clActive},
                                         {QStringLiteral("cl_waiting"), pool.clWaiting},
                                         {QStringLiteral("sv_active"), pool.svActive},
                                         {QStringLiteral("sv_idle"), pool.svIdle},
                                         {QStringLiteral("sv_used"), pool.svUsed},
                                         {QStringLiteral("maxwait_us"), double(pool.maxwaitUs)},
                                         {QStringLiteral("pool_mode"), pool.poolMode}});
            QJsonArray stats;
            for (const PgBouncerStats &st : p.stats)
                stats.append(QJsonObject{{QStringLiteral("database"), st.database},
                                         {QStringLiteral("total_xact_count"), double(st.totalXactCount)},
                                         {QStringLiteral("total_query_count"), double(st.totalQueryCount)},
                                         {QStringLiteral("avg_xact_count"), double(st.avgXactCount)},
                                         {QStringLiteral("avg_query_count"), double(st.avgQueryCount)},
                                         {QStringLiteral("avg_wait_time_us"), double(st.avgWaitTimeUs)}});
            QJsonObject o{{QStringLiteral("name"), p.name},
                          {QStringLiteral("endpoint"), p.endpoint},
                          {QStringLiteral("reachable"), p.reachable},
                          {QStringLiteral("auth_failed"), p.authFailed},
                          {QStringLiteral("pools"), pools},
                          {QStringLiteral("stats"), stats}};
            if (!p.error.isEmpty())
                o.insert(QStringLiteral("error"), p.error);
            jp.append(o);
        }
        root.insert(QStringLiteral("pgbouncer"), jp);
    }
    if (archiverMonitored) {
        auto time = [](const QDateTime &t) { return t.isValid() ? QJsonValue(t.toString(Qt::ISODateWithMs)) : QJsonValue(); };
        auto text = [](const QString &t) { return t.isEmpty() ? QJsonValue() : QJsonValue(t); };
        const ArchiverStatus &a = archiver.status;
        QJsonObject o{{QStringLiteral("member"), text(archiver.member)}, {QStringLiteral("read"), archiver.read}};
        if (archiver.read) {
            o.insert(QStringLiteral("archived_count"), double(a.archivedCount));
            o.insert(QStringLiteral("last_archived_wal"), text(a.lastArchivedWal));
            o.insert(QStringLiteral("last_archived_time"), time(a.lastArchivedTime));
            o.insert(QStringLiteral("failed_count"), double(a.failedCount));
            o.insert(QStringLiteral("last_failed_wal"), text(a.lastFailedWal));
            o.insert(QStringLiteral("last_failed_time"), time(a.lastFailedTime));
            o.insert(QStringLiteral("failing"), a.failing());
        }
        if (!archiver.error.isEmpty())
            o.insert(QStringLiteral("error"), archiver.error);
        root.insert(QStringLiteral("wal_archiving"), o);
    }
    if (repositoryMonitored)
        root.insert(QStringLiteral("backups"), RepositoryView::toJson(repository, time));
    return root;
}

void ClusterState::applyVip(const VipState &state)
{
    vip = state;
    if (vip.address.isEmpty())
        return;
    QString reason;
    if (vip.holders.size() > 1)
        reason = QCoreApplication::translate("pgha::Monitor", "the floating address %1 is held by %2 at once (split brain)")
                     .arg(vip.address, vip.holders.join(QStringLiteral(", ")));
    else if (vip.holders.isEmpty() && vip.unreachable.isEmpty())
        reason = QCoreApplication::translate("pgha::Monitor", "no HAProxy host holds the floating address %1").arg(vip.address);
    for (const QString &u : vip.unreachable)
        gaps << QCoreApplication::translate("pgha::Monitor", "floating address: %1").arg(u);
    if (reason.isEmpty())
        return;
    reasons << reason;
    if (verdict == Verdict::Healthy)
        verdict = Verdict::Degraded;
}

} // namespace pgha
