#include "core/model/Platform.h"
#include "core/validation/PgParameters.h"
#include "core/validation/RuleContext.h"
#include "core/validation/rules/Rules.h"

#include <QCoreApplication>
#include <QDir>
#include <QMap>

namespace pgha::rules {

namespace {

QString versionList(const QList<int> &versions)
{
    QStringList s;
    for (int v : versions)
        s << QString::number(v);
    return s.join(QStringLiteral(", "));
}

QString paramSubject(const QString &name)
{
    return QStringLiteral("cluster.postgres.parameters.") + name;
}

// Patroni's minimums for the parameters it passes on the command line; below them it ignores the value
// and uses its default (patroni/postgresql/config.py, CMDLINE_OPTIONS).
struct PatroniMinimum
{
    const char *name;
    int minimum;
    int patroniDefault;
};
const PatroniMinimum kMinimums[] = {
    {"max_connections", 25, 100},       {"max_wal_senders", 3, 10},          {"max_replication_slots", 4, 10},
    {"max_worker_processes", 2, 8},     {"max_locks_per_transaction", 32, 64},
};

// The value Patroni actually uses for one of the kMinimums parameters.
qint64 effectiveCount(const RuleContext &c, const char *name, qint64 patroniDefault, qint64 minimum)
{
    const qint64 v = c.intParameter(QString::fromLatin1(name), patroniDefault);
    return v < minimum ? patroniDefault : v;
}

} // namespace

void pgVersionUnsupported(const RuleContext &c, Findings &out)
{
    const PostgresSettings &pg = c.topology.cluster.postgres;
    if (!Platform::knownDistributions().contains(pg.distribution)) {
        addFinding(out, "pg-version-unsupported", Severity::Error, QStringLiteral("cluster.postgres.distribution"),
                   QCoreApplication::translate("pgha::Rules", "Distribution \"%1\" is not one we can install.").arg(pg.distribution),
                   QCoreApplication::translate("pgha::Rules", "Choose percona, pgdg or os."));
        return;
    }
    // One finding per OS, naming its hosts: the answer depends on the OS, not the host.
    QMap<QString, QStringList> hostsByOs;
    for (int i : c.postgresHosts)
        hostsByOs[c.topology.hosts.at(i).os] << c.topology.hosts.at(i).name;
    for (auto it = hostsByOs.cbegin(); it != hostsByOs.cend(); ++it) {
        const QList<int> versions = Platform::postgresVersions(it.key(), pg.distribution);
        if (versions.contains(pg.version))
            continue;
        const QString where = it.value().join(QStringLiteral(", "));
        if (versions.isEmpty()) {
            addFinding(out, "pg-version-unsupported", Severity::Error, QStringLiteral("cluster.postgres.version"),
                       QCoreApplication::translate("pgha::Rules", "%1 ships no PostgreSQL for \"%2\" (%3).")
                           .arg(Platform::distributionDisplayName(pg.distribution), it.key(), where),
                       QCoreApplication::translate("pgha::Rules", "Choose a known OS for those hosts, or another distribution."));
        } else {
            addFinding(out, "pg-version-unsupported", Severity::Error, QStringLiteral("cluster.postgres.version"),
                       QCoreApplication::translate("pgha::Rules", "%1 ships PostgreSQL %2 for %3, not %4 (hosts %5).")
                           .arg(Platform::distributionDisplayName(pg.distribution), versionList(versions),
                                Platform::osDisplayName(it.key()))
                           .arg(pg.version)
                           .arg(where),
                       QCoreApplication::translate("pgha::Rules", "Choose PostgreSQL %1 (the newest it ships), or another distribution.")
                           .arg(versions.last()));
        }
    }
}

void pgParamUnsupported(const RuleContext &c, Findings &out)
{
    const PostgresSettings &pg = c.topology.cluster.postgres;
    const int v = pg.version < 10 ? 9 : pg.version;
    for (auto it = pg.parameters.cbegin(); it != pg.parameters.cend(); ++it) {
        const QString &name = it.key();
        if (name.compare(QLatin1String("default_with_oids"), Qt::CaseInsensitive) == 0) {
            const QString val = it.value().trimmed().toLower();
            const bool on = val == QLatin1String("on") || val == QLatin1String("true") || val == QLatin1String("1")
                || val == QLatin1String("yes");
            if (v >= 12 && on) {
                addFinding(out, "pg-param-unsupported", Severity::Error, paramSubject(name),
                           QCoreApplication::translate("pgha::Rules", "PostgreSQL 12 and later refuse default_with_oids = on (tables WITH OIDS "
                                          "are gone)."),
                           QCoreApplication::translate("pgha::Rules", "Remove default_with_oids."), "remove-pg-param");
            }
            continue;
        }
        const PgParameterFact *f = PgParameters::find(name);
        if (!f)
            continue;
        const bool removed = f->removedIn && v >= f->removedIn;
        const bool notYet = f->addedIn && v < f->addedIn;
        if (!removed && !notYet)
            continue;
        // Patroni rewrites wal_keep_segments <-> wal_keep_size for the running version, so the server starts;
        // the design still says something the version does not have.
        const Severity sev = f->patroniTranslates ? Severity::Warning : Severity::Error;
        QString message, fix;
        const char *quick = "remove-pg-param";
        if (removed) {
            const QString since = f->removedIn == 9 ? QStringLiteral("9.x") : QString::number(f->removedIn);
            message = f->replacement
                ? QCoreApplication::translate("pgha::Rules", "PostgreSQL %1 rejects %2 (replaced by %3 in %4).")
                      .arg(pg.version)
                      .arg(name, QString::fromLatin1(f->replacement), since)
                : QCoreApplication::translate("pgha::Rules", "PostgreSQL %1 rejects %2 (removed in %3).").arg(pg.version).arg(name, since);
            if (name.compare(QLatin1String("wal_keep_segments"), Qt::CaseInsensitive) == 0) {
                fix = QCoreApplication::translate("pgha::Rules", "Use wal_keep_size = segments x 16MB instead.");
                quick = "replace-wal-keep-segments";
            } else if (f->replacement) {
                const PgParameterFact *r = PgParameters::find(QString::fromLatin1(f->replacement));
                const bool replacementOk = !r || ((!r->addedIn || v >= r->addedIn) && (!r->removedIn || v < r->removedIn));
                fix = QCoreApplication::translate("pgha::Rules", "Use %1 instead (check the unit: the meaning may differ).")
                          .arg(QString::fromLatin1(f->replacement));
                if (replacementOk && name.compare(QLatin1String("force_parallel_mode"), Qt::CaseInsensitive) == 0)
                    quick = "rename-pg-param";  // same values, only the name changed
                else if (!replacementOk)
                    fix = QCoreApplication::translate("pgha::Rules", "Remove %1.").arg(name);
                else
                    quick = nullptr;
            } else {
                fix = QCoreApplication::translate("pgha::Rules", "Remove %1.").arg(name);
            }
        } else {
            message = QCoreApplication::translate("pgha::Rules", "PostgreSQL %1 does not know %2 (added in %3).")
                          .arg(pg.version)
                          .arg(name)
                          .arg(f->addedIn);
            fix = QCoreApplication::translate("pgha::Rules", "Remove %1, or choose PostgreSQL %2 or later.").arg(name).arg(f->addedIn);
        }
        if (f->patroniTranslates) {
            message.chop(1);
            message += QCoreApplication::translate("pgha::Rules", ", though Patroni converts it when it starts the server.");
        }
        addFinding(out, "pg-param-unsupported", sev, paramSubject(name), message, fix, quick);
    }
}

void pgParamManaged(const RuleContext &c, Findings &out)
{
    const PostgresSettings &pg = c.topology.cluster.postgres;
    for (auto it = pg.parameters.cbegin(); it != pg.parameters.cend(); ++it) {
        const QString reason = PgParameters::managedByPatroni(it.key());
        if (!reason.isEmpty()) {
            addFinding(out, "pg-param-managed", Severity::Info, paramSubject(it.key()),
                       QCoreApplication::translate("pgha::Rules", "%1 here has no effect: %2.").arg(it.key(), reason),
                       QCoreApplication::translate("pgha::Rules", "Remove it from the parameters."), "remove-pg-param");
        }
    }
    for (const PatroniMinimum &m : kMinimums) {
        const QString name = QString::fromLatin1(m.name);
        const auto raw = c.parameter(name);
        if (!raw)
            continue;
        bool ok = false;
        const qint64 v = raw->trimmed().toLongLong(&ok);
        if (ok && v >= m.minimum)
            continue;
        addFinding(out, "pg-param-managed", Severity::Warning, paramSubject(name),
                   QCoreApplication::translate("pgha::Rules", "Patroni ignores %1 = %2 (below its minimum of %3) and runs with %4.")
                       .arg(name, *raw)
                       .arg(m.minimum)
                       .arg(m.patroniDefault),
                   QCoreApplication::translate("pgha::Rules", "Set %1 to %2 or more.").arg(name).arg(m.minimum));
    }
    if (const auto wl = c.parameter(QStringLiteral("wal_level"))) {
        const QString v = wl->trimmed().toLower();
        if (v != QLatin1String("replica") && v != QLatin1String("hot_standby") && v != QLatin1String("logical")) {
            addFinding(out, "pg-param-managed", Severity::Warning, paramSubject(QStringLiteral("wal_level")),
                       QCoreApplication::translate("pgha::Rules", "wal_level = %1 cannot feed replicas; Patroni ignores it and uses replica.")
                           .arg(*wl),
                       QCoreApplication::translate("pgha::Rules", "Set wal_level to replica (or logical), or remove it."));
        }
    }
}

void maxWalSenders(const RuleContext &c, Findings &out)
{
    const qint64 replicas = qint64(c.postgresHosts.size()) - 1;
    if (replicas < 1)
        return;
    const qint64 senders = effectiveCount(c, "max_wal_senders", 10, 3);
    // Each streaming replica holds one WAL sender; re-cloning a replica with pg_basebackup -X stream takes two more.
    if (senders < replicas) {
        addFinding(out, "max-wal-senders", Severity::Error, paramSubject(QStringLiteral("max_wal_senders")),
                   QCoreApplication::translate("pgha::Rules", "max_wal_senders %1 is fewer than the %2 replicas that stream at once.")
                       .arg(senders)
                       .arg(replicas),
                   QCoreApplication::translate("pgha::Rules", "Set max_wal_senders to at least %1.").arg(replicas + 2));
    } else if (senders < replicas + 2) {
        addFinding(out, "max-wal-senders", Severity::Warning, paramSubject(QStringLiteral("max_wal_senders")),
                   QCoreApplication::translate("pgha::Rules", "max_wal_senders %1 leaves no room for the two senders pg_basebackup needs to "
                                  "rebuild a replica while %2 replicas stream.")
                       .arg(senders)
                       .arg(replicas),
                   QCoreApplication::translate("pgha::Rules", "Set max_wal_senders to at least %1.").arg(replicas + 2));
    }
}

void maxReplicationSlots(const RuleContext &c, Findings &out)
{
    if (!c.topology.cluster.postgres.useSlots)
        return;
    const qint64 needed = qint64(c.postgresHosts.size()) - 1;
    if (needed < 1)
        return;
    const qint64 slotCount = effectiveCount(c, "max_replication_slots", 10, 4);
    if (slotCount < needed) {
        addFinding(out, "max-replication-slots", Severity::Error,
                   paramSubject(QStringLiteral("max_replication_slots")),
                   QCoreApplication::translate("pgha::Rules", "max_replication_slots %1 is fewer than the %2 slots use_slots needs (one per "
                                  "other member).").arg(slotCount).arg(needed),
                   QCoreApplication::translate("pgha::Rules", "Set max_replication_slots to at least %1.").arg(needed + 2));
    }
}

void dataDirUnsafe(const RuleContext &c, Findings &out)
{
    const QString dir = QDir::cleanPath(c.topology.cluster.postgres.dataDir.trimmed());
    if (c.topology.cluster.postgres.dataDir.trimmed().isEmpty() || c.postgresHosts.isEmpty())
        return;  // the platform default
    const QString subject = QStringLiteral("cluster.postgres.data_dir");
    const QString fix = QCoreApplication::translate("pgha::Rules", "Leave data_dir empty for the platform default (e.g. /var/lib/pgsql/16/data) or "
                                       "use an absolute path on a persistent disk.");
    const auto add = [&](const QString &message) {
        addFinding(out, "data-dir-unsafe", Severity::Error, subject, message, fix);
        out.last().field = subject;
    };
    if (!dir.startsWith(QLatin1Char('/'))) {
        add(QCoreApplication::translate("pgha::Rules", "data_dir \"%1\" is not an absolute path.").arg(dir));
        return;
    }
    // Emptied at boot (tmpfs or tmp cleaners): the replica would rebuild, a lone primary would lose everything.
    static const char *const kVolatile[] = {"/tmp", "/var/tmp", "/dev/shm", "/run", "/var/run", "/var/lock"};
    for (const char *v : kVolatile) {
        const QString base = QString::fromLatin1(v);
        if (dir == base || dir.startsWith(base + QLatin1Char('/'))) {
            add(QCoreApplication::translate("pgha::Rules", "data_dir %1 is under %2, which is emptied on reboot.").arg(dir, base));
            return;
        }
    }
    // Trees that belong to the OS or the kernel: nothing of a database belongs below them.
    static const char *const kSystemTrees[] = {"/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/boot",
                                               "/proc", "/sys", "/dev", "/usr/bin", "/usr/sbin", "/usr/lib",
                                               "/usr/lib64", "/usr/libexec", "/usr/include", "/usr/share"};
    for (const char *v : kSystemTrees) {
        const QString base = QString::fromLatin1(v);
        if (dir == base || dir.startsWith(base + QLatin1Char('/'))) {
            add(QCoreApplication::translate("pgha::Rules", "data_dir %1 is inside %2, which belongs to the operating system.").arg(dir, base));
            return;
        }
    }
    // Directories of their own that other things share: the deploy would make them the data directory.
    static const char *const kSystem[] = {"/", "/usr", "/usr/local", "/var", "/var/lib", "/var/log", "/var/cache",
                                          "/var/spool", "/var/mail", "/var/opt", "/var/backups", "/home", "/root",
                                          "/opt", "/srv", "/mnt", "/media", "/snap", "/var/lib/pgsql",
                                          "/var/lib/postgresql", "/var/lib/etcd"};
    for (const char *v : kSystem) {
        if (dir == QLatin1String(v)) {
            add(QCoreApplication::translate("pgha::Rules", "data_dir %1 is a system directory; initdb needs an empty directory of its own.")
                    .arg(dir));
            return;
        }
    }
}

} // namespace pgha::rules
