#include "core/generate/PgBackRestConfig.h"

#include "core/generate/GenUtil.h"
#include "core/model/BackupLayout.h"
#include "core/util/OnCalendar.h"
#include "core/pki/ClusterTls.h"

namespace pgha::PgBackRestConfig {

namespace {

QString kv(const QString &key, const QString &value)
{
    return key + QLatin1Char('=') + iniValue(value) + QLatin1Char('\n');
}

QString socketPath()
{
    return QStringLiteral("/run/postgresql");
}

// systemd unit text: one line, '%' doubled (systemd reads %x as a specifier).
QString unitText(const QString &s)
{
    return GenUtil::commentText(s).replace(QLatin1Char('%'), QStringLiteral("%%"));
}

QString tlsServerLines(const Topology &t, const Host &h)
{
    QString s;
    s += kv(QStringLiteral("tls-server-address"), h.address);
    s += kv(QStringLiteral("tls-server-port"), QString::number(t.cluster.backup.tlsPort));
    s += kv(QStringLiteral("tls-server-cert-file"), ClusterTls::certPath());
    s += kv(QStringLiteral("tls-server-key-file"), ClusterTls::postgresKeyPath());
    s += kv(QStringLiteral("tls-server-ca-file"), ClusterTls::caPath());
    return s;
}

QString pgLines(const Topology &t, const Host &h, const QString &prefix)
{
    QString s;
    s += kv(prefix + QStringLiteral("-path"), GenUtil::postgresDataDir(t, h));
    s += kv(prefix + QStringLiteral("-port"), QString::number(t.cluster.postgres.port));
    s += kv(prefix + QStringLiteral("-socket-path"), socketPath());
    return s;
}

QString repoLines(const Topology &t)
{
    const BackupSettings &b = t.cluster.backup;
    QString s;
    s += kv(QStringLiteral("repo1-path"), b.path);
    s += kv(QStringLiteral("repo1-retention-full"), QString::number(b.retentionFull));
    s += kv(QStringLiteral("start-fast"), QStringLiteral("y"));
    return s;
}

QString backupUnit(const Topology &t, const Host &h, const QString &type)
{
    QString s = QString::fromUtf8(GenUtil::header(
        QStringLiteral("pgBackRest %1 backup of cluster %2 on %3").arg(type, t.cluster.name, h.name)));
    s += QStringLiteral("[Unit]\nDescription=pgBackRest %1 backup (cluster %2)\nAfter=network-online.target\n\n"
                        "[Service]\nType=oneshot\nUser=postgres\nGroup=postgres\n")
             .arg(type, unitText(t.cluster.name));
    if (BackupLayout::local(t))  // a local repository: only the primary backs up (psql fails on a replica)
        s += QStringLiteral("ExecCondition=/usr/bin/psql -XAtq -p %1 -d postgres -c \"select 1/(not pg_is_in_recovery())::int\"\n")
                 .arg(t.cluster.postgres.port);
    s += QStringLiteral("ExecStart=/usr/bin/%1 --type=%2 backup\n").arg(unitText(BackupLayout::command(t)), type);
    return s;
}

QString timerUnit(const Topology &t, const QString &type, const QString &onCalendar)
{
    QString s = QString::fromUtf8(GenUtil::header(
        QStringLiteral("When the pgBackRest %1 backup of cluster %2 runs").arg(type, t.cluster.name)));
    s += QStringLiteral("[Unit]\nDescription=pgBackRest %1 backup schedule (cluster %2)\n\n"
                        "[Timer]\nOnCalendar=%3\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n")
             .arg(type, unitText(t.cluster.name), unitText(onCalendar));
    return s;
}

QString crontab(const Topology &t)
{
    const BackupSettings &b = t.cluster.backup;
    QString s = QString::fromUtf8(GenUtil::header(
        QStringLiteral("The pgBackRest schedule of cluster %1 for crontab -u postgres (hosts without systemd)")
            .arg(t.cluster.name)));
    const QString guard = BackupLayout::local(t)
        ? QStringLiteral("psql -XAtq -p %1 -d postgres -c 'select 1/(not pg_is_in_recovery())::int' >/dev/null 2>&1 && ")
              .arg(t.cluster.postgres.port)
        : QString();
    const auto line = [&](const QString &type, const QString &when) {
        const std::optional<OnCalendar::Schedule> sc = OnCalendar::parse(when);
        if (!sc)
            return QStringLiteral("# %1: no schedule\n").arg(type);
        return QStringLiteral("%1 %2%3 --type=%4 backup\n")
            .arg(OnCalendar::cronFields(*sc), guard, GenUtil::commentText(BackupLayout::command(t)), type)
            .replace(QLatin1Char('%'), QStringLiteral("\\%"));
    };
    s += line(QStringLiteral("full"), b.full);
    if (!b.diff.isEmpty())
        s += line(QStringLiteral("diff"), b.diff);
    return s;
}

} // namespace

QString iniValue(const QString &value)
{
    QString out = value;
    for (QChar &c : out) {
        const ushort u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0x2028 || u == 0x2029)
            c = QLatin1Char('?');
    }
    return out;
}

