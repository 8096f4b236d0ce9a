#include "core/drift/DriftCompute.h"

#include <QCoreApplication>

namespace pgha {

void addVersionDrift(const DriftDesign &design, const QMap<QString, const ObservedHost *> &byName, DriftReport *report)
{
    for (const QString &h : design.pgHosts) {
        const ObservedHost *o = byName.value(h);
        if (!o || !o->reachable)
            continue;
        // Patroni: the release its REST API reports. A member whose Patroni does not answer shows elsewhere
        // (its member state); nothing to compare here.
        if (!design.patroniVersion.isEmpty() && o->hasNode && !o->patroniVersion.isEmpty()
            && o->patroniVersion != design.patroniVersion) {
            DriftItem i;
            i.area = DriftItem::Area::Running;
            i.host = h;
            i.key = QStringLiteral("patroni.version");
            i.design = design.patroniVersion;
            i.actual = o->patroniVersion;
            if (design.patroniPip) {
                i.fix = DriftItem::Fix::Upgrade;
                i.note = QCoreApplication::translate("pgha::Drift", "pip install of the pinned set, then Patroni restarted (rolling)");
            } else {
                i.fix = DriftItem::Fix::Manual;
                i.note = QCoreApplication::translate("pgha::Drift", "install: package: the distribution's package decides the release");
            }
            report->items << i;
        }
        // PostgreSQL: the installed server package against the design's pin.
        if (design.postgresPackageVersion.isEmpty())
            continue;
        DriftItem i;
        i.area = DriftItem::Area::Running;
        i.host = h;
        i.key = QStringLiteral("postgresql.package_version");
        i.design = design.postgresPackageVersion;
        if (o->postgresPackageVersion.isEmpty()) {
            i.fix = DriftItem::Fix::Manual;
            i.actual = QCoreApplication::translate("pgha::Drift", "unknown");
            i.note = o->postgresPackageError.isEmpty() ? QCoreApplication::translate("pgha::Drift", "the probe did not read the package")
                                                        : o->postgresPackageError;
            report->items << i;
        } else if (o->postgresPackageVersion != design.postgresPackageVersion) {
            i.fix = DriftItem::Fix::Upgrade;
            i.actual = o->postgresPackageVersion;
            i.note = QCoreApplication::translate("pgha::Drift", "the package installed, then PostgreSQL restarted through Patroni (rolling)");
            report->items << i;
        }
    }
}

} // namespace pgha
