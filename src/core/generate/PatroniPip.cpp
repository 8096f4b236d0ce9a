#include "core/generate/PatroniPip.h"

#include "core/generate/GenUtil.h"
#include "core/model/Platform.h"
#include "core/util/ShellQuote.h"

#include <QCryptographicHash>

namespace pgha::PatroniPip {

namespace {

QString versionLine(const Topology &topology)
{
    return QStringLiteral("patroni ") + topology.cluster.patroni.version;
}

} // namespace

QString stampPath()
{
    return Platform::patroniVenvDir() + QStringLiteral("/pgha-requirements.txt");
}

QByteArray requirements(const Topology &topology)
{
    const QString v = topology.cluster.patroni.version;
    const QByteArray pinned = Platform::patroniPipRequirements(v);
    if (!pinned.isEmpty())
        return pinned;
    return QStringLiteral("# no pinned set for Patroni %1 in this version of pgha: only Patroni itself is pinned\n"
                          "patroni[etcd3,psycopg2-binary]==%1\n")
        .arg(v)
        .toUtf8();
}

QString probeScript(const Topology &topology, const Host &host)
{
    Q_UNUSED(host)
    const QString sha = QString::fromLatin1(
        QCryptographicHash::hash(requirements(topology), QCryptographicHash::Sha256).toHex());
    const QString bin = Platform::patroniBinary(host.os, PatroniInstall::Pip);
    return QStringLiteral("[ \"$(%1 --version 2>/dev/null)\" = %2 ] && echo %3 | sha256sum -c --status")
        .arg(bin, shellQuoteAlways(versionLine(topology)), shellQuoteAlways(sha + QStringLiteral("  ") + stampPath()));
}

QString installScript(const Topology &topology, const Host &host)
{
    const QString venv = Platform::patroniVenvDir();
    const QByteArray req = requirements(topology);
    QString s;
    s += QStringLiteral("[ -x %1/bin/python ] || %2 -m venv %1\n").arg(venv, Platform::venvPython(host.os));
    s += QStringLiteral("cat >%1.new <<'PGHA_REQUIREMENTS'\n").arg(stampPath());
    s += QString::fromUtf8(req);
    if (!req.endsWith('\n'))
        s += QLatin1Char('\n');
    s += QStringLiteral("PGHA_REQUIREMENTS\n");
    // cluster.patroni.pip_find_links: the wheels from that directory alone, never from an index.
    const QString source = topology.cluster.patroni.pipFindLinks.isEmpty()
        ? QString()
        : QStringLiteral("--no-index --find-links ") + shellQuoteAlways(topology.cluster.patroni.pipFindLinks) + QLatin1Char(' ');
    s += QStringLiteral("PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 %1/bin/pip install -q --no-deps "
                        "--require-virtualenv %3-r %2.new\n")
             .arg(venv, stampPath(), source);
    s += QStringLiteral("%1/bin/pip check\n").arg(venv);
    s += QStringLiteral("mv -f %1.new %1\n").arg(stampPath());
    s += QStringLiteral("got=\"$(%1 --version)\"\n").arg(Platform::patroniBinary(host.os, PatroniInstall::Pip));
    s += QStringLiteral("[ \"$got\" = %1 ] || { echo \"%2 says: $got\" >&2; exit 1; }\n")
             .arg(shellQuoteAlways(versionLine(topology)), Platform::patroniBinary(host.os, PatroniInstall::Pip));
    return s;
}

} // namespace pgha::PatroniPip
