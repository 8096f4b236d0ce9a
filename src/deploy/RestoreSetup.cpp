#include "deploy/RestoreSetup.h"

#include "deploy/OperationJournal.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>

namespace pgha {

Result<RestoreSetup> prepareRestore(const Topology &topology, RestoreTarget target, const PlanOptions &options,
                                    const QString &journalPath)
{
    Result<DeployJournal> journal = loadOperationJournal(topology, QStringLiteral("restore"), journalPath);
    if (!journal.ok())
        return journal.error();
    RestoreSetup s;
    s.journal = journal.value();
    target.stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QFile stampFile(s.journal.path() + QStringLiteral(".stamp"));
    if (!s.journal.lastRunComplete() && stampFile.open(QIODevice::ReadOnly)) {
        const QString kept = QString::fromLatin1(stampFile.readAll()).trimmed();
        if (QRegularExpression(QStringLiteral("^\\d{8}T\\d{6}Z$")).match(kept).hasMatch())
            target.stamp = kept;
    }
    s.target = target;
    s.plan = restorePlan(topology, target, options);
    return s;
}

void keepRestoreStamp(const RestoreSetup &setup)
{
    QFile stampFile(setup.journal.path() + QStringLiteral(".stamp"));
    if (stampFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        stampFile.write(setup.target.stamp.toLatin1() + '\n');
}

} // namespace pgha
