#pragma once

#include "core/parse/EtcdParser.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The result of comparing a design with its running cluster (`pgha diff`, the Monitor tab's Drift view) and the
// input of `pgha apply`'s plan (deploy/ApplyPlan). Pure value.
namespace pgha {

struct DriftItem
{
    // What differs.
    enum class Area {
        File,      // a file on a host (content, mode or owner) differs from the generated one
        Dynamic,   // Patroni's dynamic configuration (GET /config) differs from the design's bootstrap.dcs
        Running,   // a running PostgreSQL value (pg_settings) differs, or waits for a restart (pending_restart)
        Topology   // hosts, Patroni members, etcd members or HAProxy backends differ from the design
    };
    // How `pgha apply` brings it in line.
    enum class Fix {
        PatchConfig,     // PATCH /config, read back
        RewriteFile,     // the file written, then its service reloads (Patroni, HAProxy) or restarts (etcd, one member at a time)
        RollingRestart,  // replicas one at a time, a switchover, then the former leader
        Reload,          // Patroni reload (a sighup parameter whose value PostgreSQL has not taken yet)
        Manual,          // not planned by apply (unreachable hosts, the leader's removal, ...): the report says what to do
        AddMember,       // a PostgreSQL host of the design the cluster lacks: checked, installed, started as a replica
        RemoveMember,    // a replica the design lacks: out of HAProxy, Patroni stopped, gone from /cluster; data kept
        // etcd helper (issue 9 item 5): etcd membership, one member at a time (deploy/EtcdScalePlan)
        EtcdAddMember,   // a host of the design with the etcd role the member list lacks: member add, then started
        EtcdRemoveMember, // an etcd member the design lacks: member remove from a member that stays, etcd stopped; data kept
        AddHaproxy,      // (haproxy2) an HAProxy host of the design whose HAProxy does not run: checked, installed, started
        RemoveHaproxy,   // (haproxy2) an HAProxy host the cluster lists (/etc/hosts.pgha) and the design lacks: HAProxy stopped, files kept
        Upgrade          // (appended) another Patroni release (pip) or PostgreSQL package version: installed and restarted, rolling
    };
    Area area = Area::File;
    Fix fix = Fix::Manual;
    QString host;      // empty: cluster-wide
    QString key;       // path, "ttl", "postgresql.parameters.max_connections", "member node4", ...
    QString design;    // the design's value ("" = absent), never a secret
    QString actual;    // the cluster's value ("" = absent)
    QString service;   // RewriteFile: the service that reads the file ("patroni", "etcd", "haproxy"; may be empty)
    QString note;
    QString address;   // RemoveMember, RemoveHaproxy: its address as the cluster lists it (the design no longer names it);
                       // EtcdRemoveMember: the host of its peer URL
    bool needsRestart = false;  // a PostgreSQL parameter PostgreSQL takes only at a restart (pg_settings context postmaster)

    bool operator==(const DriftItem &o) const
    {
        return area == o.area && fix == o.fix && host == o.host && key == o.key && design == o.design
            && actual == o.actual && service == o.service && note == o.note
            && address == o.address && needsRestart == o.needsRestart;
    }
};

struct DriftReport
{
    QList<DriftItem> items;
    QStringList hosts;            // every host the design names, in order
    QStringList unreachable;      // hosts the probe could not read (each also an item)
    QString leader;               // the current Patroni leader (from /cluster), empty when unknown
    QList<QPair<QString, QString>> replicas;  // (name, state) of the other members, as /cluster listed them
    QList<EtcdParser::Member> etcdMembers;    // etcd's member list as a member of the design gave it (empty name: unstarted)

    bool hasDrift() const { return !items.isEmpty(); }
    QList<DriftItem> withFix(DriftItem::Fix fix) const;
    bool needs(DriftItem::Fix fix) const { return !withFix(fix).isEmpty(); }
};

QString driftAreaKey(DriftItem::Area a);  // "file", "dynamic", "running", "topology"
QString driftFixKey(DriftItem::Fix f);    // "patch-config", "rewrite-file", "rolling-restart", "reload", "manual", "add-member", "remove-member",
                                          // "etcd-add-member", "etcd-remove-member",
                                          // "add-haproxy", "remove-haproxy", "upgrade"
// --format json of `pgha diff` (docs/cli.md).
QJsonObject driftToJson(const DriftReport &report);

} // namespace pgha
