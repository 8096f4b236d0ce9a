#pragma once

#include "core/lint/LintTypes.h"
#include "core/util/Result.h"

#include <QStringList>

namespace pgha {

struct LintReport
{
    QStringList files;           // as given
    QList<LintFinding> findings; // by file (in the order given), then line
    int count(Severity s) const;
};

// pgha lint and the designer's "Lint configuration files": reads patroni.yml, etcd (YAML or environment form) and
// haproxy.cfg files, maps them into a design and runs the designer's rules (validate()) on it plus the file rules
// (FileRules.h). A designer rule runs only where the files say enough for it (lintSkippedRules()). Errors: a file
// that cannot be read or parsed (YAML errors with file:line:column), or whose kind is not recognised.
namespace Linter {

Result<LintReport> lintFiles(const QStringList &paths, const LintOptions &options = {});
LintReport lint(const LintInputs &inputs, const LintOptions &options = {});

// Designer rules that never run on files: they judge what files do not say (subnets, OS, SSH, a second HAProxy).
QStringList skippedRules();

} // namespace Linter
} // namespace pgha
