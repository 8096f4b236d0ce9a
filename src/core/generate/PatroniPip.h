#pragma once

#include "core/model/Topology.h"

#include <QByteArray>
#include <QString>

namespace pgha::PatroniPip {

// Patroni from pip (cluster.patroni.install: pip): the shell both the install script and the deploy plan run
// on a PostgreSQL host. One place, so that the bundle and the deploy install the same pinned set the same way.

// The pinned requirements for the design's release (Platform::patroniPipRequirements), or, for a release the
// project has no pinned set for, a single "patroni[etcd3,psycopg2-binary]==X" line (validation says so).
QByteArray requirements(const Topology &topology);
// Exit 0 when the virtualenv already holds exactly that: `patroni --version` answers the release and the
// requirements it was installed from are byte for byte these (sha256 of the stamp file).
QString probeScript(const Topology &topology, const Host &host);
// Makes the virtualenv with the OS's Python when missing, installs the pinned set with pip --no-deps, runs
// pip check, records the stamp and checks `patroni --version`. Safe to run again; run it under set -e. With
// cluster.patroni.pip_find_links, pip reads that directory only (--no-index). Over a running Patroni of another
// release it upgrades the virtualenv in place (pgha apply's upgrade-install; the restart follows at once).
QString installScript(const Topology &topology, const Host &host);
// Where the stamp (the requirements last installed) lives on the host.
QString stampPath();

} // namespace pgha::PatroniPip
