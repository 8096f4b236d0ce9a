#include "monitor/ActionRunner.h"

#include "monitor/ActionRules.h"
#include "monitor/RequestGuard.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

namespace pgha {

ActionRunner::ActionRunner(const MonitorTarget &target, QObject *parent)
    : QObject(parent), m_target(target), m_nam(new QNetworkAccessManager(this))
{
    m_nam->setAutoDeleteReplies(true);
    // A switchover waits for the new leader before Patroni answers (a few seconds with the lab's timers).
    m_target.timeoutMs = std::max(m_target.timeoutMs, 60000);
}

ActionRunner::~ActionRunner()
{
    const QList<QNetworkReply *> replies = m_nam->findChildren<QNetworkReply *>();
    for (QNetworkReply *r : replies) {
        r->disconnect(this);
        r->abort();
    }
}

bool ActionRunner::run(const ActionRequest &request)
{
    if (m_busy)
        return false;
    m_busy = true;
    m_request = request;
    m_lastError.clear();
    // Started from the event loop, like DeployRunner: finished() never comes before run() returns (the CLI
    // connects, runs, then enters its loop; an instant refusal used to exit the loop before it ran).
    QMetaObject::invokeMethod(this, [this] {
        if (m_target.patroni.isEmpty())
            finish(false, 0, QCoreApplication::translate("pgha::Monitor", "no Patroni endpoint to talk to"));
        else
            readCluster(0);
    }, Qt::QueuedConnection);
    return true;
}

void ActionRunner::readCluster(int index)
{
    if (index >= m_target.patroni.size()) {
        finish(false, 0, QCoreApplication::translate("pgha::Monitor", "no Patroni member answers /cluster: ") + m_lastError);
        return;
    }
    // /cluster must be read fresh and fast even though the POST may take long.
    MonitorTarget quick = m_target;
    quick.timeoutMs = 5000;
    const QString url = m_target.patroni.at(index).url + QStringLiteral("/cluster");
    QNetworkReply *reply = quick.send(m_nam, "GET", url);
    connect(reply, &QNetworkReply::finished, this, [this, reply, index, url] {
        const QString err = RequestGuard::error(reply);
        if (err.isEmpty() && reply->error() == QNetworkReply::NoError) {
            auto info = PatroniParser::parseCluster(RequestGuard::body(reply));
            if (info) {
                dispatch(info.value());
                return;
            }
            m_lastError = url + QStringLiteral(": ") + info.error().message;
        } else {
            m_lastError = url + QStringLiteral(": ") + (err.isEmpty() ? reply->errorString() : err);
        }
        readCluster(index + 1);
    });
}

void ActionRunner::dispatch(const PatroniParser::ClusterInfo &cluster)
{
    const MemberState *leader = nullptr;
    QHash<QString, const MemberState *> byName;
    for (const MemberState &m : cluster.members) {
        byName.insert(m.name, &m);
        if (m.isLeader())
            leader = &m;
    }
    auto memberUrl = [&byName](const QString &name) {
        const MemberState *m = byName.value(name);
        return m ? m->apiUrl : QString();
    };
    const ActionRequest &r = m_request;
    auto json = [](const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); };
    using K = ActionRequest::Kind;
    switch (r.kind) {
    case K::Switchover: {
        if (!leader)
            return finish(false, 0, QCoreApplication::translate("pgha::Monitor", "switchover needs a leader; the cluster has none (use failover)"));
        if (!r.candidate.isEmpty() && !byName.contains(r.candidate))
            return finish(false, 0, QCoreApplication::translate("pgha::Monitor", "no member named \"%1\"").arg(r.candidate));
        if (r.candidate == leader->name)
            return finish(false, 0, QCoreApplication::translate("pgha::Monitor", "%1 is already the leader").arg(r.candidate));
        if (!r.candidate.isEmpty()) {
            // The same rules the dashboard offers its buttons by (synchronous mode: only the sync standby), so
            // that the CLI says why instead of passing on Patroni's refusal.
            ClusterState state;
            state.members = cluster.members;
            for (const MemberState &m : cluster.members)
                state.synchronousMode = state.synchronousMode || m.role == QLatin1String("sync_standby");
            const ActionRules::Decision d = ActionRules::check(state, K::Switchover, r.candidate);
            if (!d.allowed)
                return finish(false, 0, d.reason);
        }
        QJsonObject body{{QStringLiteral("leader"), leader->name}};
        if (!r.candidate.isEmpty())
            body.insert(QStringLiteral("candidate"), r.candidate);
        if (r.scheduledAt.isValid())
            body.insert(QStringLiteral("scheduled_at"), r.scheduledAt.toString(Qt::ISODate));
        return post("POST", leader->apiUrl + QStringLiteral("/switchover"), json(body));
    }
    case K::Failover: {
        if (r.candidate.isEmpty())
            return finish(false, 0, QCoreApplication::translate("pgha::Monitor", "failover needs a candidate (--to MEMBER)"));
        if (!byName.contains(r.candidate))
            return finish(false, 0, QCoreApplication::translate("pgha::Monitor", "no member named \"%1\"").arg(r.candidate));
        if (leader && r.candidate == leader->name)
            return finish(false, 0, QCoreApplication::translate("pgha::Monitor", "%1 is already the leader").arg(r.candidate));
        // Sent to the candidate: the leader may be the member that is gone.
        return post("POST", memberUrl(r.candidate) + QStringLiteral("/failover"),
                    json(QJsonObject{{QStringLiteral("candidate"), r.candidate}}));
    }
    case K::Restart: {
        if (!byName.contains(r.member))
            return finish(false, 0, QCoreApplication::translate("pgha::Monitor", "no member named \"%1\"").arg(r.member));
        QJsonObject body;
        if (r.scheduledAt.isValid())
            body.insert(QStringLiteral("schedule"), r.scheduledAt.toString(Qt::ISODate));
        return post("POST", memberUrl(r.member) + QStringLiteral("/restart"), json(body));
    }
    case K::Reinit: {
        const MemberState *m = byName.value(r.member);
        if (!m)
            return finish(false, 0, QCoreApplication::translate("pgha::Monitor", "no member named \"%1\"").arg(r.member));
        if (m->isLeader())
            return finish(false, 0, QCoreApplication::translate("pgha::Monitor", "%1 is the leader; only a replica can be reinitialised").arg(r.member));
        return post("POST", m->apiUrl + QStringLiteral("/reinitialize"),
                    json(QJsonObject{{QStringLiteral("force"), true}}));
    }
    case K::Reload: {
        QStringList names;
        if (r.member.isEmpty()) {
            names = byName.keys();
        } else if (byName.contains(r.member)) {
            names << r.member;
        } else {
            return finish(false, 0, QCoreApplication::translate("pgha::Monitor", "no member named \"%1\"").arg(r.member));
        }
        if (names.isEmpty())
            return finish(false, 0, QCoreApplication::translate("pgha::Monitor", "the cluster lists no member"));
        names.sort();
        m_reloadPending = int(names.size());
        m_reloadResults.clear();
        m_reloadOk = true;
        for (const QString &name : std::as_const(names)) {
            const QString why = outOfScope(memberUrl(name));
            if (!why.isEmpty())
                return finish(false, 0, QCoreApplication::translate("pgha::Monitor", "member %1: %2").arg(name, why));
        }
        for (const QString &name : std::as_const(names)) {
            const QString url = memberUrl(name) + QStringLiteral("/reload");
            QNetworkReply *reply = m_target.send(m_nam, "POST", url, QByteArrayLiteral("{}"));
            connect(reply, &QNetworkReply::finished, this, [this, reply, name] {
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const bool ok = status >= 200 && status < 300;
                m_reloadOk = m_reloadOk && ok;
                const QString err = RequestGuard::error(reply);
                const QString text = QString::fromUtf8(RequestGuard::body(reply)).trimmed();
                m_reloadResults << QStringLiteral("%1: %2").arg(
                    name, !err.isEmpty() ? err : (text.isEmpty() ? reply->errorString() : text));
                if (--m_reloadPending == 0) {
                    m_reloadResults.sort();
                    finish(m_reloadOk, status, m_reloadResults.join(QLatin1Char('\n')));
                }
            });
        }
        return;
    }
    case K::Pause:
    case K::Resume: {
        const QString base = leader ? leader->apiUrl : m_target.patroni.first().url;
        return post("PATCH", base + QStringLiteral("/config"),
                    json(QJsonObject{{QStringLiteral("pause"), r.kind == K::Pause}}));
    }
    }
}

