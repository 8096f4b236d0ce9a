#include "deploy/RenewPlan.h"

#include "core/generate/Generator.h"
#include "core/model/Platform.h"
#include "core/pki/ClusterTls.h"
#include "core/pki/Pki.h"
#include "core/util/ShellQuote.h"
#include "deploy/PatroniScripts.h"

#include <QCoreApplication>

namespace pgha {

namespace {

QString q(const QString &s)
{
    return shellQuote(s);
}

QString hostPort(const QString &address, int port)
{
    const QString a = address.contains(QLatin1Char(':')) ? QLatin1Char('[') + address + QLatin1Char(']') : address;
    return a + QLatin1Char(':') + QString::number(port);
}

DeployOp op(DeployOp::Kind kind, const QString &title, const QString &script, int timeoutSec = 120)
{
    DeployOp o;
    o.kind = kind;
    o.title = title;
    o.script = script;
    o.until = DeployOp::Until::ExitZero;
    o.timeoutSec = timeoutSec;
    return o;
}

// Exit 0 when the TLS endpoint presents the certificate with this SHA-256 fingerprint ("AB:CD:...").
// extra: "-starttls postgres" for PostgreSQL's in-protocol TLS; a client certificate for etcd (client-cert-auth
// ends the handshake of a client without one).
QString presentsScript(const QString &endpoint, const QString &fingerprint, const QString &extra = {})
{
    return QStringLiteral("openssl s_client -connect %1%2 </dev/null 2>/dev/null | openssl x509 -noout "
                          "-fingerprint -sha256 | grep -qi %3")
        .arg(q(endpoint), extra.isEmpty() ? QString() : QLatin1Char(' ') + extra, q(fingerprint));
}

QString etcdClientCert()
{
    return QStringLiteral("-cert %1 -key %2").arg(q(ClusterTls::certPath()), q(ClusterTls::etcdKeyPath()));
}

QString fingerprintOf(const QByteArray &certPem)
{
    const Result<Pki::CertInfo> info = Pki::inspect(certPem);
    return info.ok() ? info->fingerprintSha256 : QString();
}

QString pgDataDir(const Topology &t, const Host &h)
{
    const PostgresSettings &pg = t.cluster.postgres;
    return pg.dataDir.isEmpty() ? Platform::postgresDataDir(h.os, pg.distribution, pg.version) : pg.dataDir;
}

} // namespace

DeployPlan buildRenewPlan(const Topology &topology, const Secrets &renewed, const RenewOptions &options)
{
    // The SSH targets and etcd's start command are the deploy's own: one place decides how a host is reached
    // and how etcd starts (systemd or directly).
    const DeployPlan deploy = buildPlan(topology, generateBundle(topology, renewed), renewed, options.plan);
    DeployPlan plan;
    const Cluster &c = topology.cluster;
    QString previous;
    auto chain = [&plan, &previous](DeployStep s) {
        if (!previous.isEmpty())
            s.deps << previous;
        previous = s.id;
        plan.steps << s;
    };

    QStringList etcdEndpoints;
    for (const Host &h : topology.hosts) {
        if (h.has(Role::Etcd))
            etcdEndpoints << QStringLiteral("https://") + hostPort(h.address, c.etcd.clientPort);
    }
    for (const Host &h : topology.hosts) {
        if (!h.has(Role::Etcd) || !renewed.tls.hosts.contains(h.name))
            continue;
        const PemPair &leaf = renewed.tls.hosts.value(h.name);
        const QString fp = fingerprintOf(leaf.certPem);
        const QString endpoint = hostPort(h.address, c.etcd.clientPort);
        DeployStep s;
        s.id = QStringLiteral("renew-etcd:") + h.name;
        s.host = h.name;
        s.title = QCoreApplication::translate("pgha::Deploy", "renew etcd's certificate (restart, one member at a time)");
        s.probe = presentsScript(endpoint, fp, etcdClientCert());
        DeployOp files = op(DeployOp::Kind::WriteFiles, QCoreApplication::translate("pgha::Deploy", "write the new certificate and etcd's key"), {});
        files.files << FileToWrite{ClusterTls::certPath(), leaf.certPem, 0644, QStringLiteral("root"), false, QString()}
                    << FileToWrite{ClusterTls::etcdKeyPath(), leaf.keyPem, 0600, QStringLiteral("etcd"), true, QString()};
        if (h.has(Role::Postgres))
            files.files << FileToWrite{ClusterTls::postgresKeyPath(), leaf.keyPem, 0600, QStringLiteral("postgres"), true, QString()};
        s.ops << files;
        s.ops << op(DeployOp::Kind::Run, QCoreApplication::translate("pgha::Deploy", "stop etcd"), PatroniScripts::stopService(QStringLiteral("etcd")));
        if (const DeployStep *start = deploy.step(QStringLiteral("etcd-start:") + h.name))
            s.ops += start->ops;
        s.ops << op(DeployOp::Kind::WaitFor, QCoreApplication::translate("pgha::Deploy", "every etcd member healthy"),
                    QStringLiteral("ETCDCTL_API=3 etcdctl --endpoints=%1 --cacert=%2 --cert=%3 --key=%4 "
                                   "--command-timeout=3s endpoint health")
                        .arg(q(etcdEndpoints.join(QLatin1Char(','))), q(ClusterTls::caPath()),
                             q(ClusterTls::certPath()), q(ClusterTls::etcdKeyPath())),
                    90);
        s.ops << op(DeployOp::Kind::WaitFor, QCoreApplication::translate("pgha::Deploy", "etcd presents the new certificate"),
                    presentsScript(endpoint, fp, etcdClientCert()), 30);
        chain(s);
    }

    QList<const Host *> pgHosts;
    const Host *leader = nullptr;
    for (const Host &h : topology.hosts) {
        if (!h.has(Role::Postgres) || !renewed.tls.hosts.contains(h.name))
            continue;
        if (h.name == options.leader)
            leader = &h;
        else
            pgHosts << &h;
    }
    if (leader)
        pgHosts << leader;  // replicas first
    const QString scheme = c.security.tls ? QStringLiteral("https://") : QStringLiteral("http://");
    for (const Host *h : std::as_const(pgHosts)) {
        const PemPair &leaf = renewed.tls.hosts.value(h->name);
        const QString fp = fingerprintOf(leaf.certPem);
        const QString rest = hostPort(h->address, c.patroni.restApiPort);
        const QString pg = hostPort(h->address, c.postgres.port);
        DeployStep s;
        s.id = QStringLiteral("renew-postgres:") + h->name;
        s.host = h->name;
        s.title = h == leader ? QCoreApplication::translate("pgha::Deploy", "renew the leader's certificate (after a switchover)")
                              : QCoreApplication::translate("pgha::Deploy", "renew Patroni's and PostgreSQL's certificate (reload)");
        s.probe = presentsScript(rest, fp) + QStringLiteral(" && ") + presentsScript(pg, fp, QStringLiteral("-starttls postgres"));
        // Whoever leads when this host's turn comes hands over first (the leader hint may be stale).
        DeployOp away = op(DeployOp::Kind::Run, QCoreApplication::translate("pgha::Deploy", "switch over if this member leads"),
                           PatroniScripts::switchoverAway(scheme + rest, h->name, ClusterTls::postgresKeyPath()));
        away.input = (renewed.restApiUser + QLatin1Char(':') + renewed.restApiPassword).toUtf8() + '\n';
        away.inputNote = QCoreApplication::translate("pgha::Deploy", "the REST API user and password");
        s.ops << away;
        DeployOp files = op(DeployOp::Kind::WriteFiles, QCoreApplication::translate("pgha::Deploy", "write the new certificate and the postgres key"), {});
        files.files << FileToWrite{ClusterTls::certPath(), leaf.certPem, 0644, QStringLiteral("root"), false, QString()}
                    << FileToWrite{ClusterTls::postgresKeyPath(), leaf.keyPem, 0600, QStringLiteral("postgres"), true, QString()};
        if (h->has(Role::Etcd))
            files.files << FileToWrite{ClusterTls::etcdKeyPath(), leaf.keyPem, 0600, QStringLiteral("etcd"), true, QString()};
        s.ops << files;
        s.ops << op(DeployOp::Kind::Run, QCoreApplication::translate("pgha::Deploy", "reload Patroni and PostgreSQL"),
                    QStringLiteral("if [ -d /run/systemd/system ]; then systemctl reload patroni; "
                                   "else kill -HUP \"$(cat /run/patroni.pid)\"; fi\n"
                                   "kill -HUP \"$(head -1 %1/postmaster.pid)\"")
                        .arg(q(pgDataDir(topology, *h))));
        s.ops << op(DeployOp::Kind::WaitFor, QCoreApplication::translate("pgha::Deploy", "the REST API presents the new certificate"),
                    presentsScript(rest, fp), 60);
        s.ops << op(DeployOp::Kind::WaitFor, QCoreApplication::translate("pgha::Deploy", "PostgreSQL presents the new certificate"),
                    presentsScript(pg, fp, QStringLiteral("-starttls postgres")), 60);
        chain(s);
    }

    for (const DeployStep &s : std::as_const(plan.steps))
        plan.targets.insert(s.host, deploy.targets.value(s.host));
    return plan;
}

} // namespace pgha
