// Certificate renewal (issue 8): new leaves from the same CA, and the rollout plan as a value: etcd members one
// at a time with a restart, then PostgreSQL hosts replicas first and the leader last after a switchover; files
// with the right owners and modes; nothing secret in the dry-run text; and `pgha certs renew --dry-run`.
#include "core/pki/CertRenewal.h"
#include "core/pki/ClusterTls.h"
#include "core/pki/Pki.h"
#include "core/project/ProjectFile.h"
#include "deploy/RenewPlan.h"
#include "deploy/RenewSetup.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace pgha;

namespace {

const QString kPgha = QStringLiteral(PGHA_BINARY_DIR "/src/cli/pgha");

Secrets deployedSecrets(const Topology &t)
{
    Secrets s;
    SecretStore::fillMissing(&s);
    const Result<QStringList> filled = ClusterTls::fillMissing(t, &s);
    if (!filled.ok())
        qFatal("fillMissing: %s", qPrintable(filled.error().message));
    return s;
}

QString fingerprint(const QByteArray &pem)
{
    return Pki::inspect(pem).value().fingerprintSha256;
}

int indexOf(const DeployPlan &plan, const QString &id)
{
    for (int i = 0; i < plan.steps.size(); ++i) {
        if (plan.steps.at(i).id == id)
            return i;
    }
    return -1;
}

} // namespace

class TestRenewPlan : public QObject
{
    Q_OBJECT
private slots:
    void renewLeavesKeepsTheCa();
    void renewRefusesWithoutCaKey();
    void planOrder();
    void planFilesAndSecrets();
    void cliDryRun();
    void setupWritesOnlyAfterConfirmation();
};

void TestRenewPlan::renewLeavesKeepsTheCa()
{
    const Topology t = ProjectFile::referenceTopology();
    QVERIFY(t.cluster.security.tls);
    const Secrets old = deployedSecrets(t);
    auto r = CertRenewal::renewLeaves(t, old);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r->secrets.tls.ca, old.tls.ca);
    QCOMPARE(r->secrets.restApiPassword, old.restApiPassword);
    QCOMPARE(r->secrets.tls.hosts.keys(), old.tls.hosts.keys());
    for (auto it = old.tls.hosts.cbegin(); it != old.tls.hosts.cend(); ++it) {
        const PemPair &fresh = r->secrets.tls.hosts.value(it.key());
        QVERIFY2(fresh.certPem != it.value().certPem && fresh.keyPem != it.value().keyPem, qPrintable(it.key()));
        QVERIFY(Pki::verifySignedBy(fresh.certPem, old.tls.ca.certPem).ok());
        QVERIFY(Pki::checkKeyMatches(fresh.certPem, fresh.keyPem).ok());
        // The same names and addresses as the deployed one: whoever reached the host still can.
        const Pki::CertInfo a = Pki::inspect(it.value().certPem).value();
        const Pki::CertInfo b = Pki::inspect(fresh.certPem).value();
        QCOMPARE(b.ipSans, a.ipSans);
        QCOMPARE(b.dnsSans, a.dnsSans);
        QVERIFY(b.serverAuth && b.clientAuth);
        QVERIFY(ClusterTls::problemWith(t, r->secrets.tls, *t.hostByName(it.key())).isEmpty());
    }
    QVERIFY(r->secrets.tls.admin.certPem != old.tls.admin.certPem);
    QVERIFY(r->issued.contains(QStringLiteral("admin")));
}

void TestRenewPlan::renewRefusesWithoutCaKey()
{
    const Topology t = ProjectFile::referenceTopology();
    Secrets s = deployedSecrets(t);
    s.tls.ca.keyPem.clear();
    auto r = CertRenewal::renewLeaves(t, s);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QLatin1String("tls.ca.key")), qPrintable(r.error().message));
    Topology off = t;
    off.cluster.security.tls = false;
    QVERIFY(!CertRenewal::renewLeaves(off, deployedSecrets(t)).ok());
}

