#include "core/parse/EnvFileParser.h"

#include <QRegularExpression>

namespace pgha::EnvFileParser {

namespace {

// The value after '=': a quoted string (quotes removed, backslash escapes in double quotes), or the bare text
// up to the end of the line with surrounding blanks removed. false when a quote is not closed.
bool unquote(const QString &raw, QString *out)
{
    const QString v = raw.trimmed();
    if (v.isEmpty() || (v.at(0) != QLatin1Char('"') && v.at(0) != QLatin1Char('\''))) {
        *out = v;
        return true;
    }
    const QChar q = v.at(0);
    QString s;
    for (qsizetype i = 1; i < v.size(); ++i) {
        const QChar c = v.at(i);
        if (c == QLatin1Char('\\') && q == QLatin1Char('"') && i + 1 < v.size()) {
            s += v.at(++i);
            continue;
        }
        if (c == q) {
            if (!v.mid(i + 1).trimmed().isEmpty())
                return false;  // text after the closing quote
            *out = s;
            return true;
        }
        s += c;
    }
    return false;
}

} // namespace

Result<ConfigFile> parse(const QByteArray &text, const QString &path)
{
    static const QRegularExpression assignment(QStringLiteral("^([A-Za-z_][A-Za-z0-9_]*)=(.*)$"));
    if (text.contains('\0'))
        return Error(QStringLiteral("not a text file (NUL byte)"), path);
    ConfigFile file;
    file.path = path;
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString t = line.trimmed();
        if (t.isEmpty() || t.startsWith(QLatin1Char('#')) || t.startsWith(QLatin1Char(';')))
            continue;
        const qsizetype indent = line.indexOf(t.at(0));
        const QRegularExpressionMatch m = assignment.match(t);
        QString value;
        if (!m.hasMatch() || !unquote(m.captured(2), &value)) {
            file.invalidLines.append(ConfigEntry{QString(), t, i + 1, int(indent) + 1, true});
            continue;
        }
        file.entries.append(ConfigEntry{m.captured(1), value, i + 1, int(indent) + 1, true});
    }
    return file;
}

} // namespace pgha::EnvFileParser
