#include "gui/preview/ConfigHighlighter.h"

#include <QApplication>
#include <QPalette>

namespace pgha {

ConfigHighlighter::ConfigHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    updateColours();
}

void ConfigHighlighter::updateColours()
{
    const bool dark = QApplication::palette().color(QPalette::Base).lightness() < 128;
    const auto fmt = [](const QColor &c, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(c);
        if (bold)
            f.setFontWeight(QFont::Bold);
        f.setFontItalic(italic);
        return f;
    };
    m_comment = fmt(dark ? QColor(0x8b, 0x94, 0x9e) : QColor(0x6a, 0x73, 0x7d), false, true);
    m_key = fmt(dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x00, 0x5c, 0xc5));
    m_string = fmt(dark ? QColor(0xa5, 0xd6, 0xff) : QColor(0x03, 0x2f, 0x62));
    m_number = fmt(dark ? QColor(0xff, 0xa6, 0x57) : QColor(0xb3, 0x54, 0x00));
    m_keyword = fmt(dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e), true);
    m_section = fmt(dark ? QColor(0xd2, 0xa8, 0xff) : QColor(0x82, 0x50, 0xdf), true);
    m_variable = fmt(dark ? QColor(0x7e, 0xe7, 0x87) : QColor(0x11, 0x63, 0x29));
    m_added.setBackground(dark ? QColor(0x23, 0x4d, 0x2f) : QColor(0xe6, 0xff, 0xec));
    m_removed.setBackground(dark ? QColor(0x5c, 0x24, 0x27) : QColor(0xff, 0xeb, 0xe9));
    buildRules();
}

void ConfigHighlighter::setSyntax(FileSyntax syntax, bool diff)
{
    if (syntax == m_syntax && diff == m_diff)
        return;
    m_syntax = syntax;
    m_diff = diff;
    buildRules();
    rehighlight();
}

void ConfigHighlighter::buildRules()
{
    m_rules.clear();
    const auto rule = [this](const char *re, const QTextCharFormat &f, int group = 0) {
        m_rules.append({QRegularExpression(QString::fromLatin1(re)), f, group});
    };
    switch (m_syntax) {
    case FileSyntax::Yaml:
        rule(R"(^\s*(?:-\s+)?([\w.\-/]+)\s*:(?=\s|$))", m_key, 1);
        rule(R"(:\s+(-?\d+(?:\.\d+)?(?:[kMG]B|ms|s|min)?)\s*$)", m_number, 1);
        rule(R"(\b(true|false|null|yes|no)\b)", m_keyword, 1);
        rule(R"('[^']*'|"[^"]*")", m_string);
        rule(R"((?:^|\s)(#.*)$)", m_comment, 1);
        break;
    case FileSyntax::Ini:
    case FileSyntax::Systemd:
        rule(R"(^\s*\[[^\]]+\])", m_section);
        rule(R"(^\s*([\w.\-]+)\s*=)", m_key, 1);
        rule(R"(=\s*(-?\d+(?:\.\d+)?)\s*$)", m_number, 1);
        rule(R"('[^']*'|"[^"]*")", m_string);
        rule(R"(^\s*[#;].*$)", m_comment);
        break;
    case FileSyntax::HAProxy:
        rule(R"(^(global|defaults|frontend|backend|listen|userlist|resolvers|peers)\b.*$)", m_section);
        rule(R"(^\s+(bind|server|option|mode|balance|timeout|maxconn|stats|http-check|default-server|log|retries|user|group|daemon|tcp-check|acl|use_backend|default_backend)\b)",
             m_keyword, 1);
        rule(R"(\b(check|inter|fall|rise|port|on-marked-down|on-marked-up|shutdown-sessions|backup|disabled)\b)", m_key, 1);
        rule(R"(\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b|:\d+\b|\b\d+(?:ms|s)?\b)", m_number);
        rule(R"(^\s*#.*$)", m_comment);
        break;
    case FileSyntax::Shell:
        rule(R"(\b(if|then|else|elif|fi|for|while|do|done|case|esac|in|function|return|local|export|set|exit|until)\b)", m_keyword, 1);
        rule(R"(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$[0-9@#?])", m_variable);
        rule(R"('[^']*'|"[^"]*")", m_string);
        rule(R"((?:^|\s)(#.*)$)", m_comment, 1);
        break;
    case FileSyntax::Hosts:
        rule(R"(^\s*[0-9a-fA-F:.]+(?=\s))", m_number);
        rule(R"(#.*$)", m_comment);
        break;
    case FileSyntax::Markdown:
        rule(R"(^#{1,6}\s.*$)", m_section);
        rule(R"(`[^`]+`)", m_string);
        rule(R"(^\s*(?:[-*]|\d+\.)\s)", m_keyword);
        rule(R"(^```.*$)", m_comment);
        break;
    case FileSyntax::Text:
        break;
    }
}

void ConfigHighlighter::highlightBlock(const QString &text)
{
    int offset = 0;
    if (m_diff) {
        // Diff lines carry a two-character prefix; the rest is highlighted as the file itself.
        if (text.startsWith(QLatin1Char('+')))
            setFormat(0, int(text.size()), m_added);
        else if (text.startsWith(QLatin1Char('-')))
            setFormat(0, int(text.size()), m_removed);
        offset = 2;
    }
    const QString body = text.mid(offset);
    for (const Rule &r : std::as_const(m_rules)) {
        auto it = r.pattern.globalMatch(body);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            QTextCharFormat f = r.format;
            if (m_diff && offset > 0 && (text.startsWith(QLatin1Char('+')) || text.startsWith(QLatin1Char('-'))))
                f.setBackground(text.startsWith(QLatin1Char('+')) ? m_added.background() : m_removed.background());
            setFormat(int(m.capturedStart(r.group)) + offset, int(m.capturedLength(r.group)), f);
        }
    }
}

} // namespace pgha
