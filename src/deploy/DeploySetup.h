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
    bool dryRun = false;
};

struct DeploySetup
{
    DeployJournal journal;
    Secrets secrets;
    DeployPlan plan;
    QString secretsToKeep;         // where keepGeneratedSecrets() keeps generated passwords and issued TLS
                                   // material; empty = nothing to keep
    bool keepIntoGivenFile = false;  // secretsToKeep is the --secrets file (TLS material added to it)
    bool passwordsGenerated = false;  // no kept secrets held the passwords: new ones were generated (not only TLS
                                      // material issued for a host that has none yet)
    QString clusterDirFor;         // the cluster whose data folder keepGeneratedSecrets() creates (0700); empty = none
    QString generatedSecretsFile;  // set by keepGeneratedSecrets() once it kept them there
};

// DataPaths::journalFile(cluster.name): <GenericDataLocation>/pgha/clusters/<cluster>/deploy.journal.json.
// Empty when the cluster name fails DataPaths' grammar (prepareDeploy then says why).
QString defaultJournalPath(const Topology &topology);
// Where generated passwords are kept: DataPaths::secretsFile(cluster.name) for the default journal; beside a
// journal given with --journal (<journal without .json>.secrets.yaml).
QString keptSecretsPath(const Topology &topology, const QString &journalPath);

// Reads the journal and the secrets and builds the plan; writes nothing (no folder, no journal, no secrets file),
// so that a design with errors, a dry run or a declined confirmation leaves nothing behind.
Result<DeploySetup> prepareDeploy(const Topology &topology, const DeploySetupOptions &options);
// After validation passed and the user confirmed: creates the cluster's data folder (0700) and keeps the
// generated passwords and issued TLS material (0600)
// beside the journal, or adds the TLS material to the given secrets file, so that a rerun writes the same files.
// Does nothing when nothing was generated.
Result<void> keepGeneratedSecrets(DeploySetup *setup);

} // namespace pgha
