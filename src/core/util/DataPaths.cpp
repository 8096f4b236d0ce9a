#include "core/util/DataPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace pgha::DataPaths {

QString base()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share");
    return dir + QStringLiteral("/pgha");
}

bool isValidClusterName(const QString &name)
{
    if (name.isEmpty() || name.size() > 63 || name.startsWith(QLatin1Char('.')))
        return false;
    for (QChar c : name) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_') || c == QLatin1Char('-')
            || c == QLatin1Char('.');
        if (!ok)
            return false;
    }
    return true;
}

Result<QString> clusterDir(const QString &clusterName)
{
    if (!isValidClusterName(clusterName)) {
        return Error(QCoreApplication::translate("pgha::DataPaths",
                                                 "the cluster name \"%1\" cannot name a data folder: use 1-63 "
                                                 "characters from letters, digits, '_', '-' and '.', not starting "
                                                 "with '.'")
                         .arg(clusterName),
                     {}, 0, 0, QStringLiteral("cluster.name"));
    }
    return QString(base() + QStringLiteral("/clusters/") + clusterName);
}

Result<QString> secretsFile(const QString &clusterName)
{
    Result<QString> d = clusterDir(clusterName);
    if (!d.ok())
        return d.error();
    return QString(d.value() + QStringLiteral("/secrets.yaml"));
}

Result<QString> journalFile(const QString &clusterName)
{
    Result<QString> d = clusterDir(clusterName);
    if (!d.ok())
        return d.error();
    return QString(d.value() + QStringLiteral("/deploy.journal.json"));
}

Result<QString> ensureClusterDir(const QString &clusterName)
{
    Result<QString> d = clusterDir(clusterName);
    if (!d.ok())
        return d.error();
    if (!QDir().mkpath(d.value()))
        return Error(QCoreApplication::translate("pgha::DataPaths", "cannot create the folder %1").arg(d.value()));
    QFile::setPermissions(d.value(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return d.value();
}

} // namespace pgha::DataPaths
