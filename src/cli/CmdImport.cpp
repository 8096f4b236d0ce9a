#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "core/importer/LiveImport.h"
#include "core/lint/LintLoader.h"
#include "deploy/SshSession.h"
#include "monitor/LiveFetch.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>
#include <QUrl>

namespace pgha::cli {

namespace {

// Reads the configuration files of one host over SSH, read-only (cat of the known places). Each file found goes
// into inputs; the host-key refusal and connection errors come back as the SshError.
std::optional<SshError> readHostFiles(const SshTarget &target, const QStringList &candidates, LintInputs *inputs,
                                      QStringList *read)
{
    SshSession session(target, nullptr);
    if (std::optional<SshError> e = session.connect())
        return e;
    for (const QString &path : candidates) {
        const ExecResult r = session.run(QStringLiteral("cat -- '%1' 2>/dev/null").arg(path));
        if (r.error)
            return r.error;
        if (r.exitCode != 0 || r.out.isEmpty())
            continue;
        const QString name = target.hostName + QLatin1Char(':') + path;
        if (Result<void> added = LintLoader::add(name, r.out, inputs); !added.ok()) {
            SshError e;
            e.message = added.error().toString();
            return e;
        }
        *read << name;
    }
    session.disconnect();
    return std::nullopt;
}

} // namespace

int importDesign(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption url(QStringLiteral("url"), QStringLiteral("Patroni REST URL of any member."),
                                 QStringLiteral("URL"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Design file to write (*.pgha.yaml)."), QStringLiteral("FILE"));
    const QCommandLineOption force(QStringLiteral("force"), QStringLiteral("Overwrite FILE."));
    const QCommandLineOption sshUser(QStringLiteral("ssh-user"),
                                     QStringLiteral("Read each member's configuration files over SSH as this user."),
                                     QStringLiteral("USER"));
    const QCommandLineOption identity(QStringLiteral("identity"), QStringLiteral("SSH private key."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption sshPort(QStringLiteral("ssh-port"), QStringLiteral("SSH port (default 22)."),
                                     QStringLiteral("PORT"), QStringLiteral("22"));
    const QCommandLineOption knownHosts(QStringLiteral("known-hosts"),
                                        QStringLiteral("known_hosts file (default ~/.ssh/known_hosts)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption acceptNew(QStringLiteral("accept-new-host-keys"),
                                       QStringLiteral("Accept host keys not yet in known_hosts."));
    const QCommandLineOption stats(QStringLiteral("haproxy-stats"),
                                   QStringLiteral("HAProxy stats URL, e.g. http://h:7000/;csv."), QStringLiteral("URL"));
    const QCommandLineOption etcd(QStringLiteral("etcd"), QStringLiteral("etcd client URL (member list)."),
                                  QStringLiteral("URL"));
    const QCommandLineOption secretsOpt(QStringLiteral("secrets"),
                                        QStringLiteral("Secrets file: the HAProxy stats password (never written)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption ca({QStringLiteral("ca"), QStringLiteral("cacert")},
                                QStringLiteral("PEM file of the CA(s) to trust."), QStringLiteral("FILE"));
    const QCommandLineOption insecure(QStringLiteral("insecure"), QStringLiteral("Accept any TLS certificate."));
    p.addOptions({url, output, force, sshUser, identity, sshPort, knownHosts, acceptNew, stats, etcd, secretsOpt, ca,
                  insecure});
    int code = 0;
    if (!parseArgs(p, QStringLiteral("import"), args, &code))
        return code;
    if (!p.isSet(url) || !p.isSet(output) || !p.positionalArguments().isEmpty()) {
        err() << "usage: pgha import --url http://HOST:8008 -o DESIGN.pgha.yaml [--ssh-user U --identity F] "
                 "[--haproxy-stats URL] [--etcd URL]\n";
        return 2;
    }
    const QString outPath = p.value(output);
    if (QFileInfo::exists(outPath) && !p.isSet(force)) {
        err() << "error: " << outPath << " exists; give --force to overwrite it\n";
        return 2;
    }
    LiveFetchOptions fetchOptions;
    fetchOptions.url = p.value(url);
    fetchOptions.etcdUrl = p.value(etcd);
    fetchOptions.statsUrl = p.value(stats);
    fetchOptions.caFile = p.value(ca);
    fetchOptions.insecure = p.isSet(insecure);
    if (p.isSet(secretsOpt)) {
        Result<Secrets> s = SecretStore::loadFile(p.value(secretsOpt));
        if (!s.ok()) {
            err() << "error: " << s.error().toString() << "\n";
            return 2;
        }
        fetchOptions.statsUser = s->haproxyStatsUser;
        fetchOptions.statsPassword = s->haproxyStatsPassword;
    }
    Result<LiveSources> fetched = LiveFetch::fetch(fetchOptions);
    if (!fetched.ok()) {
        err() << "error: " << fetched.error().toString() << "\n";
        return 2;
    }
    LiveSources &src = fetched.value();

    // With SSH: each member's patroni.yml and etcd config, and haproxy.cfg on the stats page's host; read-only.
    QStringList read;
    if (p.isSet(sshUser)) {
        // A first pass without files gives the members and their addresses.
        Result<ImportedDesign> members = LiveImport::design(src);
        if (!members.ok()) {
            err() << "error: " << members.error().toString() << "\n";
            return 2;
        }
        QList<QPair<Host, QStringList>> hosts;
        for (const Host &h : members->topology.hosts) {
            if (h.has(Role::Postgres))
                hosts.append({h, {QStringLiteral("/etc/patroni/patroni.yml"), QStringLiteral("/etc/patroni/config.yml"),
                                  QStringLiteral("/etc/etcd/etcd.conf.yaml"), QStringLiteral("/etc/default/etcd"),
                                  QStringLiteral("/etc/etcd/etcd.conf")}});
        }
        if (p.isSet(stats)) {
            Host lb;
            lb.name = QStringLiteral("haproxy");
            lb.address = QUrl(p.value(stats)).host();
            hosts.append({lb, {QStringLiteral("/etc/haproxy/haproxy.cfg")}});
        }
        for (const auto &[host, candidates] : std::as_const(hosts)) {
            SshTarget st;
            st.hostName = host.name;
            st.address = host.address;
            st.user = p.value(sshUser);
            st.port = p.value(sshPort).toInt();
            st.identityFile = p.value(identity);
            st.knownHostsFile = p.value(knownHosts);
            st.acceptNewHostKeys = p.isSet(acceptNew);
            if (std::optional<SshError> e = readHostFiles(st, candidates, &src.files, &read)) {
                err() << "error: " << host.name << " (" << host.address << "): " << e->message << "\n";
                const bool hostKey = e->kind == SshError::Kind::HostKeyChanged || e->kind == SshError::Kind::HostKeyUnknown;
                return hostKey ? 3 : 2;
            }
        }
    }

    Result<ImportedDesign> imported = LiveImport::design(src);
    if (!imported.ok()) {
        err() << "error: " << imported.error().toString() << "\n";
        return 2;
    }
    // What the design has no key for is in its extra settings (cluster.extra / hosts[].extra); what could not be
    // kept there is listed here as comments above the design, and printed.
    QByteArray text = "# Imported by pgha import from " + src.restUrl.toUtf8() + "\n";
    for (const QString &f : std::as_const(read))
        text += "#   read: " + f.toUtf8() + "\n";
    if (!imported->kept.isEmpty())
        text += "# " + QByteArray::number(imported->kept.size()) + " live setting(s) this design has no key for are kept "
                "verbatim as extra settings (extra:), written by every generation.\n";
    if (!imported->unmapped.isEmpty()) {
        text += "# Live settings not kept in the design (comments only; not applied by a deploy):\n";
        for (const QString &u : std::as_const(imported->unmapped))
            text += "#   " + u.toUtf8() + "\n";
    }
    text += ProjectFile::serialize(imported->topology);
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        err() << "error: " << outPath << ": cannot write: " << file.errorString() << "\n";
        return 2;
    }
    for (const QString &k : std::as_const(imported->kept))
        err() << "kept as extra: " << k << "\n";
    for (const QString &u : std::as_const(imported->unmapped))
        err() << "unmapped: " << u << "\n";
    for (const QString &n : std::as_const(imported->notes))
        err() << "note: " << n << "\n";
    out() << "wrote " << outPath << ": " << imported->topology.hosts.size() << " hosts, "
          << imported->kept.size() << " setting(s) kept as extra, " << imported->unmapped.size() << " unmapped setting(s)\n";
    out().flush();
    err().flush();
    return 0;
}

} // namespace pgha::cli
