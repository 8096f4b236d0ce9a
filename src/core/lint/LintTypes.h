#pragma once

#include "core/model/Secrets.h"
#include "core/model/Topology.h"
#include "core/parse/ConfigFile.h"
#include "core/parse/HaproxyCfgParser.h"
#include "core/validation/Finding.h"

#include <QHash>
#include <QSet>

namespace pgha {

// Where a finding about a real configuration file stands.
struct SourceLocation
{
    QString file;
    int line = 0;      // 1-based; 0 = the file as a whole
    int column = 0;
    QString key;       // the key or directive as the file spells it ("bootstrap.dcs.ttl", "ETCD_NAME", "server node1")

    QString toString() const;  // "FILE:LINE:COLUMN: KEY", leaving out what is unknown
};

// One finding of `pgha lint`: a designer rule's or a file rule's finding, with the file and line it is about.
struct LintFinding
{
    Finding finding;
    SourceLocation at;
};

struct LintOptions
{
    int postgresVersion = 0;  // 0 = from bin_dir / data_dir, else the designer's default
    QString os;               // empty = the designer's default (Platform ids: rhel8, rhel9, debian12, ...)
};

// The files given to lint, read and sorted by the program that reads them.
struct LintInputs
{
    QList<ConfigFile> patroni;   // patroni.yml / Patroni config.yml
    QList<ConfigFile> etcd;      // etcd --config-file YAML, or its environment file (keys ETCD_*)
    QList<HaproxyCfg> haproxy;
};

// The files mapped into a design, so that the designer's rules can judge them, with the way back from a finding's
// subject or field to the file and line it came from.
struct MappedDesign
{
    Topology topology;
    Secrets secrets;
    QHash<QString, SourceLocation> locations;  // "cluster.patroni.ttl", "hosts/node1", "secrets.superuser_password", ...
    QSet<QString> placeholderHosts;            // hosts whose address no file states (address rules skip them)
    bool memberCountKnown = false;             // haproxy.cfg's servers or several patroni.yml name the members
    bool etcdMembersKnown = false;             // an etcd file's initial-cluster names etcd's members

    // The location of a finding: its field, its subject, then shorter prefixes of the subject.
    SourceLocation locate(const Finding &f) const;
};

} // namespace pgha
