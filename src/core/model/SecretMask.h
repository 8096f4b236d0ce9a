#pragma once

#include <QString>
#include <QStringList>

namespace pgha {

struct Secrets;

// Hiding secret values in text that is shown on screen (the designer's preview): every password of the
// secrets and the body of every PEM private key are replaced by a mask of fixed length, so that neither
// the value nor its length shows.
namespace SecretMask {

inline const QString kMask = QStringLiteral("••••••••");

// The secret values of s (passwords and TLS private keys; user names are not secret), longest first.
QStringList values(const Secrets &s);

// text with each of values and every PEM private key body masked.
QString apply(const QString &text, const QStringList &values);

} // namespace SecretMask
} // namespace pgha
