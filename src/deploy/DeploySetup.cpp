#include "deploy/DeploySetup.h"

#include "core/generate/Generator.h"
#include "core/model/Topology.h"
#include "core/pki/ClusterTls.h"
#include "core/util/DataPaths.h"

#include <QDir>
#include <QFile>
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
    DeploySetup setup;
    QString journalPath = options.journalPath;
    if (journalPath.isEmpty()) {
        const Result<QString> p = DataPaths::journalFile(topology.cluster.name);
        if (!p.ok())
            return p.error();
        journalPath = p.value();
        // Created (0700: it holds the generated passwords) by keepGeneratedSecrets(), after the confirmation; the
        // name was checked by DataPaths (and the validator's invalid-cluster-name) before this path was built.
        if (!options.dryRun)
            setup.clusterDirFor = topology.cluster.name;
    }
    Result<DeployJournal> journal = DeployJournal::load(journalPath);
    if (!journal.ok())
        return journal.error();
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
            setup.secretsToKeep = kept;
            setup.passwordsGenerated = true;
        }
    }
    // TLS material: issued once and kept with the secrets it came with (the given file or the kept one), so
    // that a second deploy of the design uses the same certificates.
    const Result<QStringList> issued = ClusterTls::fillMissing(topology, &secrets);
    if (!issued.ok())
        return issued.error();
    // Written by keepGeneratedSecrets() once the run is validated and confirmed, never here.
    if (!issued->isEmpty() && !options.dryRun) {
        setup.secretsToKeep = options.secretsFile.isEmpty() ? keptSecretsPath(topology, journalPath) : options.secretsFile;
        setup.keepIntoGivenFile = !options.secretsFile.isEmpty();
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

Result<void> keepGeneratedSecrets(DeploySetup *setup)
{
    if (!setup->clusterDirFor.isEmpty()) {
        const Result<QString> dir = DataPaths::ensureClusterDir(setup->clusterDirFor);
        if (!dir.ok())
            return dir.error();
        setup->clusterDirFor.clear();
    }
    if (setup->secretsToKeep.isEmpty())
        return {};
    // The file is 0600 itself; a folder is created only where --journal put it (never re-moded: it is the user's).
    const QString dir = QFileInfo(setup->secretsToKeep).absolutePath();
    if (!QDir().mkpath(dir))
        return Error{QStringLiteral("cannot create the directory"), dir};
    const Result<void> saved = SecretStore::saveFile(setup->secrets, setup->secretsToKeep);
    if (!saved.ok())
        return saved.error();
    if (!setup->keepIntoGivenFile)
        setup->generatedSecretsFile = setup->secretsToKeep;
    setup->secretsToKeep.clear();
    return {};
}

} // namespace pgha
