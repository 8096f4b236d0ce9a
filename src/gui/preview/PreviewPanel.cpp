#include "gui/preview/PreviewPanel.h"

#include "core/model/SecretMask.h"
#include "gui/preview/ConfigHighlighter.h"
#include "gui/preview/LineDiff.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#ifdef PGHA_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

namespace pgha {

namespace {
constexpr int kHostRole = Qt::UserRole;
constexpr int kPathRole = Qt::UserRole + 1;
} // namespace

struct PreviewPanel::Ksh
{
#ifdef PGHA_HAVE_KSYNTAXHIGHLIGHTING
    KSyntaxHighlighting::Repository repository;
    KSyntaxHighlighting::SyntaxHighlighter *highlighter = nullptr;
#endif
};

PreviewPanel::PreviewPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("previewPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("previewSplitter"));
    layout->addWidget(split);

    m_tree = new QTreeWidget(split);
    m_tree->setObjectName(QStringLiteral("previewTree"));
    m_tree->setHeaderLabels({tr("File"), tr("Mode")});
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);

    auto *right = new QWidget(split);
    auto *rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_header = new QLabel(right);
    m_header->setObjectName(QStringLiteral("previewHeader"));
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addWidget(m_header, 1);
    m_diff = new QToolButton(right);
    m_diff->setObjectName(QStringLiteral("previewDiffToggle"));
    m_diff->setCheckable(true);
    m_diff->setText(tr("Diff against last export"));
    m_diff->setToolTip(tr("Show what the current design changes in this file compared with the bundle exported last"));
    m_diff->setEnabled(false);
    bar->addWidget(m_diff);
    m_reveal = new QToolButton(right);
    m_reveal->setObjectName(QStringLiteral("previewRevealSecrets"));
    m_reveal->setCheckable(true);
    m_reveal->setText(tr("Reveal secrets"));
    m_reveal->setToolTip(tr("Passwords and private keys are masked; show them in clear while this is on"));
    bar->addWidget(m_reveal);
    rl->addLayout(bar);
    m_text = new QPlainTextEdit(right);
    m_text->setObjectName(QStringLiteral("previewText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_text->setFont(mono);
    m_text->setTabStopDistance(QFontMetricsF(mono).horizontalAdvance(QLatin1Char(' ')) * 4);
    rl->addWidget(m_text, 1);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);

    m_highlighter = new ConfigHighlighter(m_text->document());
#ifdef PGHA_HAVE_KSYNTAXHIGHLIGHTING
    m_ksh = new Ksh;
#endif

    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item || item->data(0, kPathRole).toString().isEmpty())
            return;
        m_host = item->data(0, kHostRole).toString();
        m_path = item->data(0, kPathRole).toString();
        showCurrent();
    });
    connect(m_diff, &QToolButton::toggled, this, [this] { showCurrent(); });
    connect(m_reveal, &QToolButton::toggled, this, [this] { showCurrent(); });
}

PreviewPanel::~PreviewPanel()
{
    delete m_ksh;
}

void PreviewPanel::setSecretValues(const QStringList &values)
{
    if (values == m_secretValues)
        return;
    m_secretValues = values;
    showCurrent();
}

void PreviewPanel::setRevealSecrets(bool on)
{
    m_reveal->setChecked(on);
}

bool PreviewPanel::secretsRevealed() const
{
    return m_reveal->isChecked();
}

void PreviewPanel::setBundle(const Bundle &bundle)
{
    m_bundle = bundle;
    QStringList keys;
    keys.reserve(bundle.files.size());
    for (const GeneratedFile &f : bundle.files)
        keys << f.host + QLatin1Char('\t') + f.path + QLatin1Char('\t') + QString::number(f.mode, 8) + (f.secret ? QStringLiteral("s") : QString());
    if (keys != m_keys) {
        m_keys = keys;
        rebuildTree();
    }
    showCurrent();
}

void PreviewPanel::setLastExport(const Bundle &bundle)
{
    m_export = bundle;
    m_hasExport = true;
    m_diff->setEnabled(true);
    showCurrent();
}

void PreviewPanel::setDiffMode(bool on)
{
    m_diff->setChecked(on);
}

