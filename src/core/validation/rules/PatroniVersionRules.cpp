#include "core/model/PatroniVersion.h"
#include "core/model/Platform.h"
#include "core/validation/RuleContext.h"
#include "core/validation/rules/Rules.h"

#include <QCoreApplication>

namespace pgha::rules {

namespace {

QString releaseText(const Topology &t, const PatroniVersion &v)
{
    if (t.cluster.patroni.version.isEmpty())
        return QCoreApplication::translate("pgha::Rules", "Patroni %1 (the distribution's package)").arg(v.toString());
    return QCoreApplication::translate("pgha::Rules", "Patroni %1").arg(v.toString());
}

} // namespace

void patroniPipUnpinned(const RuleContext &c, Findings &out)
{
    const PatroniSettings &p = c.topology.cluster.patroni;
    if (p.install != PatroniInstall::Pip || c.postgresHosts.isEmpty())
        return;
    const QStringList known = Platform::patroniPipVersions();
    if (known.contains(p.version))
        return;
    addFinding(out, "patroni-pip-unpinned", Severity::Error, QStringLiteral("cluster.patroni.version"),
               QCoreApplication::translate("pgha::Rules", "pgha has no pinned package set for Patroni %1, so pip would pick its dependencies "
                              "at install time.")
                   .arg(p.version),
               QCoreApplication::translate("pgha::Rules", "Use a release with a pinned set (%1), or install: package.")
                   .arg(known.join(QStringLiteral(", "))));
}

void patroniVersionTiming(const RuleContext &c, Findings &out)
{
    const std::optional<PatroniVersion> v = PatroniVersion::effective(c.topology);
    if (!v || !v->atLeast(3, 2) || c.postgresHosts.isEmpty())
        return;
    // Patroni 3.2+ (validator.py) refuses these in bootstrap.dcs, and raises them to the minimum at run time.
    const PatroniSettings &p = c.topology.cluster.patroni;
    const struct { const char *key; int value; int min; } timers[] = {
        {"ttl", p.ttl, 20}, {"loop_wait", p.loopWait, 1}, {"retry_timeout", p.retryTimeout, 3}};
    for (const auto &t : timers) {
        if (t.value >= t.min)
            continue;
        addFinding(out, "patroni-version-timing", Severity::Error,
                   QStringLiteral("cluster.patroni.") + QLatin1String(t.key),
                   QCoreApplication::translate("pgha::Rules", "%1 refuses %2 %3 (below its minimum %4): --validate-config fails, and at run time "
                                  "it silently uses %4 instead.")
                       .arg(releaseText(c.topology, *v), QLatin1String(t.key))
                       .arg(t.value)
                       .arg(t.min),
                   QCoreApplication::translate("pgha::Rules", "Set %1 to %2 or more.").arg(QLatin1String(t.key)).arg(t.min), "fix-patroni-timing");
    }
}

void patroniVersionSetting(const RuleContext &c, Findings &out)
{
    const std::optional<PatroniVersion> v = PatroniVersion::effective(c.topology);
    if (!v || c.postgresHosts.isEmpty())
        return;
    const PatroniSettings &p = c.topology.cluster.patroni;
    if (p.failsafeMode && !v->atLeast(3, 0)) {
        addFinding(out, "patroni-version-setting", Severity::Error, QStringLiteral("cluster.patroni.failsafe_mode"),
                   QCoreApplication::translate("pgha::Rules", "failsafe_mode needs Patroni 3.0 or later; %1 does not know it, so a lost etcd "
                                  "demotes the primary.")
                       .arg(releaseText(c.topology, *v)),
                   QCoreApplication::translate("pgha::Rules", "Turn failsafe_mode off, or install Patroni 3.0+ (e.g. install: pip, version: "
                                  "\"4.1.5\")."));
    }
    if (p.synchronousMode && p.synchronousQuorum && !v->atLeast(4, 0)) {
        addFinding(out, "patroni-version-setting", Severity::Error, QStringLiteral("cluster.patroni.synchronous_mode"),
                   QCoreApplication::translate("pgha::Rules", "synchronous_mode: quorum needs Patroni 4.0 or later; %1 refuses it.")
                       .arg(releaseText(c.topology, *v)),
                   QCoreApplication::translate("pgha::Rules", "Use synchronous_mode: true, or install Patroni 4 (install: pip, version: "
                                  "\"4.1.5\")."));
    }
}

} // namespace pgha::rules
