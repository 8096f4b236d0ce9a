#pragma once

#include "core/model/Topology.h"

#include <QWidget>

namespace pgha {

// PLACEHOLDER page: the main window hosts it as a tab; its owner fills it in.
class DeployPage : public QWidget
{
    Q_OBJECT
public:
    explicit DeployPage(QWidget *parent = nullptr);

    // The main window calls this whenever the design or its file path changes.
    void setProject(const Topology &topology, const QString &projectPath);

private:
    Topology m_topology;
    QString m_projectPath;
};

} // namespace pgha
