#include "core/pki/Pki.h"

#include "core/util/Net.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <memory>

namespace pgha::Pki {

namespace {

template <typename T, void (*F)(T *)>
struct Deleter
{
    void operator()(T *p) const { F(p); }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
void freeGeneralNames(GENERAL_NAMES *g)
{
    GENERAL_NAMES_free(g);
}
using NamesPtr = std::unique_ptr<GENERAL_NAMES, Deleter<GENERAL_NAMES, freeGeneralNames>>;

// The reason OpenSSL gives for the last failure, after what we were doing.
Error sslError(const QString &what)
{
    QString reason;
    unsigned long e = 0;
    while ((e = ERR_get_error()) != 0) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        reason = QString::fromLatin1(buf);  // the last one is the outermost
    }
    return Error(reason.isEmpty() ? what : what + QStringLiteral(": ") + reason);
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(n));
}

X509Ptr readCert(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

KeyPtr readKey(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return KeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

Result<PemPair> toPem(X509 *cert, EVP_PKEY *key)
{
    BioPtr c(BIO_new(BIO_s_mem()));
    BioPtr k(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_X509(c.get(), cert) != 1)
        return sslError(QStringLiteral("cannot write the certificate"));
    // PKCS#8, unencrypted: the file's mode protects it, as for every other secret.
    if (PEM_write_bio_PrivateKey(k.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return sslError(QStringLiteral("cannot write the key"));
    return PemPair{bioBytes(c.get()), bioBytes(k.get())};
}

QString nameText(const X509_NAME *name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    return QString::fromUtf8(bioBytes(bio.get()));
}

QDateTime toDateTime(const ASN1_TIME *t)
{
    struct tm tm = {};
    if (ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     Qt::UTC);
}

bool addExt(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

KeyPtr newKey()
{
    return KeyPtr(EVP_EC_gen("P-256"));
}

struct Draft
{
    X509Ptr cert;
    KeyPtr key;
};

// A fresh P-256 key and certificate body: v3, random 127-bit serial, validity from 5 minutes ago (clock skew
// between hosts) for days, subject CN, the new public key. Not yet signed, no issuer.
Result<Draft> newCert(const QString &commonName, int days)
{
    if (days < 1)
        return Error(QStringLiteral("a certificate must be valid for at least one day"));
    KeyPtr key = newKey();
    if (!key)
        return sslError(QStringLiteral("cannot generate a P-256 key"));
    X509Ptr cert(X509_new());
    BnPtr serial(BN_new());
    if (!cert || !serial || X509_set_version(cert.get(), 2) != 1
        || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        return sslError(QStringLiteral("cannot start a certificate"));
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -300);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(days) * 86400);
    X509_NAME *name = X509_get_subject_name(cert.get());
    // X.509 bounds the common name to 64 characters (ub-common-name); a longer one ("<63-character cluster
    // name> cluster CA") is cut there. Names are checked through the SANs, never through the CN.
    const QByteArray cn = commonName.left(64).toUtf8();
    if (cn.isEmpty()
        || X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()),
                                      int(cn.size()), -1, 0) != 1)
        return sslError(QStringLiteral("invalid common name \"%1\"").arg(commonName));
    if (X509_set_pubkey(cert.get(), key.get()) != 1)
        return sslError(QStringLiteral("cannot set the public key"));
    return Draft{std::move(cert), std::move(key)};
}

} // namespace

int CertInfo::daysLeft(const QDateTime &now) const
{
    return int(now.secsTo(notAfter) / 86400);
}

QString canonicalIp(const QString &address)
{
    const std::optional<IpAddress> a = IpAddress::parse(address);
    return a ? a->toString().toLower() : QString();
}

Result<PemPair> createCa(const QString &commonName, int days)
{
    ERR_clear_error();
    Result<Draft> d = newCert(commonName, days);
    if (!d.ok())
        return d.error();
    X509 *cert = d->cert.get();
    EVP_PKEY *key = d->key.get();
    X509_set_issuer_name(cert, X509_get_subject_name(cert));
    if (!addExt(cert, cert, NID_basic_constraints, "critical,CA:TRUE")
        || !addExt(cert, cert, NID_key_usage, "critical,keyCertSign,cRLSign")
        || !addExt(cert, cert, NID_subject_key_identifier, "hash")
        || !addExt(cert, cert, NID_authority_key_identifier, "keyid:always"))
        return sslError(QStringLiteral("cannot add the CA extensions"));
    if (X509_sign(cert, key, EVP_sha256()) <= 0)
        return sslError(QStringLiteral("cannot sign the CA certificate"));
    return toPem(cert, key);
}

Result<PemPair> issueLeaf(const PemPair &ca, const QString &commonName, const QStringList &dnsSans,
                          const QStringList &ipSans, bool serverAuth, bool clientAuth, int days)
{
    ERR_clear_error();
    X509Ptr caCert = readCert(ca.certPem);
    if (!caCert)
        return sslError(QStringLiteral("cannot read the CA certificate"));
    KeyPtr caKey = readKey(ca.keyPem);
    if (!caKey)
        return sslError(QStringLiteral("cannot read the CA key (a supplied CA without its key cannot issue)"));
    if (X509_check_private_key(caCert.get(), caKey.get()) != 1)
        return sslError(QStringLiteral("the CA key does not belong to the CA certificate"));
    if (!serverAuth && !clientAuth)
        return Error(QStringLiteral("a leaf certificate needs serverAuth or clientAuth"));

    Result<Draft> d = newCert(commonName, days);
    if (!d.ok())
        return d.error();
    X509 *cert = d->cert.get();
    X509_set_issuer_name(cert, X509_get_subject_name(caCert.get()));

    // Never past the CA's own end: a chain is only as valid as its shortest link.
    const ASN1_TIME *caEnd = X509_get0_notAfter(caCert.get());
    if (ASN1_TIME_compare(X509_get0_notAfter(cert), caEnd) > 0)
        X509_set1_notAfter(cert, caEnd);

    QByteArray eku;
    if (serverAuth)
        eku += "serverAuth";
    if (clientAuth)
        eku += eku.isEmpty() ? "clientAuth" : ",clientAuth";
    if (!addExt(cert, caCert.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExt(cert, caCert.get(), NID_key_usage, "critical,digitalSignature")
        || !addExt(cert, caCert.get(), NID_ext_key_usage, eku.constData())
        || !addExt(cert, caCert.get(), NID_subject_key_identifier, "hash")
        || !addExt(cert, caCert.get(), NID_authority_key_identifier, "keyid:always"))
        return sslError(QStringLiteral("cannot add the leaf extensions"));

    // subjectAltName built as structures, not as a config string: a name cannot smuggle in a second entry.
    if (!dnsSans.isEmpty() || !ipSans.isEmpty()) {
        NamesPtr names(GENERAL_NAMES_new());
        for (const QString &d : dnsSans) {
            const QByteArray b = d.toUtf8();
            if (b.isEmpty() || b.contains(',') || b.contains('\0'))
                return Error(QStringLiteral("invalid DNS name for a certificate: \"%1\"").arg(d));
            ASN1_IA5STRING *s = ASN1_IA5STRING_new();
            ASN1_STRING_set(s, b.constData(), int(b.size()));
            GENERAL_NAME *g = GENERAL_NAME_new();
            GENERAL_NAME_set0_value(g, GEN_DNS, s);
            sk_GENERAL_NAME_push(names.get(), g);
        }
        for (const QString &ip : ipSans) {
            const QByteArray b = canonicalIp(ip).toLatin1();
            ASN1_OCTET_STRING *o = b.isEmpty() ? nullptr : a2i_IPADDRESS(b.constData());
            if (!o)
                return Error(QStringLiteral("not an IP address for a certificate: \"%1\"").arg(ip));
            GENERAL_NAME *g = GENERAL_NAME_new();
            GENERAL_NAME_set0_value(g, GEN_IPADD, o);
            sk_GENERAL_NAME_push(names.get(), g);
        }
        if (X509_add1_ext_i2d(cert, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT) != 1)
            return sslError(QStringLiteral("cannot add the subjectAltName"));
    }
    if (X509_sign(cert, caKey.get(), EVP_sha256()) <= 0)
        return sslError(QStringLiteral("cannot sign the certificate"));
    return toPem(cert, d->key.get());
}

Result<CertInfo> inspect(const QByteArray &certPem)
{
    ERR_clear_error();
    X509Ptr cert = readCert(certPem);
    if (!cert)
        return sslError(QStringLiteral("not a PEM certificate"));
    CertInfo info;
    info.subject = nameText(X509_get_subject_name(cert.get()));
    info.issuer = nameText(X509_get_issuer_name(cert.get()));
    {
        char buf[256] = {};
        if (X509_NAME_get_text_by_NID(X509_get_subject_name(cert.get()), NID_commonName, buf, sizeof buf) > 0)
            info.commonName = QString::fromUtf8(buf);
    }
    info.notBefore = toDateTime(X509_get0_notBefore(cert.get()));
    info.notAfter = toDateTime(X509_get0_notAfter(cert.get()));

    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdLen = 0;
    if (X509_digest(cert.get(), EVP_sha256(), md, &mdLen) == 1) {
        QStringList hex;
        for (unsigned int i = 0; i < mdLen; ++i)
            hex << QStringLiteral("%1").arg(md[i], 2, 16, QLatin1Char('0')).toUpper();
        info.fingerprintSha256 = hex.join(QLatin1Char(':'));
    }
    if (BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert.get()), nullptr)) {
        char *h = BN_bn2hex(bn);
        info.serialHex = QString::fromLatin1(h);
        OPENSSL_free(h);
        BN_free(bn);
    }

    NamesPtr names(static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(cert.get(), NID_subject_alt_name, nullptr, nullptr)));
    for (int i = 0; names && i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const GENERAL_NAME *g = sk_GENERAL_NAME_value(names.get(), i);
        if (g->type == GEN_DNS) {
            const ASN1_IA5STRING *s = g->d.dNSName;
            info.dnsSans << QString::fromLatin1(reinterpret_cast<const char *>(ASN1_STRING_get0_data(s)),
                                                ASN1_STRING_length(s));
        } else if (g->type == GEN_IPADD) {
            const ASN1_OCTET_STRING *o = g->d.iPAddress;
            const unsigned char *p = ASN1_STRING_get0_data(o);
            const int n = ASN1_STRING_length(o);
            if (n == 4 || n == 16) {
                IpAddress a;
                a.family = n == 4 ? IpAddress::Family::V4 : IpAddress::Family::V6;
                std::copy(p, p + n, a.bytes.begin());
                info.ipSans << a.toString().toLower();
            }
        }
    }
    info.isCa = X509_check_ca(cert.get()) > 0;
    const uint32_t xku = X509_get_extended_key_usage(cert.get());
    info.serverAuth = (xku & XKU_SSL_SERVER) != 0;
    info.clientAuth = (xku & XKU_SSL_CLIENT) != 0;
    return info;
}