void ActionRunner::post(const QByteArray &verb, const QString &url, const QByteArray &body)
{
    if (url.startsWith(QLatin1Char('/')))
        return finish(false, 0, QCoreApplication::translate("pgha::Monitor", "the member has no REST URL in /cluster"));
    const QString why = outOfScope(url);
    if (!why.isEmpty())
        return finish(false, 0, why, url);
    QNetworkReply *reply = m_target.send(m_nam, verb, url, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString err = RequestGuard::error(reply);
        QString text = QString::fromUtf8(RequestGuard::body(reply)).trimmed();
        if (!err.isEmpty() && status != 401)
            text = err;
        if (m_request.kind == ActionRequest::Kind::Pause || m_request.kind == ActionRequest::Kind::Resume) {
            if (status == 200)
                text = m_request.kind == ActionRequest::Kind::Pause ? QCoreApplication::translate("pgha::Monitor", "maintenance mode on")
                                                                    : QCoreApplication::translate("pgha::Monitor", "maintenance mode off");
        }
        if (status == 401)
            text = QCoreApplication::translate("pgha::Monitor", "authentication failed (HTTP 401): check the REST API user and password");
        if (text.isEmpty())
            text = reply->errorString();
        finish(status >= 200 && status < 300, status, text, url);
    });
}

QString ActionRunner::outOfScope(const QString &url) const
{
    // The URL comes from /cluster, i.e. from whoever can write to the DCS: the REST password goes only where
    // the design (or --url) says, and an unsafe method without it would only fail later with a 401.
    if (m_target.restPassword.isEmpty() || m_target.sendsCredentials(url, MonitorTarget::Auth::Rest))
        return {};
    return QCoreApplication::translate("pgha::Monitor", "%1 lies outside the design's REST endpoints (and subnets): the REST credentials are "
                          "not sent there, the action is not run").arg(url);
}

void ActionRunner::finish(bool ok, int status, const QString &message, const QString &url)
{
    m_busy = false;
    ActionResult r;
    r.ok = ok;
    r.httpStatus = status;
    r.message = message;
    r.url = url;
    emit finished(r);
}

} // namespace pgha
