#pragma once

#include "core/lint/LintTypes.h"

// Checks that only make sense on real files (pgha lint): what a design cannot even say wrong, such as Patroni's
// etcd v2 key, a pgpass in /tmp or HAProxy servers named instead of addressed. Each finding names its file:line.
// The designer's own rules run on the design the files map to (LintMapper); these add to them.
namespace pgha::FileRules {

struct FileRuleInfo
{
    const char *id;       // stable, spelled as in docs/validation-rules.md ("Rules of pgha lint")
    Severity worst;
    const char *title;
};

// Every file rule, in documentation order.
const QList<FileRuleInfo> &table();
QStringList ids();

void check(const LintInputs &inputs, QList<LintFinding> &out);

// By file kind (PatroniFileRules.cpp, NetFileRules.cpp).
void checkPatroni(const LintInputs &inputs, QList<LintFinding> &out);
void checkEtcd(const LintInputs &inputs, QList<LintFinding> &out);
void checkHaproxy(const LintInputs &inputs, QList<LintFinding> &out);

// Appends a finding at a file position.
void add(QList<LintFinding> &out, const char *id, Severity severity, const SourceLocation &at, const QString &subject,
         const QString &message, const QString &fix);

} // namespace pgha::FileRules
