#pragma once

#include "core/parse/PatroniParser.h"
#include "monitor/ClusterState.h"
#include "monitor/MonitorTarget.h"
#include "monitor/PgConsoleClient.h"

#include <QList>
#include <QObject>

#include <functional>

namespace pgha {

// The PostgreSQL-protocol polls of a round (ClusterPoller): SHOW POOLS / SHOW STATS on each PgBouncer's admin
// console, and pg_stat_archiver on the leader. Each runs on a PgConsoleClient with the target's CA, TLS policy and
// timeout, on the poller's event loop; STARTED and FINISHED count it as one pending request of the round.
class ConsolePolls : public QObject
{
    Q_OBJECT
public:
    ConsolePolls(const MonitorTarget &target, std::function<void()> started, std::function<void()> finished,
                 QObject *parent = nullptr);

    void reset();  // a new round: no answers yet
    void sendPooler(const MonitorTarget::Endpoint &endpoint);
    // Only a leader the design knows, at the design's address and port: the superuser's SCRAM exchange never
    // goes to an address some DCS entry announced.
    void sendArchiver(const PatroniParser::ClusterInfo &cluster);

    const QList<PoolerInstance> &poolers() const { return m_poolers; }
    const ArchiverState &archiver() const { return m_archiver; }

private:
    // Runs O's queries as one pending request of the round; ANSWER gets the client's result.
    void startConsole(PgConsoleClient::Options o,
                      std::function<void(const QList<PgWire::Table> &, const QString &, bool)> answer);

    const MonitorTarget &m_target;
    std::function<void()> m_started;
    std::function<void()> m_finished;
    QList<PoolerInstance> m_poolers;
    ArchiverState m_archiver;
};

} // namespace pgha
