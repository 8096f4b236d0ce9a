#include "gui/analysis/AnalysisWorker.h"

#include "core/generate/Generator.h"
#include "core/validation/Validator.h"

#include <QElapsedTimer>

namespace pgha {

void AnalysisWorker::analyse(quint64 generation, const Topology &topology, const Secrets &secrets)
{
    if (generation != m_latest->load())
        return;  // overtaken by a newer edit
    QElapsedTimer timer;
    timer.start();
    Findings findings = validate(topology, &secrets);
    Bundle bundle = generateBundle(topology, secrets);
    emit analysed(generation, findings, bundle, timer.nsecsElapsed() / 1000);
}

} // namespace pgha
