#include "monitor/ConsolePolls.h"

#include "core/parse/PgArchiverParser.h"
#include "core/parse/PgBouncerParser.h"

#include <QCoreApplication>
#include <QUrl>

namespace pgha {

ConsolePolls::ConsolePolls(const MonitorTarget &target, std::function<void()> started, std::function<void()> finished,
                           QObject *parent)
    : QObject(parent), m_target(target), m_started(std::move(started)), m_finished(std::move(finished))
{
}

void ConsolePolls::reset()
{
    m_poolers.clear();
    m_archiver = {};
}

void ConsolePolls::sendPooler(const MonitorTarget::Endpoint &e)
{
    PoolerInstance inst;
    inst.name = e.name;
    inst.endpoint = e.url;
    m_poolers.append(inst);
    const int index = int(m_poolers.size()) - 1;
    PgConsoleClient::Options o;
    const int colon = int(e.url.lastIndexOf(QLatin1Char(':')));
    o.host = e.url.left(colon);
    if (o.host.startsWith(QLatin1Char('[')))
        o.host = o.host.mid(1, o.host.size() - 2);
    o.port = e.url.mid(colon + 1).toInt();
    o.user = m_target.poolerUser;
    o.password = m_target.poolerPassword;
    o.tls = m_target.poolerTls;
    o.queries = {QStringLiteral("SHOW POOLS"), QStringLiteral("SHOW STATS")};
    startConsole(o, [this, index](const QList<PgWire::Table> &tables, const QString &error, bool authFailed) {
        PoolerInstance &p = m_poolers[index];
        p.authFailed = authFailed;
        if (!error.isEmpty()) {
            p.error = error;
        } else if (tables.size() == 2) {
            const auto pools = PgBouncerParser::pools(tables.at(0));
            const auto stats = PgBouncerParser::stats(tables.at(1));
            if (pools.ok() && stats.ok()) {
                p.reachable = true;
                p.pools = pools.value();
                p.stats = stats.value();
            } else {
                p.error = pools.ok() ? stats.error().message : pools.error().message;
            }
        } else {
            p.error = QStringLiteral("%1 answers to 2 queries").arg(tables.size());
        }
    });
}

void ConsolePolls::sendArchiver(const PatroniParser::ClusterInfo &cluster)
{
    // Only a leader the design knows, at the design's address and port: the superuser's SCRAM exchange never goes
    // to an address some DCS entry announced.
    for (const MemberState &m : std::as_const(cluster.members)) {
        if (m.isLeader())
            m_archiver.member = m.name;
    }
    QString host;
    for (const MonitorTarget::Endpoint &e : std::as_const(m_target.patroni)) {
        if (!m_archiver.member.isEmpty() && e.name == m_archiver.member)
            host = QUrl(e.url).host();
    }
    if (host.isEmpty()) {
        m_archiver.error = m_archiver.member.isEmpty()
            ? QCoreApplication::translate("pgha::Monitor", "no leader to ask")
            : QCoreApplication::translate("pgha::Monitor", "leader %1 is not in the design").arg(m_archiver.member);
        return;
    }
    PgConsoleClient::Options o;
    o.host = host;
    o.port = m_target.pgPort;
    o.user = m_target.pgUser;
    o.password = m_target.pgPassword;
    o.database = QStringLiteral("postgres");
    o.tls = m_target.pgTls;
    o.queries = {PgArchiverParser::query()};
    startConsole(o, [this](const QList<PgWire::Table> &tables, const QString &error, bool) {
        if (!error.isEmpty()) {
            m_archiver.error = error;
        } else {
            const auto st = tables.size() == 1 ? PgArchiverParser::parse(tables.first())
                                               : Result<ArchiverStatus>(Error(QStringLiteral("no answer")));
            m_archiver.read = st.ok();
            if (st.ok())
                m_archiver.status = st.value();
            else
                m_archiver.error = st.error().message;
        }
    });
}

void ConsolePolls::startConsole(PgConsoleClient::Options o,
                                std::function<void(const QList<PgWire::Table> &, const QString &, bool)> answer)
{
    o.caCertificates = m_target.caCertificates;
    o.ignoreTlsErrors = m_target.ignoreTlsErrors;
    o.timeoutMs = m_target.timeoutMs;
    m_started();
    auto *client = new PgConsoleClient(std::move(o), this);
    connect(client, &PgConsoleClient::finished, this,
            [this, client, answer = std::move(answer)](const QList<PgWire::Table> &tables, const QString &error,
                                                       bool authFailed) {
                answer(tables, error, authFailed);
                client->deleteLater();
                m_finished();
            });
    client->start();
}

} // namespace pgha
