#pragma once

#include "core/importer/LiveImport.h"
#include "monitor/LiveFetch.h"

#include <QObject>
#include <QPointer>

class QThread;

namespace pgha {

// File ▸ Import Running Cluster…: the design of a running cluster from Patroni's REST API (and, when given, HAProxy's
// stats and etcd's member list), fetched and mapped off the GUI thread (LiveFetch + LiveImport, as `pgha import`
// without SSH). Reads only.
class ClusterImport : public QObject
{
    Q_OBJECT
public:
    explicit ClusterImport(QObject *parent = nullptr);
    ~ClusterImport() override;

    bool isRunning() const { return !m_thread.isNull(); }
    // False when one is already running.
    bool start(const LiveFetchOptions &options);

signals:
    // error empty on success.
    void finished(const pgha::ImportedDesign &design, const QString &error);

private:
    QPointer<QThread> m_thread;
};

} // namespace pgha
