#pragma once

#include "core/generate/GeneratedFile.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace pgha {

class ConfigHighlighter;

// Every file of the bundle by host, the selected one read-only and highlighted; optionally as a diff
// against the last exported bundle. Follows edits: the tree is rebuilt only when the file list changes
// and the text only when the selected file's bytes change.
class PreviewPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewPanel(QWidget *parent = nullptr);
    ~PreviewPanel() override;

    void setBundle(const Bundle &bundle);
    // The values masked in the shown text (SecretMask) unless the person reveals them.
    void setSecretValues(const QStringList &values);
    void setRevealSecrets(bool on);
    bool secretsRevealed() const;
    void setLastExport(const Bundle &bundle);
    bool hasLastExport() const { return m_hasExport; }
    void selectFile(const QString &host, const QString &path);
    void selectFirstFileOf(const QString &host);
    QString currentHost() const { return m_host; }
    QString currentPath() const { return m_path; }
    QString shownText() const;
    void setDiffMode(bool on);
    int fileCount() const { return int(m_bundle.files.size()); }

private:
    void rebuildTree();
    void showCurrent();
    void replaceText(const QString &text);

    Bundle m_bundle;
    Bundle m_export;
    bool m_hasExport = false;
    QStringList m_keys;  // bundle paths shown in the tree
    QString m_shown;     // the text in m_text
    QString m_shownKey;  // host and path it belongs to
    QString m_host;
    QString m_path;
    QTreeWidget *m_tree;
    QLabel *m_header;
    QPlainTextEdit *m_text;
    QToolButton *m_diff;
    QToolButton *m_reveal;
    QStringList m_secretValues;
    ConfigHighlighter *m_highlighter;
    struct Ksh;
    Ksh *m_ksh = nullptr;  // KSyntaxHighlighting, when built with it
};

} // namespace pgha
