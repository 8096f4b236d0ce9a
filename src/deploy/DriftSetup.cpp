#include "deploy/DriftSetup.h"

#include "core/model/Topology.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace pgha {

Result<DriftSetup> prepareDrift(const Topology &topology, const DriftSetupOptions &options)
{
    DeploySetupOptions so;
    so.secretsFile = options.secretsFile;
    so.journalPath = options.journalPath;
    so.knownHostsFile = options.knownHostsFile;
    so.acceptNewHostKeys = options.acceptNewHostKeys;
    Result<DeploySetup> deploy = prepareDeploy(topology, so);
    if (!deploy.ok())
        return deploy.error();
    // Certificates issued for a host the cluster does not have yet (a design that adds one) are fine: pgha apply
    // keeps them with the secrets before it runs (keepGeneratedSecrets()). Generated passwords are not.
    if (deploy->passwordsGenerated)
        return Error{QCoreApplication::translate("pgha::Drift", "no secrets of cluster \"%1\" were found (a deploy keeps "
                                                                "them in %2): give the ones it was deployed with, --secrets FILE")
                         .arg(topology.cluster.name, deploy->secretsToKeep)};
    DriftSetup s;
    s.deploy = deploy.value();
    s.design = driftDesign(topology, expectedFiles(s.deploy.plan));
    s.probes = driftProbes(topology, s.deploy.secrets, s.deploy.plan);
    return s;
}

DriftRun runDrift(const DriftSetup &setup, const SessionFactory &factory)
{
    QElapsedTimer t;
    t.start();
    DriftRun run;
    const DriftCollection c = collectDrift(setup.probes, factory);
    run.hostKeyRefused = c.hostKeyRefused;
    run.report = computeDrift(setup.design, c.hosts);
    run.seconds = t.elapsed() / 1000.0;
    return run;
}

} // namespace pgha
