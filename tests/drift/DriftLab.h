#pragma once

// The recorded lab answers tests/drift judges (probe-node2.json, probe-haproxy.json: deploy/DriftCollector's probe
// after a deploy of tests/e2e/lab.pgha.yaml on 127.0.33) and the lab design they belong to. Header-only, for the
// tests in this folder.
#include "core/drift/ObservedCluster.h"
#include "core/model/Topology.h"
#include "core/parse/DriftProbeParser.h"
#include "core/project/ProjectFile.h"
#include "deploy/DeployPlan.h"

#include <QFile>

namespace pgha::driftlab {

inline QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(PGHA_SOURCE_DIR "/tests/drift/data/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// tests/e2e/lab.pgha.yaml on 127.0.33.
inline QByteArray labYaml()
{
    QFile f(QStringLiteral(PGHA_SOURCE_DIR "/tests/e2e/lab.pgha.yaml"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray y = f.readAll();
    y.replace("127.0.0.", "127.0.33.");
    return y;
}

inline Topology labTopology()
{
    const auto loaded = ProjectFile::parse(labYaml(), QStringLiteral("lab.pgha.yaml"));
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

} // namespace pgha::driftlab
