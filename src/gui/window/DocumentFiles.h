#pragma once

#include <QObject>
#include <QString>

class QTimer;
class QWidget;

namespace pgha {

class Document;
class RecentFiles;

// The design's file life: New from Template, Open, Save, Save As, asking about unsaved changes, the autosave
// timer and the recovery of designs autosaved by a session that did not end. Messages and dialogs appear over
// the window; what the window does next (fit the view, read the design's secrets) it learns from the signals.
class DocumentFiles : public QObject
{
    Q_OBJECT
public:
    DocumentFiles(Document *doc, QWidget *window);

    void setRecentFiles(RecentFiles *recent) { m_recent = recent; }

    // False (with a message shown) when they fail or the user cancels.
    bool maybeSave();  // asks about unsaved changes: true = go on
    bool newFromTemplate(const QString &templateId);
    bool openFile(const QString &path);
    bool saveTo(const QString &path);
    bool save();
    bool saveAs();
    void openInteractive();  // File > Open…: asks for unsaved changes, then for the file

    void autosaveNow();
    void offerRecovery();          // every design autosaved by a session that did not end, one at a time
    void applyAutosaveInterval();  // QSettings autosave/intervalSec (the preferences dialog writes it)

signals:
    void fileOpened(const QString &path);  // a design was read from path (designReplaced follows)
    void designReplaced();                // a template, a file or a recovered design is now the document
    void statusMessage(const QString &text, int timeoutMs);

private:
    Document *m_doc;
    QWidget *m_window;
    RecentFiles *m_recent = nullptr;
    QTimer *m_autosave;
};

} // namespace pgha
