// The PKI layer: certificates made with OpenSSL's API, judged by the openssl command (a second, independent
// reader), the cluster's TLS material filled from a topology, and the secrets file's tls: section.
#include "core/model/Secrets.h"
#include "core/pki/ClusterTls.h"
#include "core/pki/Pki.h"
#include "core/project/ProjectFile.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace pgha;

namespace {

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &data)
{
    const QString p = dir.filePath(name);
    QFile f(p);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(data);
    return p;
}

// Runs openssl; returns exit code, output in *out.
int openssl(std::initializer_list<QAnyStringView> argv, QByteArray *out = nullptr)
{
    QStringList args;
    for (QAnyStringView a : argv)
        args << a.toString();
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(30000))
        return -1;
    if (out)
        *out = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

Topology reference()
{
    Topology t = ProjectFile::referenceTopology();
    t.assignUids();
    return t;
}

} // namespace

class TestPki : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QFAIL("openssl is required (scripts/setup-debian.sh installs it)");
    }

    void caAndLeafAsOpensslReadsThem()
    {
        Result<PemPair> ca = Pki::createCa(QStringLiteral("test CA"), 30);
        QVERIFY2(ca.ok(), qPrintable(ca.ok() ? QString() : ca.error().toString()));
        Result<PemPair> leaf = Pki::issueLeaf(ca.value(), QStringLiteral("node1"),
                                              {QStringLiteral("node1"), QStringLiteral("10.0.0.1")},
                                              {QStringLiteral("10.0.0.1"), QStringLiteral("fd00::1")}, true, true, 10);
        QVERIFY2(leaf.ok(), qPrintable(leaf.ok() ? QString() : leaf.error().toString()));

        QTemporaryDir dir;
        const QString caFile = write(dir, QStringLiteral("ca.crt"), ca->certPem);
        const QString leafFile = write(dir, QStringLiteral("leaf.crt"), leaf->certPem);
        const QString keyFile = write(dir, QStringLiteral("leaf.key"), leaf->keyPem);
        QByteArray out;
        // The chain verifies for both purposes etcd uses the one certificate for.
        QCOMPARE(openssl({"verify", "-CAfile", caFile, "-purpose", "sslserver", leafFile}, &out), 0);
        QCOMPARE(openssl({"verify", "-CAfile", caFile, "-purpose", "sslclient", leafFile}, &out), 0);
        QCOMPARE(openssl({"verify", "-CAfile", caFile, "-verify_hostname", "node1", leafFile}, &out), 0);
        QCOMPARE(openssl({"verify", "-CAfile", caFile, "-verify_ip", "10.0.0.1", leafFile}, &out), 0);
        QVERIFY(openssl({"verify", "-CAfile", caFile, "-verify_hostname", "node2", leafFile}, &out) != 0);
        QVERIFY(openssl({"verify", "-CAfile", caFile, "-verify_ip", "10.0.0.2", leafFile}, &out) != 0);

        QCOMPARE(openssl({"x509", "-in", caFile, "-noout", "-text"}, &out), 0);
        QVERIFY2(out.contains("CA:TRUE"), out.constData());
        QVERIFY(out.contains("Certificate Sign, CRL Sign"));
        QVERIFY(out.contains("ASN1 OID: prime256v1"));
        QVERIFY(out.contains("ecdsa-with-SHA256"));
        QCOMPARE(openssl({"x509", "-in", leafFile, "-noout", "-text"}, &out), 0);
        QVERIFY(out.contains("CA:FALSE"));
        QVERIFY(out.contains("TLS Web Server Authentication, TLS Web Client Authentication"));
        QVERIFY2(out.contains("DNS:node1, DNS:10.0.0.1, IP Address:10.0.0.1, IP Address:FD00:0:0:0:0:0:0:1"),
                 out.constData());
        // The key is the leaf's and it is an EC P-256 key.
        QCOMPARE(openssl({"pkey", "-in", keyFile, "-noout", "-text"}, &out), 0);
        QVERIFY(out.contains("prime256v1"));

        Result<Pki::CertInfo> info = Pki::inspect(leaf->certPem);
        QVERIFY(info.ok());
        QCOMPARE(info->commonName, QStringLiteral("node1"));
        QCOMPARE(info->issuer, QStringLiteral("CN=test CA"));
        QCOMPARE(info->dnsSans, QStringList({QStringLiteral("node1"), QStringLiteral("10.0.0.1")}));
        QCOMPARE(info->ipSans, QStringList({QStringLiteral("10.0.0.1"), QStringLiteral("fd00::1")}));
        QVERIFY(info->serverAuth && info->clientAuth && !info->isCa);
        QVERIFY(info->daysLeft() >= 9 && info->daysLeft() <= 10);
        QCOMPARE(info->fingerprintSha256.size(), 32 * 3 - 1);
        QCOMPARE(openssl({"x509", "-in", leafFile, "-noout", "-fingerprint", "-sha256"}, &out), 0);
        QVERIFY2(out.contains(info->fingerprintSha256.toLatin1()), out.constData());
        QVERIFY(Pki::verifySignedBy(leaf->certPem, ca->certPem).ok());
        QVERIFY(Pki::checkKeyMatches(leaf->certPem, leaf->keyPem).ok());
        QVERIFY(!Pki::checkKeyMatches(leaf->certPem, ca->keyPem).ok());
        Result<Pki::CertInfo> caInfo = Pki::inspect(ca->certPem);
        QVERIFY(caInfo.ok() && caInfo->isCa);
        // A leaf never outlives its CA.
        Result<PemPair> longLeaf = Pki::issueLeaf(ca.value(), QStringLiteral("x"), {}, {}, false, true, 9999);
        QVERIFY(longLeaf.ok());
        QVERIFY(Pki::inspect(longLeaf->certPem)->notAfter <= caInfo->notAfter);
    }

    // A valid 63-character cluster name makes "<name> cluster CA" longer than X.509's 64-character common name.
    void longClusterNameStillIssues()
    {
        Topology t = ProjectFile::referenceTopology();
        t.cluster.name = QString(63, QLatin1Char('c'));
        Secrets s;
        const Result<QStringList> r = ClusterTls::fillMissing(t, &s);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        const Result<Pki::CertInfo> ca = Pki::inspect(s.tls.ca.certPem);
        QVERIFY(ca.ok());
        QCOMPARE(ca.value().commonName.size(), 64);
        QVERIFY(ca.value().commonName.startsWith(t.cluster.name));
    }

    void refusesWhatCannotBeRight()
    {
        Result<PemPair> ca = Pki::createCa(QStringLiteral("c"), 30);
        QVERIFY(ca.ok());
        Result<PemPair> other = Pki::createCa(QStringLiteral("c"), 30);
        QVERIFY(other.ok());
        QVERIFY(!Pki::issueLeaf(ca.value(), QStringLiteral("n"), {}, {QStringLiteral("node1")}, true, true, 1).ok());
        QVERIFY(!Pki::issueLeaf(ca.value(), QStringLiteral("n"), {QStringLiteral("a,IP:1.2.3.4")}, {}, true, true, 1)
                     .ok());
        QVERIFY(!Pki::issueLeaf(ca.value(), QStringLiteral("n"), {}, {}, false, false, 1).ok());
        QVERIFY(!Pki::issueLeaf(PemPair{ca->certPem, {}}, QStringLiteral("n"), {}, {}, true, true, 1).ok());
        QVERIFY(!Pki::issueLeaf(PemPair{ca->certPem, other->keyPem}, QStringLiteral("n"), {}, {}, true, true, 1).ok());
        QVERIFY(!Pki::createCa(QStringLiteral("c"), 0).ok());
        QVERIFY(!Pki::inspect("not a certificate").ok());
        Result<PemPair> leaf = Pki::issueLeaf(other.value(), QStringLiteral("n"), {}, {}, true, true, 1);
        QVERIFY(leaf.ok());
        const Result<void> v = Pki::verifySignedBy(leaf->certPem, ca->certPem);
        QVERIFY(!v.ok());
        QVERIFY(v.error().message.contains(QStringLiteral("not issued")));
    }

    void clusterMaterialFromTheTopology()
    {
        const Topology t = reference();
        QVERIFY(t.hosts.size() >= 4);
        QVERIFY(t.cluster.security.tls);  // on by default in the reference template
        Secrets s;
        Result<QStringList> r = ClusterTls::fillMissing(t, &s);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        int needing = 0;
        for (const Host &h : t.hosts)
            needing += ClusterTls::needsCertificate(h) ? 1 : 0;
        QCOMPARE(r->size(), needing + 2);  // CA, hosts, admin
        QVERIFY(r->contains(QStringLiteral("CA")) && r->contains(QStringLiteral("admin")));

        const Host *pg = t.hostsWith(Role::Postgres).value(0);
        const Host *hp = t.hostsWith(Role::HAProxy).value(0);
        QVERIFY(pg && hp);
        Result<Pki::CertInfo> info = Pki::inspect(s.tls.hosts.value(pg->name).certPem);
        QVERIFY(info.ok());
        QVERIFY(info->dnsSans.contains(pg->name) && info->dnsSans.contains(pg->address));
        QVERIFY(info->ipSans.contains(pg->address) && info->ipSans.contains(QStringLiteral("127.0.0.1")));
        // verify-full through HAProxy: the PostgreSQL certificate names the HAProxy host too.
        QVERIFY(info->dnsSans.contains(hp->name) && info->ipSans.contains(hp->address));
        QVERIFY(ClusterTls::problemWith(t, s.tls, *pg).isEmpty());
        Result<Pki::CertInfo> admin = Pki::inspect(s.tls.admin.certPem);
        QVERIFY(admin.ok() && admin->clientAuth && !admin->serverAuth);

        // Filled once: a second call issues nothing, so every export holds the same bytes.
        const Secrets before = s;
        Result<QStringList> again = ClusterTls::fillMissing(t, &s);
        QVERIFY(again.ok() && again->isEmpty());
        QVERIFY(s == before);

        // A moved host gets a new certificate; the others keep theirs.
        Topology moved = t;
        Host *h = moved.hostByUid(pg->uid);
        h->address = QStringLiteral("10.104.0.77");
        QVERIFY(ClusterTls::problemWith(moved, s.tls, *h).contains(QStringLiteral("IP:10.104.0.77")));
        Result<QStringList> re = ClusterTls::fillMissing(moved, &s);
        QVERIFY(re.ok());
        QCOMPARE(re.value(), QStringList{QStringLiteral("host %1").arg(pg->name)});

        // TLS off: nothing issued.
        Topology plain = t;
        plain.cluster.security.tls = false;
        Secrets none;
        QVERIFY(ClusterTls::fillMissing(plain, &none)->isEmpty());
        QVERIFY(none.tls.isEmpty());

        // A supplied CA: missing is an error; without its key nothing can be issued, with supplied leaves it works.
        Topology supplied = t;
        supplied.cluster.security.ca = QStringLiteral("supplied");
        Secrets empty;
        QVERIFY(!ClusterTls::fillMissing(supplied, &empty).ok());
        Secrets noKey = before;
        noKey.tls.ca.keyPem.clear();
        QVERIFY(ClusterTls::fillMissing(supplied, &noKey).ok());  // every leaf already fits
        noKey.tls.hosts.remove(pg->name);
        Result<QStringList> refused = ClusterTls::fillMissing(supplied, &noKey);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(pg->name));
    }

    void secretsFileKeepsTheMaterial()
    {
        const Topology t = reference();
        Secrets s;
        SecretStore::fillMissing(&s);
        QVERIFY(ClusterTls::fillMissing(t, &s).ok());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secrets.yaml"));
        QVERIFY(SecretStore::saveFile(s, path).ok());
        struct stat st;
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        Result<Secrets> back = SecretStore::loadFile(path);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        QVERIFY(back.value() == s);

        // A key that is not the certificate's is refused with the field named.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        f.close();
        const QByteArray adminKey = s.tls.admin.keyPem;
        const QByteArray caKey = s.tls.ca.keyPem;
        QByteArray indentedAdmin, indentedCa;
        for (const QByteArray &l : adminKey.trimmed().split('\n'))
            indentedAdmin += "      " + l + '\n';
        for (const QByteArray &l : caKey.trimmed().split('\n'))
            indentedCa += "      " + l + '\n';
        QVERIFY(text.contains(indentedAdmin));
        text.replace(indentedAdmin, indentedCa);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        Result<Secrets> bad = SecretStore::loadFile(path);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().field, QStringLiteral("tls.admin.key"));
        QVERIFY(bad.error().line > 0);
    }
};

QTEST_GUILESS_MAIN(TestPki)
#include "test_pki.moc"
