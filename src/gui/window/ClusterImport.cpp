#include "gui/window/ClusterImport.h"

#include "gui/util/OffThread.h"

#include <QThread>

namespace pgha {

ClusterImport::ClusterImport(QObject *parent) : QObject(parent) {}

ClusterImport::~ClusterImport()
{
    if (m_thread)
        m_thread->wait();
}

bool ClusterImport::start(const LiveFetchOptions &options)
{
    if (m_thread)
        return false;
    m_thread = runOffThread(
        this,
        [options]() -> Result<ImportedDesign> {
            Result<LiveSources> sources = LiveFetch::fetch(options);
            if (!sources.ok())
                return sources.error();
            return LiveImport::design(sources.value());
        },
        [this](Result<ImportedDesign> result) {
            m_thread.clear();
            if (result.ok())
                emit finished(result.value(), QString());
            else
                emit finished(ImportedDesign{}, result.error().toString());
        });
    return true;
}

} // namespace pgha