QString serverUnitPath()
{
    return QStringLiteral("/etc/systemd/system/pgbackrest.service");
}

QString crontabPath()
{
    return QStringLiteral("/etc/pgha/pgbackrest.crontab");
}

QString timerPath(const QString &type)
{
    return QStringLiteral("/etc/systemd/system/pgha-backup-%1.timer").arg(type);
}

QString serviceUnitPath(const QString &type)
{
    return QStringLiteral("/etc/systemd/system/pgha-backup-%1.service").arg(type);
}

QByteArray config(const Topology &t, const Host &h)
{
    const BackupSettings &b = t.cluster.backup;
    const QString stanza = BackupLayout::stanza(t);
    const Host *repo = BackupLayout::repositoryHost(t);
    const bool tls = BackupLayout::tlsServer(t);
    const bool isRepo = repo && repo->name == h.name;
    QString s = QString::fromUtf8(GenUtil::header(
        QStringLiteral("pgBackRest on %1, cluster %2 (stanza %3)").arg(h.name, t.cluster.name, stanza)));
    s += QStringLiteral("[global]\n");
    s += kv(QStringLiteral("log-path"), BackupLayout::logPath());
    if (!repo || isRepo) {
        s += repoLines(t);
    } else {
        s += kv(QStringLiteral("repo1-host"), repo->address);
        s += kv(QStringLiteral("repo1-host-config"), BackupLayout::configPath());
        if (tls) {
            s += kv(QStringLiteral("repo1-host-type"), QStringLiteral("tls"));
            s += kv(QStringLiteral("repo1-host-port"), QString::number(b.tlsPort));
            s += kv(QStringLiteral("repo1-host-cert-file"), ClusterTls::certPath());
            s += kv(QStringLiteral("repo1-host-key-file"), ClusterTls::postgresKeyPath());
            s += kv(QStringLiteral("repo1-host-ca-file"), ClusterTls::caPath());
        } else {
            s += kv(QStringLiteral("repo1-host-user"), QStringLiteral("postgres"));
        }
    }
    if (tls) {
        s += tlsServerLines(t, h);
        // Who may connect: the repository host to a database host, every database host to the repository.
        if (isRepo) {
            for (const Host *pg : t.hostsWith(Role::Postgres)) {
                if (pg->name != h.name)
                    s += kv(QStringLiteral("tls-server-auth"), pg->name + QLatin1Char('=') + stanza);
            }
        } else {
            s += kv(QStringLiteral("tls-server-auth"), repo->name + QLatin1Char('=') + stanza);
        }
    }
    s += QLatin1Char('\n');
    s += QLatin1Char('[') + iniValue(stanza) + QStringLiteral("]\n");
    if (isRepo) {
        int i = 0;
        for (const Host *pg : t.hostsWith(Role::Postgres)) {
            const QString p = QStringLiteral("pg%1").arg(++i);
            if (pg->name != h.name) {
                s += kv(p + QStringLiteral("-host"), pg->address);
                s += kv(p + QStringLiteral("-host-config"), BackupLayout::configPath());
                if (tls) {
                    s += kv(p + QStringLiteral("-host-type"), QStringLiteral("tls"));
                    s += kv(p + QStringLiteral("-host-port"), QString::number(b.tlsPort));
                    s += kv(p + QStringLiteral("-host-cert-file"), ClusterTls::certPath());
                    s += kv(p + QStringLiteral("-host-key-file"), ClusterTls::postgresKeyPath());
                    s += kv(p + QStringLiteral("-host-ca-file"), ClusterTls::caPath());
                } else {
                    s += kv(p + QStringLiteral("-host-user"), QStringLiteral("postgres"));
                }
            }
            s += pgLines(t, *pg, p);
        }
    } else {
        s += pgLines(t, h, QStringLiteral("pg1"));
    }
    return s.toUtf8();
}

