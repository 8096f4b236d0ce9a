#include "deploy/RenewSetup.h"

#include "core/model/Topology.h"
#include "core/pki/CertRenewal.h"
#include "deploy/DeploySetup.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace pgha {

Result<RenewSetup> prepareRenewal(const Topology &topology, const RenewSetupOptions &options)
{
    const QString deployJournal = defaultJournalPath(topology);
    if (deployJournal.isEmpty() && (options.journalPath.isEmpty() || options.secretsFile.isEmpty())) {
        Error e;
        e.field = QStringLiteral("cluster.name");
        e.message = QCoreApplication::translate("pgha::Deploy",
                                                "cluster.name \"%1\" cannot name a data folder; give the journal and "
                                                "the secrets file")
                        .arg(topology.cluster.name);
        return e;
    }
    RenewSetup s;
    s.secretsFile = options.secretsFile.isEmpty() ? keptSecretsPath(topology, deployJournal) : options.secretsFile;
    if (!QFileInfo::exists(s.secretsFile)) {
        return Error{QCoreApplication::translate("pgha::Deploy",
                                                 "no secrets file %1 (the deployed cluster's secrets hold its CA)")
                         .arg(s.secretsFile)};
    }
    Result<Secrets> loaded = SecretStore::loadFile(s.secretsFile);
    if (!loaded.ok())
        return loaded.error();
    s.old = loaded.value();
    Result<CertRenewal::Renewed> renewed = CertRenewal::renewLeaves(topology, s.old);
    if (!renewed.ok())
        return renewed.error();
    s.renewed = renewed->secrets;
    s.issued = renewed->issued;
    s.runtime = s.renewed;
    SecretStore::applyEnvironment(&s.runtime);

    s.planOptions.plan.knownHostsFile = options.knownHostsFile;
    s.planOptions.plan.acceptNewHostKeys = options.acceptNewHostKeys;
    replanRenewal(topology, &s, options.leader);

    QString journalPath = options.journalPath;
    if (journalPath.isEmpty()) {
        journalPath = deployJournal;
        journalPath.replace(QStringLiteral("deploy.journal.json"), QStringLiteral("renew.journal.json"));
    }
    Result<DeployJournal> journal = DeployJournal::load(journalPath);
    if (!journal.ok())
        return journal.error();
    s.journal = journal.value();
    return s;
}

void replanRenewal(const Topology &topology, RenewSetup *setup, const QString &leader)
{
    setup->planOptions.leader = leader;
    setup->plan = buildRenewPlan(topology, setup->runtime, setup->planOptions);
}

Result<void> keepRenewedSecrets(const RenewSetup &setup)
{
    if (Result<void> b = SecretStore::saveFile(setup.old, setup.secretsFile + QStringLiteral(".before-renew")); !b.ok())
        return b;
    return SecretStore::saveFile(setup.renewed, setup.secretsFile);
}

} // namespace pgha
