#include "core/validation/Validator.h"

#include "core/model/Secrets.h"
#include "core/model/Topology.h"

// PLACEHOLDER until the rules land (issue 2): no rule runs yet.
namespace pgha {

Findings validate(const Topology &topology, const Secrets *secrets)
{
    Q_UNUSED(topology)
    Q_UNUSED(secrets)
    return {};
}

QStringList ruleIds()
{
    return {};
}

} // namespace pgha
