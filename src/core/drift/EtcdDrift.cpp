#include "core/drift/EtcdDrift.h"

#include "core/validation/EtcdTransition.h"

#include <QCoreApplication>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace pgha {

namespace {

DriftItem memberItem(DriftItem::Fix fix, const QString &host, const QString &design, const QString &actual, const QString &note)
{
    DriftItem i;
    i.area = DriftItem::Area::Topology;
    i.fix = fix;
    i.host = host;
    i.key = QCoreApplication::translate("pgha::Drift", "etcd member");
    i.design = design;
    i.actual = actual;
    i.note = note;
    return i;
}

} // namespace

void addEtcdMemberDrift(const DriftDesign &design, const ObservedHost *view, DriftReport *report)
{
    DriftReport &r = *report;
    if (!view) {
        if (!design.etcdHosts.isEmpty()) {
            DriftItem i = memberItem(DriftItem::Fix::Manual, {}, QCoreApplication::translate("pgha::Drift", "readable"), QCoreApplication::translate("pgha::Drift", "no member answered"), {});
            i.key = QCoreApplication::translate("pgha::Drift", "etcd member list");
            r.items << i;
        }
        return;
    }
    r.etcdMembers = view->etcdMembers;

    // Which member is which design host: by peer URL (an added member has no name until it starts), else by name.
    QMap<QString, int> memberOf;  // design host -> index in the list
    QSet<int> matched;
    for (const QString &h : design.etcdHosts) {
        for (int i = 0; i < r.etcdMembers.size(); ++i) {
            const EtcdParser::Member &m = r.etcdMembers.at(i);
            if (matched.contains(i))
                continue;
            if (m.peerUrls.contains(design.etcdPeerUrls.value(h)) || (!m.name.isEmpty() && m.name == h)) {
                memberOf.insert(h, i);
                matched.insert(i);
                break;
            }
        }
    }
    QStringList add;      // design hosts the list lacks (or holds unstarted: an earlier apply added them)
    QStringList resumed;  // ... of those, the ones already in the list
    for (const QString &h : design.etcdHosts) {
        if (!memberOf.contains(h)) {
            add << h;
        } else if (r.etcdMembers.at(memberOf.value(h)).name.isEmpty()) {
            add << h;
            resumed << h;
        }
    }
    // The leaving members by name (the list's own order is by member id: random), unnamed ones last.
    QList<int> removeIndex;
    for (int i = 0; i < r.etcdMembers.size(); ++i)
        if (!matched.contains(i))
            removeIndex << i;
    auto label = [&r](int i) { return r.etcdMembers.at(i).name.isEmpty() ? r.etcdMembers.at(i).id : r.etcdMembers.at(i).name; };
    std::sort(removeIndex.begin(), removeIndex.end(), [&](int a, int b) {
        const bool an = r.etcdMembers.at(a).name.isEmpty(), bn = r.etcdMembers.at(b).name.isEmpty();
        return an != bn ? bn : label(a) < label(b);
    });
    QStringList remove;
    for (int i : std::as_const(removeIndex))
        remove << label(i);
    if (add.isEmpty() && remove.isEmpty())
        return;
    // The members as the list names them, the resumed ones left out (they are counted by their step).
    QStringList current;
    for (int i = 0; i < r.etcdMembers.size(); ++i) {
        const EtcdParser::Member &m = r.etcdMembers.at(i);
        bool isResumed = false;
        for (const QString &h : resumed)
            isResumed = isResumed || memberOf.value(h, -1) == i;
        if (!isResumed)
            current << (m.name.isEmpty() ? m.id : m.name);
    }
    const EtcdTransition t = planEtcdTransition(current, add, remove);
    QString refusal;
    for (const Finding &f : t.findings)
        if (f.severity == Severity::Error)
            refusal = f.message;
    const QString steps = t.steps.size() > 1 ? QCoreApplication::translate("pgha::Drift", "one member at a time: %1").arg(t.countsText()) : QString();

    QSet<QString> patroniMembers;
    if (!r.leader.isEmpty())
        patroniMembers.insert(r.leader);
    for (const auto &p : std::as_const(r.replicas))
        patroniMembers.insert(p.first);

    for (const QString &h : std::as_const(add)) {
        DriftItem i = memberItem(DriftItem::Fix::EtcdAddMember, h, QCoreApplication::translate("pgha::Drift", "member"),
                                 resumed.contains(h) ? QCoreApplication::translate("pgha::Drift", "added, not started") : QString(),
                                 QCoreApplication::translate("pgha::Drift", "in the design, not in etcd's member list: member add, then started"));
        if (!steps.isEmpty())
            i.note += QStringLiteral(" (") + steps + QLatin1Char(')');
        if (!refusal.isEmpty()) {
            i.fix = DriftItem::Fix::Manual;
            i.note = refusal;
        } else if (r.unreachable.contains(h)) {
            i.fix = DriftItem::Fix::Manual;
            i.note = QCoreApplication::translate("pgha::Drift", "in the design, not in etcd's member list; unreachable");
        } else if (design.pgHosts.contains(h) && !patroniMembers.contains(h)) {
            i.fix = DriftItem::Fix::Manual;
            i.note = QCoreApplication::translate("pgha::Drift", "a new host with both PostgreSQL and etcd: not planned; add it with the etcd role alone first");
        } else if (!design.pgHosts.contains(h)) {
            // Its files (the etcd configuration, certificates) come with its own steps, after its check.
            for (DriftItem &own : r.items)
                if (own.host == h && own.area == DriftItem::Area::File && own.fix == DriftItem::Fix::RewriteFile)
                    own.fix = DriftItem::Fix::EtcdAddMember;
        } else {
            // A running database host gains etcd: its changed files are written by the files phase, but etcd
            // does not run there yet, so nothing restarts it: its own start joins it.
            for (DriftItem &own : r.items)
                if (own.host == h && own.area == DriftItem::Area::File && own.service == QLatin1String("etcd"))
                    own.service.clear();
        }
        r.items << i;
    }
    for (int k = 0; k < remove.size(); ++k) {
        const EtcdParser::Member &m = r.etcdMembers.at(removeIndex.at(k));
        DriftItem i = memberItem(DriftItem::Fix::EtcdRemoveMember, remove.at(k), {}, m.peerUrls.join(QLatin1Char(',')),
                                 m.name.isEmpty() ? QCoreApplication::translate("pgha::Drift", "added, not started, not in the design: member remove")
                                                  : QCoreApplication::translate("pgha::Drift", "in etcd's member list, not in the design: member remove, etcd stopped (data kept)"));
        if (!steps.isEmpty())
            i.note += QStringLiteral(" (") + steps + QLatin1Char(')');
        i.address = m.peerUrls.isEmpty() ? QString() : QUrl(m.peerUrls.first()).host();
        if (!refusal.isEmpty()) {
            i.fix = DriftItem::Fix::Manual;
            i.note = refusal;
        } else if (m.peerUrls.isEmpty()) {
            i.fix = DriftItem::Fix::Manual;
            i.note = QCoreApplication::translate("pgha::Drift", "not removed: the member list gives no peer URL for it");
        }
        r.items << i;
    }
}

} // namespace pgha
