#include "core/parse/PatroniParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

#include <algorithm>

namespace pgha::PatroniParser {

namespace {

Result<QJsonDocument> parseJson(const QByteArray &json, const char *what)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return Error(QStringLiteral("%1: not JSON (%2 at offset %3)")
                         .arg(QLatin1String(what), pe.errorString())
                         .arg(pe.offset));
    return doc;
}

qint64 toInt64(const QJsonValue &v, qint64 fallback = -1)
{
    if (v.isDouble())
        return qint64(v.toDouble());
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        return ok ? n : fallback;
    }
    return fallback;
}

bool toBool(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool();
    if (v.isString())
        return v.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    return false;
}

QMap<QString, QString> toTags(const QJsonValue &v)
{
    QMap<QString, QString> tags;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonValue t = it.value();
        if (t.isBool())
            tags.insert(it.key(), t.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        else if (t.isDouble())
            tags.insert(it.key(), QString::number(t.toDouble()));
        else
            tags.insert(it.key(), t.toVariant().toString());
    }
    return tags;
}

} // namespace

QString normaliseRole(const QString &role)
{
    const QString r = role.toLower();
    if (r == QLatin1String("master") || r == QLatin1String("primary") || r == QLatin1String("leader"))
        return QStringLiteral("leader");
    if (r == QLatin1String("standby-leader") || r == QLatin1String("standby_leader"))
        return QStringLiteral("standby_leader");
    if (r == QLatin1String("sync_standby") || r == QLatin1String("sync standby"))
        return QStringLiteral("sync_standby");
    if (r == QLatin1String("quorum_standby"))
        return QStringLiteral("replica");
    return r;
}

qint64 lagBytes(const QJsonValue &v)
{
    return toInt64(v, -1);
}

QString apiBaseUrl(const QString &apiUrl)
{
    QUrl u(apiUrl);
    if (!u.isValid() || u.host().isEmpty())
        return {};
    u.setPath(QString());
    u.setQuery(QString());
    return u.toString(QUrl::StripTrailingSlash);
}

Result<ClusterInfo> parseCluster(const QByteArray &json)
{
    auto doc = parseJson(json, "/cluster");
    if (!doc)
        return doc.error();
    if (!doc->isObject() || !doc->object().value(QLatin1String("members")).isArray())
        return Error(QStringLiteral("/cluster: no \"members\" list"));
    const QJsonObject root = doc->object();
    ClusterInfo info;
    info.scope = root.value(QLatin1String("scope")).toString();
    info.paused = toBool(root.value(QLatin1String("pause")));
    const QJsonObject sw = root.value(QLatin1String("scheduled_switchover")).toObject();
    if (!sw.isEmpty()) {
        info.scheduledSwitchover = QStringLiteral("%1 %2 -> %3")
                                       .arg(sw.value(QLatin1String("at")).toString(),
                                            sw.value(QLatin1String("from")).toString(),
                                            sw.value(QLatin1String("to")).toString());
    }
    const QJsonArray members = root.value(QLatin1String("members")).toArray();
    for (const QJsonValue &v : members) {
        const QJsonObject o = v.toObject();
        MemberState m;
        m.name = o.value(QLatin1String("name")).toString();
        if (m.name.isEmpty())
            continue;
        m.host = o.value(QLatin1String("host")).toString();
        m.port = int(toInt64(o.value(QLatin1String("port")), 0));
        m.apiUrl = apiBaseUrl(o.value(QLatin1String("api_url")).toString());
        m.role = normaliseRole(o.value(QLatin1String("role")).toString());
        m.state = o.value(QLatin1String("state")).toString();
        m.streaming = m.isReplica() && m.state == QLatin1String("streaming");
        m.timeline = int(toInt64(o.value(QLatin1String("timeline")), 0));
        m.lagBytes = lagBytes(o.value(QLatin1String("lag")));
        m.receiveLagBytes = lagBytes(o.value(QLatin1String("receive_lag")));
        m.replayLagBytes = lagBytes(o.value(QLatin1String("replay_lag")));
        if (m.isLeader()) {
            // The leader has no lag; Patroni leaves it out (patronictl prints an empty cell).
            m.lagBytes = m.receiveLagBytes = m.replayLagBytes = -1;
        }
        m.pendingRestart = toBool(o.value(QLatin1String("pending_restart")));
        m.tags = toTags(o.value(QLatin1String("tags")));
        info.members.append(m);
    }
    std::sort(info.members.begin(), info.members.end(),
              [](const MemberState &a, const MemberState &b) { return a.name < b.name; });
    return info;
}

Result<NodeStatus> parseNode(const QByteArray &json)
{
    auto doc = parseJson(json, "/patroni");
    if (!doc)
        return doc.error();
    if (!doc->isObject())
        return Error(QStringLiteral("/patroni: not an object"));
    const QJsonObject o = doc->object();
    NodeStatus s;
    const QJsonObject patroni = o.value(QLatin1String("patroni")).toObject();
    s.name = patroni.value(QLatin1String("name")).toString();
    s.scope = patroni.value(QLatin1String("scope")).toString();
    s.version = patroni.value(QLatin1String("version")).toString();
    s.role = normaliseRole(o.value(QLatin1String("role")).toString());
    s.state = o.value(QLatin1String("state")).toString();
    s.replicationState = o.value(QLatin1String("replication_state")).toString();
    s.timeline = int(toInt64(o.value(QLatin1String("timeline")), 0));
    s.pendingRestart = toBool(o.value(QLatin1String("pending_restart")));
    s.paused = toBool(o.value(QLatin1String("pause")));
    s.tags = toTags(o.value(QLatin1String("tags")));
    const QJsonArray repl = o.value(QLatin1String("replication")).toArray();
    for (const QJsonValue &r : repl) {
        const QJsonObject ro = r.toObject();
        if (ro.value(QLatin1String("state")).toString() == QLatin1String("streaming"))
            s.streamingReplicas << ro.value(QLatin1String("application_name")).toString();
    }
    const QJsonObject xlog = o.value(QLatin1String("xlog")).toObject();
    if (xlog.contains(QLatin1String("location")))
        s.walPosition = toInt64(xlog.value(QLatin1String("location")));
    else
        s.walPosition = toInt64(xlog.value(QLatin1String("received_location")));
    s.replayedPosition = toInt64(xlog.value(QLatin1String("replayed_location")));
    return s;
}

Result<QList<TimelineSwitch>> parseHistory(const QByteArray &json)
{
    auto doc = parseJson(json, "/history");
    if (!doc)
        return doc.error();
    if (!doc->isArray())
        return Error(QStringLiteral("/history: not a list"));
    QList<TimelineSwitch> out;
    const QJsonArray rows = doc->array();
    for (const QJsonValue &v : rows) {
        const QJsonArray row = v.toArray();
        if (row.size() < 2)
            continue;
        TimelineSwitch t;
        t.timeline = int(toInt64(row.at(0), 0));
        t.lsn = toInt64(row.at(1), 0);
        t.reason = row.size() > 2 ? row.at(2).toString() : QString();
        t.time = row.size() > 3 ? QDateTime::fromString(row.at(3).toString(), Qt::ISODateWithMs) : QDateTime();
        t.newLeader = row.size() > 4 ? row.at(4).toString() : QString();
        out.append(t);
    }
    return out;
}

Result<QJsonObject> parseConfig(const QByteArray &json)
{
    auto doc = parseJson(json, "/config");
    if (!doc)
        return doc.error();
    if (!doc->isObject())
        return Error(QStringLiteral("/config: not an object"));
    return doc->object();
}

} // namespace pgha::PatroniParser
