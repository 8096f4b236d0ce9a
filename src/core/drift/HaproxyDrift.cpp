#include "core/drift/HaproxyDrift.h"

#include <QCoreApplication>

namespace pgha {

QStringList haproxyScaleDrift(const DriftDesign &design, const QMap<QString, const ObservedHost *> &byName,
                              const ObservedHost *etcdView, const ObservedHost *clusterView, DriftReport *r)
{
    QStringList adding;
    for (const QString &h : design.haproxyHosts) {
        const ObservedHost *o = byName.value(h);
        if (!o || !o->reachable || !o->haproxyDown)
            continue;
        DriftItem i;
        i.area = DriftItem::Area::Topology;
        i.fix = DriftItem::Fix::AddHaproxy;
        i.host = h;
        i.key = QCoreApplication::translate("pgha::Drift", "HAProxy host");
        i.design = QCoreApplication::translate("pgha::Drift", "running");
        i.actual = QCoreApplication::translate("pgha::Drift", "not running");
        i.note = QCoreApplication::translate("pgha::Drift", "in the design, HAProxy does not run there: checked, installed, started");
        if (r->leader.isEmpty()) {
            i.fix = DriftItem::Fix::Manual;
            i.note = QCoreApplication::translate("pgha::Drift", "HAProxy does not run there; no Patroni leader to route to");
        } else {
            adding << h;
            // Its own files are written by the add (never a reload of a service that does not run); the database
            // services' files of a host that is also a member keep their own fix.
            for (DriftItem &own : r->items)
                if (own.host == h && own.area == DriftItem::Area::File && own.fix == DriftItem::Fix::RewriteFile
                    && own.service != QLatin1String("patroni") && own.service != QLatin1String("etcd"))
                    own.fix = DriftItem::Fix::AddHaproxy;
        }
        r->items << i;
    }

    // Hosts the cluster lists that the design dropped.
    QStringList members;
    if (clusterView)
        for (const MemberState &m : clusterView->members)
            members << m.name;
    QStringList etcdMembers;
    if (etcdView)
        for (const EtcdParser::Member &m : etcdView->etcdMembers)
            etcdMembers << m.name;
    QStringList seen;
    for (const QString &h : design.hosts) {
        const ObservedHost *o = byName.value(h);
        if (!o || !o->reachable || !o->hasListedHosts)
            continue;
        for (const auto &listed : o->listedHosts) {
            const QString &name = listed.first;
            if (design.hosts.contains(name) || seen.contains(name) || members.contains(name) || etcdMembers.contains(name))
                continue;
            seen << name;
            DriftItem i;
            i.area = DriftItem::Area::Topology;
            i.fix = DriftItem::Fix::RemoveHaproxy;
            i.host = name;
            i.key = QCoreApplication::translate("pgha::Drift", "HAProxy host");
            i.actual = listed.second;
            i.address = listed.second;
            i.note = QCoreApplication::translate("pgha::Drift", "listed by the cluster (%1 on %2), not in the design: HAProxy stopped there, its files kept")
                         .arg(QStringLiteral("/etc/hosts.pgha"), h);
            if (!etcdView && !design.etcdHosts.isEmpty()) {
                i.fix = DriftItem::Fix::Manual;
                i.note = QCoreApplication::translate("pgha::Drift", "listed by the cluster, not in the design; not stopped: the etcd member list is unreadable, so it may be an etcd member");
            }
            r->items << i;
        }
    }
    return adding;
}

} // namespace pgha
