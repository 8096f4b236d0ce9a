#pragma once

#include <QByteArray>
#include <QString>

namespace pgha {

// The client side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL and PgBouncer speak it: no channel binding
// ("n,,"), an empty user name in the messages by default (the server takes the startup packet's). Pure apart from
// the nonce (QRandomGenerator::system(), or the one a test gives).
class ScramClient
{
public:
    explicit ScramClient(const QString &password, const QByteArray &nonce = {}, const QByteArray &user = {});

    QByteArray clientFirst() const;  // "n,,n=<user>,r=<nonce>"
    // The server's first message -> the client's final one; empty with *error set when the server's nonce does not
    // extend ours, the salt or iteration count is unusable.
    QByteArray clientFinal(const QByteArray &serverFirst, QString *error);
    // The server's final message proves that it knew the password's verifier.
    bool verifyServerFinal(const QByteArray &serverFinal) const;

    // The verifier PostgreSQL stores for PASSWORD (pg_authid.rolpassword with password_encryption scram-sha-256),
    // "SCRAM-SHA-256$<iterations>:<base64 salt>$<base64 StoredKey>:<base64 ServerKey>", computed here so that the
    // clear text never reaches the server (ALTER ROLE ... PASSWORD '<verifier>' stores it as it is). The password
    // is prepared as PostgreSQL's pg_saslprep() does (saslPrep()). Empty when SALT is empty or ITERATIONS < 1.
    static QByteArray verifier(const QString &password, const QByteArray &salt, int iterations = 4096);
    // RFC 4013 SASLprep as PostgreSQL applies it to passwords: ASCII unchanged; otherwise non-ASCII spaces mapped
    // to a space, characters "mapped to nothing" removed, NFKC; a result with a prohibited character (control,
    // private use, non-character, surrogate, ...) or a bidi violation: the password's raw UTF-8, as PostgreSQL falls
    // back to then.
    static QByteArray saslPrep(const QString &password);

private:
    QByteArray m_password;
    QByteArray m_nonce;
    QByteArray m_clientFirstBare;
    QByteArray m_serverSignature;
};

} // namespace pgha
