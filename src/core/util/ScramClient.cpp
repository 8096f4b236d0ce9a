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

// RFC 3454 tables used by SASLprep (RFC 4013): C.1.2 non-ASCII spaces (mapped to a space), B.1 (mapped to nothing).
bool nonAsciiSpace(char32_t c)
{
    return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool mappedToNothing(char32_t c)
{
    return c == 0xAD || c == 0x34F || c == 0x1806 || (c >= 0x180B && c <= 0x180D) || (c >= 0x200B && c <= 0x200D)
        || c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
}

// C.2-C.9 (after the mapping): controls, private use, non-characters, surrogates, inappropriate for plain text or
// canonical representation, change display properties, tagging characters.
bool prohibited(char32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x6DD || c == 0x70F || c == 0x180E
        || (c >= 0x200C && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2060 && c <= 0x2063)
        || (c >= 0x206A && c <= 0x206F) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFD) || (c >= 0x1D173 && c <= 0x1D17A)
        || (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) || (c >= 0x100000 && c <= 0x10FFFD)
        || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE || (c >= 0xD800 && c <= 0xDFFF) || c == 0x340
        || c == 0x341 || (c >= 0x2FF0 && c <= 0x2FFB) || (c >= 0xE0001 && c <= 0xE007F) || nonAsciiSpace(c);
}

} // namespace

QByteArray ScramClient::saslPrep(const QString &password)
{
    const QByteArray raw = password.toUtf8();
    bool ascii = true;
    for (const char b : raw)
        ascii = ascii && uchar(b) < 0x80;
    if (ascii)
        return raw;  // PostgreSQL passes pure ASCII through unchanged (even control characters)
    QString mapped;
    for (const char32_t c : password.toUcs4()) {
        if (mappedToNothing(c))
            continue;
        if (nonAsciiSpace(c))
            mapped += QLatin1Char(' ');
        else
            mapped += QString::fromUcs4(&c, 1);
    }
    const QList<uint> prepared = mapped.normalized(QString::NormalizationForm_KC).toUcs4();
    if (prepared.isEmpty())
        return raw;
    bool randAL = false, lCat = false;
    for (const uint c : prepared) {
        if (prohibited(c) || QChar::category(c) == QChar::Other_NotAssigned)
            return raw;
        const QChar::Direction d = QChar::direction(c);
        randAL = randAL || d == QChar::DirR || d == QChar::DirAL;
        lCat = lCat || d == QChar::DirL;
    }
    // RFC 3454 section 6: with any RandALCat character, no LCat one, and it starts and ends the string.
    if (randAL) {
        auto isRandAL = [](uint c) { return QChar::direction(c) == QChar::DirR || QChar::direction(c) == QChar::DirAL; };
        if (lCat || !isRandAL(prepared.first()) || !isRandAL(prepared.last()))
            return raw;
    }
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(prepared.constData()), prepared.size()).toUtf8();
}

QByteArray ScramClient::verifier(const QString &password, const QByteArray &salt, int iterations)
{
    if (salt.isEmpty() || iterations < 1)
        return {};
    const QByteArray salted = hi(saslPrep(password), salt, iterations);
    const QByteArray storedKey = QCryptographicHash::hash(hmac(salted, "Client Key"), QCryptographicHash::Sha256);
    const QByteArray serverKey = hmac(salted, "Server Key");
    return "SCRAM-SHA-256$" + QByteArray::number(iterations) + ':' + salt.toBase64() + '$' + storedKey.toBase64() + ':'
        + serverKey.toBase64();
}

ScramClient::ScramClient(const QString &password, const QByteArray &nonce, const QByteArray &user)
    : m_password(saslPrep(password)), m_nonce(nonce)
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
