#include "core/pki/Pki.h"
#include "core/validation/RuleContext.h"
#include "core/validation/rules/Rules.h"

#include <QCoreApplication>

namespace pgha::rules {

namespace {

void checkOne(const QByteArray &certPem, const QString &what, const QString &subject, int warnDays, Findings &out)
{
    if (certPem.isEmpty())
        return;
    const Result<Pki::CertInfo> info = Pki::inspect(certPem);
    if (!info.ok())
        return;  // unreadable material is the PKI rules' business
    const int days = info->daysLeft();
    if (days >= warnDays)
        return;
    const QString when = info->notAfter.toString(Qt::ISODate);
    addFinding(out, "tls-cert-expiring", Severity::Warning, subject,
               days < 0 ? QCoreApplication::translate("pgha::Rules", "The %1 certificate expired on %2.").arg(what, when)
                        : QCoreApplication::translate("pgha::Rules", "The %1 certificate expires in %2 days (%3), within "
                                         "cluster.security.cert_warn_days (%4).")
                              .arg(what)
                              .arg(days)
                              .arg(when)
                              .arg(warnDays),
               QCoreApplication::translate("pgha::Rules", "Run `pgha certs renew DESIGN` (new leaf certificates from the cluster CA, rolled out "
                              "host by host); a CA is replaced by hand."));
}

} // namespace

void tlsCertExpiring(const RuleContext &c, Findings &out)
{
    const SecuritySettings &sec = c.topology.cluster.security;
    if (!sec.tls || !c.secrets)
        return;
    const TlsMaterial &tls = c.secrets->tls;
    checkOne(tls.ca.certPem, QCoreApplication::translate("pgha::Rules", "cluster CA"), QStringLiteral("secrets.tls"), sec.certWarnDays, out);
    checkOne(tls.admin.certPem, QCoreApplication::translate("pgha::Rules", "admin client"), QStringLiteral("secrets.tls"), sec.certWarnDays, out);
    for (auto it = tls.hosts.cbegin(); it != tls.hosts.cend(); ++it) {
        checkOne(it.value().certPem, QCoreApplication::translate("pgha::Rules", "host %1's").arg(it.key()),
                 QStringLiteral("hosts/") + it.key(), sec.certWarnDays, out);
    }
}

} // namespace pgha::rules
