#include "monitor/ClusterPoller.h"

#include "core/parse/HaproxyStatsParser.h"
#include "monitor/ConsolePolls.h"
#include "monitor/RequestGuard.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

#include <algorithm>

namespace pgha {

namespace {

QString normUrl(const QString &url)
{
    return QUrl(url).toString(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
}

int httpStatus(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

ClusterPoller::ClusterPoller(const MonitorTarget &target, QObject *parent)
    : QObject(parent), m_target(target), m_nam(new QNetworkAccessManager(this)),
      m_console(new ConsolePolls(m_target, [this] { ++m_pending; }, [this] { done(); }, this))
{
    m_nam->setAutoDeleteReplies(true);
    for (MonitorTarget::Endpoint &e : m_target.patroni)
        e.url = normUrl(e.url);
    m_etcdEndpoints = m_target.etcd;
    for (MonitorTarget::Endpoint &e : m_etcdEndpoints)
        e.url = normUrl(e.url);
}

ClusterPoller::EtcdProbe ClusterPoller::makeProbe(const QString &name, const QString &url)
{
    EtcdProbe p;
    p.name = name;
    p.url = url;
    return p;
}

ClusterPoller::~ClusterPoller()
{
    // Replies still in flight would call back into a half-destroyed poller when the manager aborts them.
    const QList<QNetworkReply *> replies = m_nam->findChildren<QNetworkReply *>();
    for (QNetworkReply *r : replies) {
        r->disconnect(this);
        r->abort();
    }
    // The same for the console polls' clients (their answers go through m_console into done()).
    for (PgConsoleClient *c : m_console->findChildren<PgConsoleClient *>())
        c->disconnect(m_console);
}

QString ClusterPoller::replyError(QNetworkReply *reply)
{
    return RequestGuard::error(reply);
}

void ClusterPoller::addFinding(const QString &text)
{
    if (!m_findings.contains(text))
        m_findings << text;
}

QNetworkReply *ClusterPoller::send(const QByteArray &verb, const QString &url, const QByteArray &body,
                                   MonitorTarget::Auth auth)
{
    ++m_pending;
    QNetworkReply *reply = m_target.send(m_nam, verb, url, body, auth);
    if (reply->url().scheme() == QLatin1String("https")) {
        // Connected before the caller's handler, so it runs first.
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            QString service;
            const QString name = nameOf(reply->url(), &service);
            m_tlsSeen.observe(reply, name, service);
        });
    }
    return reply;
}

QString ClusterPoller::nameOf(const QUrl &url, QString *service) const
{
    const QString key = CredentialScope::endpointKey(url);
    auto find = [&key](const QList<MonitorTarget::Endpoint> &list) -> QString {
        for (const MonitorTarget::Endpoint &e : list) {
            if (CredentialScope::endpointKey(QUrl(e.url)) == key)
                return e.name.isEmpty() ? QUrl(e.url).host() : e.name;
        }
        return {};
    };
    QString name = find(m_target.patroni);
    *service = QStringLiteral("patroni");
    if (name.isEmpty()) {
        for (auto it = m_seenMembers.cbegin(); it != m_seenMembers.cend() && name.isEmpty(); ++it) {
            if (CredentialScope::endpointKey(QUrl(it.value())) == key)
                name = it.key();
        }
    }
    if (name.isEmpty()) {
        name = find(m_etcdEndpoints);
        if (!name.isEmpty())
            *service = QStringLiteral("etcd");
    }
    if (name.isEmpty()) {
        name = find(m_target.haproxy);
        if (!name.isEmpty())
            *service = QStringLiteral("haproxy");
    }
    return name.isEmpty() ? url.host() : name;
}

bool ClusterPoller::poll()
{
    if (m_pending > 0)
        return false;
    ++m_round;
    m_clock.start();
    m_clusterTried.clear();
    m_clusterOk = false;
    m_clusterError.clear();
    m_cluster = {};
    m_nodes.clear();
    m_etcdMembersOk = false;
    m_etcdListTried.clear();
    m_etcdMembers.clear();
    m_etcdProbes.clear();
    m_haproxy.clear();
    m_console->reset();
    m_findings.clear();
    m_notes.clear();
    m_tlsSeen.clear();

    // Hold the count above zero while the round is being sent, so that an instant failure cannot finish it early.
    // The round starts from the event loop, like DeployRunner's: polled() never comes before poll() returns,
    // so a caller may connect, poll() and then enter its event loop (the CLI's status did hang on this).
    ++m_pending;
    QMetaObject::invokeMethod(this, [this] { sendRound(); }, Qt::QueuedConnection);
    return true;
}

void ClusterPoller::sendRound()
{
    if (!m_target.patroni.isEmpty() || !m_seenMembers.isEmpty())
        sendCluster(m_preferredPatroni);
    for (const MonitorTarget::Endpoint &e : std::as_const(m_target.patroni))
        sendNode(e.url);
    for (const QString &url : std::as_const(m_seenMembers))
        sendNode(url);
    for (int i = 0; i < m_etcdEndpoints.size(); ++i) {
        m_etcdProbes.append(makeProbe(m_etcdEndpoints.at(i).name, m_etcdEndpoints.at(i).url));
        sendEtcdProbe(i);
    }
    if (!m_etcdEndpoints.isEmpty())
        sendEtcdMemberList(qBound(0, m_preferredEtcd, int(m_etcdEndpoints.size()) - 1));
    for (const MonitorTarget::Endpoint &e : std::as_const(m_target.haproxy)) {
        HaproxyInstance inst;
        inst.name = e.name.isEmpty() ? QUrl(e.url).host() : e.name;
        inst.statsUrl = e.url;
        m_haproxy.append(inst);
        const int index = int(m_haproxy.size()) - 1;
        QNetworkReply *reply = send("GET", e.url, {}, MonitorTarget::Auth::Stats);
        connect(reply, &QNetworkReply::finished, this, [this, reply, index] {
            HaproxyInstance &h = m_haproxy[index];
            const QString err = replyError(reply);
            const int status = httpStatus(reply);
            h.authFailed = status == 401 || status == 403;
            if (!err.isEmpty()) {
                h.error = err;
            } else if (httpStatus(reply) != 200) {
                h.error = QStringLiteral("HTTP %1").arg(httpStatus(reply));
            } else {
                auto pools = HaproxyStatsParser::parse(RequestGuard::body(reply));
                if (pools) {
                    h.reachable = true;
                    h.pools = pools.value();
                } else {
                    h.error = pools.error().message;
                }
            }
            done();
        });
    }
    for (const MonitorTarget::Endpoint &e : std::as_const(m_target.pgbouncer))
        m_console->sendPooler(e);
    done();
}

void ClusterPoller::sendCluster(int endpointIndex)
{
    QStringList urls;
    for (const MonitorTarget::Endpoint &e : std::as_const(m_target.patroni))
        urls << e.url;
    for (const QString &u : std::as_const(m_seenMembers)) {
        if (!urls.contains(u))
            urls << u;
    }
    if (urls.isEmpty())
        return;
    // Try the preferred endpoint first, then the others in order, each once per round.
    int index = endpointIndex % int(urls.size());
    for (int n = 0; n < urls.size() && m_clusterTried.contains(index); ++n)
        index = (index + 1) % int(urls.size());
    if (m_clusterTried.contains(index))
        return;
    m_clusterTried.insert(index);
    const QString url = urls.at(index);
    QNetworkReply *reply = send("GET", url + QStringLiteral("/cluster"));
    connect(reply, &QNetworkReply::finished, this, [this, reply, index, url] {
        QString err = replyError(reply);
        if (err.isEmpty()) {
            auto info = PatroniParser::parseCluster(RequestGuard::body(reply));
            if (info) {
                m_clusterOk = true;
                m_cluster = info.value();
                m_preferredPatroni = index;
                if (m_cluster.members.size() > m_target.maxMembers) {
                    // A hostile or broken DCS could list any number; each would cost a request every round.
                    addFinding(QCoreApplication::translate("pgha::Monitor", "%1 lists %2 members; only the first %3 are watched")
                                   .arg(url)
                                   .arg(m_cluster.members.size())
                                   .arg(m_target.maxMembers));
                    m_cluster.members.erase(m_cluster.members.begin() + m_target.maxMembers, m_cluster.members.end());
                }
                int maxTimeline = 0;
                for (const MemberState &m : std::as_const(m_cluster.members)) {
                    maxTimeline = std::max(maxTimeline, m.timeline);
                    if (m.apiUrl.isEmpty())
                        continue;
                    noteMemberUrl(m.name, normUrl(m.apiUrl));
                    if (!m_seenMembers.contains(m.name))
                        continue;
                    m_seenHosts.insert(m.name, m.host);
                    if (!m_nodes.contains(normUrl(m.apiUrl)))
                        sendNode(normUrl(m.apiUrl));
                }
                if (m_target.archiver)
                    m_console->sendArchiver(m_cluster);
                if (maxTimeline != m_historyTimeline) {
                    m_historyTimeline = maxTimeline;
                    sendDetails(url);
                }
            } else {
                err = info.error().message;
            }
        }
        if (!m_clusterOk) {
            // The guard's messages already name host:port.
            m_clusterError = err.contains(QUrl(url).host()) ? err : url + QStringLiteral(": ") + err;
            sendCluster(index + 1);
        }
        done();
    });
}

void ClusterPoller::noteMemberUrl(const QString &name, const QString &url)
{
    const QUrl u(url);
    if (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) {
        addFinding(QCoreApplication::translate("pgha::Monitor", "member %1 announces a REST URL that is not http(s): %2").arg(name, url));
        return;
    }
    if (!m_seenMembers.contains(name) && m_seenMembers.size() >= m_target.maxMembers) {
        addFinding(QCoreApplication::translate("pgha::Monitor", "more than %1 members seen; member %2 is not watched").arg(m_target.maxMembers).arg(name));
        return;
    }
    if (!m_target.sendsCredentials(url, MonitorTarget::Auth::Rest) && !m_target.restPassword.isEmpty()) {
        // With a design this is a member nobody designed; with --url alone, any member on another host.
        const QString text = m_target.expectedMembers.isEmpty()
            ? QCoreApplication::translate("pgha::Monitor", "member %1 (%2) is not on the --url host: polled without credentials").arg(name, url)
            : QCoreApplication::translate("pgha::Monitor", "member %1 announces %2, outside the design: polled without credentials").arg(name, url);
        if (m_target.expectedMembers.isEmpty()) {
            if (!m_notes.contains(text))
                m_notes << text;
        } else {
            addFinding(text);
        }
    }
    m_seenMembers.insert(name, url);
}

void ClusterPoller::sendNode(const QString &url)
{
    if (url.isEmpty() || m_nodes.contains(url))
        return;
    m_nodes.insert(url, NodeResult{});
    QNetworkReply *reply = send("GET", url + QStringLiteral("/patroni"));
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        NodeResult &r = m_nodes[url];
        r.error = replyError(reply);
        if (r.error.isEmpty()) {
            auto st = PatroniParser::parseNode(RequestGuard::body(reply));
            if (st) {
                r.ok = true;
                r.status = st.value();
            } else {
                r.error = st.error().message;
            }
        }
        done();
    });
}

