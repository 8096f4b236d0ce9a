#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Secrets.h"
#include "core/model/Topology.h"
#include "core/validation/Finding.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <atomic>

namespace pgha {

class AnalysisWorker;

// Runs validation and generation off the GUI thread: requests are debounced, numbered, and results of
// a request that a newer one has overtaken are dropped. Owns its thread (quit + wait on destruction).
class Analyzer : public QObject
{
    Q_OBJECT
public:
    explicit Analyzer(QObject *parent = nullptr);
    ~Analyzer() override;

    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }
    // Schedules an analysis of this design (the latest call wins).
    void request(const Topology &topology, const Secrets &secrets);
    void requestNow(const Topology &topology, const Secrets &secrets);

    bool isBusy() const { return m_debounce.isActive() || m_delivered != m_generation; }
    quint64 generation() const { return m_generation; }
    const Findings &findings() const { return m_findings; }
    const Bundle &bundle() const { return m_bundle; }
    qint64 lastRunUs() const { return m_lastRunUs; }

signals:
    void finished();

private:
    void start();

    QThread m_thread;
    AnalysisWorker *m_worker = nullptr;
    QTimer m_debounce;
    Topology m_pending;
    Secrets m_secrets;
    quint64 m_generation = 0;
    quint64 m_delivered = 0;
    std::atomic<quint64> m_latest{0};
    Findings m_findings;
    Bundle m_bundle;
    qint64 m_lastRunUs = 0;
};

} // namespace pgha
