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

private:
    QByteArray m_password;
    QByteArray m_nonce;
    QByteArray m_clientFirstBare;
    QByteArray m_serverSignature;
};

} // namespace pgha
