#include "deploy/OperationJournal.h"

#include "core/model/Topology.h"
#include "core/util/DataPaths.h"
#include "deploy/DeploySetup.h"

namespace pgha {

Result<DeployJournal> loadOperationJournal(const Topology &topology, const QString &verb, const QString &path)
{
    QString file = path;
    if (file.isEmpty()) {
        const Result<QString> dir = DataPaths::ensureClusterDir(topology.cluster.name);
        if (!dir.ok())
            return dir.error();
        file = dir.value() + QLatin1Char('/') + verb + QStringLiteral(".journal.json");
    }
    return DeployJournal::load(file);
}

QString applyJournalPath(const Topology &topology, const QString &deployJournal)
{
    QString path = deployJournal.isEmpty() ? defaultJournalPath(topology) : deployJournal;
    path.replace(QStringLiteral("deploy.journal.json"), QStringLiteral("apply.journal.json"));
    if (!path.endsWith(QLatin1String("apply.journal.json")))
        path += QStringLiteral(".apply.json");
    return path;
}

} // namespace pgha
