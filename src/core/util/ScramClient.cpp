#include "core/util/ScramClient.h"

#include <QCryptographicHash>
#include <QList>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace pgha {

namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

// PBKDF2-HMAC-SHA-256 with one block: SCRAM's Hi().
QByteArray hi(const QByteArray &password, const QByteArray &salt, int iterations)
{
    QByteArray u = hmac(password, salt + QByteArray("\x00\x00\x00\x01", 4));
    QByteArray out = u;
    for (int i = 1; i < iterations; ++i) {
        u = hmac(password, u);
        for (int k = 0; k < out.size(); ++k)
            out[k] = char(out[k] ^ u[k]);
    }
    return out;
}

QByteArray attribute(const QByteArray &message, char name)
{
    for (const QByteArray &part : message.split(',')) {
        if (part.size() >= 2 && part.at(0) == name && part.at(1) == '=')
            return part.mid(2);
    }
    return {};
}

} // namespace

ScramClient::ScramClient(const QString &password, const QByteArray &nonce, const QByteArray &user)
    : m_password(password.toUtf8()), m_nonce(nonce)
{
    if (m_nonce.isEmpty()) {
        QByteArray raw(18, '\0');
        for (char &c : raw)
            c = char(QRandomGenerator::system()->bounded(256));
        m_nonce = raw.toBase64();
    }
    // RFC 5802's saslname escapes ',' and '='.
    QByteArray name = user;
    name.replace("=", "=3D").replace(",", "=2C");
    m_clientFirstBare = "n=" + name + ",r=" + m_nonce;
}

QByteArray ScramClient::clientFirst() const
{
    return "n,," + m_clientFirstBare;
}

QByteArray ScramClient::clientFinal(const QByteArray &serverFirst, QString *error)
{
    const QByteArray nonce = attribute(serverFirst, 'r');
    const QByteArray salt = QByteArray::fromBase64(attribute(serverFirst, 's'));
    bool ok = false;
    const int iterations = attribute(serverFirst, 'i').toInt(&ok);
    if (!nonce.startsWith(m_nonce) || nonce.size() <= m_nonce.size()) {
        *error = QStringLiteral("SCRAM: the server's nonce does not extend the client's");
        return {};
    }
    if (salt.isEmpty() || !ok || iterations < 1 || iterations > 10000000) {
        *error = QStringLiteral("SCRAM: unusable salt or iteration count");
        return {};
    }
    const QByteArray salted = hi(m_password, salt, iterations);
    const QByteArray clientKey = hmac(salted, "Client Key");
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, QCryptographicHash::Sha256);
    const QByteArray withoutProof = "c=biws,r=" + nonce;  // biws = base64("n,,")
    const QByteArray authMessage = m_clientFirstBare + ',' + serverFirst + ',' + withoutProof;
    QByteArray proof = hmac(storedKey, authMessage);
    for (int k = 0; k < proof.size(); ++k)
        proof[k] = char(proof[k] ^ clientKey[k]);
    m_serverSignature = hmac(hmac(salted, "Server Key"), authMessage);
    return withoutProof + ",p=" + proof.toBase64();
}

bool ScramClient::verifyServerFinal(const QByteArray &serverFinal) const
{
    return !m_serverSignature.isEmpty() && QByteArray::fromBase64(attribute(serverFinal, 'v')) == m_serverSignature;
}

} // namespace pgha
