#pragma once

#include "core/drift/DriftReport.h"
#include "core/drift/ObservedCluster.h"

#include <QJsonValue>
#include <QMap>
#include <QStringList>

namespace pgha {

struct Topology;

// A file as the deploy writes it (deploy/DeployPlan's files step): what the host should hold.
struct ExpectedFile
{
    QString host;
    QString path;
    QString sha256;   // hex of the generated content
    QString mode;     // octal text
    QString owner;
    QString service;  // the service that reads it ("patroni", "etcd", "haproxy"; may be empty)
};

// The design's side of a drift, taken from the generators (one place decides what a file or a setting is).
struct DriftDesign
{
    QStringList hosts;         // every host, in design order
    QStringList pgHosts;
    QStringList etcdHosts;
    QStringList haproxyHosts;
    QMap<QString, QString> etcdPeerUrls;   // etcd host -> its peer URL as the generated etcd config advertises it
    QList<ExpectedFile> files;
    QMap<QString, QJsonValue> dcs;         // bootstrap.dcs of the generated patroni.yml, flattened ("ttl", "postgresql.parameters.max_connections")
    QMap<QString, QString> parameters;     // the PostgreSQL parameters (PatroniConfig::postgresParameters)
    QString patroniVersion;                // cluster.patroni.version ("" = not stated)
    bool patroniPip = false;               // installed by pip: apply upgrades it (else the distribution's package decides)
    QString postgresPackageVersion;        // cluster.postgres.package_version ("" = the repository's, no pin)
};

// Builds the design side from the topology and the files the deploy would write. Pure.
DriftDesign driftDesign(const Topology &topology, const QList<ExpectedFile> &files);

// Compares the design with what the hosts answered. Pure: tested with recorded answers (tests/drift).
DriftReport computeDrift(const DriftDesign &design, const QList<ObservedHost> &observed);
// Part of computeDrift (VersionDrift.cpp): the running Patroni release and the installed PostgreSQL package on
// each reachable PostgreSQL host against the design's; pip and a pinned package are DriftItem::Fix::Upgrade.
void addVersionDrift(const DriftDesign &design, const QMap<QString, const ObservedHost *> &byName, DriftReport *report);

// Helpers (exposed for the tests).
// {"a": {"b": 1}} -> {"a.b": 1}; arrays stay values.
QMap<QString, QJsonValue> flattenJson(const QJsonObject &object, const QString &prefix = {});
// A JSON value as text for a table: true/false, integers without ".0", strings as they are, arrays as JSON.
QString jsonValueText(const QJsonValue &v);
// Whether a design value ("32MB", "on", "1s", 50) equals a pg_settings row (setting in its unit).
bool sameSetting(const QString &design, const PgSetting &actual);
// Whether two values of Patroni's dynamic configuration are the same (parameters compared as PostgreSQL does).
bool sameDynamicValue(const QString &key, const QJsonValue &design, const QJsonValue &actual);

} // namespace pgha
