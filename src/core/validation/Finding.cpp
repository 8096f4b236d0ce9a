#include "core/validation/Finding.h"

#include <algorithm>

namespace pgha {

QString severityKey(Severity s)
{
    switch (s) {
    case Severity::Error: return QStringLiteral("error");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Info: return QStringLiteral("info");
    }
    return {};
}

int countSeverity(const Findings &findings, Severity s)
{
    return int(std::count_if(findings.cbegin(), findings.cend(), [s](const Finding &f) { return f.severity == s; }));
}

} // namespace pgha
