#include "gui/deploy/DeployPage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace pgha {

DeployPage::DeployPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("DeployPage"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Deploy over SSH: not built yet"), this));
}

void DeployPage::setProject(const Topology &topology, const QString &projectPath)
{
    m_topology = topology;
    m_projectPath = projectPath;
}

} // namespace pgha