Result<void> verifySignedBy(const QByteArray &certPem, const QByteArray &caCertPem)
{
    ERR_clear_error();
    X509Ptr cert = readCert(certPem);
    X509Ptr ca = readCert(caCertPem);
    if (!cert || !ca)
        return sslError(QStringLiteral("not a PEM certificate"));
    if (X509_check_issued(ca.get(), cert.get()) != X509_V_OK)
        return Error(QStringLiteral("not issued by this CA"));
    EVP_PKEY *caKey = X509_get0_pubkey(ca.get());
    if (!caKey || X509_verify(cert.get(), caKey) != 1)
        return sslError(QStringLiteral("the signature does not verify with the CA's key"));
    return {};
}

Result<void> checkKeyMatches(const QByteArray &certPem, const QByteArray &keyPem)
{
    ERR_clear_error();
    X509Ptr cert = readCert(certPem);
    if (!cert)
        return sslError(QStringLiteral("not a PEM certificate"));
    KeyPtr key = readKey(keyPem);
    if (!key)
        return sslError(QStringLiteral("not a PEM private key"));
    if (X509_check_private_key(cert.get(), key.get()) != 1) {
        ERR_clear_error();
        return Error(QStringLiteral("the key does not belong to the certificate"));
    }
    return {};
}

} // namespace pgha::Pki
