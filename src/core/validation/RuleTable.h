#pragma once

#include "core/validation/Finding.h"

#include <QList>

namespace pgha {

class RuleContext;

// One validation rule: a pure function over the precomputed context, with the facts the documentation repeats.
struct RuleInfo
{
    const char *id;         // stable, spelled as in docs/validation-rules.md
    Severity worst;         // the highest severity it can report
    const char *title;
    const char *rationale;
    void (*check)(const RuleContext &context, Findings &out);
};

// Every rule, in documentation order. Built once (thread-safe static initialisation), read-only afterwards.
const QList<RuleInfo> &ruleTable();

} // namespace pgha
