#include "core/lint/Linter.h"

#include "core/lint/FileRules.h"
#include "core/lint/LintLoader.h"
#include "core/lint/LintMapper.h"
#include "core/validation/Validator.h"

#include <algorithm>

namespace pgha {

int LintReport::count(Severity s) const
{
    return int(std::count_if(findings.cbegin(), findings.cend(),
                             [s](const LintFinding &f) { return f.finding.severity == s; }));
}

namespace Linter {

namespace {

const char *const kNeverOnFiles[] = {"invalid-subnet",      "unknown-subnet",        "address-outside-subnet",
                                     "host-without-role",   "unknown-os",            "mixed-os-family",
                                     "postgres-os-mismatch", "ssh-port-invalid",     "clients-subnet-missing",
                                     "lb-in-db-subnet",     "haproxy-single-point",  "tls-ca-missing",
                                     "tls-cert-expiring",   "patroni-pip-unpinned",
                                     // Files do not say where the backup repository is (issue 10).
                                     "no-backups", "backup-repository", "backup-invalid", "backup-retention",
                                     "backup-archive-timeout"};
// They count the PostgreSQL members: haproxy.cfg's servers or several patroni.yml must name them.
const char *const kNeedMembers[] = {"too-few-postgres", "no-failover-candidate", "no-read-replica",
                                    "sync-needs-replicas", "max-wal-senders", "max-replication-slots"};
// They count etcd members: only etcd's own files (initial-cluster) say who they are.
const char *const kNeedEtcdFiles[] = {"etcd-quorum", "etcd-colocated", "invalid-etcd-token"};
const char *const kNeedHaproxy[] = {"haproxy-missing", "haproxy-maxconn", "haproxy-slow-checks"};
const char *const kNeedPatroni[] = {"failover-estimate", "patroni-timing", "patroni-version-timing",
                                    "patroni-version-setting", "pg-version-unsupported"};
const char *const kAddressRules[] = {"invalid-address", "duplicate-address"};

template <size_t N>
bool listed(const QString &id, const char *const (&list)[N])
{
    for (const char *entry : list) {
        if (id == QLatin1String(entry))
            return true;
    }
    return false;
}

bool applies(const Finding &f, const LintInputs &inputs, const MappedDesign &design)
{
    const QString &id = f.ruleId;
    if (listed(id, kNeverOnFiles))
        return false;
    if (listed(id, kNeedMembers) && !design.memberCountKnown)
        return false;
    if (listed(id, kNeedEtcdFiles) && !design.etcdMembersKnown)
        return false;
    if (listed(id, kNeedHaproxy) && inputs.haproxy.isEmpty())
        return false;
    if (listed(id, kNeedPatroni) && inputs.patroni.isEmpty())
        return false;
    // Without patroni.yml, max_connections is PostgreSQL's default, not the cluster's: no verdict on it.
    if (f.subject == QLatin1String("cluster.haproxy.server_maxconn") && inputs.patroni.isEmpty())
        return false;
    if (listed(id, kAddressRules) && f.subject.startsWith(QLatin1String("hosts/"))
        && design.placeholderHosts.contains(f.subject.mid(6)))
        return false;
    return true;
}

// By file in the order given, then by line.
void sortByFile(LintReport *report)
{
    const QStringList &files = report->files;
    std::stable_sort(report->findings.begin(), report->findings.end(), [&](const LintFinding &a, const LintFinding &b) {
        const qsizetype fa = files.indexOf(a.at.file), fb = files.indexOf(b.at.file);
        return fa != fb ? fa < fb : a.at.line < b.at.line;
    });
}

} // namespace

QStringList skippedRules()
{
    QStringList out;
    for (const char *id : kNeverOnFiles)
        out << QString::fromLatin1(id);
    return out;
}

LintReport lint(const LintInputs &inputs, const LintOptions &options)
{
    LintReport report;
    for (const ConfigFile &f : inputs.patroni)
        report.files << f.path;
    for (const ConfigFile &f : inputs.etcd)
        report.files << f.path;
    for (const HaproxyCfg &f : inputs.haproxy)
        report.files << f.path;
    const MappedDesign design = LintMapper::map(inputs, options);
    for (const Finding &f : validate(design.topology, &design.secrets)) {
        if (applies(f, inputs, design))
            report.findings << LintFinding{f, design.locate(f)};
    }
    FileRules::check(inputs, report.findings);
    sortByFile(&report);
    return report;
}

Result<LintReport> lintFiles(const QStringList &paths, const LintOptions &options)
{
    Result<LintInputs> inputs = LintLoader::load(paths);
    if (!inputs.ok())
        return inputs.error();
    LintReport report = lint(inputs.value(), options);
    report.files = paths;
    sortByFile(&report);
    return report;
}

} // namespace Linter
} // namespace pgha
