#pragma once

#include "core/parse/EtcdParser.h"
#include "core/parse/ParsedRecords.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

// What `pgha diff` read from the running cluster (deploy/DriftCollector gathers it over SSH; the host's answer is
// parsed by core/parse/DriftProbeParser). Plain values: computeDrift() judges them without I/O.
namespace pgha {

struct ObservedFile
{
    bool present = false;
    QString sha256;   // hex
    QString mode;     // octal text ("600")
    QString owner;
    QString error;    // could not be read
};

// One row of pg_settings.
struct PgSetting
{
    QString setting;
    QString unit;         // "8kB", "ms", ... or empty
    QString context;      // "postmaster" (restart), "sighup" (reload), "user", ...
    bool pendingRestart = false;
};

struct ObservedHost
{
    QString name;
    bool reachable = false;        // the SSH probe ran
    QString error;                 // why not, or what part failed
    QMap<QString, ObservedFile> files;  // by path
    // PostgreSQL hosts
    bool hasSettings = false;
    QString settingsError;
    QMap<QString, PgSetting> settings;  // by name (pg_settings)
    bool hasNode = false;               // GET /patroni answered
    QString role;                       // normalised ("leader", "replica", ...)
    bool pendingRestart = false;
    QString patroniVersion;             // GET /patroni's patroni.version: the release that runs
    QString postgresPackageVersion;     // the installed server package's version (dpkg-query / rpm); "" = unknown
    QString postgresPackageError;       // why it is unknown
    bool hasConfig = false;             // GET /config answered
    QJsonObject config;
    bool hasCluster = false;            // GET /cluster answered
    QList<MemberState> members;
    // etcd hosts
    bool hasEtcd = false;
    QList<EtcdParser::Member> etcdMembers;
    // HAProxy hosts
    bool hasHaproxy = false;
    bool haproxyDown = false;           // its stats port gave no HTTP answer at all (HAProxy does not run)
    QList<HaproxyPool> pools;
    // Every host: the cluster's etcd and HAProxy hosts as the last deploy or apply listed them in /etc/hosts.pgha
    // (core/generate/HostsFile), (name, address) in file order; how a HAProxy host the design dropped is found.
    bool hasListedHosts = false;
    QList<QPair<QString, QString>> listedHosts;
};

} // namespace pgha
