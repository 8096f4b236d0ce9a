#include "core/drift/DriftReport.h"

#include <QJsonArray>

namespace pgha {

QList<DriftItem> DriftReport::withFix(DriftItem::Fix fix) const
{
    QList<DriftItem> out;
    for (const DriftItem &i : items)
        if (i.fix == fix)
            out << i;
    return out;
}

QString driftAreaKey(DriftItem::Area a)
{
    switch (a) {
    case DriftItem::Area::File: return QStringLiteral("file");
    case DriftItem::Area::Dynamic: return QStringLiteral("dynamic");
    case DriftItem::Area::Running: return QStringLiteral("running");
    case DriftItem::Area::Topology: return QStringLiteral("topology");
    }
    return {};
}

QString driftFixKey(DriftItem::Fix f)
{
    switch (f) {
    case DriftItem::Fix::PatchConfig: return QStringLiteral("patch-config");
    case DriftItem::Fix::RewriteFile: return QStringLiteral("rewrite-file");
    case DriftItem::Fix::RollingRestart: return QStringLiteral("rolling-restart");
    case DriftItem::Fix::Reload: return QStringLiteral("reload");
    case DriftItem::Fix::Manual: return QStringLiteral("manual");
    case DriftItem::Fix::AddMember: return QStringLiteral("add-member");
    case DriftItem::Fix::RemoveMember: return QStringLiteral("remove-member");
    case DriftItem::Fix::EtcdAddMember: return QStringLiteral("etcd-add-member");
    case DriftItem::Fix::EtcdRemoveMember: return QStringLiteral("etcd-remove-member");
    case DriftItem::Fix::AddHaproxy: return QStringLiteral("add-haproxy");
    case DriftItem::Fix::RemoveHaproxy: return QStringLiteral("remove-haproxy");
    case DriftItem::Fix::Upgrade: return QStringLiteral("upgrade");
    }
    return {};
}

QJsonObject driftToJson(const DriftReport &report)
{
    QJsonArray items;
    for (const DriftItem &i : report.items) {
        QJsonObject o{{QStringLiteral("area"), driftAreaKey(i.area)},
                      {QStringLiteral("fix"), driftFixKey(i.fix)},
                      {QStringLiteral("host"), i.host},
                      {QStringLiteral("key"), i.key},
                      {QStringLiteral("design"), i.design},
                      {QStringLiteral("actual"), i.actual}};
        if (!i.service.isEmpty())
            o.insert(QStringLiteral("service"), i.service);
        if (!i.note.isEmpty())
            o.insert(QStringLiteral("note"), i.note);
        if (i.needsRestart)
            o.insert(QStringLiteral("restart"), true);
        items.append(o);
    }
    return QJsonObject{{QStringLiteral("drift"), report.hasDrift()},
                       {QStringLiteral("leader"), report.leader},
                       {QStringLiteral("hosts"), QJsonArray::fromStringList(report.hosts)},
                       {QStringLiteral("unreachable"), QJsonArray::fromStringList(report.unreachable)},
                       {QStringLiteral("items"), items}};
}

} // namespace pgha