void TestRenewPlan::planOrder()
{
    const Topology t = ProjectFile::referenceTopology();
    const Secrets renewed = CertRenewal::renewLeaves(t, deployedSecrets(t)).value().secrets;
    QStringList pg;
    QStringList etcd;
    for (const Host &h : t.hosts) {
        if (h.has(Role::Postgres))
            pg << h.name;
        if (h.has(Role::Etcd))
            etcd << h.name;
    }
    QVERIFY(pg.size() >= 2 && !etcd.isEmpty());
    RenewOptions o;
    o.leader = pg.first();  // the leader is the design's first host: it must still come last
    const DeployPlan plan = buildRenewPlan(t, renewed, o);
    QCOMPARE(plan.steps.size(), etcd.size() + pg.size());
    // etcd first, one member at a time: each step waits for the one before.
    for (int i = 0; i < plan.steps.size(); ++i) {
        if (i > 0)
            QCOMPARE(plan.steps.at(i).deps, QStringList{plan.steps.at(i - 1).id});
        else
            QVERIFY(plan.steps.at(i).deps.isEmpty());
    }
    for (int i = 0; i < etcd.size(); ++i)
        QCOMPARE(plan.steps.at(i).id, QStringLiteral("renew-etcd:") + etcd.at(i));
    QCOMPARE(plan.steps.last().id, QStringLiteral("renew-postgres:") + o.leader);
    QVERIFY(plan.steps.last().title.contains(QLatin1String("switchover")));
    for (const QString &name : pg)
        QVERIFY(indexOf(plan, QStringLiteral("renew-postgres:") + name) > indexOf(plan, QStringLiteral("renew-etcd:") + etcd.last()));
    // etcd restarts (it reads its certificates only at start); Patroni and PostgreSQL reload.
    const DeployStep &e = plan.steps.first();
    QStringList titles;
    for (const DeployOp &op : e.ops)
        titles << op.title;
    QVERIFY2(titles.contains(QStringLiteral("stop etcd")) && titles.contains(QStringLiteral("start etcd"))
                 && titles.contains(QStringLiteral("every etcd member healthy")),
             qPrintable(titles.join(QLatin1String(" | "))));
    const DeployStep &l = plan.steps.last();
    QCOMPARE(l.ops.first().title, QStringLiteral("switch over if this member leads"));
    bool reload = false;
    for (const DeployOp &op : l.ops)
        reload = reload || (op.script.contains(QLatin1String("systemctl reload patroni")) && op.script.contains(QLatin1String("postmaster.pid")));
    QVERIFY(reload);
    // Waits and probes look for the NEW certificate.
    const QString fp = fingerprint(renewed.tls.hosts.value(o.leader).certPem);
    QVERIFY(l.probe.contains(fp));
    QCOMPARE(plan.targets.size(), int(QSet<QString>(etcd.cbegin(), etcd.cend()).unite(QSet<QString>(pg.cbegin(), pg.cend())).size()));
}

void TestRenewPlan::planFilesAndSecrets()
{
    const Topology t = ProjectFile::referenceTopology();
    const Secrets renewed = CertRenewal::renewLeaves(t, deployedSecrets(t)).value().secrets;
    const DeployPlan plan = buildRenewPlan(t, renewed, {});
    for (const DeployStep &s : plan.steps) {
        const PemPair &leaf = renewed.tls.hosts.value(s.host);
        bool wroteCert = false;
        bool wroteKey = false;
        for (const DeployOp &op : s.ops) {
            for (const FileToWrite &f : op.files) {
                if (f.path == ClusterTls::certPath()) {
                    wroteCert = f.content == leaf.certPem && f.mode == 0644;
                } else {
                    QCOMPARE(f.content, leaf.keyPem);
                    QCOMPARE(f.mode, 0600);
                    QVERIFY(f.secret);
                    QCOMPARE(f.owner, f.path == ClusterTls::etcdKeyPath() ? QStringLiteral("etcd") : QStringLiteral("postgres"));
                    wroteKey = true;
                }
            }
        }
        QVERIFY2(wroteCert && wroteKey, qPrintable(s.id));
    }
    const QString text = plan.dryRunText();
    QVERIFY(!text.contains(QLatin1String("PRIVATE KEY")));
    QVERIFY(!text.contains(renewed.restApiPassword));
    for (const PemPair &leaf : renewed.tls.hosts)
        QVERIFY(!text.contains(QString::fromLatin1(leaf.keyPem.mid(40, 40))));
}

