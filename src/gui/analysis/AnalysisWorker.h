#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Secrets.h"
#include "core/model/Topology.h"
#include "core/validation/Finding.h"

#include <QObject>

#include <atomic>

namespace pgha {

// Lives on the analysis thread: validates and generates. Requests that a newer one has overtaken
// before they start are skipped, so a burst of edits costs one run, not one per edit.
class AnalysisWorker : public QObject
{
    Q_OBJECT
public:
    explicit AnalysisWorker(const std::atomic<quint64> *latest) : m_latest(latest) {}

    void analyse(quint64 generation, const Topology &topology, const Secrets &secrets);

signals:
    void analysed(quint64 generation, const pgha::Findings &findings, const pgha::Bundle &bundle, qint64 elapsedUs);

private:
    const std::atomic<quint64> *m_latest;
};

} // namespace pgha
