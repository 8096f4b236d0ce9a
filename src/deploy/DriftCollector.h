#pragma once

#include "core/drift/DriftCompute.h"
#include "core/drift/ObservedCluster.h"
#include "deploy/DeployPlan.h"
#include "deploy/RemoteSession.h"

#include <QByteArray>
#include <QList>

namespace pgha {

struct Secrets;
struct Topology;

// What `pgha diff` asks one host: the probe script's stdin (JSON: the files to hash, the local Patroni, etcd and
// HAProxy endpoints; the HAProxy stats password, so it is never printed) and where to reach it.
struct DriftProbe
{
    QString host;
    SshTarget target;
    QByteArray input;
};

// The files the deploy writes (its files steps), as the drift compares them.
QList<ExpectedFile> expectedFiles(const DeployPlan &deployPlan);

// One probe per host of the design, read-only. Pure.
QList<DriftProbe> driftProbes(const Topology &topology, const Secrets &secrets, const DeployPlan &deployPlan);

// The probe: python3 run as root on the host, one JSON object on stdout (core/parse/DriftProbeParser).
QString driftProbeScript();

struct DriftCollection
{
    QList<ObservedHost> hosts;
    bool hostKeyRefused = false;  // a changed or unknown (not accepted) host key: the CLI exits 3
};

// Runs every probe at once, one thread and one session per host (the deploy's SSH policy: the target's
// known_hosts, no questions: an unknown key is refused unless the target accepts new keys).
DriftCollection collectDrift(const QList<DriftProbe> &probes, const SessionFactory &factory, int timeoutSec = 30);

} // namespace pgha
