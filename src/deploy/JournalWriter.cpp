#include "deploy/JournalWriter.h"

#include "deploy/DeployJournal.h"

namespace pgha {

void JournalWriter::write(const QString &path, const QByteArray &json)
{
    const Result<void> r = DeployJournal::writeFile(path, json);
    if (!r.ok())
        emit failed(r.error().toString());
}

} // namespace pgha
