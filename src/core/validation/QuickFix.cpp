#include "core/validation/QuickFix.h"

#include "core/util/Net.h"
#include "core/validation/PgParameters.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace pgha {

namespace {

const QLatin1String kParamPrefix("cluster.postgres.parameters.");
const QLatin1String kHostPrefix("hosts/");

// The parameter key as written in the topology for a finding subject (keys compare case-insensitively).
std::optional<QString> paramKey(const Topology &t, const QString &subject)
{
    if (!subject.startsWith(kParamPrefix))
        return std::nullopt;
    const QString name = subject.mid(kParamPrefix.size());
    for (auto it = t.cluster.postgres.parameters.cbegin(); it != t.cluster.postgres.parameters.cend(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.key();
    }
    return std::nullopt;
}

Host *hostFromSubject(Topology &t, const QString &subject)
{
    if (!subject.startsWith(kHostPrefix))
        return nullptr;
    const QString name = subject.mid(kHostPrefix.size());
    for (Host &h : t.hosts) {
        if (h.name == name)
            return &h;
    }
    return nullptr;
}

// Next address after the highest one in use inside the subnet, skipping the network and broadcast addresses.
std::optional<IpAddress> freeAddressIn(const Topology &t, const Cidr &net)
{
    QSet<IpAddress> used;
    IpAddress highest = net.network;
    for (const Host &h : t.hosts) {
        const auto a = IpAddress::parse(h.address.trimmed());
        if (!a || !net.contains(*a))
            continue;
        used.insert(*a);
        if (std::lexicographical_compare(highest.bytes.begin(), highest.bytes.end(), a->bytes.begin(), a->bytes.end()))
            highest = *a;
    }
    IpAddress candidate = highest;
    for (int tries = 0; tries < 4096; ++tries) {
        // Increment as a big-endian number over the address bytes.
        const int n = candidate.family == IpAddress::Family::V4 ? 4 : 16;
        int k = n - 1;
        while (k >= 0 && ++candidate.bytes[size_t(k)] == 0)
            --k;
        if (k < 0 || !net.contains(candidate))
            return std::nullopt;
        bool allHostBits = candidate.family == IpAddress::Family::V4 && net.prefix < 31;
        for (int b = net.prefix; allHostBits && b < 32; ++b)
            allHostBits = candidate.bit(b);
        if (allHostBits)
            return std::nullopt;  // broadcast
        if (!used.contains(candidate))
            return candidate;
    }
    return std::nullopt;
}

// One member more; addEtcdMembers() repeats it up to the next odd count of at least three.
Result<Topology> addEtcdMember(Topology t)
{
    // Prefer a PostgreSQL host that lacks etcd: no new machine needed.
    for (Host &h : t.hosts) {
        if (h.has(Role::Postgres) && !h.has(Role::Etcd)) {
            h.roles |= Role::Etcd;
            return t;
        }
    }
    // Otherwise propose a new host next to an existing etcd (or PostgreSQL) host.
    const Host *model = nullptr;
    for (const Host &h : t.hosts) {
        if (h.has(Role::Etcd)) {
            model = &h;
            break;
        }
    }
    if (!model) {
        for (const Host &h : t.hosts) {
            if (h.has(Role::Postgres)) {
                model = &h;
                break;
            }
        }
    }
    if (!model)
        return Error(QCoreApplication::translate("pgha::Rules", "there is no PostgreSQL or etcd host to place a new etcd member next to"));
    const Subnet *subnet = t.subnetByName(model->subnet);
    const auto net = subnet ? Cidr::parse(subnet->cidr.trimmed()) : std::nullopt;
    if (!net)
        return Error(QCoreApplication::translate("pgha::Rules", "host %1 is in no valid subnet to take an address from").arg(model->name));
    const auto address = freeAddressIn(t, *net);
    if (!address)
        return Error(QCoreApplication::translate("pgha::Rules", "subnet %1 has no free address for a new etcd host").arg(subnet->name));
    QSet<QString> names;
    for (const Host &h : t.hosts)
        names.insert(h.name.toLower());
    QString name;
    for (int i = 1;; ++i) {
        name = QStringLiteral("etcd%1").arg(i);
        if (!names.contains(name))
            break;
    }
    Host h;
    h.name = name;
    h.address = address->toString();
    h.subnet = model->subnet;
    h.os = model->os;
    h.roles = Role::Etcd;
    h.ssh = model->ssh;
    h.pos = CanvasPos{model->pos.x + 40, model->pos.y + 40};
    t.hosts.append(h);
    t.assignUids();
    return t;
}

} // namespace

QStringList quickFixIds()
{
    return {QStringLiteral("add-etcd-member"),      QStringLiteral("fix-patroni-timing"),
            QStringLiteral("replace-wal-keep-segments"), QStringLiteral("rename-pg-param"),
            QStringLiteral("remove-pg-param"),      QStringLiteral("assign-subnet"),
            QStringLiteral("fix-haproxy-checks"),   QStringLiteral("fix-haproxy-maxconn")};
}

Result<Topology> applyQuickFix(const Topology &topology, const Finding &finding)
{
    Topology t = topology;
    const QString &fix = finding.quickFix;
    if (fix == QLatin1String("add-etcd-member")) {
        // Up to the next odd count, at least three: 0, 1, 2 -> 3; 4 -> 5; 6 -> 7.
        const int target = std::max(3, t.count(Role::Etcd) | 1);
        while (t.count(Role::Etcd) < target) {
            Result<Topology> r = addEtcdMember(std::move(t));
            if (!r.ok())
                return r;
            t = std::move(r).value();
        }
        return t;
    }

    if (fix == QLatin1String("fix-patroni-timing")) {
        PatroniSettings &p = t.cluster.patroni;
        p.loopWait = std::max(1, p.loopWait);
        p.retryTimeout = std::max(3, p.retryTimeout);
        const qint64 needed = qint64(p.loopWait) + 2 * qint64(p.retryTimeout);
        if (needed > 86400)
            return Error(QCoreApplication::translate("pgha::Rules", "loop_wait + 2 * retry_timeout exceeds a day; lower them first"));
        p.ttl = std::max({p.ttl, 20, int(needed)});
        return t;
    }

    if (fix == QLatin1String("fix-haproxy-checks")) {
        t.cluster.haproxy.checkIntervalMs = 1000;
        t.cluster.haproxy.fall = std::min(3, t.cluster.haproxy.fall);
        return t;
    }

    if (fix == QLatin1String("fix-haproxy-maxconn")) {
        HAProxySettings &hp = t.cluster.haproxy;
        const qint64 needed = qint64(hp.serverMaxconn) * t.count(Role::Postgres) * 2;
        hp.maxconn = int(std::min<qint64>(10000000, std::max<qint64>(hp.maxconn, needed)));
        return t;
    }

    if (fix == QLatin1String("replace-wal-keep-segments") || fix == QLatin1String("remove-pg-param")
        || fix == QLatin1String("rename-pg-param")) {
        const auto key = paramKey(t, finding.subject);
        if (!key)
            return Error(QCoreApplication::translate("pgha::Rules", "%1 names no parameter of this design").arg(finding.subject));
        QMap<QString, QString> &params = t.cluster.postgres.parameters;
        if (fix == QLatin1String("remove-pg-param")) {
            params.remove(*key);
            return t;
        }
        if (fix == QLatin1String("rename-pg-param")) {
            const PgParameterFact *f = PgParameters::find(*key);
            if (!f || !f->replacement)
                return Error(QCoreApplication::translate("pgha::Rules", "%1 has no known new name").arg(*key));
            const QString value = params.take(*key);
            params.insert(QString::fromLatin1(f->replacement), value);
            return t;
        }
        bool ok = false;
        const qint64 segments = params.value(*key).trimmed().toLongLong(&ok);
        if (!ok || segments < 0)
            return Error(QCoreApplication::translate("pgha::Rules", "wal_keep_segments \"%1\" is not a whole number").arg(params.value(*key)));
        params.remove(*key);
        // WAL segments are 16 MB unless initdb chose otherwise (Patroni converts with the same assumption).
        params.insert(QStringLiteral("wal_keep_size"), QString::number(segments * 16) + QStringLiteral("MB"));
        return t;
    }

    if (fix == QLatin1String("assign-subnet")) {
        Host *h = hostFromSubject(t, finding.subject);
        if (!h)
            return Error(QCoreApplication::translate("pgha::Rules", "%1 names no host of this design").arg(finding.subject));
        const auto a = IpAddress::parse(h->address.trimmed());
        if (!a)
            return Error(QCoreApplication::translate("pgha::Rules", "host %1 has no valid address").arg(h->name));
        const Subnet *best = nullptr;
        int bestPrefix = -1;
        for (const Subnet &s : t.subnets) {
            const auto c = Cidr::parse(s.cidr.trimmed());
            if (c && c->hadPrefix && c->contains(*a) && c->prefix > bestPrefix) {
                best = &s;
                bestPrefix = c->prefix;
            }
        }
        if (!best)
            return Error(QCoreApplication::translate("pgha::Rules", "no subnet contains %1").arg(h->address));
        h->subnet = best->name;
        return t;
    }

    if (fix.isEmpty())
        return Error(QCoreApplication::translate("pgha::Rules", "finding [%1] offers no quick fix").arg(finding.ruleId));
    return Error(QCoreApplication::translate("pgha::Rules", "unknown quick fix \"%1\"").arg(fix));
}

} // namespace pgha
