#pragma once

#include "core/generate/GeneratedFile.h"

namespace pgha {

struct Topology;
struct Secrets;

// Every file for every host, plus the bundle's README.md runbook. Deterministic: the same topology and
// secrets give the same bytes. Pure function, safe on any thread.
Bundle generateBundle(const Topology &topology, const Secrets &secrets);

} // namespace pgha
