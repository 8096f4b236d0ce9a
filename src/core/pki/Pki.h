#pragma once

#include "core/pki/PemPair.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace pgha {

// X.509 with OpenSSL 3 (libcrypto): the cluster CA, leaf certificates, and reading certificates back.
// Keys are ECDSA P-256, signatures SHA-256. Pure functions apart from the CSPRNG.
namespace Pki {

struct CertInfo
{
    QString subject;            // RFC 2253, e.g. "CN=node1"
    QString commonName;
    QString issuer;             // RFC 2253
    QDateTime notBefore;        // UTC
    QDateTime notAfter;         // UTC
    QStringList dnsSans;        // subjectAltName DNS entries, in certificate order
    QStringList ipSans;         // subjectAltName IP entries, canonical text (IPv6 compressed, lower case)
    QString fingerprintSha256;  // "AB:CD:..." over the DER
    QString serialHex;
    bool isCa = false;
    bool serverAuth = false;    // extendedKeyUsage
    bool clientAuth = false;

    // Whole days from now until notAfter (negative once expired).
    int daysLeft(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
};

// A self-signed CA: basicConstraints critical CA:TRUE, keyUsage critical keyCertSign + cRLSign.
Result<PemPair> createCa(const QString &commonName, int days);

// A leaf signed by ca (which must hold its key): keyUsage critical digitalSignature, basicConstraints CA:FALSE,
// extendedKeyUsage serverAuth and/or clientAuth, subjectAltName from dnsSans and ipSans (no SAN extension when
// both are empty). An ipSans entry that is no IP address is an error.
Result<PemPair> issueLeaf(const PemPair &ca, const QString &commonName, const QStringList &dnsSans,
                          const QStringList &ipSans, bool serverAuth, bool clientAuth, int days);

// Reads the first certificate of certPem.
Result<CertInfo> inspect(const QByteArray &certPem);

// True when cert's signature verifies with the CA certificate's key and its issuer is the CA's subject.
Result<void> verifySignedBy(const QByteArray &certPem, const QByteArray &caCertPem);

// True when keyPem is the private key of certPem.
Result<void> checkKeyMatches(const QByteArray &certPem, const QByteArray &keyPem);

// The canonical text of an IP address as certificates hold it ("10.0.0.1", "fd00::1"); empty when not an IP.
QString canonicalIp(const QString &address);

} // namespace Pki
} // namespace pgha
