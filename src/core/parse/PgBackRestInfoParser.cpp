#include "core/parse/PgBackRestInfoParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pgha::PgBackRestInfoParser {

const Backup *Stanza::latest(const QString &type) const
{
    for (auto it = backups.crbegin(); it != backups.crend(); ++it) {
        if (it->type == type)
            return &*it;
    }
    return nullptr;
}

Result<QList<Stanza>> parse(const QByteArray &json)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return Error(QStringLiteral("pgbackrest info: not JSON (%1 at offset %2)").arg(pe.errorString()).arg(pe.offset));
    if (!doc.isArray())
        return Error(QStringLiteral("pgbackrest info: expected a list of stanzas"));
    QList<Stanza> out;
    for (const QJsonValue &v : doc.array()) {
        if (!v.isObject())
            return Error(QStringLiteral("pgbackrest info: a stanza entry is not an object"));
        const QJsonObject o = v.toObject();
        Stanza s;
        s.name = o.value(QStringLiteral("name")).toString();
        const QJsonObject status = o.value(QStringLiteral("status")).toObject();
        if (!status.value(QStringLiteral("code")).isDouble())
            return Error(QStringLiteral("pgbackrest info: stanza \"%1\" has no status.code").arg(s.name));
        s.statusCode = status.value(QStringLiteral("code")).toInt();
        s.statusMessage = status.value(QStringLiteral("message")).toString();
        s.backupLockHeld = status.value(QStringLiteral("lock")).toObject().value(QStringLiteral("backup")).toObject()
                               .value(QStringLiteral("held")).toBool();
        for (const QJsonValue &a : o.value(QStringLiteral("archive")).toArray()) {
            const QJsonObject ao = a.toObject();
            s.archives << Archive{ao.value(QStringLiteral("id")).toString(), ao.value(QStringLiteral("min")).toString(),
                                  ao.value(QStringLiteral("max")).toString()};
        }
        for (const QJsonValue &b : o.value(QStringLiteral("backup")).toArray()) {
            const QJsonObject bo = b.toObject();
            Backup k;
            k.label = bo.value(QStringLiteral("label")).toString();
            k.type = bo.value(QStringLiteral("type")).toString();
            const QJsonObject ts = bo.value(QStringLiteral("timestamp")).toObject();
            k.startEpoch = qint64(ts.value(QStringLiteral("start")).toDouble());
            k.stopEpoch = qint64(ts.value(QStringLiteral("stop")).toDouble());
            const QJsonObject ar = bo.value(QStringLiteral("archive")).toObject();
            k.walStart = ar.value(QStringLiteral("start")).toString();
            k.walStop = ar.value(QStringLiteral("stop")).toString();
            const QJsonObject info = bo.value(QStringLiteral("info")).toObject();
            k.size = qint64(info.value(QStringLiteral("size")).toDouble());
            k.repoSize = qint64(info.value(QStringLiteral("repository")).toObject().value(QStringLiteral("size")).toDouble());
            k.prior = bo.value(QStringLiteral("prior")).toString();
            k.error = bo.value(QStringLiteral("error")).toBool();
            if (k.label.isEmpty() || k.type.isEmpty())
                return Error(QStringLiteral("pgbackrest info: a backup of stanza \"%1\" has no label or type").arg(s.name));
            s.backups << k;
        }
        out << s;
    }
    return out;
}

} // namespace pgha::PgBackRestInfoParser
