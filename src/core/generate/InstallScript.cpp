#include "core/generate/InstallScript.h"

#include "core/generate/Firewall.h"
#include "core/generate/GenUtil.h"
#include "core/generate/HostsFile.h"
#include "core/generate/KeepalivedConfig.h"
#include "core/generate/TlsFiles.h"
#include "core/generate/PatroniPip.h"
#include "core/generate/PgBouncerConfig.h"
#include "core/generate/PgBackRestConfig.h"
#include "core/model/BackupLayout.h"
#include "core/model/Platform.h"
#include "core/util/ShellQuote.h"

#include <QHash>

#include <algorithm>

namespace pgha::InstallScript {

namespace {

QString osMajor(const QString &osId)
{
    // rhel8 -> 8, rhel9 -> 9
    QString digits;
    for (const QChar ch : osId) {
        if (ch.isDigit())
            digits += ch;
    }
    return digits;
}

// One word for bash, whatever the value holds.
QString shq(const QString &s)
{
    return shellQuote(s);
}

// Text inside "..." for bash (step messages).
QString dq(const QString &s)
{
    return shellDoubleQuoted(s);
}

QString ownerOf(const GeneratedFile &f, const Topology &topology, const Host &host)
{
    Q_UNUSED(topology)
    // Patroni runs as postgres and must read its config (which holds passwords, hence 0600).
    if (f.path == Platform::patroniConfigPath(host.os))
        return QStringLiteral("postgres:postgres");
    if (f.path == Platform::pgbouncerConfigPath() || f.path == Platform::pgbouncerUserlistPath())
        return Platform::pgbouncerUser(host.os) + QLatin1Char(':') + Platform::pgbouncerUser(host.os);
    // TLS keys: 0600 owned by the daemon that reads them (PostgreSQL refuses a key another user owns).
    const QString tlsOwner = TlsFiles::ownerOf(f.path, host.os);
    return tlsOwner + QLatin1Char(':') + tlsOwner;
}

QString repositorySetup(const Topology &topology, const Host &host)
{
    const PostgresSettings &pg = topology.cluster.postgres;
    const QString v = QString::number(pg.version);
    const bool rhel = Platform::osFamily(host.os) == OsFamily::Rhel;
    const bool needsPg = host.has(Role::Postgres);
    QString s;
    if (pg.distribution == QLatin1String("percona")) {
        if (rhel) {
            s += QStringLiteral("dnf install -y https://repo.percona.com/yum/percona-release-latest.noarch.rpm\n");
            if (needsPg)
                s += QStringLiteral("dnf -qy module disable postgresql\n");
        } else {
            s += QStringLiteral("apt-get install -y \"${APT_OPTS[@]}\" curl gnupg2 lsb-release\n"
                                "curl -fsSLo /tmp/percona-release.deb "
                                "https://repo.percona.com/apt/percona-release_latest.generic_all.deb\n"
                                "apt-get install -y \"${APT_OPTS[@]}\" /tmp/percona-release.deb\n"
                                "rm -f /tmp/percona-release.deb\n");
        }
        // Percona's PostgreSQL repository also carries its Patroni, HAProxy and (RHEL) etcd builds.
        s += QStringLiteral("percona-release setup -y ppg-") + v + QLatin1Char('\n');
    } else if (pg.distribution == QLatin1String("pgdg")) {
        if (rhel) {
            const QString m = osMajor(host.os);
            s += QStringLiteral("dnf install -y https://dl.fedoraproject.org/pub/epel/epel-release-latest-") + m
                + QStringLiteral(".noarch.rpm\n");
            s += QStringLiteral("dnf install -y https://download.postgresql.org/pub/repos/yum/reporpms/EL-") + m
                + QStringLiteral("-x86_64/pgdg-redhat-repo-latest.noarch.rpm\n");
            s += QStringLiteral("dnf config-manager --set-enabled pgdg-rhel") + m + QStringLiteral("-extras\n");
            if (needsPg)
                s += QStringLiteral("dnf -qy module disable postgresql\n");
        } else {
            s += QStringLiteral("apt-get install -y \"${APT_OPTS[@]}\" postgresql-common\n"
                                "/usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y\n");
        }
    } else {  // the OS's own packages
        if (rhel) {
            const QString m = osMajor(host.os);
            // Patroni and etcd are not in RHEL itself: EPEL carries them.
            s += QStringLiteral("dnf install -y https://dl.fedoraproject.org/pub/epel/epel-release-latest-") + m
                + QStringLiteral(".noarch.rpm\n");
            if (needsPg)
                s += QStringLiteral("dnf -qy module enable postgresql:") + v + QLatin1Char('\n');
            if (PgBouncerConfig::runsOn(topology, host))  // PgBouncer comes from PGDG
                s += QStringLiteral("dnf install -y https://download.postgresql.org/pub/repos/yum/reporpms/EL-") + m
                    + QStringLiteral("-x86_64/pgdg-redhat-repo-latest.noarch.rpm\n");
        } else {
            s += QStringLiteral("# the distribution's own repositories: nothing to add\n");
        }
    }
    return s;
}

} // namespace

QString path()
{
    return QStringLiteral("/root/pgha-install.sh");
}

QStringList packages(const Topology &topology, const Host &host)
{
    const PostgresSettings &pg = topology.cluster.postgres;
    Platform::PackageRoles roles;
    roles.postgres = host.has(Role::Postgres);
    roles.etcd = host.has(Role::Etcd);
    roles.haproxy = host.has(Role::HAProxy);
    roles.pgbouncer = PgBouncerConfig::runsOn(topology, host);
    roles.keepalived = KeepalivedConfig::applies(topology, host);
    roles.pgbackrest = BackupLayout::hasConfig(topology, host);
    roles.tls = GenUtil::tls(topology);
    roles.patroni = topology.cluster.patroni.install;
    return Platform::packages(host.os, pg.distribution, pg.version, roles);
}

QByteArray script(const Topology &topology, const Host &host, const QList<GeneratedFile> &hostFiles)
{
    const Cluster &c = topology.cluster;
    const bool rhel = Platform::osFamily(host.os) == OsFamily::Rhel;
    QString s = QStringLiteral("#!/bin/bash\n");
    s += QString::fromUtf8(GenUtil::header(QStringLiteral("Installs %1 (%2) of cluster %3 on %4.")
                                               .arg(host.name, GenUtil::rolesText(host), c.name,
                                                    Platform::osDisplayName(host.os))));
    s += QStringLiteral(
        "# Run as root on %1 from its bundle folder (the script is <folder>/root/pgha-install.sh), or with the\n"
        "# files already in place (/root/pgha-install.sh). Safe to run again. PostgreSQL is never initialised\n"
        "# here: Patroni does that. With --no-start, services are enabled but not started (the runbook starts\n"
        "# them in order across the hosts).\n")
             .arg(GenUtil::commentText(host.name));
    s += QStringLiteral(
        "set -euo pipefail\n"
        "\n"
        "START=1\n"
        "if [[ \"${1:-}\" == \"--no-start\" ]]; then\n"
        "    START=0\n"
        "fi\n"
        "if [[ \"$(id -u)\" -ne 0 ]]; then\n"
        "    echo \"pgha-install: run this as root\" >&2\n"
        "    exit 1\n"
        "fi\n"
        "STAGE=\"${PGHA_STAGE:-$(cd \"$(dirname \"${BASH_SOURCE[0]}\")/..\" && pwd)}\"\n"
        "\n"
        "step() {\n"
        "    printf '\\n==> %s\\n' \"$*\"\n"
        "}\n"
        "\n"
        "# place PATH MODE OWNER: copies PATH from the bundle folder, or fixes it in place.\n"
        "place() {\n"
        "    local path=\"$1\" mode=\"$2\" owner=\"$3\"\n"
        "    if [[ \"$STAGE\" != \"/\" ]]; then\n"
        "        install -D -m \"$mode\" -o \"${owner%%:*}\" -g \"${owner##*:}\" \"$STAGE$path\" \"$path\"\n"
        "    else\n"
        "        chmod \"$mode\" \"$path\"\n"
        "        chown \"$owner\" \"$path\"\n"
        "    fi\n"
        "}\n"
        "\n");

    // /etc/hosts: replace an earlier block of this cluster, keep everything else; writing through the
    // same inode keeps bind-mounted /etc/hosts (containers) working.
    s += QStringLiteral("step \"Name resolution (/etc/hosts)\"\n");
    s += QStringLiteral("place %1 0644 root:root\n").arg(HostsFile::path());
    s += QStringLiteral("hosts_tmp=\"$(mktemp)\"\n"
                        "awk -v b=%1 -v e=%2 '$0 == b { skip = 1 } !skip { print } $0 == e { skip = 0 }' /etc/hosts "
                        ">\"$hosts_tmp\"\n"
                        "cat \"$hosts_tmp\" %3 >/etc/hosts\n"
                        "rm -f \"$hosts_tmp\"\n\n")
             .arg(shellQuoteAlways(HostsFile::beginMarker(topology)), shellQuoteAlways(HostsFile::endMarker(topology)), HostsFile::path());

    if (!rhel && host.has(Role::Postgres)) {
        // Debian's postgresql-common creates and starts a "main" cluster on install unless told not to.
        s += QStringLiteral(
            "step \"No default PostgreSQL cluster (Patroni creates its own)\"\n"
            "mkdir -p /etc/postgresql-common\n"
            "touch /etc/postgresql-common/createcluster.conf\n"
            "sed -i '/^[[:space:]]*create_main_cluster[[:space:]]*=/d' /etc/postgresql-common/createcluster.conf\n"
            "echo 'create_main_cluster = false' >>/etc/postgresql-common/createcluster.conf\n\n");
    }

    const QStringList pkgs = packages(topology, host);
    if (pkgs.isEmpty()) {
        s += QStringLiteral("step \"Packages\"\n# no role, no repositories and no packages\n\n");
    } else {
        s += QStringLiteral("step \"Package repositories (%1)\"\n")
                 .arg(dq(Platform::distributionDisplayName(c.postgres.distribution)));
        if (!rhel) {
            // Keep files already in place (createcluster.conf above) instead of asking on a terminal-less ssh.
            s += QStringLiteral("export DEBIAN_FRONTEND=noninteractive\n"
                                "APT_OPTS=(-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)\n"
                                "apt-get update\n");
        }
        s += repositorySetup(topology, host);
        s += QLatin1Char('\n');
        s += QStringLiteral("step \"Packages\"\n");
        if (rhel) {
            s += QStringLiteral("dnf install -y ") + pkgs.join(QLatin1Char(' ')) + QStringLiteral("\n\n");
        } else {
            s += QStringLiteral("apt-get update\n"
                                "apt-get install -y \"${APT_OPTS[@]}\" ")
                + pkgs.join(QLatin1Char(' ')) + QStringLiteral("\n\n");
        }
    }

    if (host.has(Role::Postgres) && c.patroni.install == PatroniInstall::Pip) {
        s += QStringLiteral("step \"Patroni %1 from pip (%2)\"\n").arg(c.patroni.version, Platform::patroniVenvDir());
        s += QStringLiteral("if %1; then\n    echo \"Patroni %2 already in %3\"\nelse\n")
                 .arg(PatroniPip::probeScript(topology, host), c.patroni.version, Platform::patroniVenvDir());
        s += PatroniPip::installScript(topology, host);
        s += QStringLiteral("fi\n\n");
    }

    if (host.has(Role::Backup) && !host.has(Role::Postgres)) {
        // pgBackRest runs as postgres on the repository host too (its TLS key and the repository are its own).
        s += QStringLiteral("step \"The postgres user (pgBackRest)\"\n"
                            "id postgres >/dev/null 2>&1 || useradd --system --user-group --home-dir %1 "
                            "--shell /bin/bash postgres\n\n")
                 .arg(shq(c.backup.path));
    }

    s += QStringLiteral("step \"Configuration files\"\n");
    for (const GeneratedFile &f : hostFiles) {
        if (f.path == path() || f.path == HostsFile::path())
            continue;
        s += QStringLiteral("place %1 %2 %3\n")
                 .arg(shq(f.path), QStringLiteral("0") + QString::number(f.mode, 8), ownerOf(f, topology, host));
    }
    s += QLatin1Char('\n');

    s += QStringLiteral("step \"Directories and permissions\"\n");
    if (host.has(Role::Postgres)) {
        // /etc/patroni readable by postgres only; the data directory 0700 as PostgreSQL demands.
        s += QStringLiteral("install -d -m 0750 -o root -g postgres /etc/patroni\n");
        s += GenUtil::dataDirScript(GenUtil::postgresDataDir(topology, host));
    }
    if (host.has(Role::Etcd))
        s += QStringLiteral("install -d -m 0700 -o etcd -g etcd %1\n").arg(Platform::etcdDataDir());
    if (BackupLayout::hasConfig(topology, host)) {
        s += QStringLiteral("install -d -m 0750 -o postgres -g postgres %1\n").arg(shq(BackupLayout::logPath()));
        if (BackupLayout::local(topology) || host.name == (BackupLayout::repositoryHost(topology) ? BackupLayout::repositoryHost(topology)->name : QString()))
            s += QStringLiteral("install -d -m 0750 -o postgres -g postgres %1\n").arg(shq(c.backup.path));
    }
    s += QLatin1Char('\n');

    if (KeepalivedConfig::applies(topology, host)) {
        s += QStringLiteral("step \"Floating address %1 (keepalived)\"\n").arg(dq(c.vip.address));
        s += QStringLiteral("sysctl -q -p %1\n").arg(shq(KeepalivedConfig::sysctlPath()));
        if (c.vip.interface.isEmpty())
            s += KeepalivedConfig::interfaceScript(host);
        s += QLatin1Char('\n');
    }

    const QList<Firewall::PortRule> fw = Firewall::rules(topology, host);
    s += QStringLiteral("step \"Firewall\"\n");
    if (fw.isEmpty()) {
        s += QStringLiteral("# no service listens here\n");
    } else if (rhel) {
        // Per port a rich rule for the ipset of its hosts and one per admitted subnet (Firewall::rules); nobody
        // else reaches the port.
        s += QStringLiteral("if systemctl is-active --quiet firewalld; then\n");
        s += Firewall::firewalldCommands(topology, host, QStringLiteral("    "));
        s += QStringLiteral("    firewall-cmd --reload\nfi\n");
    } else {
        // Our own nftables table (its ports admitted per source, the rest of them dropped), loaded now and at boot.
        s += QStringLiteral("if command -v nft >/dev/null; then\n"
                            "    nft -f %1\n"
                            "    if [[ -f /etc/nftables.conf ]] && ! grep -qF 'include \"%1\"' /etc/nftables.conf; then\n"
                            "        echo 'include \"%1\"' >>/etc/nftables.conf\n"
                            "    fi\n"
                            "fi\n")
                 .arg(Firewall::nftPath());
        // ufw drops what it does not allow, whatever our table accepts.
        s += QStringLiteral("if command -v ufw >/dev/null && ufw status | grep -q '^Status: active'; then\n");
        // One rule per source naming every port it may reach (not one per source and port).
        QStringList sources;
        QHash<QString, QStringList> portsOf;
        for (const Firewall::PortRule &r : fw) {
            for (const QString &src : r.sources) {
                if (!portsOf.contains(src))
                    sources << src;
                QStringList &ports = portsOf[src];
                if (!ports.contains(QString::number(r.port)))
                    ports << QString::number(r.port);
            }
        }
        // Sources with the same ports share one loop, so that the host networks are listed once.
        QStringList portLists;
        QHash<QString, QStringList> sourcesOf;
        for (const QString &src : sources) {
            const QString ports = portsOf.value(src).join(QLatin1Char(','));
            if (!sourcesOf.contains(ports))
                portLists << ports;
            sourcesOf[ports] << src;
        }
        for (const QString &ports : portLists) {
            const QStringList from = sourcesOf.value(ports);
            if (from.size() == 1)
                s += QStringLiteral("    ufw allow from %1 to any port %2 proto tcp\n").arg(from.first(), ports);
            else
                s += QStringLiteral("    for src in %1; do\n        ufw allow from \"$src\" to any port %2 proto tcp\n    done\n")
                         .arg(from.join(QLatin1Char(' ')), ports);
        }
        for (const QString &src : Firewall::vrrpSources(topology, host))
            s += QStringLiteral("    echo \"ufw: admit VRRP from %1 in /etc/ufw/before.rules (-A ufw-before-input -p vrrp -s %1 -j ACCEPT)\"\n").arg(src);
        s += QStringLiteral("    :\nfi\n");
    }
    s += QLatin1Char('\n');

    if (rhel && host.has(Role::HAProxy)) {
        // HAProxy listens on and connects to ports SELinux does not label as its own.
        s += QStringLiteral("step \"SELinux\"\n"
                            "if command -v selinuxenabled >/dev/null && selinuxenabled; then\n"
                            "    setsebool -P haproxy_connect_any on\n"
                            "fi\n\n");
    }

    QStringList services;
    if (host.has(Role::Etcd))
        services << QStringLiteral("etcd");
    if (host.has(Role::Postgres))
        services << QStringLiteral("patroni");
    if (host.has(Role::HAProxy))
        services << QStringLiteral("haproxy");
    if (PgBouncerConfig::runsOn(topology, host))
        services << QStringLiteral("pgbouncer");
    if (KeepalivedConfig::applies(topology, host))
        services << QStringLiteral("keepalived");  // after HAProxy: its track script checks HAProxy
    if (BackupLayout::runsServer(topology, host))
        services << QStringLiteral("pgbackrest");
    if (BackupLayout::runsSchedule(topology, host)) {
        services << QStringLiteral("pgha-backup-full.timer");
        if (!c.backup.diff.isEmpty())
            services << QStringLiteral("pgha-backup-diff.timer");
    }
    if (services.isEmpty()) {
        s += QStringLiteral("step \"Services\"\n"
                            "if [[ \"$START\" -eq 1 ]]; then\n"
                            "    echo \"no service runs on %1\"\n"
                            "fi\n"
                            "step \"Done on %1\"\n")
                 .arg(dq(host.name));
        return s.toUtf8();
    }
    s += QStringLiteral("step \"Services (%1)\"\n").arg(services.join(QStringLiteral(", ")));
    s += QStringLiteral("systemctl daemon-reload\n");
    for (const QString &svc : services)
        s += QStringLiteral("systemctl enable %1\n").arg(svc);
    s += QStringLiteral("if [[ \"$START\" -eq 1 ]]; then\n");
    for (const QString &svc : services) {
        // etcd only reports ready once a quorum of members runs: do not wait for the other hosts here.
        if (svc == QLatin1String("etcd"))
            s += QStringLiteral("    systemctl restart --no-block etcd\n");
        else
            s += QStringLiteral("    systemctl restart %1\n").arg(svc);
    }
    s += QStringLiteral("else\n");
    // Debian's packages start their services with the stock configuration on install.
    for (const QString &svc : services)
        s += QStringLiteral("    systemctl stop %1 || true\n").arg(svc);
    s += QStringLiteral("fi\n");
    s += QStringLiteral("step \"Done on %1\"\n").arg(dq(host.name));
    return s.toUtf8();
}

GeneratedFile file(const Topology &topology, const Host &host, const QList<GeneratedFile> &hostFiles)
{
    return GenUtil::makeFile(host.name, path(), script(topology, host, hostFiles), 0755, FileSyntax::Shell);
}

} // namespace pgha::InstallScript
