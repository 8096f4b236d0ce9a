#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Topology.h"

namespace pgha::Runbook {

// README.md at the top of the bundle: the manual steps in order, with the design's names, addresses and ports.
QByteArray markdown(const Topology &topology);
GeneratedFile file(const Topology &topology);

} // namespace pgha::Runbook
