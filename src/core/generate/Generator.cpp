#include "core/generate/Generator.h"

#include "core/generate/EtcdConfig.h"
#include "core/generate/Firewall.h"
#include "core/generate/HAProxyConfig.h"
#include "core/generate/HostsFile.h"
#include "core/generate/InstallScript.h"
#include "core/generate/KeepalivedConfig.h"
#include "core/generate/PatroniConfig.h"
#include "core/generate/PgBouncerConfig.h"
#include "core/generate/PgBackRestConfig.h"
#include "core/generate/Runbook.h"
#include "core/generate/SystemdUnits.h"
#include "core/generate/TlsFiles.h"
#include "core/model/Secrets.h"
#include "core/model/Topology.h"

#include <algorithm>

namespace pgha {

namespace {

// What every host's files share, computed once per bundle (keeps a 200-host design fast).
struct Shared
{
    QStringList hba;
};

QList<GeneratedFile> hostFiles(const Topology &topology, const Secrets &secrets, const Host &host, const Shared &sh)
{
    QList<GeneratedFile> files;
    files << HostsFile::file(topology, host);
    files << EtcdConfig::files(topology, host);
    files << PatroniConfig::files(topology, secrets, host, sh.hba);
    files << SystemdUnits::files(topology, host);
    files << HAProxyConfig::files(topology, secrets, host);
    files << PgBouncerConfig::files(topology, secrets, host);
    files << KeepalivedConfig::files(topology, secrets, host);
    files << TlsFiles::files(topology, secrets, host);
    files << Firewall::files(topology, host);
    files << PgBackRestConfig::files(topology, host);
    // Last: the script places the files above.
    files << InstallScript::file(topology, host, files);
    return files;
}

} // namespace

QList<GeneratedFile> generateHostFiles(const Topology &topology, const Secrets &secrets, const Host &host)
{
    return hostFiles(topology, secrets, host, {PatroniConfig::pgHba(topology)});
}

Bundle generateBundle(const Topology &topology, const Secrets &secrets)
{
    Bundle b;
    b.clusterName = topology.cluster.name;
    const Shared sh{PatroniConfig::pgHba(topology)};
    b.files.reserve(topology.hosts.size() * 4 + 1);
    for (const Host &h : topology.hosts)
        b.files << hostFiles(topology, secrets, h, sh);
    b.files << Runbook::file(topology);
    std::stable_sort(b.files.begin(), b.files.end(), [](const GeneratedFile &a, const GeneratedFile &b) {
        return a.bundlePath() < b.bundlePath();
    });
    return b;
}

} // namespace pgha
