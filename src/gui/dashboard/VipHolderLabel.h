#pragma once

#include "core/model/Topology.h"
#include "core/parse/ParsedRecords.h"
#include "deploy/RemoteSession.h"

#include <QLabel>
#include <QPointer>

class QThread;
class QTimer;

namespace pgha {

// The Monitor tab's "Floating address" line: which HAProxy host holds cluster.vip, asked over SSH by the probe
// `pgha status` uses (deploy/VipProbe, read by core/parse/VipHolderParser). Only for designs with cluster.vip; polled
// every "monitor/vipIntervalMs" (QSettings, default 15000) while the label is shown, off the GUI thread, one probe at
// a time, 5 s per host at most (closing the window waits for a probe that is out). Host keys as the deploy checks them:
// an unknown one is reported, never accepted.
class VipHolderLabel : public QLabel
{
    Q_OBJECT
public:
    explicit VipHolderLabel(QWidget *parent = nullptr);
    ~VipHolderLabel() override;

    void setTopology(const Topology &topology);
    void setSessionFactory(SessionFactory factory) { m_factory = std::move(factory); }  // tests: recorded answers
    // Asks now (unless a probe is still out).
    void probe();
    void showState(const VipState &state);
    static QString describe(const VipState &state);
    bool isProbing() const { return !m_thread.isNull(); }

signals:
    void probed(const pgha::VipState &state);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    Topology m_topology;
    SessionFactory m_factory;
    QTimer *m_timer;
    QPointer<QThread> m_thread;
};

} // namespace pgha
