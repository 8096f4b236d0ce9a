#include "core/validation/Validator.h"

#include "core/validation/RuleContext.h"
#include "core/validation/RuleTable.h"

namespace pgha {

Findings validate(const Topology &topology, const Secrets *secrets)
{
    const RuleContext context(topology, secrets);
    Findings out;
    for (const RuleInfo &rule : ruleTable())
        rule.check(context, out);
    return out;
}

QStringList ruleIds()
{
    QStringList ids;
    for (const RuleInfo &rule : ruleTable())
        ids << QString::fromLatin1(rule.id);
    return ids;
}

} // namespace pgha
