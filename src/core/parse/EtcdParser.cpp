#include "core/parse/EtcdParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace pgha::EtcdParser {

namespace {

Result<QJsonObject> object(const QByteArray &json, const char *what)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return Error(QStringLiteral("etcd %1: not a JSON object").arg(QLatin1String(what)));
    return doc.object();
}

// etcd's gateway prints uint64 as strings; accept numbers too.
QString idText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(qulonglong(v.toDouble()));
    return {};
}

qint64 number(const QJsonValue &v)
{
    if (v.isDouble())
        return qint64(v.toDouble());
    return v.toString().toLongLong();
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    const QJsonArray a = v.toArray();
    for (const QJsonValue &s : a)
        out << s.toString();
    return out;
}

} // namespace

Result<bool> parseHealth(const QByteArray &json)
{
    auto o = object(json, "/health");
    if (!o)
        return o.error();
    const QJsonValue h = o->value(QLatin1String("health"));
    if (h.isBool())
        return h.toBool();
    if (h.isString())
        return h.toString() == QLatin1String("true");
    return Error(QStringLiteral("etcd /health: no \"health\" field"));
}

Result<QString> parseVersion(const QByteArray &json)
{
    auto o = object(json, "/version");
    if (!o)
        return o.error();
    const QString v = o->value(QLatin1String("etcdserver")).toString();
    if (v.isEmpty())
        return Error(QStringLiteral("etcd /version: no \"etcdserver\" field"));
    return v;
}

Result<QList<Member>> parseMemberList(const QByteArray &json)
{
    auto o = object(json, "member/list");
    if (!o)
        return o.error();
    if (!o->value(QLatin1String("members")).isArray())
        return Error(QStringLiteral("etcd member/list: no \"members\" list"));
    QList<Member> out;
    const QJsonArray members = o->value(QLatin1String("members")).toArray();
    for (const QJsonValue &v : members) {
        const QJsonObject m = v.toObject();
        Member mem;
        mem.id = idText(m.value(QLatin1String("ID")));
        mem.name = m.value(QLatin1String("name")).toString();  // empty for a member added but not started
        mem.clientUrls = strings(m.value(QLatin1String("clientURLs")));
        mem.peerUrls = strings(m.value(QLatin1String("peerURLs")));
        out.append(mem);
    }
    return out;
}

Result<Status> parseStatus(const QByteArray &json)
{
    auto o = object(json, "maintenance/status");
    if (!o)
        return o.error();
    const QJsonObject header = o->value(QLatin1String("header")).toObject();
    Status s;
    s.memberId = idText(header.value(QLatin1String("member_id")));
    if (s.memberId.isEmpty())
        return Error(QStringLiteral("etcd maintenance/status: no header.member_id"));
    s.leaderId = idText(o->value(QLatin1String("leader")));
    s.raftTerm = number(o->value(QLatin1String("raftTerm")));
    if (s.raftTerm == 0)
        s.raftTerm = number(header.value(QLatin1String("raft_term")));
    s.dbSize = number(o->value(QLatin1String("dbSize")));
    s.version = o->value(QLatin1String("version")).toString();
    return s;
}

} // namespace pgha::EtcdParser
