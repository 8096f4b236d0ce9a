#pragma once

#include "core/model/Secrets.h"
#include "core/util/Result.h"
#include "deploy/DeployJournal.h"
#include "deploy/DeployPlan.h"

#include <QStringList>

namespace pgha {

struct Topology;

// What the CLI and the GUI both need before a deploy: the journal, the secrets (given, from PGHA_*, or
// generated once and kept 0600 in the cluster's data folder so that a rerun writes the same files and the
// monitor finds them) and the plan. Both use the one data location, DataPaths: a deploy started by the CLI is
// resumed by the GUI and the other way round.
struct DeploySetupOptions
{
    QString projectPath;   // informational; may be "template:NAME"
    QString journalPath;   // empty = defaultJournalPath()
    QString secretsFile;   // --secrets; empty = the kept file (keptSecretsPath), then generated
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

// DataPaths::journalFile(cluster.name): <GenericDataLocation>/pgha/clusters/<cluster>/deploy.journal.json.
// Empty when the cluster name fails DataPaths' grammar (prepareDeploy then says why).
QString defaultJournalPath(const Topology &topology);
// Where generated passwords are kept: DataPaths::secretsFile(cluster.name) for the default journal; beside a
// journal given with --journal (<journal without .json>.secrets.yaml).
QString keptSecretsPath(const Topology &topology, const QString &journalPath);

Result<DeploySetup> prepareDeploy(const Topology &topology, const DeploySetupOptions &options);

} // namespace pgha
