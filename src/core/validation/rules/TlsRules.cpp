#include "core/validation/RuleContext.h"
#include "core/validation/rules/Rules.h"

#include <QCoreApplication>

namespace pgha::rules {

void tlsOff(const RuleContext &c, Findings &out)
{
    if (c.topology.cluster.security.tls || c.topology.hosts.isEmpty())
        return;
    addFinding(out, "tls-off", Severity::Warning, QStringLiteral("cluster.security"),
               QCoreApplication::translate("pgha::Rules", "TLS is off: etcd, Patroni's REST API and PostgreSQL speak plain text, and whoever "
                              "reaches port %1 can rewrite the leader key without a client certificate.")
                   .arg(c.topology.cluster.etcd.clientPort),
               QCoreApplication::translate("pgha::Rules", "Set cluster.security.tls: true (the certificates are generated and kept with the "
                              "secrets)."));
}

void tlsCaMissing(const RuleContext &c, Findings &out)
{
    const SecuritySettings &sec = c.topology.cluster.security;
    if (!sec.tls || sec.ca != QLatin1String("supplied") || !c.secrets || !c.secrets->tls.ca.certPem.isEmpty())
        return;
    addFinding(out, "tls-ca-missing", Severity::Error, QStringLiteral("secrets.tls"),
               QCoreApplication::translate("pgha::Rules", "cluster.security.ca is \"supplied\" but the secrets hold no CA certificate."),
               QCoreApplication::translate("pgha::Rules", "Put the CA's cert (and key, or every host's cert and key) under tls: in the secrets "
                              "file, or set cluster.security.ca: generated."));
}

} // namespace pgha::rules
