#include "core/model/SecretMask.h"

#include "core/model/Secrets.h"

#include <QRegularExpression>

#include <algorithm>

namespace pgha::SecretMask {

QStringList values(const Secrets &s)
{
    QStringList out;
    for (const QString &v : {s.superuserPassword, s.replicationPassword, s.rewindPassword, s.restApiPassword,
                             s.haproxyStatsPassword, s.poolerAuthPassword}) {
        if (!v.isEmpty() && !out.contains(v))
            out << v;
    }
    // Private keys of the TLS material (the PEM pattern in apply() catches them as well).
    QList<QByteArray> keys{s.tls.ca.keyPem, s.tls.admin.keyPem};
    for (const PemPair &p : s.tls.hosts)
        keys << p.keyPem;
    for (const QByteArray &k : std::as_const(keys)) {
        const QString v = QString::fromUtf8(k).trimmed();
        if (!v.isEmpty() && !out.contains(v))
            out << v;
    }
    // A secret that contains another is masked first, whole.
    std::sort(out.begin(), out.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return out;
}

QString apply(const QString &text, const QStringList &values)
{
    QString out = text;
    for (const QString &v : values) {
        if (!v.isEmpty())
            out.replace(v, kMask);
    }
    static const QRegularExpression pem(
        QStringLiteral("(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----)[^-]*(-----END [A-Z0-9 ]*PRIVATE KEY-----)"));
    out.replace(pem, QStringLiteral("\\1\n") + kMask + QStringLiteral("\n\\2"));
    return out;
}

} // namespace pgha::SecretMask
