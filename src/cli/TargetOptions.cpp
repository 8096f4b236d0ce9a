#include "cli/TargetOptions.h"

#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "core/model/Secrets.h"
#include "core/util/DataPaths.h"

#include <QFileInfo>
#include <QTextStream>

namespace pgha::cli {

std::optional<MonitorTarget> TargetOptions::resolve(const QCommandLineParser &p, const QString &file) const
{
    Secrets secretsValue;
    if (p.isSet(secrets)) {
        Result<Secrets> r = SecretStore::loadFile(p.value(secrets));
        if (!r.ok()) {
            err() << "error: " << r.error().toString() << "\n";
            return std::nullopt;
        }
        secretsValue = r.value();
    }
    // Environment overrides; nothing is generated: a status must not invent passwords.
    SecretStore::applyEnvironment(&secretsValue);
    MonitorTarget t;
    if (p.isSet(url)) {
        Result<MonitorTarget> r = MonitorTarget::fromUrl(p.value(url));
        if (!r.ok()) {
            err() << "error: " << r.error().message << "\n";
            return std::nullopt;
        }
        t = r.value();
        if (!file.isEmpty()) {
            // The design widens where the REST credentials may go: its members and its subnets.
            std::optional<Topology> topo = loadProjectArg(file);
            if (!topo)
                return std::nullopt;
            const MonitorTarget fromDesign = MonitorTarget::fromTopology(*topo, secretsValue);
            t.restScope.endpoints += fromDesign.restScope.endpoints;
            for (const Subnet &s : std::as_const(topo->subnets))
                t.restScope.addSubnet(s.cidr);
        }
        t.restUser = secretsValue.restApiUser;
        t.restPassword = secretsValue.restApiPassword;
        t.statsUser = secretsValue.haproxyStatsUser;
        t.statsPassword = secretsValue.haproxyStatsPassword;
    } else {
        if (file.isEmpty()) {
            err() << "error: give a project FILE or --url URL\n";
            return std::nullopt;
        }
        std::optional<Topology> topo = loadProjectArg(file);
        if (!topo)
            return std::nullopt;
        if (!p.isSet(secrets)) {
            // The passwords a deploy generated for this cluster (the one data location, DataPaths).
            const Result<QString> kept = DataPaths::secretsFile(topo->cluster.name);
            if (kept.ok() && QFileInfo::exists(kept.value())) {
                Result<Secrets> r = SecretStore::loadFile(kept.value());
                if (!r.ok()) {
                    err() << "error: " << r.error().toString() << "\n";
                    return std::nullopt;
                }
                secretsValue = r.value();
                SecretStore::applyEnvironment(&secretsValue);
            }
        }
        t = MonitorTarget::fromTopology(*topo, secretsValue, p.isSet(https));
    }
    const QStringList etcdUrls = p.values(etcd);
    for (const QString &u : etcdUrls)
        t.etcd.append({QString(), u});
    const QStringList haproxyUrls = p.values(haproxy);
    for (const QString &u : haproxyUrls)
        t.haproxy.append({QString(), u});
    t.ignoreTlsErrors = p.isSet(insecure);
    if (t.ignoreTlsErrors) {
        err() << "WARNING: --insecure: TLS certificates are NOT verified; anyone on the path can read the REST "
                 "credentials and forge every answer.\n";
    }
    if (p.isSet(cacert)) {
        Result<void> ca = t.loadCaFile(p.value(cacert));
        if (!ca.ok()) {
            err() << "error: " << ca.error().message << "\n";
            return std::nullopt;
        }
    }
    bool anyHttps = false;
    for (const MonitorTarget::Endpoint &e : std::as_const(t.patroni) + t.etcd + t.haproxy)
        anyHttps = anyHttps || e.url.startsWith(QLatin1String("https:"));
    if (anyHttps && t.caCertificates.isEmpty() && !t.ignoreTlsErrors) {
        err() << "note: no cluster CA (the secrets' tls.ca, or --ca FILE): certificates are checked against the "
                 "system's CAs\n";
    }
    bool ok = false;
    t.timeoutMs = p.value(timeout).toInt(&ok);
    if (!ok || t.timeoutMs <= 0) {
        err() << "error: --timeout wants a positive number of milliseconds\n";
        return std::nullopt;
    }
    return t;
}


} // namespace pgha::cli
