#include "core/model/ExtraGrammar.h"

#include "core/util/Grammar.h"

namespace pgha::ExtraGrammar {

namespace {

bool isAsciiAlnum(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
        || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

const char *const kSectionKeywords[] = {"global",  "defaults",    "listen", "frontend", "backend", "userlist",
                                        "peers",   "resolvers",   "mailers", "program", "http-errors", "ring",
                                        "cache",   "fcgi-app",    "crt-store", "traces", "log-forward"};

} // namespace

QString secretKeyProblem(const QString &key)
{
    QString k = key.toLower();
    k.replace(QLatin1Char('-'), QLatin1Char('_'));
    static const char *const words[] = {"password", "passwd", "secret", "authentication", "token", "credential",
                                        "private", "passphrase", "auth_pass"};
    for (const char *w : words) {
        if (k.contains(QLatin1String(w)))
            return QStringLiteral("\"%1\" names a secret; secrets are never stored in the project file (pass them "
                                  "with --secrets FILE)").arg(key);
    }
    if (k == QLatin1String("key") || k.endsWith(QLatin1String("_key")) || k.endsWith(QLatin1String("keyfile"))
        || k.endsWith(QLatin1String("key_file")) || k == QLatin1String("sslkey") || k == QLatin1String("auth"))
        return QStringLiteral("\"%1\" names key material; keys and their files are the secrets' (cluster.security "
                              "and the secrets file), never extra settings").arg(key);
    return {};
}

QString secretValueProblem(const QString &value)
{
    if (value.contains(QLatin1String("-----BEGIN")))
        return QStringLiteral("the value holds PEM material; keys and certificates are secrets, never extra settings");
    return {};
}

QString patroniKeyProblem(const QString &key)
{
    bool ok = !key.isEmpty() && key.size() <= 128 && (isAsciiAlnum(key[0]) || key[0] == QLatin1Char('_'));
    for (const QChar c : key)
        ok = ok && (isAsciiAlnum(c) || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('-'));
    if (!ok)
        return QStringLiteral("\"%1\" is not a usable key ([A-Za-z0-9_][A-Za-z0-9_.-]*, at most 128 characters)")
            .arg(key.left(140));
    return secretKeyProblem(key);
}

QString patroniScalarProblem(const QString &value)
{
    if (Grammar::hasControlCharacter(value))
        return QStringLiteral("the value holds a control character or a line break");
    if (value.size() > 4096)
        return QStringLiteral("the value is longer than 4096 characters");
    return secretValueProblem(value);
}

QString haproxyLineProblem(const QString &line)
{
    if (line.trimmed().isEmpty())
        return QStringLiteral("an empty line");
    if (line.size() > 512)
        return QStringLiteral("the line is longer than 512 characters");
    for (const QChar c : line) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return QStringLiteral("the line holds a character outside printable ASCII (a line break, a tab, ...)");
        if (c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('\\') || c == QLatin1Char('#')
            || c == QLatin1Char('$'))
            return QStringLiteral("the line holds '%1' (quotes, backslashes, '#' and '$' are refused: HAProxy "
                                  "would unquote, cut or expand them)").arg(c);
    }
    const QStringList words = haproxyWords(line);
    const QString first = words.value(0).toLower();
    for (const char *kw : kSectionKeywords) {
        if (first == QLatin1String(kw))
            return QStringLiteral("\"%1\" opens a section; extra lines stay inside global or defaults").arg(words.value(0));
    }
    for (const QString &w : words) {
        const QString lw = w.toLower();
        if (lw.contains(QLatin1String("password")) || lw.contains(QLatin1String("passwd")) || lw == QLatin1String("auth")
            || lw.contains(QLatin1String("secret")))
            return QStringLiteral("\"%1\" carries credentials; secrets are never stored in the project file").arg(w);
    }
    return {};
}

QStringList haproxyWords(const QString &line)
{
    return line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QString haproxyDirectiveKey(const QString &line)
{
    const QStringList w = haproxyWords(line);
    if (w.isEmpty() || w[0] == QLatin1String("log"))
        return {};
    static const char *const withSub[] = {"timeout", "option", "stats", "no", "http-check", "tcp-check"};
    for (const char *k : withSub) {
        if (w[0] == QLatin1String(k) && w.size() > 1) {
            if (w[0] == QLatin1String("no") && w.size() > 2)
                return w[1] + QLatin1Char(' ') + w[2];  // "no option X" sets "option X"
            return w[0] + QLatin1Char(' ') + w[1];
        }
    }
    return w[0];
}

QString etcdNameProblem(const QString &name)
{
    bool ok = name.startsWith(QLatin1String("ETCD_")) && name.size() > 5 && name.size() <= 64;
    for (const QChar c : name)
        ok = ok && ((c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
                    || c == QLatin1Char('_'));
    if (!ok)
        return QStringLiteral("\"%1\" is not an etcd setting name (^ETCD_[A-Z0-9_]+$, at most 64 characters)")
            .arg(name.left(80));
    return secretKeyProblem(name);
}

QString etcdValueProblem(const QString &value)
{
    if (value.size() > 1024)
        return QStringLiteral("the value is longer than 1024 characters");
    static const QString safe = QStringLiteral("_.,:/@=+%~-[] ");
    for (const QChar c : value) {
        if (!isAsciiAlnum(c) && !safe.contains(c))
            return QStringLiteral("the value holds '%1' (allowed: letters, digits, spaces and the characters _.,:/@=+%~-[])")
                .arg(c.unicode() < 0x20 ? QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0')) : QString(c));
    }
    return {};
}

QString etcdYamlKey(const QString &envName)
{
    QString k = envName.mid(5).toLower();
    k.replace(QLatin1Char('_'), QLatin1Char('-'));
    return k;
}

} // namespace pgha::ExtraGrammar