void PreviewPanel::rebuildTree()
{
    // Incremental: only hosts whose file list changed get new children, so that an edit on a
    // 200-host design touches a handful of rows instead of rebuilding a thousand.
    const QSignalBlocker block(m_tree);
    QMap<QString, QList<const GeneratedFile *>> byHost;
    QStringList order;
    for (const GeneratedFile &f : std::as_const(m_bundle.files)) {
        if (!byHost.contains(f.host))
            order << f.host;
        byHost[f.host] << &f;
    }
    // Drop hosts that are gone.
    for (int i = m_tree->topLevelItemCount() - 1; i >= 0; --i) {
        if (!byHost.contains(m_tree->topLevelItem(i)->data(0, kHostRole).toString()))
            delete m_tree->takeTopLevelItem(i);
    }
    QHash<QString, QTreeWidgetItem *> existing;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        existing.insert(m_tree->topLevelItem(i)->data(0, kHostRole).toString(), m_tree->topLevelItem(i));
    const bool expandAll = order.size() <= 12;
    QTreeWidgetItem *current = nullptr;
    for (int index = 0; index < order.size(); ++index) {
        const QString &host = order.at(index);
        QTreeWidgetItem *parent = existing.value(host);
        if (!parent) {
            parent = new QTreeWidgetItem({host.isEmpty() ? tr("Bundle") : host});
            parent->setData(0, kHostRole, host);
            parent->setIcon(0, QIcon(host.isEmpty() ? QStringLiteral(":/icons/bundle.svg") : QStringLiteral(":/icons/host.svg")));
            m_tree->insertTopLevelItem(std::min(index, m_tree->topLevelItemCount()), parent);
            parent->setFirstColumnSpanned(true);
            parent->setExpanded(expandAll || host == m_host);
        } else if (m_tree->indexOfTopLevelItem(parent) != index) {
            const bool expanded = parent->isExpanded();
            m_tree->takeTopLevelItem(m_tree->indexOfTopLevelItem(parent));
            m_tree->insertTopLevelItem(std::min(index, m_tree->topLevelItemCount()), parent);
            parent->setExpanded(expanded);
        }
        const QList<const GeneratedFile *> &files = byHost[host];
        bool same = parent->childCount() == files.size();
        for (int j = 0; same && j < files.size(); ++j) {
            const QTreeWidgetItem *c = parent->child(j);
            same = c->data(0, kPathRole).toString() == files[j]->path
                && c->text(1) == QString::number(files[j]->mode, 8).rightJustified(4, QLatin1Char('0'));
        }
        if (!same) {
            qDeleteAll(parent->takeChildren());
            for (const GeneratedFile *f : files) {
                auto *item = new QTreeWidgetItem(parent, {f->path, QString::number(f->mode, 8).rightJustified(4, QLatin1Char('0'))});
                item->setData(0, kHostRole, f->host);
                item->setData(0, kPathRole, f->path);
                if (f->secret)
                    item->setIcon(1, QIcon(QStringLiteral(":/icons/lock.svg")));
            }
        }
        if (host == m_host) {
            for (int j = 0; j < parent->childCount(); ++j) {
                if (parent->child(j)->data(0, kPathRole).toString() == m_path)
                    current = parent->child(j);
            }
        }
    }
    if (current) {
        if (m_tree->currentItem() != current)
            m_tree->setCurrentItem(current);
    } else if (!m_bundle.files.isEmpty()) {
        // Nothing chosen yet (or it disappeared): the first host's first file.
        for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
            QTreeWidgetItem *top = m_tree->topLevelItem(i);
            if (top->childCount() > 0 && !top->child(0)->data(0, kHostRole).toString().isEmpty()) {
                top->setExpanded(true);
                m_tree->setCurrentItem(top->child(0));
                m_host = top->child(0)->data(0, kHostRole).toString();
                m_path = top->child(0)->data(0, kPathRole).toString();
                break;
            }
        }
    }
}

void PreviewPanel::selectFile(const QString &host, const QString &path)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *top = m_tree->topLevelItem(i);
        for (int j = 0; j < top->childCount(); ++j) {
            QTreeWidgetItem *c = top->child(j);
            if (c->data(0, kHostRole).toString() == host && c->data(0, kPathRole).toString() == path) {
                top->setExpanded(true);
                m_tree->setCurrentItem(c);
                m_tree->scrollToItem(c);
                return;
            }
        }
    }
}

void PreviewPanel::selectFirstFileOf(const QString &host)
{
    if (host == m_host)
        return;
    for (const GeneratedFile &f : std::as_const(m_bundle.files)) {
        if (f.host == host) {
            selectFile(f.host, f.path);
            return;
        }
    }
}

