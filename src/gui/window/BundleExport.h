#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Secrets.h"
#include "core/model/Topology.h"

#include <QObject>
#include <QPointer>

class QThread;
class QWidget;

namespace pgha {

// File > Export Bundle without blocking the window: the TLS material the design lacks is issued (as
// `pgha export` does), validate() and generateBundle() run on a thread of their own; when the design has errors the person is asked (on the GUI thread) whether to export
// anyway; the .tar.gz is then written on a thread of its own. The same pure functions and bytes as
// `pgha export`.
class BundleExport : public QObject
{
    Q_OBJECT
public:
    explicit BundleExport(QWidget *window);
    ~BundleExport() override;

    bool isRunning() const { return m_running; }
    // False when an export is already running.
    bool start(const Topology &topology, const Secrets &secrets, const QString &path);

signals:
    // ok: the file is written. error: empty when the person declined.
    void finished(bool ok, const QString &path, const pgha::Bundle &bundle, const QString &error);
    // The TLS material the export issued (ClusterTls::fillMissing), so that the next export uses the same.
    void secretsFilled(const pgha::Secrets &secrets);

private:
    void write(const Bundle &bundle, const QString &path);
    void waitForThread();

    QWidget *m_window;
    QPointer<QThread> m_thread;
    bool m_running = false;
    Secrets m_secretsBefore;
};

} // namespace pgha
