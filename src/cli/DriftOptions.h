#pragma once

#include "core/model/Topology.h"
#include "deploy/DriftSetup.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace pgha::cli {

// The options `pgha diff` and `pgha apply` share (docs/cli.md): where the deployed cluster's secrets are and the
// SSH host-key policy; and the common start of both: load and validate FILE, prepare the probes.
struct DriftOptions
{
    QCommandLineOption secrets{QStringLiteral("secrets"),
                               QStringLiteral("Secrets file the cluster was deployed with (mode 0600); default: the one "
                                              "the deploy kept."),
                               QStringLiteral("FILE")};
    QCommandLineOption deployJournal{QStringLiteral("deploy-journal"),
                                     QStringLiteral("The deploy's journal (its kept secrets are found beside it)."),
                                     QStringLiteral("FILE")};
    QCommandLineOption knownHosts{QStringLiteral("known-hosts"), QStringLiteral("known_hosts file."), QStringLiteral("FILE")};
    QCommandLineOption acceptNew{QStringLiteral("accept-new-host-keys"),
                                 QStringLiteral("Accept and remember host keys never seen before.")};

    void addTo(QCommandLineParser &p) const { p.addOptions({secrets, deployJournal, knownHosts, acceptNew}); }

    struct Prepared
    {
        Topology topology;
        DriftSetup setup;
    };
    // nullopt (after printing why, prefixed "pgha VERB: ") on bad input: an unreadable design, one with errors,
    // no secrets.
    std::optional<Prepared> prepare(const QCommandLineParser &p, const QString &verb, const QString &file) const;
};

} // namespace pgha::cli