void ClusterPoller::sendDetails(const QString &url)
{
    QNetworkReply *h = send("GET", url + QStringLiteral("/history"));
    connect(h, &QNetworkReply::finished, this, [this, h] {
        if (replyError(h).isEmpty()) {
            auto hist = PatroniParser::parseHistory(RequestGuard::body(h));
            if (hist)
                m_history = hist.value();
        }
        done();
    });
    QNetworkReply *c = send("GET", url + QStringLiteral("/config"));
    connect(c, &QNetworkReply::finished, this, [this, c] {
        if (replyError(c).isEmpty()) {
            auto cfg = PatroniParser::parseConfig(RequestGuard::body(c));
            if (cfg)
                m_config = cfg.value();
        }
        done();
    });
}

void ClusterPoller::sendEtcdProbe(int probeIndex)
{
    const QString url = m_etcdProbes.at(probeIndex).url;
    QNetworkReply *h = send("GET", url + QStringLiteral("/health"), {}, MonitorTarget::Auth::None);
    connect(h, &QNetworkReply::finished, this, [this, h, probeIndex] {
        EtcdProbe &p = m_etcdProbes[probeIndex];
        const QString err = replyError(h);
        if (err.isEmpty()) {
            // 503 with {"health":"false"} is an answer too: the member is up but the cluster has no quorum.
            auto ok = EtcdParser::parseHealth(RequestGuard::body(h));
            p.healthAnswered = ok.ok();
            p.healthy = ok.ok() && ok.value();
            if (!ok)
                p.error = ok.error().message;
        } else {
            p.error = err;
        }
        done();
    });
    QNetworkReply *s = send("POST", url + QStringLiteral("/v3/maintenance/status"), QByteArrayLiteral("{}"),
                            MonitorTarget::Auth::None);
    connect(s, &QNetworkReply::finished, this, [this, s, probeIndex] {
        EtcdProbe &p = m_etcdProbes[probeIndex];
        if (replyError(s).isEmpty() && httpStatus(s) == 200) {
            auto st = EtcdParser::parseStatus(RequestGuard::body(s));
            if (st) {
                p.statusOk = true;
                p.status = st.value();
            }
        }
        done();
    });
}

