#include "core/model/Topology.h"

#include <algorithm>

namespace pgha {

QString roleKey(Role role)
{
    switch (role) {
    case Role::Postgres: return QStringLiteral("postgres");
    case Role::Etcd: return QStringLiteral("etcd");
    case Role::HAProxy: return QStringLiteral("haproxy");
    case Role::Backup: return QStringLiteral("backup");
    }
    return {};
}

bool roleFromKey(const QString &key, Role *out)
{
    for (Role r : allRoles()) {
        if (roleKey(r) == key) {
            *out = r;
            return true;
        }
    }
    return false;
}

QString patroniInstallKey(PatroniInstall install)
{
    return install == PatroniInstall::Pip ? QStringLiteral("pip") : QStringLiteral("package");
}

bool patroniInstallFromKey(const QString &key, PatroniInstall *out)
{
    for (PatroniInstall i : {PatroniInstall::Package, PatroniInstall::Pip}) {
        if (patroniInstallKey(i) == key) {
            *out = i;
            return true;
        }
    }
    return false;
}

QList<Role> allRoles()
{
    return {Role::Postgres, Role::Etcd, Role::HAProxy, Role::Backup};
}

bool Host::operator==(const Host &o) const
{
    return name == o.name && address == o.address && subnet == o.subnet && os == o.os && roles == o.roles
        && ssh == o.ssh && tags == o.tags && pos == o.pos && vipPriority == o.vipPriority
        && extra == o.extra;
}

QString HbaRule::toLine() const
{
    QStringList parts{type, database, user};
    if (!address.isEmpty())
        parts << address;
    parts << method;
    return parts.join(QLatin1Char(' '));
}

const Host *Topology::hostByName(const QString &name) const
{
    auto it = std::find_if(hosts.cbegin(), hosts.cend(), [&](const Host &h) { return h.name == name; });
    return it == hosts.cend() ? nullptr : &*it;
}

const Host *Topology::hostByUid(quint32 uid) const
{
    auto it = std::find_if(hosts.cbegin(), hosts.cend(), [&](const Host &h) { return h.uid == uid; });
    return it == hosts.cend() ? nullptr : &*it;
}

Host *Topology::hostByUid(quint32 uid)
{
    auto it = std::find_if(hosts.begin(), hosts.end(), [&](const Host &h) { return h.uid == uid; });
    return it == hosts.end() ? nullptr : &*it;
}

const Subnet *Topology::subnetByName(const QString &name) const
{
    auto it = std::find_if(subnets.cbegin(), subnets.cend(), [&](const Subnet &s) { return s.name == name; });
    return it == subnets.cend() ? nullptr : &*it;
}

const Subnet *Topology::subnetByUid(quint32 uid) const
{
    auto it = std::find_if(subnets.cbegin(), subnets.cend(), [&](const Subnet &s) { return s.uid == uid; });
    return it == subnets.cend() ? nullptr : &*it;
}

Subnet *Topology::subnetByUid(quint32 uid)
{
    auto it = std::find_if(subnets.begin(), subnets.end(), [&](const Subnet &s) { return s.uid == uid; });
    return it == subnets.end() ? nullptr : &*it;
}

QList<const Host *> Topology::hostsWith(Role role) const
{
    QList<const Host *> out;
    for (const Host &h : hosts) {
        if (h.has(role))
            out << &h;
    }
    return out;
}

int Topology::count(Role role) const
{
    return int(std::count_if(hosts.cbegin(), hosts.cend(), [&](const Host &h) { return h.has(role); }));
}

quint32 Topology::nextUid() const
{
    quint32 m = 0;
    for (const Host &h : hosts)
        m = std::max(m, h.uid);
    for (const Subnet &s : subnets)
        m = std::max(m, s.uid);
    return m + 1;
}

void Topology::assignUids()
{
    quint32 next = nextUid();
    for (Host &h : hosts) {
        if (h.uid == 0)
            h.uid = next++;
    }
    for (Subnet &s : subnets) {
        if (s.uid == 0)
            s.uid = next++;
    }
}

} // namespace pgha
