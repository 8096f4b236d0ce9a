#pragma once

#include "core/generate/GeneratedFile.h"

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace pgha {

// A compact highlighter for the files we generate: YAML, INI/env, HAProxy, systemd units, shell, hosts,
// Markdown; and diffs of them. Used when KSyntaxHighlighting is not available (Debian 12).
class ConfigHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit ConfigHighlighter(QTextDocument *document);
    void setSyntax(FileSyntax syntax, bool diff);
    void updateColours();

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
        int group = 0;
    };
    void buildRules();

    FileSyntax m_syntax = FileSyntax::Text;
    bool m_diff = false;
    QList<Rule> m_rules;
    QTextCharFormat m_comment, m_key, m_string, m_number, m_keyword, m_section, m_variable, m_added, m_removed;
};

} // namespace pgha