void ClusterPoller::sendEtcdMemberList(int endpointIndex)
{
    if (m_etcdListTried.contains(endpointIndex) || endpointIndex >= m_etcdEndpoints.size())
        return;
    m_etcdListTried.insert(endpointIndex);
    const QString url = m_etcdEndpoints.at(endpointIndex).url;
    QNetworkReply *reply = send("POST", url + QStringLiteral("/v3/cluster/member/list"), QByteArrayLiteral("{}"),
                                MonitorTarget::Auth::None);
    connect(reply, &QNetworkReply::finished, this, [this, reply, endpointIndex] {
        bool ok = false;
        if (replyError(reply).isEmpty() && httpStatus(reply) == 200) {
            auto list = EtcdParser::parseMemberList(RequestGuard::body(reply));
            if (list) {
                ok = true;
                m_etcdMembersOk = true;
                m_etcdMembers = list.value();
                m_preferredEtcd = endpointIndex;
                if (m_etcdMembers.size() > m_target.maxMembers) {
                    addFinding(QCoreApplication::translate("pgha::Monitor", "etcd lists %1 members; only the first %2 are watched")
                                   .arg(m_etcdMembers.size())
                                   .arg(m_target.maxMembers));
                    m_etcdMembers.erase(m_etcdMembers.begin() + m_target.maxMembers, m_etcdMembers.end());
                }
                // Discovery: watch every member's client URL, also those the project did not list.
                for (const EtcdParser::Member &m : std::as_const(m_etcdMembers)) {
                    if (m.clientUrls.isEmpty())
                        continue;
                    bool known = false;
                    for (const MonitorTarget::Endpoint &e : std::as_const(m_etcdEndpoints))
                        known = known || m.clientUrls.contains(e.url) || m.clientUrls.contains(e.url + QLatin1Char('/'));
                    const QUrl cu(m.clientUrls.first());
                    if (cu.scheme() != QLatin1String("http") && cu.scheme() != QLatin1String("https"))
                        continue;
                    if (!known && m_etcdEndpoints.size() >= m_target.maxMembers)
                        continue;
                    if (!known) {
                        m_etcdEndpoints.append({m.name, normUrl(m.clientUrls.first())});
                        m_etcdProbes.append(makeProbe(m.name, normUrl(m.clientUrls.first())));
                        sendEtcdProbe(int(m_etcdProbes.size()) - 1);
                    }
                }
            }
        }
        if (!ok) {
            for (int i = 0; i < m_etcdEndpoints.size(); ++i) {
                if (!m_etcdListTried.contains(i)) {
                    sendEtcdMemberList(i);
                    break;
                }
            }
        }
        done();
    });
}

