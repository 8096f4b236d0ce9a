#pragma once

#include "core/drift/DriftCompute.h"
#include "core/model/Secrets.h"
#include "core/util/Result.h"
#include "deploy/DeploySetup.h"
#include "deploy/DriftCollector.h"

namespace pgha {

struct Topology;

// What `pgha diff`, `pgha apply` and the Monitor tab's Drift view share: the deploy's secrets, plan and SSH
// policy (DeploySetup), the design side of the drift and one probe per host.
struct DriftSetupOptions
{
    QString secretsFile;     // empty = the one the deploy kept
    QString journalPath;     // the deploy's journal (to find its kept secrets); empty = the default
    QString knownHostsFile;
    bool acceptNewHostKeys = false;
};

struct DriftSetup
{
    DeploySetup deploy;      // secrets, the deploy's plan (files, reload steps, SSH targets)
    DriftDesign design;
    QList<DriftProbe> probes;
};

// Reads the secrets and builds everything; writes nothing. Refuses when the cluster's secrets are unknown (the
// files would differ by every password).
Result<DriftSetup> prepareDrift(const Topology &topology, const DriftSetupOptions &options);

struct DriftRun
{
    DriftReport report;
    bool hostKeyRefused = false;
    double seconds = 0;
};

// Probes every host (in parallel) and compares. Blocking: call it off the GUI thread.
DriftRun runDrift(const DriftSetup &setup, const SessionFactory &factory);

} // namespace pgha
