#include "core/model/Platform.h"
#include "core/util/Grammar.h"
#include "core/validation/RuleContext.h"
#include "core/validation/rules/Rules.h"

#include <QCoreApplication>

namespace pgha::rules {

void hostWithoutRole(const RuleContext &c, Findings &out)
{
    for (const Host &h : c.topology.hosts) {
        if (h.roles)
            continue;
        addFinding(out, "host-without-role", Severity::Warning, RuleContext::hostSubject(h),
                   QCoreApplication::translate("pgha::Rules", "Host %1 has no role, so nothing is generated or deployed for it.").arg(h.name),
                   QCoreApplication::translate("pgha::Rules", "Give it a role (postgres, etcd, haproxy) or remove it."));
    }
}

void unknownOs(const RuleContext &c, Findings &out)
{
    const QStringList known = Platform::knownOsIds();
    for (const Host &h : c.topology.hosts) {
        if (known.contains(h.os))
            continue;
        addFinding(out, "unknown-os", Severity::Error, RuleContext::hostSubject(h),
                   QCoreApplication::translate("pgha::Rules", "Operating system \"%1\" of host %2 is not one we generate for.").arg(h.os, h.name),
                   QCoreApplication::translate("pgha::Rules", "Choose one of: %1.").arg(known.join(QStringLiteral(", "))));
    }
}

void mixedOsFamily(const RuleContext &c, Findings &out)
{
    bool rhel = false, debian = false;
    for (const Host &h : c.topology.hosts) {
        const OsFamily f = Platform::osFamily(h.os);
        rhel = rhel || f == OsFamily::Rhel;
        debian = debian || f == OsFamily::Debian;
    }
    if (rhel && debian) {
        addFinding(out, "mixed-os-family", Severity::Info, QStringLiteral("cluster"),
                   QCoreApplication::translate("pgha::Rules", "The hosts mix RHEL-family and Debian-family systems, so paths, packages and "
                                  "runbook steps differ between them."),
                   QCoreApplication::translate("pgha::Rules", "Prefer one OS family for all hosts unless you have a reason; the generated "
                                  "files already follow each host's family."));
    }
}

void postgresOsMismatch(const RuleContext &c, Findings &out)
{
    if (c.postgresHosts.isEmpty())
        return;
    const Host &first = c.topology.hosts.at(c.postgresHosts.first());
    for (int i : c.postgresHosts) {
        const Host &h = c.topology.hosts.at(i);
        if (h.os == first.os)
            continue;
        // Physical replicas share the data files, indexes included: a different C library sorts text
        // differently and silently corrupts text indexes after a failover.
        addFinding(out, "postgres-os-mismatch", Severity::Warning, RuleContext::hostSubject(h),
                   QCoreApplication::translate("pgha::Rules", "PostgreSQL host %1 runs %2 while %3 runs %4, so their C libraries may collate "
                                  "text differently under the same physical replica.")
                       .arg(h.name, h.os, first.name, first.os),
                   QCoreApplication::translate("pgha::Rules", "Run every PostgreSQL host on the same OS release (or use ICU/C collations only)."));
    }
}

void sshPortInvalid(const RuleContext &c, Findings &out)
{
    for (int i = 0; i < c.topology.hosts.size(); ++i) {
        const Host &h = c.topology.hosts.at(i);
        if (h.ssh.port < 1 || h.ssh.port > 65535) {
            addFinding(out, "ssh-port-invalid", Severity::Error, RuleContext::hostSubject(h),
                       QCoreApplication::translate("pgha::Rules", "SSH port %1 of host %2 is outside 1-65535.").arg(h.ssh.port).arg(h.name),
                       QCoreApplication::translate("pgha::Rules", "Set the port sshd listens on, usually 22."));
            out.last().field = QStringLiteral("hosts[%1].ssh.port").arg(i);
        }
        // The user reaches ssh's command line in the runbook and libssh's options in the deploy.
        if (!Grammar::isPosixUserName(h.ssh.user)) {
            addFinding(out, "ssh-port-invalid", Severity::Error, RuleContext::hostSubject(h),
                       QCoreApplication::translate("pgha::Rules", "SSH user \"%1\" of host %2 is not a POSIX user name.")
                           .arg(Grammar::hasControlCharacter(h.ssh.user) ? QCoreApplication::translate("pgha::Rules", "(control characters)")
                                                                         : h.ssh.user,
                                h.name),
                       QCoreApplication::translate("pgha::Rules", "Set the login name used for deployment, e.g. root or a sudo user: 1-32 "
                                      "characters from a-z, 0-9, '_' and '-', not starting with a digit or '-'."));
            out.last().field = QStringLiteral("hosts[%1].ssh.user").arg(i);
        }
        if (Grammar::hasControlCharacter(h.ssh.identityFile)) {
            addFinding(out, "ssh-port-invalid", Severity::Error, RuleContext::hostSubject(h),
                       QCoreApplication::translate("pgha::Rules", "The SSH identity file of host %1 holds a control character.").arg(h.name),
                       QCoreApplication::translate("pgha::Rules", "Give the path of the private key file without control characters."));
            out.last().field = QStringLiteral("hosts[%1].ssh.identity_file").arg(i);
        }
    }
}

} // namespace pgha::rules
