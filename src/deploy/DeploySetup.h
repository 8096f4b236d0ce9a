#pragma once

#include "core/model/Secrets.h"
#include "core/util/Result.h"
#include "deploy/DeployJournal.h"
#include "deploy/DeployPlan.h"

#include <QStringList>

namespace pgha {

struct Topology;

// What the CLI and the GUI both need before a deploy: the journal, the secrets (given, from PGHA_*, or
// generated once and kept 0600 beside the journal so that a rerun writes the same files) and the plan.
struct DeploySetupOptions
{
    QString projectPath;   // used for the default journal location; may be "template:NAME"
    QString journalPath;   // empty = defaultJournalPath()
    QString secretsFile;   // --secrets; empty = the kept file beside the journal, then generated
    QString knownHostsFile;
    bool acceptNewHostKeys = false;
    bool adoptExistingData = false;
    QStringList onlyHosts;
    bool dryRun = false;   // never writes the secrets file
};

struct DeploySetup
{
    DeployJournal journal;
    Secrets secrets;
    DeployPlan plan;
    QString generatedSecretsFile;  // set when passwords were generated and kept there
};

// <AppLocalDataLocation>/deploy/<cluster>-<hash of the project path>.journal.json
QString defaultJournalPath(const QString &projectPath, const Topology &topology);
QString keptSecretsPath(const QString &journalPath);  // beside the journal: <journal without .json>.secrets.yaml

Result<DeploySetup> prepareDeploy(const Topology &topology, const DeploySetupOptions &options);

} // namespace pgha
