#pragma once

#include "core/lint/LintTypes.h"
#include "core/model/Topology.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QStringList>

namespace pgha {

// What `pgha import` gathered from a running cluster (the CLI fetches; this maps, without I/O).
struct LiveSources
{
    QString restUrl;            // the member's REST API that was asked, "http://10.0.0.1:8008"
    QByteArray cluster;         // GET /cluster
    QByteArray config;          // GET /config (the dynamic configuration in the DCS)
    QByteArray patroni;         // GET /patroni of that member
    QByteArray etcdMembers;     // optional: etcd's POST /v3/cluster/member/list
    QString haproxyStatsUrl;    // optional, with haproxyCsv
    QByteArray haproxyCsv;
    LintInputs files;           // optional: each member's patroni.yml, haproxy.cfg, etcd's config (over SSH)
};

struct ImportedDesign
{
    Topology topology;
    // Live settings the design has no key for, "where: key = value", kept out of the design but never dropped
    // silently: the CLI lists them (and writes them as comments above the design).
    QStringList unmapped;
    // What the design has no key for and keeps verbatim as extra settings (cluster.extra / hosts[].extra; ExtraImport),
    // "where: key = value", listed by the CLI.
    QStringList kept;
    QStringList notes;          // what the design had to assume (no SSH: namespace, data_dir, ...)
};

// The design of a running cluster: members, addresses and ports from /cluster, the release and PostgreSQL major
// from /patroni, the dynamic settings from /config (only parameters that differ from what the generator writes
// by itself become design parameters), etcd from its member list or the files, HAProxy from its stats or
// haproxy.cfg; with the members' patroni.yml the namespace, users, subnets (from pg_hba) and TLS. Passwords in
// the files are never copied. Errors: a REST answer that does not parse, or no member at all.
namespace LiveImport {

Result<ImportedDesign> design(const LiveSources &sources);

} // namespace LiveImport
} // namespace pgha
