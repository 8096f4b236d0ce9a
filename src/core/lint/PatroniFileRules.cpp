#include "core/lint/FileRules.h"
#include "core/lint/LintMapper.h"
#include "core/util/Net.h"
#include "core/validation/rules/Rules.h"

#include <QCoreApplication>
#include <QDir>

namespace pgha::FileRules {

namespace {

SourceLocation at(const ConfigFile &f, const ConfigEntry *e)
{
    return e ? SourceLocation{f.path, e->line, e->column, e->key} : SourceLocation{f.path, 0, 0, {}};
}

bool listensEverywhere(const QString &listen)
{
    QString host;
    int port = 0;
    LintMapper::splitHostPort(listen, &host, &port);
    const auto a = IpAddress::parse(host);
    return host.isEmpty() || (a && a->isUnspecified());
}

void etcdApi(const ConfigFile &f, QList<LintFinding> &out)
{
    const QString section = LintMapper::patroniEtcdSection(f);
    if (section == QLatin1String("etcd")) {
        add(out, "patroni-etcd-v2", Severity::Error, at(f, f.find(section)), QStringLiteral("etcd"),
            QCoreApplication::translate("pgha::Lint", "The etcd: section makes Patroni use etcd's v2 API, which etcd 3.4 turns off "
                                                      "by default and 3.6 no longer has: Patroni cannot reach its DCS."),
            QCoreApplication::translate("pgha::Lint", "Rename the section to etcd3: (same keys; python3-etcd3 or patroni[etcd3])."));
    }
    const QStringList endpoints = LintMapper::patroniEtcdEndpoints(f);
    if (endpoints.size() == 1 && !f.has(section + QStringLiteral(".srv"))) {
        const ConfigEntry *e = f.find(section + QStringLiteral(".host"));
        if (!e)
            e = f.find(section + QStringLiteral(".hosts"));
        add(out, "patroni-single-etcd", Severity::Warning, at(f, e ? e : f.find(section)), section,
            QCoreApplication::translate("pgha::Lint", "Patroni knows only the etcd endpoint %1: when that member is down at "
                                                      "Patroni's start, Patroni cannot find the others and the node stays out "
                                                      "of the cluster.").arg(endpoints.first()),
            QCoreApplication::translate("pgha::Lint", "List every etcd member under %1.hosts.").arg(section));
    }
}

void restApi(const ConfigFile &f, QList<LintFinding> &out)
{
    const ConfigEntry *listen = f.find(QStringLiteral("restapi.listen"));
    if (!listen || f.has(QStringLiteral("restapi.authentication.password")))
        return;
    const bool everywhere = listensEverywhere(listen->value);
    add(out, "patroni-restapi-open", everywhere ? Severity::Error : Severity::Warning, at(f, listen),
        QStringLiteral("restapi"),
        everywhere
            ? QCoreApplication::translate("pgha::Lint", "The REST API listens on %1 without authentication: anyone who "
                                                        "reaches the port can switch over, restart or reinitialise members "
                                                        "and change the dynamic configuration.").arg(listen->value)
            : QCoreApplication::translate("pgha::Lint", "The REST API has no authentication: anyone who reaches %1 can "
                                                        "switch over, restart or reinitialise members.").arg(listen->value),
        QCoreApplication::translate("pgha::Lint", "Add restapi.authentication (username, password), listen on the host's "
                                                  "own address and turn on TLS (certfile, keyfile)."));
}

void pgpass(const ConfigFile &f, QList<LintFinding> &out)
{
    const ConfigEntry *e = f.find(QStringLiteral("postgresql.pgpass"));
    if (!e)
        return;
    const QString dir = QDir::cleanPath(e->value.trimmed());
    for (const char *base : {"/tmp", "/var/tmp", "/dev/shm"}) {
        const QString b = QString::fromLatin1(base);
        if (!dir.startsWith(b + QLatin1Char('/')))
            continue;
        add(out, "patroni-pgpass-volatile", Severity::Warning, at(f, e), e->key,
            QCoreApplication::translate("pgha::Lint", "Patroni writes the replication and superuser passwords to %1, in "
                                                      "%2, which every local user can write to (another user may create "
                                                      "the file or a link there first) and which is emptied on reboot.")
                .arg(e->value, b),
            QCoreApplication::translate("pgha::Lint", "Put pgpass in the postgres user's home, e.g. /var/lib/pgsql/.pgpass_patroni."));
        return;
    }
}

void bootstrapUsers(const ConfigFile &f, QList<LintFinding> &out)
{
    for (const ConfigEntry *user : f.children(QStringLiteral("bootstrap.users"))) {
        const ConfigEntry *pw = f.find(user->key + QStringLiteral(".password"));
        if (!pw || !rules::isKnownDefaultSecret(pw->value))
            continue;
        const QString name = ConfigFile::childName(QStringLiteral("bootstrap.users"), user->key);
        add(out, "patroni-default-password", Severity::Error, at(f, pw), pw->key,
            QCoreApplication::translate("pgha::Lint", "User %1 is created with a well-known default password.").arg(name),
            QCoreApplication::translate("pgha::Lint", "Remove the password from the file and set a random one (at least 16 "
                                                      "characters) with ALTER ROLE after the bootstrap."));
    }
}

// Members of one cluster share scope, namespace and the bootstrap's dynamic settings; a copy that differs was
// edited in the wrong place (the guide: "replace the node name and IP address").
void filesDiffer(const LintInputs &in, QList<LintFinding> &out)
{
    if (in.patroni.size() < 2)
        return;
    const ConfigFile &first = in.patroni.first();
    for (int i = 1; i < in.patroni.size(); ++i) {
        const ConfigFile &f = in.patroni.at(i);
        for (const ConfigEntry &e : f.entries) {
            const bool shared = e.key == QLatin1String("scope") || e.key == QLatin1String("namespace")
                || e.key.startsWith(QLatin1String("bootstrap.dcs."));
            if (!shared || !e.scalar)
                continue;
            const ConfigEntry *mine = first.find(e.key);
            if (mine && mine->value == e.value)
                continue;
            add(out, "patroni-files-differ", Severity::Warning, at(f, &e), e.key,
                mine ? QCoreApplication::translate("pgha::Lint", "%1 is %2 here but %3 in %4.")
                           .arg(e.key, e.value, mine->value, first.path)
                     : QCoreApplication::translate("pgha::Lint", "%1 is set here but not in %2.").arg(e.key, first.path),
                QCoreApplication::translate("pgha::Lint", "Give every member the same cluster settings; only name, "
                                                          "addresses and tags differ."));
        }
    }
}

} // namespace

void checkPatroni(const LintInputs &inputs, QList<LintFinding> &out)
{
    for (const ConfigFile &f : inputs.patroni) {
        etcdApi(f, out);
        restApi(f, out);
        pgpass(f, out);
        bootstrapUsers(f, out);
    }
    filesDiffer(inputs, out);
}

} // namespace pgha::FileRules
