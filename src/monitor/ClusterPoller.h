#pragma once

#include "monitor/ClusterState.h"
#include "monitor/ConsolePolls.h"
#include "core/parse/EtcdParser.h"
#include "monitor/MonitorTarget.h"
#include "monitor/PollRound.h"
#include "core/parse/PatroniParser.h"
#include "monitor/TlsObserver.h"

#include <QElapsedTimer>
#include <functional>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>

class QNetworkAccessManager;
class QNetworkReply;
class QUrl;

namespace pgha {

// One poll round over every endpoint, all requests in flight at once on a QNetworkAccessManager: nothing
// blocks and no event loop is nested. /cluster comes from the member that answered last (the next one on
// failure); /patroni from every member known from the project or discovered in /cluster; etcd /health and
// /v3/maintenance/status from every member, /v3/cluster/member/list from one; the HAProxy stats CSV from each
// HAProxy; SHOW POOLS and SHOW STATS from each PgBouncer's admin console (PgConsoleClient, on the same event loop).
// /history and /config are fetched on the first round and whenever the timeline moves.
class ClusterPoller : public QObject
{
    Q_OBJECT
public:
    explicit ClusterPoller(const MonitorTarget &target, QObject *parent = nullptr);
    ~ClusterPoller() override;

    const MonitorTarget &target() const { return m_target; }
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }
    bool isBusy() const { return m_pending > 0; }
    // Starts a round (from the event loop: polled() always comes later); returns false (and does nothing) while
    // the previous round is still running.
    bool poll();

    // The last /history and /config seen (empty until fetched).
    const QList<PatroniParser::TimelineSwitch> &timelineHistory() const { return m_history; }
    const QJsonObject &dynamicConfig() const { return m_config; }

signals:
    void polled(const pgha::ClusterState &state);

private:
    using EtcdProbe = PollRound::EtcdProbe;
    using NodeResult = PollRound::Node;

    static EtcdProbe makeProbe(const QString &name, const QString &url);
    QNetworkReply *send(const QByteArray &verb, const QString &url, const QByteArray &body = {},
                        MonitorTarget::Auth auth = MonitorTarget::Auth::Rest);
    void noteMemberUrl(const QString &name, const QString &url);
    void sendRound();
    QString nameOf(const QUrl &url, QString *service) const;
    void sendCluster(int endpointIndex);
    void sendNode(const QString &url);
    void sendEtcdMemberList(int endpointIndex);
    void sendEtcdProbe(int probeIndex);
    void sendDetails(const QString &url);
    void done();
    void assemble();  // fills a PollRound and emits assembleClusterState() of it
    static QString replyError(QNetworkReply *reply);
    void addFinding(const QString &text);

    MonitorTarget m_target;
    QNetworkAccessManager *m_nam;
    quint64 m_round = 0;
    int m_pending = 0;
    QElapsedTimer m_clock;

    // Remembered across rounds: members and etcd endpoints seen once stay watched.
    int m_preferredPatroni = 0;
    int m_preferredEtcd = 0;
    QMap<QString, QString> m_seenMembers;         // member name -> REST base URL
    QMap<QString, QString> m_seenHosts;           // member name -> host
    QList<MonitorTarget::Endpoint> m_etcdEndpoints;
    int m_historyTimeline = -1;
    QList<PatroniParser::TimelineSwitch> m_history;
    QJsonObject m_config;

    // This round.
    QSet<int> m_clusterTried;
    bool m_clusterOk = false;
    QString m_clusterError;
    PatroniParser::ClusterInfo m_cluster;
    QHash<QString, NodeResult> m_nodes;           // by REST base URL
    bool m_etcdMembersOk = false;
    QSet<int> m_etcdListTried;
    QList<EtcdParser::Member> m_etcdMembers;
    QList<EtcdProbe> m_etcdProbes;
    QList<HaproxyInstance> m_haproxy;
    ConsolePolls *m_console;                      // SHOW POOLS / SHOW STATS, pg_stat_archiver (once /cluster named the leader)
    QStringList m_findings;
    QStringList m_notes;
    TlsObserver m_tlsSeen;                        // certificates presented this round
};

} // namespace pgha
