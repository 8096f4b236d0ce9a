#include "deploy/DeployJournal.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace pgha {

namespace {
QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
} // namespace

Result<DeployJournal> DeployJournal::load(const QString &path)
{
    DeployJournal j;
    j.m_path = path;
    QFile f(path);
    if (!f.exists())
        return j;
    if (!f.open(QIODevice::ReadOnly))
        return Error(QCoreApplication::translate("pgha::Deploy", "cannot read the deploy journal: ") + f.errorString(), path);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return Error(QCoreApplication::translate("pgha::Deploy", "the deploy journal is not valid JSON (%1); move it away to start afresh")
                         .arg(pe.errorString()),
                     path);
    const QJsonObject o = doc.object();
    j.m_fingerprint = o.value(QStringLiteral("plan")).toString();
    j.m_complete = o.value(QStringLiteral("complete")).toBool(true);
    j.m_started = o.value(QStringLiteral("started")).toString();
    const QJsonObject steps = o.value(QStringLiteral("steps")).toObject();
    for (auto it = steps.begin(); it != steps.end(); ++it) {
        const QJsonObject e = it.value().toObject();
        j.m_steps.insert(it.key(), Entry{e.value(QStringLiteral("outcome")).toString(),
                                         e.value(QStringLiteral("message")).toString(),
                                         e.value(QStringLiteral("at")).toString()});
    }
    for (const QJsonValue &v : o.value(QStringLiteral("owned_data")).toArray())
        j.m_owned.insert(v.toString());
    return j;
}

Result<void> DeployJournal::save() const
{
    return writeFile(m_path, toJson());
}

QByteArray DeployJournal::toJson() const
{
    QJsonObject steps;
    for (auto it = m_steps.begin(); it != m_steps.end(); ++it)
        steps.insert(it.key(), QJsonObject{{QStringLiteral("outcome"), it->outcome},
                                           {QStringLiteral("message"), it->message},
                                           {QStringLiteral("at"), it->at}});
    QStringList owned(m_owned.begin(), m_owned.end());
    std::sort(owned.begin(), owned.end());
    const QJsonObject o{{QStringLiteral("format"), 1},
                        {QStringLiteral("plan"), m_fingerprint},
                        {QStringLiteral("started"), m_started},
                        {QStringLiteral("complete"), m_complete},
                        {QStringLiteral("steps"), steps},
                        {QStringLiteral("owned_data"), QJsonArray::fromStringList(owned)}};
    return QJsonDocument(o).toJson();
}

Result<void> DeployJournal::writeFile(const QString &path, const QByteArray &json)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error(QCoreApplication::translate("pgha::Deploy", "cannot write the deploy journal: ") + f.errorString(), path);
    // Owner-only whatever the umask: the journal names hosts, users and what the deploy created.
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    f.write(json);
    if (!f.commit())
        return Error(QCoreApplication::translate("pgha::Deploy", "cannot write the deploy journal: ") + f.errorString(), path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return {};
}

bool DeployJournal::beginRun(const QString &fingerprint)
{
    const bool resume = !m_complete && fingerprint == m_fingerprint && !m_steps.isEmpty();
    if (!resume)
        m_steps.clear();
    m_fingerprint = fingerprint;
    m_complete = false;
    m_started = nowUtc();
    return resume;
}

bool DeployJournal::isDone(const QString &stepId) const
{
    const auto it = m_steps.find(stepId);
    return it != m_steps.end()
        && (it->outcome == QLatin1String("changed") || it->outcome == QLatin1String("unchanged")
            || it->outcome == QLatin1String("done-earlier"));
}

void DeployJournal::record(const QString &stepId, const QString &outcome, const QString &message)
{
    m_steps.insert(stepId, Entry{outcome, message, nowUtc()});
}

void DeployJournal::finishRun(bool complete)
{
    m_complete = complete;
}

} // namespace pgha
