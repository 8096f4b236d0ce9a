#include "core/util/Grammar.h"
#include "core/validation/RuleContext.h"
#include "core/validation/rules/Rules.h"

#include <QCoreApplication>

namespace pgha::rules {

namespace {

QString hbaSubject(int i)
{
    return QStringLiteral("cluster.pg_hba[%1]").arg(i);
}

bool isHostType(const QString &type)
{
    return type.startsWith(QLatin1String("host"));
}

const char *const kTypes[] = {"local", "host", "hostssl", "hostnossl", "hostgssenc", "hostnogssenc"};
const char *const kMethods[] = {"trust", "reject", "scram-sha-256", "md5", "password", "gss", "sspi", "ident",
                                "peer", "pam", "ldap", "radius", "cert", "bsd"};

template <size_t N>
bool oneOf(const QString &s, const char *const (&list)[N])
{
    for (const char *e : list) {
        if (s == QLatin1String(e))
            return true;
    }
    return false;
}

// A pg_hba database or user field: a comma-separated list of keywords and role/database names (lower-case
// PostgreSQL identifiers; users may carry '+' for group membership). No quotes, no @file, no regular expressions.
bool isHbaNameList(const QString &field, bool users)
{
    const QStringList parts = field.split(QLatin1Char(','));
    for (QString p : parts) {
        if (p == QLatin1String("all"))
            continue;
        if (!users && (p == QLatin1String("sameuser") || p == QLatin1String("samerole")
                       || p == QLatin1String("samegroup") || p == QLatin1String("replication")))
            continue;
        if (users && p.startsWith(QLatin1Char('+')))
            p.remove(0, 1);
        if (!Grammar::isRoleName(p))
            return false;
    }
    return true;
}

// How far an entry's address reaches: from everywhere, only this machine, or something in between.
enum class Reach { Anywhere, Loopback, Network, Unknown };

Reach reachOf(const QString &address)
{
    const QString a = address.trimmed();
    if (a == QLatin1String("all"))
        return Reach::Anywhere;
    if (a == QLatin1String("samehost"))
        return Reach::Network;  // every address of this host, not only loopback
    if (a == QLatin1String("samenet"))
        return Reach::Network;
    const auto cidr = Cidr::parse(a);
    if (!cidr || !cidr->hadPrefix)
        return Reach::Unknown;  // pg_hba needs the mask
    if (cidr->isAnyAddress())
        return Reach::Anywhere;
    if (cidr->network.isLoopback() && cidr->prefix >= (cidr->network.family == IpAddress::Family::V4 ? 8 : 128))
        return Reach::Loopback;
    return Reach::Network;
}

} // namespace

void hbaInvalid(const RuleContext &c, Findings &out)
{
    const QList<HbaRule> &rules = c.topology.cluster.extraHba;
    for (int i = 0; i < rules.size(); ++i) {
        const HbaRule &r = rules.at(i);
        QString problem;
        if (!oneOf(r.type, kTypes))
            problem = QCoreApplication::translate("pgha::Rules", "\"%1\" is not a pg_hba connection type.").arg(r.type);
        else if (!oneOf(r.method, kMethods))
            problem = QCoreApplication::translate("pgha::Rules", "\"%1\" is not a pg_hba authentication method.").arg(r.method);
        else if (r.database.trimmed().isEmpty() || r.user.trimmed().isEmpty())
            problem = QCoreApplication::translate("pgha::Rules", "The entry needs a database and a user (\"all\" matches any).");
        else if (!isHbaNameList(r.database, false))
            problem = QCoreApplication::translate("pgha::Rules", "The database field is not a comma-separated list of database names and "
                                     "keywords (all, sameuser, samerole, replication).");
        else if (!isHbaNameList(r.user, true))
            problem = QCoreApplication::translate("pgha::Rules", "The user field is not a comma-separated list of role names (optionally with "
                                     "'+') and all.");
        else if (r.type == QLatin1String("local") && !r.address.trimmed().isEmpty())
            problem = QCoreApplication::translate("pgha::Rules", "A local entry takes no address.");
        else if (isHostType(r.type) && r.address.trimmed().isEmpty())
            problem = QCoreApplication::translate("pgha::Rules", "A %1 entry needs an address.").arg(r.type);
        else if (isHostType(r.type) && reachOf(r.address) == Reach::Unknown) {
            const auto cidr = Cidr::parse(r.address.trimmed());
            problem = cidr ? QCoreApplication::translate("pgha::Rules", "%1 lacks its mask; pg_hba needs /32 or /128 for one host.").arg(r.address)
                           : QCoreApplication::translate("pgha::Rules", "\"%1\" is not an address in CIDR notation.").arg(r.address);
        } else if (isHostType(r.type) && r.method == QLatin1String("peer"))
            problem = QCoreApplication::translate("pgha::Rules", "peer authentication works only for local connections.");
        if (problem.isEmpty())
            continue;
        addFinding(out, "hba-invalid", Severity::Error, hbaSubject(i), problem,
                   QCoreApplication::translate("pgha::Rules", "Correct the entry: PostgreSQL refuses to load a pg_hba.conf with an invalid line, "
                                  "and Patroni then cannot start it."));
        out.last().field = hbaSubject(i);
    }
}

void hbaTooOpen(const RuleContext &c, Findings &out)
{
    const QList<HbaRule> &rules = c.topology.cluster.extraHba;
    for (int i = 0; i < rules.size(); ++i) {
        const HbaRule &r = rules.at(i);
        if (!isHostType(r.type) || r.method == QLatin1String("reject"))
            continue;
        const Reach reach = reachOf(r.address);
        const QString subject = hbaSubject(i);
        if (r.method == QLatin1String("trust")) {
            if (reach == Reach::Loopback) {
                addFinding(out, "hba-too-open", Severity::Warning, subject,
                           QCoreApplication::translate("pgha::Rules", "trust for %1 lets every local OS user connect as %2 without a password.")
                               .arg(r.address, r.user),
                           QCoreApplication::translate("pgha::Rules", "Use scram-sha-256; Patroni and the tools read passwords from pgpass."));
            } else if (reach != Reach::Unknown) {
                addFinding(out, "hba-too-open", Severity::Error, subject,
                           QCoreApplication::translate("pgha::Rules", "trust for %1 lets anyone who reaches the port connect as %2 without a "
                                          "password.").arg(r.address, r.user),
                           QCoreApplication::translate("pgha::Rules", "Use scram-sha-256 and limit the address to the subnet that needs it."));
            }
            continue;
        }
        if (reach == Reach::Anywhere) {
            addFinding(out, "hba-too-open", Severity::Warning, subject,
                       QCoreApplication::translate("pgha::Rules", "%1 admits %2 to %3 from every address.").arg(r.address, r.user, r.database),
                       QCoreApplication::translate("pgha::Rules", "Limit the entry to the subnets that need it (mark client subnets "
                                      "clients: true and the generator admits them)."));
        }
        if (r.method == QLatin1String("password") && r.type != QLatin1String("hostssl")) {
            addFinding(out, "hba-too-open", Severity::Warning, subject,
                       QCoreApplication::translate("pgha::Rules", "password sends the password in clear text over a connection that may not be "
                                      "encrypted."),
                       QCoreApplication::translate("pgha::Rules", "Use scram-sha-256."));
        } else if (r.method == QLatin1String("md5")) {
            addFinding(out, "hba-too-open", Severity::Info, subject,
                       QCoreApplication::translate("pgha::Rules", "md5 is weaker than scram-sha-256 (the default password_encryption since "
                                      "PostgreSQL 14; md5 passwords are deprecated in 18)."),
                       QCoreApplication::translate("pgha::Rules", "Use scram-sha-256; the generated passwords are stored as SCRAM."));
        }
    }
}

void clientsSubnetMissing(const RuleContext &c, Findings &out)
{
    if (c.postgresHosts.isEmpty() || c.topology.subnets.isEmpty())
        return;
    for (const Subnet &s : c.topology.subnets) {
        if (s.clients)
            return;
    }
    addFinding(out, "clients-subnet-missing", Severity::Warning, QStringLiteral("cluster"),
               QCoreApplication::translate("pgha::Rules", "No subnet is marked for clients, so pg_hba and the firewalls admit only the cluster's "
                              "own hosts."),
               QCoreApplication::translate("pgha::Rules", "Add the applications' network as a subnet with clients: true."));
}

} // namespace pgha::rules
