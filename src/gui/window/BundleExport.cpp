#include "gui/window/BundleExport.h"

#include "core/bundle/BundleWriter.h"
#include "core/generate/Generator.h"
#include "core/pki/ClusterTls.h"
#include "core/validation/Validator.h"
#include "gui/dialogs/MessageBox.h"
#include "gui/util/OffThread.h"

#include <QWidget>

namespace pgha {

namespace {
struct Generated
{
    int errors = 0;
    Bundle bundle;
    Secrets secrets;  // with the TLS material the design needs (as `pgha export` fills it)
    QString error;
};
} // namespace

BundleExport::BundleExport(QWidget *window) : QObject(window), m_window(window)
{
}

BundleExport::~BundleExport()
{
    waitForThread();
}

void BundleExport::waitForThread()
{
    if (m_thread)
        m_thread->wait();
}

bool BundleExport::start(const Topology &topology, const Secrets &secrets, const QString &path)
{
    if (m_running)
        return false;
    m_running = true;
    m_secretsBefore = secrets;
    m_thread = runOffThread(
        this,
        [topology, secrets] {
            Generated g;
            g.secrets = secrets;
            const Result<QStringList> issued = ClusterTls::fillMissing(topology, &g.secrets);
            if (!issued.ok()) {
                g.error = issued.error().toString();
                return g;
            }
            g.errors = countSeverity(validate(topology, &g.secrets), Severity::Error);
            g.bundle = generateBundle(topology, g.secrets);
            return g;
        },
        [this, path](Generated g) {
            if (!g.error.isEmpty()) {
                m_running = false;
                emit finished(false, path, g.bundle, g.error);
                return;
            }
            if (g.secrets != m_secretsBefore)
                emit secretsFilled(g.secrets);
            if (g.errors > 0) {
                const auto a = MessageBox::question(m_window, tr("Export bundle"),
                                                    tr("The design has %n error(s). Export the files anyway?", nullptr, g.errors),
                                                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
                if (a != QMessageBox::Yes) {
                    m_running = false;
                    emit finished(false, path, g.bundle, QString());
                    return;
                }
            }
            write(g.bundle, path);
        });
    return true;
}

void BundleExport::write(const Bundle &bundle, const QString &path)
{
    m_thread = runOffThread(
        this, [bundle, path] { return writeBundleTarGz(bundle, path); },
        [this, bundle, path](Result<void> r) {
            m_running = false;
            emit finished(r.ok(), path, bundle, r.ok() ? QString() : r.error().toString());
        });
}

} // namespace pgha
