#pragma once

#include "monitor/ActionRequest.h"
#include "monitor/MonitorTarget.h"
#include "core/parse/PatroniParser.h"

#include <QObject>

class QNetworkAccessManager;

namespace pgha {

// Runs one action at a time: reads /cluster (first endpoint that answers) to find the leader and the members'
// REST URLs, checks the request against it, then sends the POST or PATCH with the REST API's basic auth.
// Asynchronous: finished() comes back on the owner's thread, always after run() returned.
class ActionRunner : public QObject
{
    Q_OBJECT
public:
    explicit ActionRunner(const MonitorTarget &target, QObject *parent = nullptr);
    ~ActionRunner() override;

    bool isBusy() const { return m_busy; }
    // Returns false when an action is already running.
    bool run(const ActionRequest &request);

signals:
    void finished(const pgha::ActionResult &result);

private:
    void readCluster(int index);
    void dispatch(const PatroniParser::ClusterInfo &cluster);
    void post(const QByteArray &verb, const QString &url, const QByteArray &body);
    QString outOfScope(const QString &url) const;  // why credentials may not go to url, or empty
    void finish(bool ok, int status, const QString &message, const QString &url = {});

    MonitorTarget m_target;
    QNetworkAccessManager *m_nam;
    ActionRequest m_request;
    bool m_busy = false;
    QString m_lastError;
    int m_reloadPending = 0;
    QStringList m_reloadResults;
    bool m_reloadOk = true;
};

} // namespace pgha
