#pragma once

#include "core/generate/GeneratedFile.h"

namespace pgha {

struct Host;
struct Topology;
struct Secrets;

// The files of one host (hosts block, etcd, Patroni, systemd unit, HAProxy, install script), in that order.
QList<GeneratedFile> generateHostFiles(const Topology &topology, const Secrets &secrets, const Host &host);

// Every file for every host, plus the bundle's README.md runbook. Deterministic: the same topology and
// secrets give the same bytes. Pure function, safe on any thread.
Bundle generateBundle(const Topology &topology, const Secrets &secrets);

} // namespace pgha
