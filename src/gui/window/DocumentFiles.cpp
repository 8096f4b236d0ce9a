#include "gui/window/DocumentFiles.h"

#include "core/project/ProjectFile.h"
#include "gui/dialogs/MessageBox.h"
#include "gui/document/Autosave.h"
#include "gui/document/AutosaveRecovery.h"
#include "gui/document/Document.h"
#include "gui/window/RecentFiles.h"

#include <QDir>
#include <QFileDialog>
#include <QSettings>
#include <QTimer>

namespace pgha {

DocumentFiles::DocumentFiles(Document *doc, QWidget *window)
    : QObject(window), m_doc(doc), m_window(window), m_autosave(new QTimer(this))
{
    applyAutosaveInterval();
    connect(m_autosave, &QTimer::timeout, this, &DocumentFiles::autosaveNow);
    m_autosave->start();
}

void DocumentFiles::applyAutosaveInterval()
{
    m_autosave->setInterval(QSettings().value(QStringLiteral("autosave/intervalSec"), 60).toInt() * 1000);
}

bool DocumentFiles::maybeSave()
{
    if (!m_doc->isModified())
        return true;
    const auto answer = MessageBox::question(
        m_window, tr("Unsaved changes"), tr("The design \"%1\" has unsaved changes. Save them?").arg(m_doc->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool DocumentFiles::newFromTemplate(const QString &templateId)
{
    if (!maybeSave())
        return false;
    const Result<LoadedProject> loaded = ProjectFile::loadTemplate(templateId);
    if (!loaded.ok()) {
        MessageBox::warning(m_window, tr("New design"), loaded.error().toString());
        return false;
    }
    m_doc->reset(loaded->topology, QString());
    emit designReplaced();
    return true;
}

bool DocumentFiles::openFile(const QString &path)
{
    const Result<void> r = m_doc->load(path);
    if (!r.ok()) {
        MessageBox::warning(m_window, tr("Open design"), tr("Could not open the design:\n%1").arg(r.error().toString()));
        return false;
    }
    if (m_recent)
        m_recent->add(path);
    emit fileOpened(path);
    emit designReplaced();
    emit statusMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

void DocumentFiles::openInteractive()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open design"), QString(),
                                                      tr("PG HA designs (*.pgha.yaml);;YAML (*.yaml *.yml)"));
    if (!path.isEmpty())
        openFile(path);
}

bool DocumentFiles::saveTo(const QString &path)
{
    const Result<void> r = m_doc->save(path);
    if (!r.ok()) {
        MessageBox::warning(m_window, tr("Save design"), tr("Could not save the design:\n%1").arg(r.error().toString()));
        return false;
    }
    if (m_recent)
        m_recent->add(path);
    Autosave::removeOwn();
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

bool DocumentFiles::save()
{
    if (m_doc->filePath().isEmpty() || m_doc->filePath().startsWith(QLatin1Char(':')))
        return saveAs();
    return saveTo(m_doc->filePath());
}

bool DocumentFiles::saveAs()
{
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save design"),
                                                m_doc->topology().cluster.name + QStringLiteral(".pgha.yaml"),
                                                tr("PG HA designs (*.pgha.yaml)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".yaml")) && !path.endsWith(QLatin1String(".yml")))
        path += QStringLiteral(".pgha.yaml");
    return saveTo(path);
}

void DocumentFiles::autosaveNow()
{
    if (m_doc->isModified())
        Autosave::write(m_doc->topology(), m_doc->filePath());
}

void DocumentFiles::offerRecovery()
{
    const AutosaveRecovery::Outcome o = AutosaveRecovery::offer(m_window, [this](const Topology &t, const QString &originalPath) {
        if (!maybeSave())
            return false;
        m_doc->reset(t, originalPath, true);
        emit designReplaced();
        Autosave::write(m_doc->topology(), m_doc->filePath());  // now ours, before the orphan goes
        return true;
    });
    if (o.kept > 0)
        emit statusMessage(tr("%n more autosaved design(s) kept: File ▸ Recover Autosaved Designs offers them.",
                              nullptr, o.kept), 8000);
}

} // namespace pgha
