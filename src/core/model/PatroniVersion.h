#pragma once

#include "core/model/Topology.h"

#include <QString>

#include <optional>

namespace pgha {

// A Patroni release ("4.1.5"), for the rules that depend on what a release accepts.
struct PatroniVersion
{
    int major = 0;
    int minor = 0;
    int patch = 0;

    // "X.Y.Z" (the project file's grammar); nullopt for anything else.
    static std::optional<PatroniVersion> parse(const QString &text);
    bool atLeast(int maj, int min, int pat = 0) const;
    QString toString() const;

    // The release the design's PostgreSQL hosts run: cluster.patroni.version when set, else the release the
    // distribution's package carries on their OS (Platform::patroniPackageVersion) when every host agrees;
    // nullopt when unknown.
    static std::optional<PatroniVersion> effective(const Topology &topology);
};

} // namespace pgha
