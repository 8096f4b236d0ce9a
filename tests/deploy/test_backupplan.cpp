// pgBackRest in the deploy plan and the backup verb (issue 10): the order stanza-create -> check -> the optional
// first full backup (cluster.backup.initial_full), its probe (done once), the local-repository variant, and
// `pgha backup`'s plan. Pure: plans are values; the lab proves them (tests/e2e/test_e2e_backup).
#include "core/generate/GeneratedFile.h"
#include "core/model/Secrets.h"
#include "core/project/ProjectFile.h"
#include "deploy/BackupPlan.h"
#include "deploy/DeployPlan.h"

#include <QTest>

using namespace pgha;

namespace {

// The lab design with the HAProxy host as the repository (as tests/e2e/test_e2e_backup builds it).
Topology backupTopology(bool initialFull, bool local = false)
{
    auto r = ProjectFile::load(QStringLiteral(PGHA_SOURCE_DIR "/tests/e2e/lab.pgha.yaml"));
    if (!r.ok())
        return {};
    Topology t = r->topology;
    t.cluster.backup.enabled = true;
    t.cluster.backup.initialFull = initialFull;
    if (local)
        t.cluster.backup.repository = QStringLiteral("local");
    else
        for (Host &h : t.hosts)
            if (h.has(Role::HAProxy))
                h.roles |= Role::Backup;
    return t;
}

Bundle bundle(const Topology &t)
{
    Bundle b;
    for (const Host &h : t.hosts) {
        GeneratedFile f;
        f.host = h.name;
        f.path = QStringLiteral("/etc/pgbackrest/pgbackrest.conf");
        f.content = "[global]\n";
        b.files << f;
    }
    return b;
}

Secrets secrets()
{
    Secrets s;
    s.superuserPassword = QStringLiteral("SUPERSECRET");
    return s;
}

int indexOf(const DeployPlan &p, const QString &id)
{
    for (int i = 0; i < p.steps.size(); ++i)
        if (p.steps.at(i).id == id)
            return i;
    return -1;
}

QStringList idsStartingWith(const DeployPlan &p, const QString &prefix)
{
    QStringList out;
    for (const DeployStep &s : p.steps)
        if (s.id.startsWith(prefix))
            out << s.id;
    return out;
}

} // namespace

class TestBackupPlan : public QObject
{
    Q_OBJECT
private slots:
    void noInitialFullByDefault()
    {
        const Topology t = backupTopology(false);
        QCOMPARE(t.hosts.size(), 4);
        const DeployPlan p = buildPlan(t, bundle(t), secrets(), {});
        QVERIFY(p.step(QStringLiteral("pgbackrest-check")));
        QVERIFY(idsStartingWith(p, QStringLiteral("backup-initial-full")).isEmpty());
    }

    void initialFullAfterCheck()
    {
        const Topology t = backupTopology(true);
        const DeployPlan p = buildPlan(t, bundle(t), secrets(), {});
        QCOMPARE(idsStartingWith(p, QStringLiteral("backup-initial-full")), QStringList{QStringLiteral("backup-initial-full:haproxy")});
        const DeployStep *s = p.step(QStringLiteral("backup-initial-full:haproxy"));
        QVERIFY(s);
        QCOMPARE(s->host, QStringLiteral("haproxy"));
        QCOMPARE(s->deps, QStringList{QStringLiteral("pgbackrest-check")});
        // The order: the leader, the stanza, check, then the backup; the deploy's last step.
        QVERIFY(indexOf(p, QStringLiteral("patroni-leader")) < indexOf(p, QStringLiteral("pgbackrest-stanza")));
        QVERIFY(indexOf(p, QStringLiteral("pgbackrest-stanza")) < indexOf(p, QStringLiteral("pgbackrest-check")));
        QVERIFY(indexOf(p, QStringLiteral("pgbackrest-check")) < indexOf(p, s->id));
        QCOMPARE(p.steps.last().id, s->id);
        // As postgres, with the design's configuration and stanza; a full, never a diff.
        QCOMPARE(s->ops.size(), 1);
        const QString script = s->ops.first().script;
        QVERIFY2(script.contains(QLatin1String("setpriv --reuid=postgres --regid=postgres --init-groups --reset-env "
                                               "\"$(command -v pgbackrest)\" '--config=/etc/pgbackrest/pgbackrest.conf' "
                                               "'--stanza=lab' --type=full backup")),
                 qPrintable(script));
        QVERIFY(!script.contains(QLatin1String("pg_is_in_recovery")));  // a repository host has no PostgreSQL
        // Done once: the probe looks for a full backup in the repository.
        QVERIFY2(s->probe.contains(QLatin1String("info --output=json")), qPrintable(s->probe));
        QVERIFY2(s->probe.contains(QLatin1String("\"full\"")), qPrintable(s->probe));
        // In the dry run like every step.
        QVERIFY(p.dryRunText().contains(QLatin1String("backup-initial-full:haproxy")));
    }

    void initialFullLocalRepository()
    {
        const Topology t = backupTopology(true, true);
        const DeployPlan p = buildPlan(t, bundle(t), secrets(), {});
        QCOMPARE(idsStartingWith(p, QStringLiteral("backup-initial-full")),
                 (QStringList{QStringLiteral("backup-initial-full:node1"), QStringLiteral("backup-initial-full:node2"),
                              QStringLiteral("backup-initial-full:node3")}));
        for (const QString &id : idsStartingWith(p, QStringLiteral("backup-initial-full"))) {
            const DeployStep *s = p.step(id);
            // Only the primary backs up into its own repository; a replica's probe says "nothing to do".
            QVERIFY2(s->ops.first().script.contains(QLatin1String("pg_is_in_recovery")), qPrintable(s->ops.first().script));
            QVERIFY2(s->probe.startsWith(QLatin1String("cd /; r=$(")), qPrintable(s->probe));
        }
    }

    void initialFullNeedsBackups()
    {
        auto r = ProjectFile::load(QStringLiteral(PGHA_SOURCE_DIR "/tests/e2e/lab.pgha.yaml"));
        QVERIFY(r.ok());
        Topology t = r->topology;
        t.cluster.backup.initialFull = true;  // without a repository the key alone adds nothing
        QVERIFY(idsStartingWith(buildPlan(t, bundle(t), secrets(), {}), QStringLiteral("backup")).isEmpty());
    }

    void backupVerbPlan()
    {
        const Topology t = backupTopology(false);
        const DeployPlan p = backupPlan(t, QStringLiteral("diff"), {});
        QCOMPARE(p.steps.size(), 1);
        QCOMPARE(p.steps.first().id, QStringLiteral("backup-diff:haproxy"));
        QVERIFY(p.steps.first().ops.first().script.contains(QLatin1String("--type=diff backup")));
        QCOMPARE(p.steps.first().ops.first().timeoutSec, 6 * 3600);
    }
};

QTEST_GUILESS_MAIN(TestBackupPlan)
#include "test_backupplan.moc"
