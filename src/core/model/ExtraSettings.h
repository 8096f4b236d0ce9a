#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace pgha {

// cluster.extra and hosts[].extra (docs/project-file.md, "Extra settings"): what the design has no key for, kept
// verbatim (pgha import fills it with what it cannot map) and written by the generators after what they generate
// themselves. A host's extra adds to the cluster's. Never a secret, never a key the design generates (rule
// extra-overrides-generated); every value passes a strict grammar (core/model/ExtraGrammar.h) when the project
// file is read, and its generator escapes it again.
struct ExtraSettings
{
    // A YAML mapping deep-merged into patroni.yml, held as canonical block YAML (ExtraYaml::canonical): plain
    // scalars stay plain and quoted ones quoted, so that YAML reads each value as the same type again.
    // Empty = none.
    QString patroni;
    // haproxy.cfg lines added after the generated ones of the global and defaults sections, in order; each line
    // is words separated by single spaces (ExtraGrammar::haproxyLineProblem).
    QStringList haproxyGlobal;
    QStringList haproxyDefaults;
    // etcd settings by their environment name (ETCD_HEARTBEAT_INTERVAL -> "100"): the environment file gets
    // them as they are, the YAML config file as heartbeat-interval.
    QMap<QString, QString> etcd;

    bool isEmpty() const
    {
        return patroni.isEmpty() && haproxyGlobal.isEmpty() && haproxyDefaults.isEmpty() && etcd.isEmpty();
    }
    bool operator==(const ExtraSettings &o) const
    {
        return patroni == o.patroni && haproxyGlobal == o.haproxyGlobal && haproxyDefaults == o.haproxyDefaults
            && etcd == o.etcd;
    }
    bool operator!=(const ExtraSettings &o) const { return !(*this == o); }
};

} // namespace pgha
