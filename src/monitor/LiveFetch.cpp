#include "monitor/LiveFetch.h"

#include "monitor/MonitorTarget.h"
#include "monitor/RequestGuard.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace pgha::LiveFetch {

namespace {

// One request, waited for (the target's deadline bounds it). An HTTP error or no answer is an error naming the URL.
Result<QByteArray> request(QNetworkAccessManager &nam, const MonitorTarget &target, const QByteArray &verb,
                           const QString &url, const QByteArray &body, MonitorTarget::Auth auth)
{
    QNetworkReply *reply = target.send(&nam, verb, url, body, auth);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = RequestGuard::body(reply);  // the guard has read the body out of the reply
    const QString error = RequestGuard::error(reply);
    if (!error.isEmpty())
        return Error(QStringLiteral("%1: %2").arg(url, error));
    if (status != 200)
        return Error(QStringLiteral("%1: HTTP %2").arg(url).arg(status));
    return data;
}

} // namespace

Result<LiveSources> fetch(const LiveFetchOptions &options)
{
    Result<MonitorTarget> target = MonitorTarget::fromUrl(options.url);
    if (!target.ok())
        return target.error();
    MonitorTarget &t = target.value();
    t.timeoutMs = options.timeoutMs;
    t.ignoreTlsErrors = options.insecure;
    if (!options.caFile.isEmpty()) {
        if (Result<void> r = t.loadCaFile(options.caFile); !r.ok())
            return r.error();
    }
    t.statsUser = options.statsUser;
    t.statsPassword = options.statsPassword;
    if (!options.statsUrl.isEmpty())
        t.haproxy << MonitorTarget::Endpoint{QString(), options.statsUrl};

    QNetworkAccessManager nam;
    LiveSources src;
    src.restUrl = t.patroni.first().url;
    const struct
    {
        const char *path;
        QByteArray *into;
    } gets[] = {{"/cluster", &src.cluster}, {"/config", &src.config}, {"/patroni", &src.patroni}};
    for (const auto &g : gets) {
        Result<QByteArray> r = request(nam, t, "GET", src.restUrl + QLatin1String(g.path), {}, MonitorTarget::Auth::None);
        if (!r.ok())
            return r.error();
        *g.into = r.value();
    }
    if (!options.etcdUrl.isEmpty()) {
        Result<QByteArray> r = request(nam, t, "POST", options.etcdUrl + QStringLiteral("/v3/cluster/member/list"), "{}",
                                       MonitorTarget::Auth::None);
        if (!r.ok())
            return r.error();
        src.etcdMembers = r.value();
    }
    if (!options.statsUrl.isEmpty()) {
        src.haproxyStatsUrl = options.statsUrl;
        Result<QByteArray> r = request(nam, t, "GET", options.statsUrl, {}, MonitorTarget::Auth::Stats);
        if (!r.ok())
            return r.error();
        src.haproxyCsv = r.value();
    }
    return src;
}

} // namespace pgha::LiveFetch
