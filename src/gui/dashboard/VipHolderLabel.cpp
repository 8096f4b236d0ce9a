#include "gui/dashboard/VipHolderLabel.h"

#include "deploy/VipProbe.h"
#include "gui/util/OffThread.h"

#include <QSettings>
#include <QThread>
#include <QTimer>

namespace pgha {

VipHolderLabel::VipHolderLabel(QWidget *parent) : QLabel(parent), m_factory(sshSessionFactory()), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("vipHolderLabel"));
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timer->setInterval(QSettings().value(QStringLiteral("monitor/vipIntervalMs"), 15000).toInt());
    connect(m_timer, &QTimer::timeout, this, &VipHolderLabel::probe);
    setVisible(false);
}

VipHolderLabel::~VipHolderLabel()
{
    if (m_thread)
        m_thread->wait();
}

void VipHolderLabel::setTopology(const Topology &topology)
{
    const bool had = m_topology.cluster.vip.enabled();
    const bool changed = !(topology.cluster.vip == m_topology.cluster.vip) || topology.hosts != m_topology.hosts;
    m_topology = topology;
    const bool has = topology.cluster.vip.enabled();
    if (!has) {
        m_timer->stop();
        clear();
        setVisible(false);
        return;
    }
    if (!had || changed)
        setText(tr("Floating address %1: not asked yet.").arg(topology.cluster.vip.address));
    setVisible(true);
}

void VipHolderLabel::showEvent(QShowEvent *event)
{
    QLabel::showEvent(event);
    if (m_topology.cluster.vip.enabled()) {
        m_timer->start();
        QTimer::singleShot(0, this, &VipHolderLabel::probe);
    }
}

void VipHolderLabel::hideEvent(QHideEvent *event)
{
    QLabel::hideEvent(event);
    m_timer->stop();  // no SSH while nobody looks
}

void VipHolderLabel::probe()
{
    if (m_thread || !m_topology.cluster.vip.enabled())
        return;
    const Topology topology = m_topology;
    const SessionFactory factory = m_factory;
    m_thread = runOffThread(
        this, [topology, factory] { return askVipHolders(topology, factory, QString(), 5); },
        [this](VipState state) {
            m_thread.clear();
            if (state.address != m_topology.cluster.vip.address)
                return;  // the design changed meanwhile
            showState(state);
        });
}

void VipHolderLabel::showState(const VipState &state)
{
    setText(describe(state));
    const bool bad = state.holders.size() != 1;
    setStyleSheet(bad ? QStringLiteral("color: #d32f2f") : QString());
    emit probed(state);
}

QString VipHolderLabel::describe(const VipState &state)
{
    QString text;
    if (state.holders.size() == 1)
        text = tr("Floating address %1 is held by %2.").arg(state.address, state.holders.first());
    else if (state.holders.size() > 1)
        text = tr("Floating address %1 is held by %2 at once (split brain).")
                   .arg(state.address, state.holders.join(QStringLiteral(", ")));
    else if (state.unreachable.isEmpty())
        text = tr("Floating address %1 is held by no HAProxy host.").arg(state.address);
    else
        text = tr("Floating address %1: no host that answered holds it.").arg(state.address);
    for (const QString &u : state.unreachable)
        text += QLatin1Char('\n') + tr("Not asked: %1").arg(u);
    return text;
}

} // namespace pgha
