#pragma once

#include "LabCluster.h"
#include "LabLoad.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// `pgha diff` and `pgha apply` on a lab cluster, as the apply tests drive them: the design edited step by step and
// written as the next file in the work directory, apply run while LabLoad's writer (5000) and reader (5001) go on,
// diff expected clean. Header-only, for the e2e tests.
class LabApply
{
public:
    LabApply(const LabCluster &cluster, const QString &workDir, LabLoad &load) : m_cluster(cluster), m_dir(workDir), m_load(load) {}

    QString path(const QString &name) const { return m_dir + QLatin1Char('/') + name; }
    QString knownHosts() const { return path(QStringLiteral("known_hosts")); }
    // --secrets and --known-hosts of the lab, for every pgha verb.
    QStringList common() const
    {
        return {QStringLiteral("--secrets"), m_cluster.secrets(), QStringLiteral("--known-hosts"), knownHosts()};
    }
    LabCluster::Run pgha(const QStringList &args, int timeoutMs = 300000) const
    {
        return m_cluster.run(LabCluster::pgha(), args, timeoutMs);
    }

    // The design the edits start from (the deployed one).
    void setDesign(const QString &yaml) { m_design = yaml; }
    QString design() const { return m_design; }
    // The design with each FROM replaced by TO (each must occur), written as the next design file NAME.
    bool change(const QList<QPair<QString, QString>> &edits, const QString &name)
    {
        for (const auto &e : edits) {
            if (!m_design.contains(e.first))
                return false;
            m_design.replace(e.first, e.second);
        }
        return LabCluster::writeFile(path(name), m_design.toUtf8());
    }

    // `pgha apply NAME --yes` while the writer and the reader go on; afterwards writes go on until three in a row
    // are acknowledged (the cluster takes writes again).
    LabLoad::Result applyUnderLoad(const QString &name, LabCluster::Run *apply)
    {
        return m_load.run(LabCluster::pgha(), m_cluster.applyArgs(path(name), path(QStringLiteral("apply.journal.json")), knownHosts()),
                          apply);
    }

    // `pgha diff NAME`: empty when it exits 0 with "no drift", else its output.
    QString drift(const QString &name) const
    {
        QByteArray out;
        return m_cluster.noDrift(path(name), knownHosts(), &out) ? QString()
                                                                 : QStringLiteral("pgha diff %1:\n%2").arg(name, QString::fromUtf8(out));
    }

private:
    const LabCluster &m_cluster;
    QString m_dir;
    LabLoad &m_load;
    QString m_design;
};
