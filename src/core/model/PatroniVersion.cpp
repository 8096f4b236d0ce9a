#include "core/model/PatroniVersion.h"

#include "core/model/Platform.h"

#include <QRegularExpression>

namespace pgha {

std::optional<PatroniVersion> PatroniVersion::parse(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    return PatroniVersion{m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()};
}

bool PatroniVersion::atLeast(int maj, int min, int pat) const
{
    if (major != maj)
        return major > maj;
    if (minor != min)
        return minor > min;
    return patch >= pat;
}

QString PatroniVersion::toString() const
{
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(patch);
}

std::optional<PatroniVersion> PatroniVersion::effective(const Topology &topology)
{
    const PatroniSettings &p = topology.cluster.patroni;
    if (!p.version.isEmpty())
        return parse(p.version);
    if (p.install != PatroniInstall::Package)
        return std::nullopt;
    QString packaged;
    for (const Host *h : topology.hostsWith(Role::Postgres)) {
        const QString v = Platform::patroniPackageVersion(h->os, topology.cluster.postgres.distribution);
        if (v.isEmpty() || (!packaged.isEmpty() && v != packaged))
            return std::nullopt;
        packaged = v;
    }
    return packaged.isEmpty() ? std::nullopt : parse(packaged);
}

} // namespace pgha
