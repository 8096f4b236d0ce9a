#pragma once

#include "core/model/Topology.h"

#include <QByteArray>
#include <QMap>
#include <QSet>
#include <QStringList>

namespace pgha {

struct Secrets;

// cluster.extra / hosts[].extra (core/model/ExtraSettings.h) into the generated files: deep merged into patroni.yml,
// lines after the generated ones in haproxy.cfg's global and defaults, names added to etcd's files. A key the
// design generates is never overridden: the merge leaves it alone and names it in *collisions (the rule
// extra-overrides-generated reports the same names as errors before anything is written).
namespace ExtraMerge {

// The generated patroni.yml text with the extra mapping (canonical YAML text) merged in: new keys of an existing
// generated mapping go at the end of its block, at its indentation; new top-level keys at the end of the file. The
// generated lines stay as they are. *collisions (may be null) gets the dotted path of every extra key whose place
// the design already fills with a value that is not a mapping.
QByteArray patroni(const QByteArray &generated, const QString &extraYaml, QStringList *collisions);

// The haproxy.cfg lines a section ("global" or "defaults") gets for a host: the cluster's, then the host's; a line
// failing the grammar or setting a directive of `generatedKeys` (ExtraGrammar::haproxyDirectiveKey) is left out
// and its line named in *collisions (may be null). Each written "    word word ..." with every word escaped.
QString haproxyLines(const QStringList &clusterLines, const QStringList &hostLines, const QSet<QString> &generatedKeys,
                     QStringList *collisions);
// The directive keys of a section's lines in a generated haproxy.cfg.
QSet<QString> haproxyDirectiveKeys(const QString &generatedSection);

// A host's etcd extra: the cluster's with the host's over it, without names the design generates (named in
// *collisions, may be null) or failing the grammar.
QMap<QString, QString> etcd(const Topology &topology, const Host &host, const QSet<QString> &generatedNames,
                            QStringList *collisions);

// The ETCD_* names an environment file sets.
QSet<QString> generatedEtcdNames(const QByteArray &envFile);

// What a host's files get that the design generates too: each as "FILE: KEY" with the field that holds it
// ("cluster.extra.patroni.tags.nofailover", "hosts[1].extra.haproxy.global[0]"). The rule's source.
struct Collision
{
    QString file;     // "patroni.yml", "haproxy.cfg", "etcd"
    QString key;      // "tags.nofailover", "maxconn", "ETCD_NAME"
    QString field;    // the project-file field
};
QList<Collision> collisions(const Topology &topology, int hostIndex);

} // namespace ExtraMerge
} // namespace pgha
