#pragma once

#include "core/model/Secrets.h"
#include "core/util/Result.h"
#include "deploy/DeployJournal.h"
#include "deploy/DeployPlan.h"
#include "deploy/RenewPlan.h"

#include <QStringList>

namespace pgha {

struct Topology;

// What `pgha certs renew` and the Monitor tab's "Renew certificates" both need before the rollout: the deployed
// cluster's secrets, new leaf certificates from its CA, the rollout plan (RenewPlan) and its journal.
struct RenewSetupOptions
{
    QString secretsFile;     // empty = the one the deploy kept (keptSecretsPath)
    QString journalPath;     // empty = renew.journal.json beside the deploy's journal
    QString leader;          // the current Patroni leader (renewed last, after a switchover); may be empty
    QString knownHostsFile;
    bool acceptNewHostKeys = false;
};

struct RenewSetup
{
    QString secretsFile;
    Secrets old;             // the file's content as it is (saved again as <file>.before-renew)
    Secrets renewed;         // the file's content with the new leaves (what keepRenewedSecrets writes)
    Secrets runtime;         // renewed, with PGHA_* overrides applied for this run only (never written)
    QStringList issued;      // "host node1", ..., "admin"
    RenewOptions planOptions;
    DeployPlan plan;
    DeployJournal journal;
};

// Plans the rollout again for another leader (the leader is known only once the cluster was asked).
void replanRenewal(const Topology &topology, RenewSetup *setup, const QString &leader);

// Reads the secrets file and the journal, issues the new leaves and builds the plan; writes nothing, so that a
// declined confirmation leaves everything as it was.
Result<RenewSetup> prepareRenewal(const Topology &topology, const RenewSetupOptions &options);

// After the confirmation: keeps the previous secrets as <file>.before-renew and writes the renewed ones (both
// 0600, atomically). The new leaves are in the file before the rollout starts: a host renewed by a run that then
// fails keeps the new certificate, the others the old one, and both chain to the same CA.
Result<void> keepRenewedSecrets(const RenewSetup &setup);

} // namespace pgha
