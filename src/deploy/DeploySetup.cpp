#include "deploy/DeploySetup.h"

#include "core/generate/Generator.h"
#include "core/model/Topology.h"
#include "core/pki/ClusterTls.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace pgha {

QString defaultJournalPath(const QString &projectPath, const Topology &topology)
{
    const QString abs = projectPath.startsWith(QLatin1String("template:")) || projectPath.isEmpty()
        ? projectPath
        : QFileInfo(projectPath).absoluteFilePath();
    const QString tag = QString::fromLatin1(QCryptographicHash::hash(abs.toUtf8(), QCryptographicHash::Sha256).toHex().left(12));
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share/pgha");
    return dir + QStringLiteral("/deploy/") + topology.cluster.name + QLatin1Char('-') + tag + QStringLiteral(".journal.json");
}

QString keptSecretsPath(const QString &journalPath)
{
    QString p = journalPath;
    if (p.endsWith(QLatin1String(".json")))
        p.chop(5);
    return p + QStringLiteral(".secrets.yaml");
}

Result<DeploySetup> prepareDeploy(const Topology &topology, const DeploySetupOptions &options)
{
    const QString journalPath = options.journalPath.isEmpty() ? defaultJournalPath(options.projectPath, topology)
                                                              : options.journalPath;
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
        const QString kept = keptSecretsPath(journalPath);
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
        const QString target = options.secretsFile.isEmpty() ? keptSecretsPath(journalPath) : options.secretsFile;
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
