#include "core/generate/Generator.h"

#include "core/model/Secrets.h"
#include "core/model/Topology.h"

// PLACEHOLDER until the generators land (issue 2).
namespace pgha {

Bundle generateBundle(const Topology &topology, const Secrets &secrets)
{
    Q_UNUSED(secrets)
    Bundle b;
    b.clusterName = topology.cluster.name;
    return b;
}

} // namespace pgha
