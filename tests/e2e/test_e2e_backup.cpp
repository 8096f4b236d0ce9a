// Backups and a whole-cluster point-in-time restore on the real lab (issue 10): the lab design with TLS and the
// HAProxy host as the pgBackRest repository (roles [haproxy, backup]) on its own prefix 127.0.32 (lab.sh,
// PGHA_LAB_PREFIX). Rows are written with their commit times; a full backup (`pgha backup`) while a writer inserts
// through port 5000 (every acknowledged row is there); `pgha backups` lists it; more rows; T noted; more rows;
// `pgha restore --to T`: exactly the rows committed before T exist, every member runs, writes go through port
// 5000, and the replicas were built from the repository (Patroni's create_replica_methods: pgbackrest).
// The deploy takes a first full backup (cluster.backup.initial_full); after the full backup `pgha status --format
// json` reports it in its repository view (label, a plausible age; read over SSH like `pgha backups`).
// FIGURE lines: backup and restore times (figures-e2e-backup.txt).
#include "LabCluster.h"
#include "LabFigure.h"
#include "LabFixture.h"

#include "core/model/Secrets.h"
#include "core/parse/PgBackRestInfoParser.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

void figure(const QString &line)
{
    labFigure(QStringLiteral(PGHA_BINARY_DIR "/figures-e2e-backup.txt"), line);
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

} // namespace

class TestE2eBackup : public QObject
{
    Q_OBJECT
private:
    LabFixture m_lab{QStringLiteral("127.0.32")};
    QTemporaryDir m_tmp{QStringLiteral("/var/tmp/pgha-e2e-backup-XXXXXX")};
    QString m_project;
    QString m_secrets;
    QString m_ca;
    QString m_password;
    QString m_target;  // T
    int m_rowsBeforeT = 0;