void TestRenewPlan::cliDryRun()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Topology t = ProjectFile::referenceTopology();
    const QString secretsFile = dir.filePath(QStringLiteral("secrets.yaml"));
    QVERIFY(SecretStore::saveFile(deployedSecrets(t), secretsFile).ok());
    QFile f(secretsFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    QProcess p;
    p.setStandardInputFile(QProcess::nullDevice());
    // --leader: nothing answers on the reference design's 10.x addresses, and tests never connect there.
    p.start(kPgha, {QStringLiteral("certs"), QStringLiteral("renew"), QStringLiteral("template:reference"),
                    QStringLiteral("--dry-run"), QStringLiteral("--secrets"), secretsFile, QStringLiteral("--leader"),
                    t.hosts.first().name});
    QVERIFY(p.waitForFinished(60000));
    const QByteArray out = p.readAllStandardOutput();
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY2(out.contains("renew-etcd:") && out.contains("renew-postgres:"), out.constData());
    QVERIFY(!out.contains("PRIVATE KEY"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);  // a dry run writes nothing
    QVERIFY(!QFileInfo::exists(secretsFile + QStringLiteral(".before-renew")));
    // Without --yes and without a terminal nothing happens either.
    p.start(kPgha, {QStringLiteral("certs"), QStringLiteral("renew"), QStringLiteral("template:reference"),
                    QStringLiteral("--secrets"), secretsFile, QStringLiteral("--leader"), t.hosts.first().name});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 4);
    f.close();
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
}

// prepareRenewal (shared by the CLI and the Monitor tab) reads and plans without writing; keepRenewedSecrets,
// after the confirmation, keeps the previous secrets beside the renewed ones, both 0600.
void TestRenewPlan::setupWritesOnlyAfterConfirmation()
{
    const Topology t = ProjectFile::referenceTopology();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    RenewSetupOptions o;
    o.secretsFile = dir.filePath(QStringLiteral("secrets.yaml"));
    o.journalPath = dir.filePath(QStringLiteral("renew.journal.json"));
    o.leader = t.hostsWith(Role::Postgres).first()->name;
    const Result<RenewSetup> missing = prepareRenewal(t, o);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.contains(o.secretsFile), qPrintable(missing.error().message));

    const Secrets old = deployedSecrets(t);
    QVERIFY(SecretStore::saveFile(old, o.secretsFile).ok());
    QFile f(o.secretsFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    Result<RenewSetup> s = prepareRenewal(t, o);
    QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
    QVERIFY(s->issued.contains(QStringLiteral("admin")));
    QVERIFY(!s->plan.steps.isEmpty());
    QCOMPARE(s->planOptions.leader, o.leader);
    QVERIFY(s->old == old);
    // Nothing written yet: the file as it was, no journal, no copy.
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    f.close();
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("secrets.yaml")});

    QVERIFY(keepRenewedSecrets(s.value()).ok());
    const Result<Secrets> kept = SecretStore::loadFile(o.secretsFile);
    const Result<Secrets> copy = SecretStore::loadFile(o.secretsFile + QStringLiteral(".before-renew"));
    QVERIFY(kept.ok() && copy.ok());
    QVERIFY(kept.value() == s->renewed);
    QVERIFY(copy.value() == old);
    QVERIFY(kept->tls.hosts != old.tls.hosts);
    for (const QString &p : QStringList{o.secretsFile, o.secretsFile + QStringLiteral(".before-renew")})
        QCOMPARE(int(QFileInfo(p).permissions() & 0x0077), 0);
}

QTEST_GUILESS_MAIN(TestRenewPlan)
#include "test_renewplan.moc"
