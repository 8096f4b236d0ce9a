#include "gui/document/AutosaveRecovery.h"

#include "core/project/ProjectFile.h"
#include "gui/dialogs/MessageBox.h"
#include "gui/document/Autosave.h"

#include <QDir>
#include <QLocale>

namespace pgha {

AutosaveRecovery::Outcome AutosaveRecovery::offer(QWidget *parent, const Load &load)
{
    Outcome out;
    const QList<Autosave::Orphan> orphans = Autosave::orphans();
    for (int i = 0; i < orphans.size(); ++i) {
        const Autosave::Orphan &o = orphans.at(i);
        if (out.recovered > 0) {
            out.kept = int(orphans.size()) - i;  // one design per window: the rest wait for the next offer
            break;
        }
        const QString what = o.originalPath.isEmpty() ? tr("an unsaved design") : QDir::toNativeSeparators(o.originalPath);
        const QString when = QLocale().toString(o.savedAt, QLocale::ShortFormat);
        const auto answer = MessageBox::question(
            parent, tr("Recover design"),
            tr("PG HA Designer did not close properly. Recover the copy of %1 autosaved at %2?\n\n"
               "No deletes this copy; Cancel keeps it (and %n other(s)) for later.",
               nullptr, int(orphans.size()) - i - 1)
                .arg(what, when),
            QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer == QMessageBox::Cancel) {
            out.kept = int(orphans.size()) - i;
            break;
        }
        if (answer == QMessageBox::No) {
            Autosave::discard(o);
            ++out.declined;
            continue;
        }
        const Result<LoadedProject> loaded = ProjectFile::load(o.file);
        if (!loaded.ok()) {
            MessageBox::warning(parent, tr("Recover design"),
                                tr("Could not recover %1:\n%2\n\nThe autosaved copy is kept at %3.")
                                    .arg(what, loaded.error().toString(), QDir::toNativeSeparators(o.file)));
            ++out.failed;
            continue;
        }
        if (!load(loaded->topology, o.originalPath)) {
            ++out.failed;
            continue;
        }
        Autosave::discard(o);
        ++out.recovered;
    }
    return out;
}

} // namespace pgha
