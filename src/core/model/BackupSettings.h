#pragma once

#include <QString>

namespace pgha {

// Backups with pgBackRest (issue 10; docs/backups.md). Optional: a design without the cluster.backup block and
// without a host of role backup has no backups (the warning no-backups). The values reach pgbackrest.conf,
// Patroni's archive_command and the systemd timers: each has a strict grammar (BackupRules) and each generator
// escapes it regardless.
struct BackupSettings
{
    // The project file holds cluster.backup (or a host has the role backup, which turns backups on with the
    // defaults below).
    bool enabled = false;
    // The name of the host with role backup that holds the repository, or "local" (a posix repository on each
    // database host: a backup on the machine it protects, the warning backup-repo-local). Empty = the one host
    // of role backup.
    QString repository;
    QString transport = QStringLiteral("tls");   // tls (pgBackRest's TLS server) | ssh
    QString path = QStringLiteral("/var/lib/pgbackrest");  // repo1-path on the repository
    int retentionFull = 2;                       // repo1-retention-full: full backups kept
    QString full = QStringLiteral("Sun *-*-* 01:00:00");      // systemd OnCalendar of the full backup
    QString diff = QStringLiteral("Mon..Sat *-*-* 01:00:00"); // and of the differential one; empty = none
    int archiveTimeout = 60;                     // seconds: PostgreSQL's archive_timeout (the idle loss window)
    int tlsPort = 8432;                          // pgBackRest's TLS server on every host that runs one
    bool initialFull = false;                    // a first full backup as the deploy's last step (backup-initial-full)

    bool operator==(const BackupSettings &o) const
    {
        return enabled == o.enabled && repository == o.repository && transport == o.transport && path == o.path
            && retentionFull == o.retentionFull && full == o.full && diff == o.diff
            && archiveTimeout == o.archiveTimeout && tlsPort == o.tlsPort && initialFull == o.initialFull;
    }
    bool operator!=(const BackupSettings &o) const { return !(*this == o); }
};

} // namespace pgha
