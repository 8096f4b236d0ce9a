#include "core/util/Grammar.h"

#include <QStringList>

namespace pgha::Grammar {

namespace {

bool isLower(QChar c)
{
    return c >= QLatin1Char('a') && c <= QLatin1Char('z');
}

bool isUpper(QChar c)
{
    return c >= QLatin1Char('A') && c <= QLatin1Char('Z');
}

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isAlnum(QChar c)
{
    return isLower(c) || isUpper(c) || isDigit(c);
}

// first char from `first`, the rest from `rest`, length 1..max.
template <typename F, typename R>
bool word(const QString &s, int max, F first, R rest)
{
    if (s.isEmpty() || s.size() > max || !first(s.front()))
        return false;
    for (qsizetype i = 1; i < s.size(); ++i) {
        if (!rest(s.at(i)))
            return false;
    }
    return true;
}

bool isGucPart(const QString &s)
{
    return word(s, 63, [](QChar c) { return isLower(c) || isUpper(c) || c == QLatin1Char('_'); },
                [](QChar c) { return isAlnum(c) || c == QLatin1Char('_'); });
}

} // namespace

bool isRoleName(const QString &s)
{
    return word(s, 63, [](QChar c) { return isLower(c) || c == QLatin1Char('_'); },
                [](QChar c) { return isLower(c) || isDigit(c) || c == QLatin1Char('_'); });
}

bool isPosixUserName(const QString &s)
{
    return word(s, 32, [](QChar c) { return isLower(c) || c == QLatin1Char('_'); },
                [](QChar c) { return isLower(c) || isDigit(c) || c == QLatin1Char('_') || c == QLatin1Char('-'); });
}

bool isParameterName(const QString &s)
{
    if (s.isEmpty() || s.size() > 63 || s.compare(QLatin1String("password"), Qt::CaseInsensitive) == 0)
        return false;
    const QStringList parts = s.split(QLatin1Char('.'));
    if (parts.size() > 2)
        return false;
    for (const QString &p : parts) {
        if (!isGucPart(p))
            return false;
    }
    return true;
}

bool isEtcdToken(const QString &s)
{
    return word(s, 128, isAlnum,
                [](QChar c) { return isAlnum(c) || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('-'); });
}

bool isInterfaceName(const QString &s)
{
    return word(s, 15, [](QChar c) { return isAlnum(c) || c == QLatin1Char('_'); },
                [](QChar c) { return isAlnum(c) || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('-'); });
}

bool isVrrpPassword(const QString &s)
{
    const auto ok = [](QChar c) { return isAlnum(c) || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('-'); };
    return word(s, 8, ok, ok);
}

bool isClusterName(const QString &s)
{
    return word(s, 63, [](QChar c) { return isAlnum(c) || c == QLatin1Char('_'); },
                [](QChar c) { return isAlnum(c) || c == QLatin1Char('_') || c == QLatin1Char('-'); });
}

QString dataDirProblem(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral("is empty");
    if (path.size() > 1024)
        return QStringLiteral("is longer than 1024 characters");
    if (!path.startsWith(QLatin1Char('/')))
        return QStringLiteral("is not an absolute path");
    static const QString allowed = QStringLiteral("_.+@/-");
    for (const QChar c : path) {
        if (!isAlnum(c) && !allowed.contains(c)) {
            if (c.isSpace() || hasControlCharacter(QString(c)))
                return QStringLiteral("holds whitespace or a control character");
            return QStringLiteral("holds the character '%1' (allowed: letters, digits, '_', '.', '+', '@', '/' and '-')")
                .arg(c);
        }
    }
    if (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        return QStringLiteral("ends with '/'");
    const QStringList parts = path.mid(1).split(QLatin1Char('/'));
    for (const QString &p : parts) {
        if (p.isEmpty() && path != QLatin1String("/"))
            return QStringLiteral("holds an empty component (\"//\")");
        if (p == QLatin1String(".") || p == QLatin1String(".."))
            return QStringLiteral("holds a \"%1\" component; write the normalised path").arg(p);
        if (p.startsWith(QLatin1Char('-')))
            return QStringLiteral("has a component starting with '-'");
    }
    return {};
}

bool hasControlCharacter(const QString &s)
{
    for (const QChar c : s) {
        const ushort u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0x2028 || u == 0x2029)
            return true;
    }
    return false;
}

// RFC 1123 section 2.1: labels of letters, digits and hyphens, 1-63 characters, not starting or ending
// with a hyphen (a leading digit is allowed); a full name at most 253 characters.
bool isRfc1123HostName(const QString &name)
{
    if (name.isEmpty() || name.size() > 253)
        return false;
    const QStringList labels = name.split(QLatin1Char('.'));
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > 63)
            return false;
        if (label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-')))
            return false;
        for (QChar c : label) {
            if (!(c.unicode() < 128 && c.isLetterOrNumber()) && c != QLatin1Char('-'))
                return false;
        }
    }
    return true;
}

} // namespace pgha::Grammar
