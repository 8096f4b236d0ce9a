#include "gui/secrets/SecretVault.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace pgha {

QByteArray SecretVault::encode(const Secrets &s)
{
    QJsonObject o;
    o.insert(QStringLiteral("superuser_password"), s.superuserPassword);
    o.insert(QStringLiteral("replication_password"), s.replicationPassword);
    o.insert(QStringLiteral("rewind_password"), s.rewindPassword);
    o.insert(QStringLiteral("restapi_user"), s.restApiUser);
    o.insert(QStringLiteral("restapi_password"), s.restApiPassword);
    o.insert(QStringLiteral("haproxy_stats_user"), s.haproxyStatsUser);
    o.insert(QStringLiteral("haproxy_stats_password"), s.haproxyStatsPassword);
    if (!s.vipPassword.isEmpty())
        o.insert(QStringLiteral("vip_password"), s.vipPassword);
    o.insert(QStringLiteral("pooler_auth_password"), s.poolerAuthPassword);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<Secrets> SecretVault::decode(const QByteArray &json)
{
    const QJsonDocument d = QJsonDocument::fromJson(json);
    if (!d.isObject())
        return std::nullopt;
    const QJsonObject o = d.object();
    Secrets s;
    s.superuserPassword = o.value(QStringLiteral("superuser_password")).toString();
    s.replicationPassword = o.value(QStringLiteral("replication_password")).toString();
    s.rewindPassword = o.value(QStringLiteral("rewind_password")).toString();
    s.restApiUser = o.value(QStringLiteral("restapi_user")).toString(s.restApiUser);
    s.restApiPassword = o.value(QStringLiteral("restapi_password")).toString();
    s.haproxyStatsUser = o.value(QStringLiteral("haproxy_stats_user")).toString(s.haproxyStatsUser);
    s.haproxyStatsPassword = o.value(QStringLiteral("haproxy_stats_password")).toString();
    s.vipPassword = o.value(QStringLiteral("vip_password")).toString();
    s.poolerAuthPassword = o.value(QStringLiteral("pooler_auth_password")).toString();
    return s;
}

QString SecretVault::keyFor(const QString &clusterName, const QString &projectPath)
{
    const QString where = projectPath.isEmpty() ? QStringLiteral("untitled") : QFileInfo(projectPath).absoluteFilePath();
    const QByteArray h = QCryptographicHash::hash(where.toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
    return QStringLiteral("%1@%2").arg(clusterName, QString::fromLatin1(h));
}

} // namespace pgha
