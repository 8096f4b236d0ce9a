#pragma once

// The recorded 3+1 lab the drift tests judge (test_drift, test_haproxyscale, test_etcdscaleplan): the lab design on 127.0.33 and the
// probe answers of node2 and the HAProxy host (data/), as deploy/DriftCollector's probe printed them after a deploy
// of tests/e2e/lab.pgha.yaml.
#include "core/drift/DriftCompute.h"
#include "core/generate/Generator.h"
#include "core/model/Secrets.h"
#include "core/parse/DriftProbeParser.h"
#include "core/project/ProjectFile.h"
#include "deploy/DeployPlan.h"
#include "deploy/DriftCollector.h"

#include <QFile>

namespace DriftLabData {

using namespace pgha;

inline QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(PGHA_SOURCE_DIR "/tests/drift/data/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline Topology labTopology()
{
    QFile f(QStringLiteral(PGHA_SOURCE_DIR "/tests/e2e/lab.pgha.yaml"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray y = f.readAll();
    y.replace("127.0.0.", "127.0.33.");
    const auto loaded = ProjectFile::parse(y, QStringLiteral("lab.pgha.yaml"));
    return loaded.ok() ? loaded->topology : Topology();
}

// Every PostgreSQL node answers like the recorded node2 (same settings, same /config and /cluster).
inline QList<ObservedHost> observedLab()
{
    QList<ObservedHost> out;
    const auto node2 = DriftProbeParser::parse(QStringLiteral("node2"), readData(QStringLiteral("probe-node2.json")));
    const auto ha = DriftProbeParser::parse(QStringLiteral("haproxy"), readData(QStringLiteral("probe-haproxy.json")));
    if (!node2.ok() || !ha.ok())
        return out;
    for (const QString &n : {QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3")}) {
        ObservedHost h = node2.value();
        h.name = n;
        h.files.clear();
        out << h;
    }
    ObservedHost h = ha.value();
    h.files.clear();
    out << h;
    return out;
}

inline QStringList ids(const DeployPlan &p)
{
    QStringList out;
    for (const DeployStep &s : p.steps)
        out << s.id;
    return out;
}

// What apply's plan is built from besides the drift: secrets, the deploy's plan and files, the design side.
struct Planned
{
    Secrets secrets;
    DeployPlan deploy;
    QList<ExpectedFile> expected;
    DriftDesign design;
};

inline Planned planned(const Topology &t)
{
    Planned p;
    SecretStore::fillMissing(&p.secrets);
    p.deploy = buildPlan(t, generateBundle(t, p.secrets), p.secrets, PlanOptions());
    p.expected = expectedFiles(p.deploy);
    p.design = driftDesign(t, p.expected);
    return p;
}

} // namespace DriftLabData
using namespace DriftLabData;
