#include "gui/analysis/Analyzer.h"

#include "gui/analysis/AnalysisWorker.h"

namespace pgha {

Analyzer::Analyzer(QObject *parent) : QObject(parent)
{
    m_worker = new AnalysisWorker(&m_latest);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &AnalysisWorker::analysed, this,
            [this](quint64 generation, const Findings &findings, const Bundle &bundle, qint64 us) {
                if (generation != m_generation)
                    return;  // stale: a newer request is on its way
                m_findings = findings;
                m_bundle = bundle;
                m_lastRunUs = us;
                m_delivered = generation;
                emit finished();
            },
            Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("pgha-analysis"));
    m_thread.start(QThread::LowPriority);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(50);
    connect(&m_debounce, &QTimer::timeout, this, &Analyzer::start);
}

Analyzer::~Analyzer()
{
    m_latest.store(~quint64(0));  // let a queued run skip itself
    m_thread.quit();
    m_thread.wait();
}

void Analyzer::request(const Topology &topology, const Secrets &secrets)
{
    m_pending = topology;
    m_secrets = secrets;
    ++m_generation;  // results of older requests are stale from now on
    m_debounce.start();
}

void Analyzer::requestNow(const Topology &topology, const Secrets &secrets)
{
    m_pending = topology;
    m_secrets = secrets;
    ++m_generation;
    m_debounce.stop();
    start();
}

void Analyzer::start()
{
    const quint64 generation = m_generation;
    m_latest.store(generation);
    AnalysisWorker *worker = m_worker;
    // Topology and Secrets are implicitly shared values: the copies captured here cost a few
    // reference counts, and the worker never sees the GUI's later edits.
    QMetaObject::invokeMethod(
        worker, [worker, generation, t = m_pending, s = m_secrets] { worker->analyse(generation, t, s); },
        Qt::QueuedConnection);
}

} // namespace pgha
