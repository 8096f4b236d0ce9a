#include "core/util/ShellQuote.h"

namespace pgha {

QString shellQuote(const QString &word)
{
    // Words made only of characters sh never interprets stay readable in logs and dry runs.
    static const QString safe = QStringLiteral(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+./:,@%");
    bool plain = !word.isEmpty();
    for (const QChar c : word) {
        if (!safe.contains(c)) {
            plain = false;
            break;
        }
    }
    return plain ? word : shellQuoteAlways(word);
}

QString shellQuoteAlways(const QString &word)
{
    // Inside single quotes nothing is special except the closing quote: end the quoted run, add an escaped
    // quote, reopen.
    QString out;
    out.reserve(word.size() + 2);
    out += QLatin1Char('\'');
    for (const QChar c : word) {
        if (c == QLatin1Char('\''))
            out += QLatin1String("'\\''");
        else
            out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

QString shellDoubleQuoted(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('"') || c == QLatin1Char('$') || c == QLatin1Char('`'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

QString shellJoin(const QStringList &words)
{
    QStringList quoted;
    quoted.reserve(words.size());
    for (const QString &w : words)
        quoted << shellQuote(w);
    return quoted.join(QLatin1Char(' '));
}

} // namespace pgha
