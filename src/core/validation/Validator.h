#pragma once

#include "core/validation/Finding.h"

#include <QStringList>

namespace pgha {

struct Topology;
struct Secrets;

// Runs every rule over a design. Pure function: no I/O, no Qt GUI, safe on any thread.
// secrets may be null (then the secret rules look only at what the topology says).
Findings validate(const Topology &topology, const Secrets *secrets = nullptr);

// The ids of all rules, in documentation order (docs/validation-rules.md lists the same).
QStringList ruleIds();

} // namespace pgha
