#pragma once

#include "deploy/DeployEvaluators.h"
#include "deploy/DeployStep.h"
#include "deploy/SshTarget.h"

#include <QMap>
#include <QSet>

namespace pgha {

struct Bundle;
struct Topology;
struct Secrets;

struct PlanOptions
{
    bool adoptExistingData = false;  // --adopt-existing-data
    // Data directories earlier runs created ("pgdata:node1", "etcd:node2"), from the journal: not foreign.
    QSet<QString> ownedData;
    QStringList onlyHosts;           // --only: steps of other hosts are left out (and their deps dropped)
    QString knownHostsFile;
    bool acceptNewHostKeys = false;
};

// The ordered steps that build the topology's cluster from the bundle's files. Pure: no I/O.
struct DeployPlan
{
    QList<DeployStep> steps;
    QMap<QString, SshTarget> targets;  // by host name

    const DeployStep *step(const QString &id) const;
    // Identifies the plan's effect (scripts and file contents): a journal only resumes the same plan.
    QString fingerprint() const;
    // Every command and every file for every host, as a dry run prints it. Secret files and inputs show
    // their size and sha256 only.
    QString dryRunText() const;
};

DeployPlan buildPlan(const Topology &topology, const Bundle &bundle, const Secrets &secrets,
                     const PlanOptions &options);

// The marker a changed file of SERVICE leaves on its host until the service re-read it (FileToWrite::service).
QString changedMarker(const QString &service);


} // namespace pgha
