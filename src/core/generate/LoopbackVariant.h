#pragma once

#include "core/model/Topology.h"

namespace pgha {

// The same design with every host moved onto a loopback address, for labs and the consumer tests:
// host i (in topology order) gets prefix + (firstOctet + i), e.g. "127.0.1." -> 127.0.1.1, 127.0.1.2, ...
// Every subnet becomes prefix + "0/24" so that addresses stay inside their subnet. Ports, names, OS and
// roles are unchanged. prefix: three octets, with or without the trailing dot.
Topology mapToLoopback(const Topology &topology, const QString &prefix, int firstOctet = 1);

} // namespace pgha