QList<GeneratedFile> files(const Topology &t, const Host &h)
{
    if (!BackupLayout::hasConfig(t, h))
        return {};
    QList<GeneratedFile> out;
    out << GenUtil::makeFile(h.name, BackupLayout::configPath(), config(t, h), 0644, FileSyntax::Ini);
    if (BackupLayout::runsServer(t, h)) {
        QString u = QString::fromUtf8(GenUtil::header(
            QStringLiteral("pgBackRest's TLS server on %1, cluster %2").arg(h.name, t.cluster.name)));
        u += QStringLiteral("[Unit]\nDescription=pgBackRest TLS server (cluster %1)\nAfter=network-online.target\n"
                            "Wants=network-online.target\n\n[Service]\nType=simple\nUser=postgres\nGroup=postgres\n"
                            "ExecStart=/usr/bin/pgbackrest --config=%2 server\nExecReload=/bin/kill -HUP $MAINPID\n"
                            "Restart=always\nRestartSec=1\n\n[Install]\nWantedBy=multi-user.target\n")
                 .arg(unitText(t.cluster.name), BackupLayout::configPath());
        out << GenUtil::makeFile(h.name, serverUnitPath(), u.toUtf8(), 0644, FileSyntax::Systemd);
    }
    if (BackupLayout::runsSchedule(t, h)) {
        const BackupSettings &b = t.cluster.backup;
        out << GenUtil::makeFile(h.name, serviceUnitPath(QStringLiteral("full")),
                                 backupUnit(t, h, QStringLiteral("full")).toUtf8(), 0644, FileSyntax::Systemd);
        out << GenUtil::makeFile(h.name, timerPath(QStringLiteral("full")),
                                 timerUnit(t, QStringLiteral("full"), b.full).toUtf8(), 0644, FileSyntax::Systemd);
        if (!b.diff.isEmpty()) {
            out << GenUtil::makeFile(h.name, serviceUnitPath(QStringLiteral("diff")),
                                     backupUnit(t, h, QStringLiteral("diff")).toUtf8(), 0644, FileSyntax::Systemd);
            out << GenUtil::makeFile(h.name, timerPath(QStringLiteral("diff")),
                                     timerUnit(t, QStringLiteral("diff"), b.diff).toUtf8(), 0644, FileSyntax::Systemd);
        }
        out << GenUtil::makeFile(h.name, crontabPath(), crontab(t).toUtf8(), 0644, FileSyntax::Text);
    }
    return out;
}

QMap<QString, QString> archiveParameters(const Topology &t)
{
    QMap<QString, QString> p;
    if (!BackupLayout::enabled(t))
        return p;
    p.insert(QStringLiteral("archive_mode"), QStringLiteral("on"));
    p.insert(QStringLiteral("archive_timeout"), QString::number(t.cluster.backup.archiveTimeout));
    p.insert(QStringLiteral("archive_command"), BackupLayout::command(t) + QStringLiteral(" archive-push %p"));
    return p;
}

QString restoreCommand(const Topology &t)
{
    return BackupLayout::command(t) + QStringLiteral(" archive-get %f \"%p\"");
}

QString patroniLines(const Topology &t)
{
    if (!BackupLayout::enabled(t))
        return {};
    // Tried in order: from the repository (fails harmlessly before the first backup), then from the leader.
    QString s;
    // A custom bootstrap (the point-in-time restore) trusts only local connections in its temporary pg_hba; over
    // TCP on loopback Patroni would hang at "waiting for end of recovery after bootstrap".
    s += QStringLiteral("  use_unix_socket: true\n");
    s += QStringLiteral("  create_replica_methods:\n  - pgbackrest\n  - basebackup\n");
    s += QStringLiteral("  pgbackrest:\n");
    s += QStringLiteral("    command: %1\n")
             .arg(GenUtil::yamlString(BackupLayout::command(t) + QStringLiteral(" --delta restore")));
    s += QStringLiteral("    keep_data: true\n");
    // Without no_params Patroni appends --scope=... and pgbackrest refuses the unknown option.
    s += QStringLiteral("    no_params: true\n");
    s += QStringLiteral("  recovery_conf:\n");
    s += QStringLiteral("    restore_command: %1\n").arg(GenUtil::yamlString(restoreCommand(t)));
    return s;
}

} // namespace pgha::PgBackRestConfig
