#pragma once

#include "core/model/Secrets.h"

#include <QObject>

#include <functional>
#include <optional>

namespace pgha {

// Where the designer keeps a cluster's secrets between sessions (never in the project file).
// Asynchronous because OS keychains are; answers arrive on the GUI thread, guarded by context.
class SecretVault
{
public:
    virtual ~SecretVault() = default;
    virtual QString name() const = 0;  // shown to the user: "OS keychain", "this session only"
    virtual void read(const QString &key, QObject *context,
                      std::function<void(std::optional<Secrets> secrets, QString error)> done) = 0;
    virtual void write(const QString &key, const Secrets &secrets, QObject *context,
                       std::function<void(QString error)> done) = 0;

    // The secrets as JSON text (for a keychain entry).
    static QByteArray encode(const Secrets &secrets);
    static std::optional<Secrets> decode(const QByteArray &json);
    // The entry name for a project: one entry per cluster and file.
    static QString keyFor(const QString &clusterName, const QString &projectPath);
};

} // namespace pgha
