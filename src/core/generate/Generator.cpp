#include "core/generate/Generator.h"

#include "core/generate/EtcdConfig.h"
#include "core/generate/HAProxyConfig.h"
#include "core/generate/HostsFile.h"
#include "core/generate/InstallScript.h"
#include "core/generate/PatroniConfig.h"
#include "core/generate/Runbook.h"
#include "core/generate/SystemdUnits.h"
#include "core/model/Secrets.h"
#include "core/model/Topology.h"

#include <algorithm>

namespace pgha {

QList<GeneratedFile> generateHostFiles(const Topology &topology, const Secrets &secrets, const Host &host)
{
    QList<GeneratedFile> files;
    files << HostsFile::file(topology, host);
    files << EtcdConfig::files(topology, host);
    files << PatroniConfig::files(topology, secrets, host);
    files << SystemdUnits::files(topology, host);
    files << HAProxyConfig::files(topology, secrets, host);
    // Last: the script places the files above.
    files << InstallScript::file(topology, host, files);
    return files;
}

Bundle generateBundle(const Topology &topology, const Secrets &secrets)
{
    Bundle b;
    b.clusterName = topology.cluster.name;
    for (const Host &h : topology.hosts)
        b.files << generateHostFiles(topology, secrets, h);
    b.files << Runbook::file(topology);
    std::stable_sort(b.files.begin(), b.files.end(), [](const GeneratedFile &a, const GeneratedFile &b) {
        return a.bundlePath() < b.bundlePath();
    });
    return b;
}

} // namespace pgha
