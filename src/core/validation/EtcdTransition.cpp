#include "core/validation/EtcdTransition.h"

#include <QCoreApplication>

namespace pgha {

namespace {

Finding finding(const char *id, Severity severity, const QString &message, const QString &fix)
{
    Finding f;
    f.ruleId = QString::fromLatin1(id);
    f.severity = severity;
    f.subject = QStringLiteral("cluster.etcd");
    f.message = message;
    f.fix = fix;
    return f;
}

} // namespace

int etcdQuorum(int members)
{
    return members / 2 + 1;
}

QString EtcdTransition::countsText() const
{
    QStringList parts;
    for (int n : counts)
        parts << QString::number(n);
    return parts.join(QStringLiteral(" -> "));
}

QStringList etcdTransitionRuleIds()
{
    return {QStringLiteral("etcd-member-steps"), QStringLiteral("etcd-even-step"), QStringLiteral("etcd-quorum-step")};
}

EtcdTransition planEtcdTransition(const QStringList &current, const QStringList &add, const QStringList &remove)
{
    EtcdTransition t;
    int n = int(current.size());
    t.counts << n;
    // Additions first: with 3 members, 3 -> 4 -> 5 keeps tolerating one failure; removing first would pass
    // through 2 (no failure tolerated). A replacement (one in, one out) goes 3 -> 4 -> 3.
    for (const QString &m : add) {
        t.steps << EtcdTransition::Step{true, m, n, n + 1};
        ++n;
        t.counts << n;
    }
    for (const QString &m : remove) {
        t.steps << EtcdTransition::Step{false, m, n, n - 1};
        --n;
        t.counts << n;
    }
    if (t.steps.isEmpty())
        return t;

    // Each step keeps the quorum only when the members that run before it are a majority after it: an added member
    // counts once it runs, so adding to a single member (2 members, 1 running) stops etcd until the new one joins.
    for (const EtcdTransition::Step &s : std::as_const(t.steps)) {
        const int running = s.add ? s.before : s.after;
        if (s.after < 1 || running < etcdQuorum(s.after)) {
            t.refused = true;
            t.findings << finding("etcd-quorum-step", Severity::Error,
                                  s.add ? QCoreApplication::translate("pgha::Rules", "Adding %1 to %2 etcd member(s) leaves %2 of %3 running until it "
                                                                                      "starts: no quorum.").arg(s.member).arg(s.before).arg(s.after)
                                        : QCoreApplication::translate("pgha::Rules", "Removing %1 would leave %2 etcd member(s).").arg(s.member).arg(s.after),
                                  QCoreApplication::translate("pgha::Rules", "Change the membership by hand (etcdctl member add/remove, "
                                                                             "--force-new-cluster for a single member), or keep at least "
                                                                             "two members running throughout."));
            break;
        }
    }
    if (t.steps.size() > 1)
        t.findings << finding("etcd-member-steps", Severity::Info,
                              QCoreApplication::translate("pgha::Rules", "The design changes %1 etcd members at once; apply goes one member at a "
                                                                         "time: %2.").arg(t.steps.size()).arg(t.countsText()),
                              QCoreApplication::translate("pgha::Rules", "Nothing to do: each step waits until every member is healthy "
                                                                         "before the next."));
    QStringList even;
    for (int i = 1; i < t.counts.size(); ++i)
        if (t.counts.at(i) % 2 == 0 && t.counts.at(i) > 0)
            even << QString::number(t.counts.at(i));
    if (!even.isEmpty())
        t.findings << finding("etcd-even-step", Severity::Warning,
                              QCoreApplication::translate("pgha::Rules", "On the way (%1) etcd runs with an even member count (%2): it "
                                                                         "tolerates no more failures than one member fewer.")
                                  .arg(t.countsText(), even.join(QStringLiteral(", "))),
                              QCoreApplication::translate("pgha::Rules", "Allowed as a step of the plan; end at an odd count."));
    return t;
}

} // namespace pgha