void ClusterPoller::done()
{
    if (--m_pending == 0)
        assemble();
}

void ClusterPoller::assemble()
{
    PollRound r;
    r.time = QDateTime::currentDateTimeUtc();
    r.pollMs = m_clock.elapsed();
    r.clusterName = m_target.clusterName;
    r.lagThresholdBytes = m_target.lagThresholdBytes;
    r.patroniEndpoints = m_target.patroni;
    r.haproxyWatched = !m_target.haproxy.isEmpty();
    r.seenMembers = m_seenMembers;
    r.seenHosts = m_seenHosts;
    r.etcdEndpoints = m_etcdEndpoints;
    r.config = m_config;
    r.clusterOk = m_clusterOk;
    r.clusterError = m_clusterError;
    r.cluster = m_cluster;
    r.nodes = m_nodes;
    r.etcdMembersOk = m_etcdMembersOk;
    r.etcdMembers = m_etcdMembers;
    r.etcdProbes = m_etcdProbes;
    r.haproxy = m_haproxy;
    r.poolersWatched = !m_target.pgbouncer.isEmpty();
    r.poolers = m_console->poolers();
    r.archiverWatched = m_target.archiver;
    r.archiver = m_console->archiver();
    // The certificates the https endpoints presented: days left, expiry findings, --insecure notes.
    ClusterState tls;
    m_tlsSeen.report(&tls, m_target.certWarnDays, m_target.ignoreTlsErrors);
    r.findings = m_findings + tls.findings;
    r.notes = m_notes + tls.notes;
    r.tls = tls.tls;
    r.certWarnDays = m_target.certWarnDays;
    emit polled(assembleClusterState(r));
}

} // namespace pgha
