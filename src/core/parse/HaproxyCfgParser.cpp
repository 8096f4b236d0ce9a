#include "core/parse/HaproxyCfgParser.h"

#include <QRegularExpression>

namespace pgha {

QString HaproxyDirective::argAfter(const QString &name) const
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : QString();
}

const HaproxyDirective *HaproxySection::first(const QString &keyword) const
{
    for (const HaproxyDirective &d : directives) {
        if (d.keyword == keyword)
            return &d;
    }
    return nullptr;
}

QList<const HaproxyDirective *> HaproxySection::all(const QString &keyword) const
{
    QList<const HaproxyDirective *> out;
    for (const HaproxyDirective &d : directives) {
        if (d.keyword == keyword)
            out << &d;
    }
    return out;
}

namespace HaproxyCfgParser {

namespace {

const char *const kSections[] = {"global", "defaults", "listen", "frontend", "backend", "resolvers", "peers",
                                 "userlist", "mailers", "program", "http-errors", "ring", "cache", "fcgi-app"};

// Words of one line; false when a quote is left open.
bool splitWords(const QString &line, QStringList *words)
{
    QString cur;
    bool inWord = false;
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else if (c == QLatin1Char('\\') && quote == QLatin1Char('"') && i + 1 < line.size())
                cur += line.at(++i);
            else
                cur += c;
            continue;
        }
        if (c == QLatin1Char('#'))
            break;
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
            inWord = true;
        } else if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            cur += line.at(++i);
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                *words << cur;
            cur.clear();
            inWord = false;
        } else {
            cur += c;
            inWord = true;
        }
    }
    if (inWord)
        *words << cur;
    return quote.isNull();
}

} // namespace

Result<HaproxyCfg> parse(const QByteArray &text, const QString &path)
{
    HaproxyCfg cfg;
    cfg.path = path;
    if (text.contains('\0'))
        return Error(QStringLiteral("not a text file (NUL byte)"), path);
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QStringList words;
        if (!splitWords(lines.at(i), &words))
            return Error(QStringLiteral("unterminated quote"), path, i + 1);
        if (words.isEmpty())
            continue;
        const QString keyword = words.takeFirst();
        bool opens = false;
        for (const char *s : kSections)
            opens = opens || keyword == QLatin1String(s);
        if (opens) {
            cfg.sections.append(HaproxySection{keyword, words.value(0), i + 1, {}});
            continue;
        }
        if (cfg.sections.isEmpty())
            return Error(QStringLiteral("\"%1\" before the first section (global, defaults, listen, ...)").arg(keyword),
                         path, i + 1, 1, keyword);
        cfg.sections.last().directives.append(HaproxyDirective{keyword, words, i + 1, lines.at(i).trimmed()});
    }
    return cfg;
}

qint64 timeMs(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)(us|ms|s|m|h|d)?$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return -1;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    if (unit == QLatin1String("us"))
        return n / 1000;
    if (unit.isEmpty() || unit == QLatin1String("ms"))
        return n;
    if (unit == QLatin1String("s"))
        return n * 1000;
    if (unit == QLatin1String("m"))
        return n * 60000;
    if (unit == QLatin1String("h"))
        return n * 3600000;
    return n * 86400000;
}

} // namespace HaproxyCfgParser
} // namespace pgha
