#pragma once

#include "core/parse/EtcdParser.h"
#include "core/parse/PatroniParser.h"
#include "monitor/ClusterState.h"
#include "monitor/MonitorTarget.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMap>

namespace pgha {

// What one poll round collected, before it is judged: the answers (already parsed) and what the poller remembers
// from earlier rounds. ClusterPoller fills it from the network; tests fill it by hand.
struct PollRound
{
    struct Node  // one member's /patroni
    {
        bool ok = false;
        PatroniParser::NodeStatus status;
        QString error;
    };
    struct EtcdProbe  // one etcd member's /health and /v3/maintenance/status
    {
        QString name;
        QString url;
        bool healthAnswered = false;
        bool healthy = false;
        bool statusOk = false;
        EtcdParser::Status status;
        QString error;
    };

    QDateTime time;
    qint64 pollMs = 0;
    QString clusterName;                         // the design's, when /cluster names no scope
    qint64 lagThresholdBytes = 1048576;
    QList<MonitorTarget::Endpoint> patroniEndpoints;
    bool haproxyWatched = false;
    QMap<QString, QString> seenMembers;          // member name -> REST base URL (earlier rounds)
    QMap<QString, QString> seenHosts;            // member name -> host
    QList<MonitorTarget::Endpoint> etcdEndpoints;
    QJsonObject config;                          // the last /config

    bool clusterOk = false;                      // /cluster answered
    QString clusterError;
    PatroniParser::ClusterInfo cluster;
    QHash<QString, Node> nodes;                  // by normalised REST base URL
    bool etcdMembersOk = false;
    QList<EtcdParser::Member> etcdMembers;
    QList<EtcdProbe> etcdProbes;
    QList<HaproxyInstance> haproxy;
    bool poolersWatched = false;
    QList<PoolerInstance> poolers;
    bool archiverWatched = false;
    ArchiverState archiver;
    QStringList findings;
    QStringList notes;
    QList<TlsEndpointState> tls;             // certificates presented this round (TlsObserver)
    int certWarnDays = 30;
};

// The round judged: members merged from /cluster and each /patroni (absent, unreachable, streaming), etcd
// members with health and leader, HAProxy pools, synchronous mode, then VerdictRules. Pure: no I/O, no clock.
ClusterState assembleClusterState(const PollRound &round);

} // namespace pgha