void PreviewPanel::replaceText(const QString &text)
{
    if (m_shown == text)
        return;
    const bool sameFile = m_shownKey == m_host + QLatin1Char('\t') + m_path;
    m_shownKey = m_host + QLatin1Char('\t') + m_path;
    if (!sameFile || m_shown.isEmpty()) {
        m_text->setPlainText(text);
        m_shown = text;
        return;
    }
    // The same file changed: replace only the lines between the common head and tail, so that the
    // highlighter redoes a few blocks and the reader keeps their place.
    const QStringList a = m_shown.split(QLatin1Char('\n'));
    const QStringList b = text.split(QLatin1Char('\n'));
    int head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    int tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    QTextDocument *doc = m_text->document();
    QTextCursor cursor(doc);
    const QTextBlock first = doc->findBlockByNumber(head);
    const QTextBlock last = doc->findBlockByNumber(int(a.size()) - tail - 1);
    QStringList middle = b.mid(head, b.size() - head - tail);
    if (!first.isValid()) {
        cursor.movePosition(QTextCursor::End);
        cursor.insertText(QLatin1Char('\n') + middle.join(QLatin1Char('\n')));
    } else {
        cursor.setPosition(first.position());
        if (last.isValid() && last.blockNumber() >= first.blockNumber())
            cursor.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
        else
            middle.append(QString());  // pure insertion before 'first': keep its line break
        cursor.insertText(middle.join(QLatin1Char('\n')));
    }
    m_shown = text;
    if (m_text->toPlainText() != text) {  // belt and braces: never show something else
        m_text->setPlainText(text);
    }
}

QString PreviewPanel::shownText() const
{
    return m_text->toPlainText();
}

void PreviewPanel::showCurrent()
{
    const GeneratedFile *f = m_bundle.find(m_host, m_path);
    if (!f) {
        m_header->setText(m_bundle.files.isEmpty() ? tr("Nothing generated yet.") : tr("Select a file."));
        if (!m_text->document()->isEmpty())
            m_text->clear();
        m_shown.clear();
        m_shownKey.clear();
        return;
    }
    const bool diff = m_diff->isChecked() && m_hasExport;
    QString text = QString::fromUtf8(f->content);
    const QString mode = QString::number(f->mode, 8).rightJustified(4, QLatin1Char('0'));
    QString header = QStringLiteral("<b>%1</b>  <code>%2</code>  ").arg(f->host.toHtmlEscaped(), f->path.toHtmlEscaped())
        + (f->secret ? tr("mode %1, holds secrets").arg(mode) : tr("mode %1").arg(mode));
    if (diff) {
        const GeneratedFile *old = m_export.find(m_host, m_path);
        const QString before = old ? QString::fromUtf8(old->content) : QString();
        const QString d = LineDiff::unified(before, text);
        text = d.isEmpty() ? tr("  (unchanged since the last export)") : d;
        header += QLatin1String("  — ") + (old ? tr("diff against last export") : tr("new since the last export"));
    }
    if (!m_reveal->isChecked())
        text = SecretMask::apply(text, m_secretValues);
    m_header->setText(header);
#ifdef PGHA_HAVE_KSYNTAXHIGHLIGHTING
    // KSyntaxHighlighting knows these formats better; diffs stay with our own highlighter.
    static const QHash<int, QString> names = {{int(FileSyntax::Yaml), QStringLiteral("YAML")},
                                              {int(FileSyntax::Ini), QStringLiteral("INI Files")},
                                              {int(FileSyntax::Systemd), QStringLiteral("systemd unit")},
                                              {int(FileSyntax::Shell), QStringLiteral("Bash")},
                                              {int(FileSyntax::Markdown), QStringLiteral("Markdown")}};
    const auto def = m_ksh->repository.definitionForName(names.value(int(f->syntax)));
    if (!diff && def.isValid()) {
        m_highlighter->setDocument(nullptr);
        if (!m_ksh->highlighter) {
            m_ksh->highlighter = new KSyntaxHighlighting::SyntaxHighlighter(m_text->document());
            m_ksh->highlighter->setTheme(m_ksh->repository.themeForPalette(palette()));
        }
        m_ksh->highlighter->setDocument(m_text->document());
        m_ksh->highlighter->setDefinition(def);
    } else {
        if (m_ksh->highlighter)
            m_ksh->highlighter->setDocument(nullptr);
        m_highlighter->setDocument(m_text->document());
        m_highlighter->setSyntax(f->syntax, diff);
    }
#else
    m_highlighter->setSyntax(f->syntax, diff);
#endif
    replaceText(text);
}

} // namespace pgha
