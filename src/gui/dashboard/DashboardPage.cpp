#include "gui/dashboard/DashboardPage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace pgha {

DashboardPage::DashboardPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("DashboardPage"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Live dashboard: not built yet"), this));
}

void DashboardPage::setProject(const Topology &topology, const QString &projectPath)
{
    m_topology = topology;
    m_projectPath = projectPath;
}

} // namespace pgha
