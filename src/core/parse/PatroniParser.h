#pragma once

#include "core/util/Result.h"
#include "core/parse/ParsedRecords.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

// Parsers for Patroni's REST answers, tolerant of the 3.x and 4.x shapes (role master/primary, replica state
// running/streaming, lag as a number or "unknown", receive_lag/replay_lag from 4.x).
namespace pgha::PatroniParser {

struct ClusterInfo
{
    QString scope;
    bool paused = false;
    QString scheduledSwitchover;     // "at from -> to" when one is scheduled
    QList<MemberState> members;      // as /cluster lists them, reachable not yet known
};

struct NodeStatus
{
    QString name;                    // 4.x only (patroni.name)
    QString scope;
    QString version;
    QString role;                    // normalised like MemberState::role
    QString state;
    QString replicationState;        // 4.x replica: "streaming", "in archive recovery", ...
    int timeline = 0;
    bool pendingRestart = false;
    bool paused = false;
    QMap<QString, QString> tags;
    QStringList streamingReplicas;   // leader: application_name of replication rows in state "streaming"
    qint64 walPosition = -1;         // leader: xlog.location; replica: xlog.received_location
    qint64 replayedPosition = -1;
};

struct TimelineSwitch
{
    int timeline = 0;                // the timeline that ended
    qint64 lsn = 0;
    QString reason;
    QDateTime time;
    QString newLeader;               // empty in old Patroni versions
};

Result<ClusterInfo> parseCluster(const QByteArray &json);
Result<NodeStatus> parseNode(const QByteArray &json);     // /patroni, /health, /primary, ...
Result<QList<TimelineSwitch>> parseHistory(const QByteArray &json);
Result<QJsonObject> parseConfig(const QByteArray &json);  // GET /config

QString normaliseRole(const QString &role);
// A lag value: a number (or numeric text) of bytes; "unknown", null or missing give -1.
qint64 lagBytes(const QJsonValue &v);
// "http://h:8008/patroni" -> "http://h:8008"
QString apiBaseUrl(const QString &apiUrl);

} // namespace pgha::PatroniParser
