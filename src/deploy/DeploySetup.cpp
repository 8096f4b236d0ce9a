#include "deploy/DeploySetup.h"

#include "core/generate/Generator.h"
#include "core/model/Topology.h"
#include "core/pki/ClusterTls.h"
#include "core/util/DataPaths.h"

#include <QDir>
#include <QFileInfo>

namespace pgha {

QString defaultJournalPath(const Topology &topology)
{
    const Result<QString> p = DataPaths::journalFile(topology.cluster.name);
    return p.ok() ? p.value() : QString();
}

QString keptSecretsPath(const Topology &topology, const QString &journalPath)
{
    if (journalPath == defaultJournalPath(topology)) {
        const Result<QString> p = DataPaths::secretsFile(topology.cluster.name);
        return p.ok() ? p.value() : QString();
    }
    QString p = journalPath;
    if (p.endsWith(QLatin1String(".json")))
        p.chop(5);
    return p + QStringLiteral(".secrets.yaml");
}

Result<DeploySetup> prepareDeploy(const Topology &topology, const DeploySetupOptions &options)
{
    QString journalPath = options.journalPath;
    if (journalPath.isEmpty()) {
        const Result<QString> p = DataPaths::journalFile(topology.cluster.name);
        if (!p.ok())
            return p.error();
        journalPath = p.value();
        if (!options.dryRun) {
            // 0700: the folder holds the generated passwords.
            const Result<QString> dir = DataPaths::ensureClusterDir(topology.cluster.name);
            if (!dir.ok())
                return dir.error();
        }
    }
    Result<DeployJournal> journal = DeployJournal::load(journalPath);
    if (!journal.ok())
        return journal.error();
    DeploySetup setup;
    setup.journal = journal.value();
    Secrets secrets;
    if (!options.secretsFile.isEmpty()) {
        Result<Secrets> s = SecretStore::loadFile(options.secretsFile);
        if (!s.ok())
            return s.error();
        secrets = s.value();
        SecretStore::applyEnvironment(&secrets);
        SecretStore::fillMissing(&secrets);
    } else {
        const QString kept = keptSecretsPath(topology, journalPath);
        if (QFileInfo::exists(kept)) {
            Result<Secrets> s = SecretStore::loadFile(kept);
            if (!s.ok())
                return s.error();
            secrets = s.value();
        }
        SecretStore::applyEnvironment(&secrets);
        const Secrets before = secrets;
        SecretStore::fillMissing(&secrets);
        if (before != secrets && !options.dryRun) {
            QDir().mkpath(QFileInfo(kept).absolutePath());
            const Result<void> saved = SecretStore::saveFile(secrets, kept);
            if (!saved.ok())
                return saved.error();
            setup.generatedSecretsFile = kept;
        }
    }
    // TLS material: issued once and kept with the secrets it came with (the given file or the kept one), so
    // that a second deploy of the design uses the same certificates.
    const Result<QStringList> issued = ClusterTls::fillMissing(topology, &secrets);
    if (!issued.ok())
        return issued.error();
    if (!issued->isEmpty() && !options.dryRun) {
        const QString target = options.secretsFile.isEmpty() ? keptSecretsPath(topology, journalPath) : options.secretsFile;
        QDir().mkpath(QFileInfo(target).absolutePath());
        const Result<void> saved = SecretStore::saveFile(secrets, target);
        if (!saved.ok())
            return saved.error();
        if (options.secretsFile.isEmpty())
            setup.generatedSecretsFile = target;
    }
    setup.secrets = secrets;
    PlanOptions po;
    po.adoptExistingData = options.adoptExistingData;
    po.ownedData = setup.journal.ownedData();
    po.onlyHosts = options.onlyHosts;
    po.knownHostsFile = options.knownHostsFile;
    po.acceptNewHostKeys = options.acceptNewHostKeys;
    setup.plan = buildPlan(topology, generateBundle(topology, secrets), secrets, po);
    return setup;
}

} // namespace pgha
