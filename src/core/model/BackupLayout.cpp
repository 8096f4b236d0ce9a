#include "core/model/BackupLayout.h"

#include "core/util/ShellQuote.h"

#include <QStringList>

#include <algorithm>

namespace pgha::BackupLayout {

namespace {

// A word sh reads literally as it is.
QString shWord(const QString &s)
{
    if (s.isEmpty())
        return shellQuote(s);
    for (const QChar c : s) {
        const ushort u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_'
            || u == '-' || u == '.' || u == '/' || u == '=' || u == ':';
        if (!ok)
            return shellQuote(s);
    }
    return s;
}

} // namespace

bool enabled(const Topology &t)
{
    return t.cluster.backup.enabled || t.count(Role::Backup) > 0;
}

bool local(const Topology &t)
{
    return enabled(t) && t.cluster.backup.repository == QLatin1String("local");
}

const Host *repositoryHost(const Topology &t)
{
    if (!enabled(t) || local(t))
        return nullptr;
    const QString &name = t.cluster.backup.repository;
    if (!name.isEmpty())
        return t.hostByName(name);
    const QList<const Host *> hosts = t.hostsWith(Role::Backup);
    return hosts.size() == 1 ? hosts.first() : nullptr;
}

bool tlsServer(const Topology &t)
{
    return repositoryHost(t) && t.cluster.backup.transport == QLatin1String("tls");
}

bool runsServer(const Topology &t, const Host &h)
{
    if (!tlsServer(t))
        return false;
    return h.has(Role::Postgres) || h.name == repositoryHost(t)->name;
}

bool runsSchedule(const Topology &t, const Host &h)
{
    if (local(t))
        return h.has(Role::Postgres);
    const Host *repo = repositoryHost(t);
    return repo && repo->name == h.name;
}

bool hasConfig(const Topology &t, const Host &h)
{
    if (!enabled(t))
        return false;
    if (h.has(Role::Postgres))
        return true;
    const Host *repo = repositoryHost(t);
    return repo && repo->name == h.name;
}

QString stanza(const Topology &t)
{
    return t.cluster.name;
}

QString configPath()
{
    return QStringLiteral("/etc/pgbackrest/pgbackrest.conf");
}

QString logPath()
{
    return QStringLiteral("/var/log/pgbackrest");
}

QString command(const Topology &t)
{
    return QStringLiteral("pgbackrest %1 %2")
        .arg(shWord(QStringLiteral("--config=") + configPath()), shWord(QStringLiteral("--stanza=") + stanza(t)));
}

QStringList transports()
{
    return {QStringLiteral("tls"), QStringLiteral("ssh")};
}

} // namespace pgha::BackupLayout
