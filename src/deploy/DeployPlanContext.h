#pragma once

#include "deploy/DeployPlan.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace pgha {

struct Bundle;
struct Cluster;
struct Host;
struct Secrets;
struct Topology;

// What the phases of buildPlan() share while they append their steps, in order (DeployPlan.cpp calls them):
// the inputs, the host lists by role, and the step ids a later phase depends on. Internal to src/deploy.
struct DeployPlanContext
{
    DeployPlanContext(DeployPlan &plan, const Topology &topology, const Bundle &bundle, const Secrets &secrets,
                      const PlanOptions &options);

    DeployPlan &plan;
    const Topology &topology;
    const Bundle &bundle;
    const Secrets &secrets;
    const PlanOptions &options;
    bool tls = false;
    QString scheme;  // http or https: Patroni's REST API and etcd's client URLs
    QList<const Host *> hosts, etcdHosts, pgHosts, haHosts;

    QStringList checkIds;               // every host's check step: no file is written before all passed
    QMap<QString, QString> pipIds;      // host -> its Patroni pip step
    QMap<QString, bool> hasEtcdYaml;    // host -> etcd reads a YAML config file (else the env file)
    QString quorumId;                   // "etcd-quorum" when the design has etcd
    bool poolerOn = false;
    bool poolerOnDb = false;            // PgBouncer on the database hosts: HAProxy's servers are the poolers
    QStringList poolerReadyIds;

    // The host's files step, when it has one.
    QStringList filesDep(const Host *h) const;
    // Day 2: a service that was already running re-reads the files this run changed (changedMarker()).
    QString addReload(const Host *h, const QString &svc, const QStringList &deps, const QString &systemdCmd,
                      const QString &direct, const QString &prepare = {});
};

// The phases, in the order buildPlan() runs them. Host steps: DeployHostSteps.cpp; etcd, Patroni and PgBouncer:
// DeployServiceSteps.cpp; HAProxy, keepalived and the routing proof: DeployProxySteps.cpp.
namespace DeployPhases {
void addHostChecks(DeployPlanContext &x);  // 1. every host checked before anything changes anywhere
void addPackages(DeployPlanContext &x);    // 2. packages, and Patroni from pip
void addFiles(DeployPlanContext &x);       // 3. the generated files, once every host passed its check
void addEtcd(DeployPlanContext &x);        // 4. etcd on every member, restarts one at a time, quorum
void addPatroni(DeployPlanContext &x);     // 5. one bootstraps, the others join once there is a leader
void addPooler(DeployPlanContext &x);      // 5b. PgBouncer's auth role, PgBouncer on the database hosts
void poolerStart(DeployPlanContext &x, const Host *h, const QStringList &deps);
void addHaproxy(DeployPlanContext &x);     // 6. HAProxy, ready when one server is UP in the primary pool
void addVip(DeployPlanContext &x);         // 6b. keepalived and the floating address
void addRouting(DeployPlanContext &x);     // 7. a write through the primary port, a read through the replica port
} // namespace DeployPhases

} // namespace pgha