    static QString pgha() { return LabCluster::pgha(); }
    LabCluster::Run run(const QString &program, const QStringList &args, int timeoutMs = 600000) const
    {
        return LabCluster::runWith(m_lab.environment(), program, args, timeoutMs);
    }
    QStringList ssh() const
    {
        return {QStringLiteral("--known-hosts"), m_tmp.filePath(QStringLiteral("known_hosts")),
                QStringLiteral("--accept-new-host-keys")};
    }
    // psql through HAProxy's primary port with TLS verified; SQL from stdin, one transaction per statement.
    LabCluster::Run psql(const QString &sql, int connectTimeout = 3) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), m_password);
        LabCluster::Run r = LabCluster::runWith(
            env, QStringLiteral("psql"),
            {QStringLiteral("host=%1 port=5000 user=postgres dbname=postgres connect_timeout=%2 sslmode=verify-full "
                            "sslrootcert=%3")
                 .arg(m_lab.address(QStringLiteral("haproxy")))
                 .arg(connectTimeout)
                 .arg(m_ca),
             QStringLiteral("-XAtq"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-f"),
             QStringLiteral("-")},
            120000, sql.toUtf8());
        r.out = r.out.trimmed();
        return r;
    }
    static QString inserts(int from, int to)
    {
        QString sql;
        for (int i = from; i <= to; ++i)
            sql += QStringLiteral("insert into bk(id) values (%1);\n").arg(i);
        return sql;
    }
    // /cluster of any member (TLS verified); empty object when nobody answers.
    QJsonObject cluster() const
    {
        for (const QString &h : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}) {
            const LabCluster::Run r = run(QStringLiteral("curl"),
                                          {QStringLiteral("-s"), QStringLiteral("-m"), QStringLiteral("3"),
                                           QStringLiteral("--cacert"), m_ca,
                                           QStringLiteral("https://%1:8008/cluster").arg(m_lab.address(h))},
                                          10000);
            const QJsonDocument d = QJsonDocument::fromJson(r.out);
            if (d.isObject())
                return d.object();
        }
        return {};
    }
    // Every member running (leader) or streaming (replicas), exactly one leader.
    bool healthy(QString *why) const
    {
        const QJsonArray members = cluster().value(QStringLiteral("members")).toArray();
        int leaders = 0, ok = 0;
        QStringList states;
        for (const QJsonValue &m : members) {
            const QJsonObject o = m.toObject();
            const QString role = o.value(QStringLiteral("role")).toString();
            const QString state = o.value(QStringLiteral("state")).toString();
            states << o.value(QStringLiteral("name")).toString() + QLatin1Char('=') + role + QLatin1Char('/') + state;
            if (role == QLatin1String("leader") && state == QLatin1String("running"))
                ++leaders, ++ok;
            else if (role != QLatin1String("leader") && (state == QLatin1String("streaming") || state == QLatin1String("running")))
                ++ok;
        }
        *why = states.join(QStringLiteral(", "));
        return members.size() == 3 && leaders == 1 && ok == 3;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QFile in(QStringLiteral(PGHA_SOURCE_DIR "/tests/e2e/lab.pgha.yaml"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QString yaml = QString::fromUtf8(in.readAll());
        yaml.replace(QStringLiteral("/var/tmp/pgha-lab-127.0.0/"), m_lab.dir() + QLatin1Char('/'));
        yaml.replace(QStringLiteral("127.0.0."), m_lab.prefix() + QLatin1Char('.'));
        QVERIFY(yaml.contains(QStringLiteral("security: {tls: false}")));
        // The repository inside the host's own /var/lib/postgresql (the lab binds it per host).
        yaml.replace(QStringLiteral("security: {tls: false}"),
                     QStringLiteral("security: {tls: true}\n  backup: {path: /var/lib/postgresql/pgbackrest-repo, "
                                    "retention_full: 2, archive_timeout: 60, initial_full: true}"));
        QVERIFY(yaml.contains(QStringLiteral("roles: [haproxy]")));
        yaml.replace(QStringLiteral("roles: [haproxy]"), QStringLiteral("roles: [haproxy, backup]"));
        m_project = m_tmp.filePath(QStringLiteral("backup.pgha.yaml"));
        QVERIFY(writeFile(m_project, yaml.toUtf8()));
        m_secrets = m_tmp.filePath(QStringLiteral("secrets.yaml"));
        const LabCluster::Run s = run(pgha(), {QStringLiteral("secrets"), QStringLiteral("-o"), m_secrets, m_project});
        QVERIFY2(s.code == 0, s.out.constData());
        auto loaded = pgha::SecretStore::loadFile(m_secrets);
        QVERIFY(loaded.ok());
        QVERIFY(loaded->tls.hosts.contains(QStringLiteral("haproxy")));  // the repository's certificate
        m_password = loaded->superuserPassword;
        m_ca = m_tmp.filePath(QStringLiteral("ca.crt"));
        QVERIFY(writeFile(m_ca, loaded->tls.ca.certPem));
    }
    void cleanupTestCase() { m_lab.down(); }

    void deployWithRepository()
    {
        QString error;
        QVERIFY2(m_lab.up(&error), qPrintable(error));
        const LabCluster::Run d = run(pgha(), QStringList{QStringLiteral("deploy"), m_project, QStringLiteral("--yes"),
                                                          QStringLiteral("--secrets"), m_secrets, QStringLiteral("--journal"),
                                                          m_tmp.filePath(QStringLiteral("journal.json"))}
                                                  + ssh());
        qInfo().noquote() << QString::fromUtf8(d.out).right(2500);
        QCOMPARE(d.code, 0);
        QVERIFY(d.out.contains("pgbackrest-stanza: changed"));
        QVERIFY(d.out.contains("pgbackrest-check: unchanged - ready after"));  // a wait: it changes nothing
        QVERIFY(d.out.contains("backup-initial-full:haproxy: changed"));      // cluster.backup.initial_full
        figure(QStringLiteral("FIGURE: lab deploy with a pgBackRest repository (TLS, stanza-create, check and the first full backup of initial_full): %1 s")
                   .arg(d.seconds, 0, 'f', 1));
    }

    void fullBackupUnderAWriter()
    {
        QVERIFY(m_lab.isUp());
        const LabCluster::Run c = psql(QStringLiteral("create table bk(id int primary key, committed timestamptz not null "
                                                      "default clock_timestamp());\n") + inserts(1, 50));
        QVERIFY2(c.code == 0, c.out.constData());
        QProcess backup;
        backup.setProcessEnvironment(m_lab.environment());
        backup.setProcessChannelMode(QProcess::MergedChannels);
        backup.setStandardInputFile(QProcess::nullDevice());
        QElapsedTimer t;
        t.start();
        backup.start(pgha(), QStringList{QStringLiteral("backup"), m_project, QStringLiteral("--type"),
                                         QStringLiteral("full"), QStringLiteral("--yes"), QStringLiteral("--journal"),
                                         m_tmp.filePath(QStringLiteral("backup-journal.json"))}
                                 + ssh());
        QVERIFY(backup.waitForStarted(10000));
        // A writer through port 5000 while the backup runs: one row per connection, every acknowledged one counts.
        QList<int> acked;
        int next = 51;
        while (backup.state() != QProcess::NotRunning && t.elapsed() < 600000) {
            if (psql(QStringLiteral("insert into bk(id) values (%1);").arg(next), 2).code == 0)
                acked << next;
            ++next;
            backup.waitForFinished(50);
        }
        backup.waitForFinished(1000);
        const double seconds = t.elapsed() / 1000.0;
        const QByteArray log = backup.readAll();
        qInfo().noquote() << QString::fromUtf8(log).right(2500);
        QCOMPARE(backup.exitStatus(), QProcess::NormalExit);
        QVERIFY2(backup.exitCode() == 0, log.right(2000).constData());
        QVERIFY(!acked.isEmpty());
        const LabCluster::Run n = psql(QStringLiteral("select count(*) from bk where id >= 51;"));
        QCOMPARE(n.out, QByteArray::number(acked.size()));  // not one acknowledged row lost
        // Rows up to 200 in all before T.
        QVERIFY(psql(inserts(next, 200)).code == 0);
        const LabCluster::Run list = run(pgha(), QStringList{QStringLiteral("backups"), m_project} + ssh());
        qInfo().noquote() << QString::fromUtf8(list.out);
        QCOMPARE(list.code, 0);
        QVERIFY2(list.out.contains(" full "), list.out.constData());
        // pgBackRest's own JSON through the one parser: the stanza is ok and holds this full backup.
        const LabCluster::Run json = run(pgha(), QStringList{QStringLiteral("backups"), m_project, QStringLiteral("--format"),
                                                             QStringLiteral("json")} + ssh());
        QCOMPARE(json.code, 0);
        QFile keep(QStringLiteral(PGHA_BINARY_DIR "/pgbackrest-info-e2e.json"));  // a fixture for the parser's tests
        if (keep.open(QIODevice::WriteOnly | QIODevice::Truncate))
            keep.write(json.out);
        const auto info = pgha::PgBackRestInfoParser::parse(json.out);
        QVERIFY2(info.ok(), json.out.constData());
        QCOMPARE(info->size(), 1);
        QCOMPARE(info->first().name, QStringLiteral("lab"));
        QCOMPARE(info->first().statusCode, 0);
        const pgha::PgBackRestInfoParser::Backup *full = info->first().latest(QStringLiteral("full"));
        QVERIFY(full);
        QVERIFY(full->label.endsWith(QLatin1Char('F')));
        QVERIFY(full->repoSize > 0 && full->size >= full->repoSize);
        QVERIFY(full->stopEpoch >= full->startEpoch && full->startEpoch > 0);
        // The monitor's repository view: `pgha status` reads pgbackrest info over SSH (host keys the deploy recorded,
        // never accepted by status) and reports this backup as the last full, finished moments ago.
        QElapsedTimer st;
        st.start();
        const LabCluster::Run status = run(pgha(), {QStringLiteral("status"), m_project, QStringLiteral("--format"),
                                                    QStringLiteral("json"), QStringLiteral("--secrets"), m_secrets,
                                                    QStringLiteral("--known-hosts"),
                                                    m_tmp.filePath(QStringLiteral("known_hosts")), QStringLiteral("--no-vip")},
                                           120000);
        const double statusSeconds = st.elapsed() / 1000.0;
        const QJsonObject backups = QJsonDocument::fromJson(status.out).object().value(QStringLiteral("backups")).toObject();
        QVERIFY2(backups.value(QStringLiteral("read")).toBool(), status.out.constData());
        QCOMPARE(backups.value(QStringLiteral("host")).toString(), QStringLiteral("haproxy"));
        const QJsonObject lastFull = backups.value(QStringLiteral("full")).toObject();
        QCOMPARE(lastFull.value(QStringLiteral("label")).toString(), full->label);
        const qint64 age = qint64(lastFull.value(QStringLiteral("age_seconds")).toDouble(-1));
        const qint64 sinceStop = QDateTime::currentSecsSinceEpoch() - full->stopEpoch;
        QVERIFY2(age >= 0 && age <= sinceStop + 5 && age < 900, qPrintable(QStringLiteral("age %1 s, %2 s since the stop")
                                                                         .arg(age).arg(sinceStop)));
        QCOMPARE(lastFull.value(QStringLiteral("stop")).toString(),
                 QDateTime::fromSecsSinceEpoch(full->stopEpoch, Qt::UTC).toString(Qt::ISODate));
        QVERIFY(qint64(lastFull.value(QStringLiteral("size")).toDouble()) == full->size);
        QCOMPARE(backups.value(QStringLiteral("full_overdue")).toBool(true), false);
        QCOMPARE(backups.value(QStringLiteral("diff_overdue")).toBool(true), false);  // the full serves the diff's turn
        // Two fulls now: the deploy's first one and this one.
        int fulls = 0;
        for (const pgha::PgBackRestInfoParser::Backup &b : info->first().backups)
            fulls += b.type == QLatin1String("full");
        QCOMPARE(fulls, 2);
        figure(QStringLiteral("FIGURE: pgha status with the repository view (one round plus pgbackrest info over SSH on "
                              "the repository host): %1 s; last full %2, age %3 s")
                   .arg(statusSeconds, 0, 'f', 1)
                   .arg(full->label)
                   .arg(age));
        figure(QStringLiteral("FIGURE: full backup of the lab cluster (pgha backup --type full, TLS to the repository on "
                              "the HAProxy host, a writer through port 5000): %1 s; rows acknowledged meanwhile %2, lost 0")
                   .arg(seconds, 0, 'f', 1)
                   .arg(acked.size()));
    }

    void restoreToT()
    {
        QVERIFY(m_lab.isUp());
        const LabCluster::Run before = psql(QStringLiteral("select count(*) from bk;"));
        QVERIFY2(before.code == 0, before.out.constData());
        m_rowsBeforeT = before.out.toInt();
        QVERIFY(m_rowsBeforeT >= 200);
        QThread::msleep(1100);
        const LabCluster::Run t = psql(QStringLiteral(
            "select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00';"));
        QVERIFY2(t.code == 0, t.out.constData());
        m_target = QString::fromUtf8(t.out);
        QThread::msleep(1100);
        QVERIFY(psql(QStringLiteral("insert into bk(id) select g from generate_series(10001, 10100) g;\n") +
                     inserts(10101, 10150)).code == 0);
        const LabCluster::Run r = run(pgha(), QStringList{QStringLiteral("restore"), m_project, QStringLiteral("--to"),
                                                          m_target, QStringLiteral("--yes"), QStringLiteral("--journal"),
                                                          m_tmp.filePath(QStringLiteral("restore-journal.json"))}
                                                  + ssh(),
                                      900000);
        qInfo().noquote() << QString::fromUtf8(r.out).right(5000);
        QCOMPARE(r.code, 0);
        // Exactly the rows committed before T, and none after.
        const LabCluster::Run rows = psql(QStringLiteral("select count(*), count(*) filter (where committed < '%1') from bk;")
                                              .arg(m_target));
        QVERIFY2(rows.code == 0, rows.out.constData());
        QCOMPARE(rows.out, QByteArray::number(m_rowsBeforeT) + '|' + QByteArray::number(m_rowsBeforeT));
        QCOMPARE(psql(QStringLiteral("select count(*) from bk where id > 10000;")).out, QByteArray("0"));
        // Every member runs; writes go through port 5000.
        QString why;
        QElapsedTimer w;
        w.start();
        while (!healthy(&why) && w.elapsed() < 120000)
            QThread::msleep(500);
        QVERIFY2(healthy(&why), qPrintable(why));
        const LabCluster::Run write = psql(QStringLiteral("insert into bk(id) values (20001); select pg_is_in_recovery();"));
        QCOMPARE(write.out, QByteArray("f"));
        // The replicas came from the repository.
        int fromRepo = 0;
        for (const QString &h : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}) {
            QFile log(m_lab.hostPath(h, QStringLiteral("/var/log/patroni/patroni.log")));
            if (log.open(QIODevice::ReadOnly) && log.readAll().contains("replica has been created using pgbackrest"))
                ++fromRepo;
        }
        QCOMPARE(fromRepo, 2);
        figure(QStringLiteral("FIGURE: whole-cluster point-in-time restore (pgha restore --to T: stop, pitr bootstrap, "
                              "new full backup, 2 replicas from the repository): %1 s; rows before T %2, after T 0")
                   .arg(r.seconds, 0, 'f', 1)
                   .arg(m_rowsBeforeT));
    }
};

QTEST_GUILESS_MAIN(TestE2eBackup)
#include "test_e2e_backup.moc"
